package org.gongzhi.request.estate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.Test;

/** Communities in the registry: registered or changed by one call, published on their compacted topic. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class CommunityRegistryTest {

    private static String community(String name, String nameEn, String subdistrict) {
        return """
                {"name": "%s", "nameEn": "%s",
                 "subdistrict": {"id": "%s", "name": "和平里街道", "nameEn": "Hepingli Sub-district"}}"""
                .formatted(name, nameEn, subdistrict);
    }

    @Test
    void theDefaultCommunityIsSeededUnderItsSubDistrictAndPublished() {
        JsonPath seeded = JsonPath.from(KafkaProbe.records(Topics.ESTATE_COMMUNITIES, "hepingli",
                found -> !found.isEmpty()).get(0).value());
        assertThat(seeded.getString("name")).isEqualTo("和平里社区");
        assertThat(seeded.getString("subdistrict.id")).isEqualTo("hepingli-subdistrict");
        assertThat(seeded.getLong("version")).isEqualTo(1);
        given().auth().oauth2(DevTokens.worker()).get("/api/estate/communities").then().statusCode(200)
                .body("find { it.id == 'hepingli' }.subdistrict.nameEn", equalTo("Hepingli Sub-district"));
    }

    @Test
    void aSubDistrictOfficeRegistersItsCommunityAndChangesIt() {
        String id = "qn-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(DevTokens.subdistrict()).contentType(ContentType.JSON)
                .body(community("青年湖社区", "Qingnianhu community", DevTokens.SUBDISTRICT))
                .put("/api/estate/communities/" + id).then().statusCode(201)
                .body("id", equalTo(id)).body("version", equalTo(1));
        var first = KafkaProbe.records(Topics.ESTATE_COMMUNITIES, id, found -> !found.isEmpty()).get(0);
        assertThat(KafkaProbe.header(first, "ce_type")).isEqualTo("gongzhi.estate.community.registered.v1");
        assertThat(first.value()).contains("\"nameEn\":\"Qingnianhu community\"", "\"version\":1");

        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body(community("青年湖社区居委会辖区", "Qingnianhu community", DevTokens.SUBDISTRICT))
                .put("/api/estate/communities/" + id).then().statusCode(200).body("version", equalTo(2));
        assertThat(KafkaProbe.records(Topics.ESTATE_COMMUNITIES, id, found -> found.size() >= 2).get(1).value())
                .contains("\"version\":2", "青年湖社区居委会辖区");

        given().auth().oauth2(DevTokens.subdistrict()).get("/api/estate/communities").then().statusCode(200)
                .body("id", hasItem(id)).body("id", hasItem("hepingli"));
        given().auth().oauth2(DevTokens.subdistrict("andingmen-subdistrict")).get("/api/estate/communities").then()
                .statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void badInputNamesTheFieldAndOthersAreRefused() {
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body(community("", "Qingnianhu community", DevTokens.SUBDISTRICT))
                .put("/api/estate/communities/qingnianhu-x").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("name"));
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body(community("青年湖社区", "Qingnianhu community", "Not An Id"))
                .put("/api/estate/communities/qingnianhu-x").then().statusCode(400)
                .body("errors.field", hasItem("subdistrict.id"));
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body(community("青年湖社区", "Qingnianhu community", DevTokens.SUBDISTRICT))
                .put("/api/estate/communities/Qing Nian").then().statusCode(400).body("errors.field", hasItem("id"));
        // another sub-district's office may not register under this one; a worker may not register at all
        given().auth().oauth2(DevTokens.subdistrict("andingmen-subdistrict")).contentType(ContentType.JSON)
                .body(community("青年湖社区", "Qingnianhu community", DevTokens.SUBDISTRICT))
                .put("/api/estate/communities/qingnianhu-x").then().statusCode(403);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(community("青年湖社区", "Qingnianhu community", DevTokens.SUBDISTRICT))
                .put("/api/estate/communities/qingnianhu-x").then().statusCode(403);
        // the sub-district office reads nothing else
        given().auth().oauth2(DevTokens.subdistrict()).get("/api/requests").then().statusCode(403);
        given().auth().oauth2(DevTokens.subdistrict()).get("/api/estate/buildings").then().statusCode(403);
    }
}
