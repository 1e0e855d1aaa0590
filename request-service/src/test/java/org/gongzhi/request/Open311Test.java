package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GeoReport v2, field by field as the spec names them. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class Open311Test {

    @BeforeEach
    void estate() {
        Fixtures.building("7");
    }

    @Test
    void servicesListTheCategories() {
        given().get("/open311/v2/services.json").then().statusCode(200)
                .body("service_code", hasItem("water-leak"))
                .body("find { it.service_code == 'water-leak' }.service_name", equalTo("Water leak 漏水"))
                .body("find { it.service_code == 'water-leak' }.metadata", equalTo(false))
                .body("find { it.service_code == 'water-leak' }.type", equalTo("realtime"));
        given().get("/open311/v2/services/noise.json").then().statusCode(200)
                .body("service_code", equalTo("noise")).body("attributes", hasSize(0));
        given().get("/open311/v2/services/alien.json").then().statusCode(404)
                .body("[0].code", equalTo(404)).body("[0].description", notNullValue());
    }

    @Test
    void anIntegratorCreatesARequestAndReadsItBackInSpecFields() {
        String id = given().formParam("api_key", "test-key").formParam("service_code", "blocked-drain")
                .formParam("description", "Drain at the north gate overflows").formParam("address_id", "7-1-101")
                .formParam("phone", "13800138000").formParam("attribute[hotline_ticket]", "12345-2026-000042")
                .post("/open311/v2/requests.json")
                .then().statusCode(201)
                .body("[0].service_request_id", notNullValue())
                .body("[0].service_notice", notNullValue())
                .extract().path("[0].service_request_id");

        // the integrator that filed it reads it in full with its key (never the phone)
        given().get("/open311/v2/requests/" + id + ".json?api_key=test-key").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].service_request_id", equalTo(id))
                .body("[0].status", equalTo("open"))
                .body("[0].service_code", equalTo("blocked-drain"))
                .body("[0].service_name", equalTo("Blocked drain 下水道堵塞"))
                .body("[0].description", equalTo("Drain at the north gate overflows"))
                .body("[0].agency_responsible", equalTo("社区居委会 Community office"))
                .body("[0].requested_datetime", notNullValue())
                .body("[0].updated_datetime", notNullValue())
                .body("[0].expected_datetime", notNullValue())
                .body("[0].address", equalTo("7号楼1单元101"))
                .body("[0].address_id", equalTo("7-1-101"))
                .body("[0].gongzhi_status", equalTo("SUBMITTED"))
                .body("[0].phone", nullValue());
        // anyone else: the building, no unit or household, no description (the resident did not agree)
        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].address", equalTo("7号楼"))
                .body("[0].address_id", equalTo("7"))
                .body("[0].description", nullValue())
                .body("[0].service_code", equalTo("blocked-drain"));

        Tracks.assign(id, "t-" + UUID.randomUUID(), "property");
        given().get("/open311/v2/requests.json?service_request_id=" + id).then().statusCode(200)
                .body("[0].agency_responsible", equalTo("和平物业"))
                .body("[0].gongzhi_status", equalTo("ASSIGNED"));
        given().get("/open311/v2/requests.json?status=open&service_code=blocked-drain").then().statusCode(200)
                .body("service_request_id", hasItem(id));
        given().get("/open311/v2/tokens/" + id + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(id)).body("[0].token", equalTo(id));
    }

    @Test
    void errorsUseTheSpecFormat() {
        given().formParam("api_key", "wrong").formParam("service_code", "noise").formParam("description", "loud")
                .formParam("address_id", "7").post("/open311/v2/requests.json")
                .then().statusCode(403).body("[0].code", equalTo(403));
        given().formParam("api_key", "test-key").formParam("service_code", "alien").formParam("description", "Something odd")
                .formParam("address_id", "7").post("/open311/v2/requests.json")
                .then().statusCode(400).body("[0].code", equalTo(400)).body("[0].description",
                        org.hamcrest.Matchers.containsString("category"));
        given().get("/open311/v2/requests.json?status=maybe").then().statusCode(400).body("[0].code", equalTo(400));
        given().get("/open311/v2/requests.json?start_date=yesterday").then().statusCode(400);
        given().get("/open311/v2/requests/" + UUID.randomUUID() + ".json").then().statusCode(404)
                .body("[0].code", equalTo(404));
        given().get("/open311/v2/requests.json?api_key=stolen").then().statusCode(403).body("[0].code", equalTo(403));
        given().formParam("api_key", "test-key").formParam("service_code", "noise").formParam("description", "Loud")
                .formParam("address_id", "7").formParam("attribute[public_description]", "maybe")
                .post("/open311/v2/requests.json")
                .then().statusCode(400).body("[0].description", org.hamcrest.Matchers.containsString(
                        "attribute[public_description]: must be true or false"));
    }

    @Test
    void anonymousReadersSeeNoUnitHouseholdPhoneOrName() {
        String resident = DevTokens.resident("resident-" + UUID.randomUUID());
        String agreed = given().auth().oauth2(resident).contentType(ContentType.JSON).body("""
                        {"category": "water-leak", "description": "我叫张伟，电话 139-1234-5678，王阿姨家楼上漏水",
                         "building": "7", "unit": "1", "household": "101", "contactPhone": "13912345678",
                         "publicDescription": true}""")
                .post("/api/requests").then().statusCode(201).extract().path("id");
        String kept = given().auth().oauth2(resident).contentType(ContentType.JSON).body("""
                        {"category": "water-leak", "description": "My name is Ann Lee, call 13912345678",
                         "building": "7", "unit": "1", "household": "101"}""")
                .post("/api/requests").then().statusCode(201).extract().path("id");

        String body = given().get("/open311/v2/requests.json?service_request_id=" + agreed + "," + kept)
                .then().statusCode(200).body("", hasSize(2))
                .body("find { it.service_request_id == '%s' }.description".formatted(agreed),
                        equalTo("我叫[姓名]，电话 [电话]，某阿姨家楼上漏水"))
                .body("find { it.service_request_id == '%s' }.description".formatted(kept), nullValue())
                .body("address", everyItem(equalTo("7号楼")))
                .body("address_id", everyItem(equalTo("7")))
                .extract().asString();
        assertThat(body).doesNotContain("张伟", "王阿姨", "Ann Lee", "13912345678", "139-1234-5678", "7-1-101",
                "1单元");
        // the list without ids (the last 90 days) is the same public view
        assertThat(given().get("/open311/v2/requests.json?service_code=water-leak").then().statusCode(200)
                .extract().asString()).doesNotContain("张伟", "13912345678", "7-1-101", "Ann Lee");
    }

    @Test
    void aJurisdictionIsOneOfTheDeploymentsCommunitiesAndSeesOnlyItsOwnRequests() {
        String community = "qn-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body("""
                        {"name": "青年湖社区", "nameEn": "Qingnianhu community",
                         "subdistrict": {"id": "%s", "name": "和平里街道", "nameEn": "Hepingli Sub-district"}}"""
                        .formatted(DevTokens.SUBDISTRICT))
                .put("/api/estate/communities/" + community).then().statusCode(201);
        given().auth().oauth2(Fixtures.workerOf(community)).contentType(ContentType.JSON).body("""
                        {"code": "7", "name": "7号楼", "floors": 6, "gridX": 1, "gridY": 0,
                         "units": [{"code": "1", "households": [{"code": "101", "floorArea": 62.5}]}]}""")
                .post("/api/estate/buildings").then().statusCode(201);

        String id = given().formParam("api_key", "test-key").formParam("jurisdiction_id", community)
                .formParam("service_code", "water-leak").formParam("description", "Ceiling drips")
                .formParam("address_id", "7-1-101").post("/open311/v2/requests.json")
                .then().statusCode(201).extract().path("[0].service_request_id");
        given().get("/open311/v2/requests/" + id + ".json?jurisdiction_id=" + community).then().statusCode(200)
                .body("[0].address", equalTo("7号楼")).body("[0].service_code", equalTo("water-leak"));
        given().get("/open311/v2/requests.json?service_code=water-leak&jurisdiction_id=" + community)
                .then().statusCode(200).body("service_request_id", hasItem(id));
        // the same request is not the default community's (nor does a worker of it see it)
        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(404).body("[0].code", equalTo(404));
        given().get("/open311/v2/requests.json?service_code=water-leak").then().statusCode(200)
                .body("service_request_id", not(hasItem(id)));
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then().statusCode(404);
        given().auth().oauth2(Fixtures.workerOf(community)).get("/api/requests/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("building", equalTo("7"));

        // a jurisdiction the deployment does not have: 404 in the spec's format, and nothing filed
        long before = Fixtures.count("select count(*) from resident_request");
        given().formParam("api_key", "test-key").formParam("jurisdiction_id", "atlantis")
                .formParam("service_code", "noise").formParam("description", "Loud").formParam("address_id", "7")
                .post("/open311/v2/requests.json").then().statusCode(404)
                .body("[0].code", equalTo(404)).body("[0].description", containsString("jurisdiction_id 'atlantis'"));
        assertThat(Fixtures.count("select count(*) from resident_request")).isEqualTo(before);
        given().get("/open311/v2/services.json?jurisdiction_id=atlantis").then().statusCode(404)
                .body("[0].code", equalTo(404));
        given().get("/open311/v2/requests.json?jurisdiction_id=atlantis").then().statusCode(404);
        given().get("/open311/v2/services.json?jurisdiction_id=" + community).then().statusCode(200)
                .body("service_code", hasItem("water-leak"));
    }

    @Test
    void aRequestAtANamedPlaceIsFiledByThePlacesNameAndShownByIt() {
        Fixtures.place("north-square", "北广场");
        // a 12345 platform's form, in UTF-8
        String id = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("api_key", "test-key").formParam("service_code", "blocked-drain")
                .formParam("description", "Drain overflows").formParam("address_string", "北广场")
                .post("/open311/v2/requests.json").then().log().ifValidationFails().statusCode(201).extract().path("[0].service_request_id");
        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].address", equalTo("北广场")).body("[0].address_id", nullValue());
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then().statusCode(200)
                .body("place", equalTo("north-square"));
        // words that are no place of the community are refused, naming the field
        given().formParam("api_key", "test-key").formParam("service_code", "blocked-drain")
                .formParam("description", "Drain overflows").formParam("address_string", "somewhere else")
                .post("/open311/v2/requests.json").then().statusCode(400)
                .body("[0].description", containsString("place"));
    }
}
