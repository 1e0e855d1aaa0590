package org.gongzhi.alliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.OpenApiDocument;
import org.junit.jupiter.api.Test;

/** The API document an integrator reads is valid OpenAPI 3.1 by the OpenAPI Initiative's own schema. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class OpenApiTest {
    @Test
    void theDocumentIsValidOpenApi31AndShowsEveryRefusalAsAProblem() {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(json).getString("openapi")).startsWith("3.1.");
        assertThat(OpenApiDocument.problems(json)).as("problems by the OpenAPI 3.1 schema").isEmpty();
        assertThat(OpenApiDocument.unrefused(json)).as("refusals without a problem+json body").isEmpty();
        assertThat(JsonPath.from(json).getMap("components.schemas.Problem.properties")).containsKeys("title",
                "status", "detail", "errors");
        // a task's status and role are the published vocabulary's, whose UNKNOWN is no value of the API
        assertThat(JsonPath.from(json).getList("components.schemas.TaskStatus.enum", String.class))
                .containsExactly("ASSIGNED", "ACKNOWLEDGED", "IN_PROGRESS", "COMPLETED", "DECLINED", "CANCELLED");
        assertThat(JsonPath.from(json).getList("components.schemas.TaskRole.enum", String.class))
                .containsExactly("LEAD", "SUPPORT");
    }
}
