package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;

/**
 * Shared test data: the buildings requests are filed in, tokens of another community, and rows written or counted
 * straight in the database.
 */
public final class Fixtures {
    private Fixtures() {
    }

    static void building(String code) {
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("""
                        {"code": "%s", "name": "%s号楼", "floors": 6, "gridX": 1, "gridY": 0,
                         "units": [{"code": "1", "households": [{"code": "101", "floorArea": 62.5}]},
                                   {"code": "2", "households": [{"code": "201", "floorArea": 70}]}]}
                        """.formatted(code, code))
                .post("/api/estate/buildings")
                .then().statusCode(anyOf(is(201), is(409)));
    }

    /** A named place of the default community, registered through the API (again: left as it is). */
    static void place(String code, String name) {
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "nameEn", code))
                .put("/api/estate/places/" + code)
                .then().statusCode(anyOf(is(201), is(200)));
    }

    /** A worker's token for the given community. */
    public static String workerOf(String community) {
        return DevTokens.token("worker", "worker-of-" + community, Map.of("community", community));
    }

    /** A resident's token for the given community. */
    public static String residentOf(String community, String id) {
        return DevTokens.token("resident", id, Map.of("community", community));
    }

    /** Test data written straight into the requests database. */
    public static void sql(String statement) {
        var stack = DevstackResource.stack();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("requests"), stack.username(), stack.password());
                Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql) {
        var stack = DevstackResource.stack();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("requests"), stack.username(), stack.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
