package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
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

        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
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
    }
}
