package org.gongzhi.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.junit.jupiter.api.Test;

/**
 * What the console page needs of every service, shown here on this one (the setting is platform's, shared): where the
 * other APIs are, and cross-origin calls allowed for the console's origins only.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class ConsoleAccessTest {

    @Test
    void thePageLearnsWhereTheOtherServicesAreBeforeSigningIn() {
        given().get("/api/console/config").then().statusCode(200)
                .body("requestApi", equalTo("http://localhost:8081"))
                .body("allianceApi", equalTo("http://localhost:8082"))
                .body("volunteerApi", equalTo("http://localhost:8083"));
    }

    @Test
    void theConsolesOriginMayCallWithABearerTokenAndAnotherOriginMayNot() {
        given().header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/dashboard/requests").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", "http://localhost:8080").auth().oauth2(DevTokens.worker())
                .get("/api/dashboard/buildings").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8080");

        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/dashboard/requests").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").auth().oauth2(DevTokens.worker())
                .get("/api/dashboard/buildings").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
