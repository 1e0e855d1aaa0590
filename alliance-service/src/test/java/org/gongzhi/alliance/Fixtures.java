package org.gongzhi.alliance;

import org.gongzhi.devstack.KafkaProbe;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.Topics;

/** Shared test data: organisations, rules, requests as request-service publishes them, rows from the database. */
public final class Fixtures {
    public static final String SUBMITTED = "gongzhi.request.submitted.v1";

    private Fixtures() {
    }

    /** Registers an organisation unless it exists. */
    public static void organisation(String id, String name, String type) {
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"id": "%s", "name": "%s", "nameEn": "%s", "type": "%s"}""".formatted(id, name, id, type))
                .post("/api/organisations")
                .then().statusCode(anyOf(is(201), is(409)));
    }

    /** The walking skeleton's alliance: property management leads leaks, the water utility supports. */
    public static void leakAlliance() {
        organisation("property", "和平物业", "PROPERTY_MANAGEMENT");
        organisation("water", "自来水公司", "UTILITY");
        organisation("police", "社区警务室", "POLICE");
        if (count("select count(*) from routing_rule where category = 'water-leak' and lead = 'property'") == 0) {
            rule("water-leak", List.of(), "property", List.of("water"), 10);
        }
    }

    public static String rule(String category, List<String> buildings, String lead, List<String> supporting,
            int priority) {
        return given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("""
                        {"category": "%s", "buildings": %s, "lead": "%s", "supporting": %s, "priority": %d}"""
                        .formatted(category, json(buildings), lead, json(supporting), priority))
                .post("/api/routing-rules")
                .then().statusCode(201).extract().path("id");
    }

    private static String json(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add("\"" + v + "\""));
        return "[" + String.join(", ", quoted) + "]";
    }

    /** A request.submitted event's data as request-service writes it. */
    public static String submitted(String requestId, String category, String building, Instant respondBy,
            Instant resolveBy, String... tracks) {
        List<String> t = tracks.length == 0 ? List.of("ALLIANCE") : List.of(tracks);
        return """
                {"communityId": "hepingli", "requestId": "%s", "category": "%s", "building": "%s", "unit": "2",
                 "place": null, "urgency": "HIGH", "tracks": %s, "description": "Water drips from the ceiling",
                 "channel": "app", "respondBy": "%s", "resolveBy": "%s", "submittedAt": "%s"}"""
                .formatted(requestId, category, building, json(t), respondBy, resolveBy, Instant.now());
    }

    /** Publishes a submitted request and returns the CloudEvents id it used. */
    public static String submit(String requestId, String category, String building, Instant respondBy,
            Instant resolveBy) {
        String ceId = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.REQUESTS, requestId, ceId, SUBMITTED,
                submitted(requestId, category, building, respondBy, resolveBy));
        return ceId;
    }

    /** Waits until the alliance holds {@code tasks} tasks for the request, and returns its case as JSON. */
    public static io.restassured.path.json.JsonPath awaitCase(String requestId, int tasks) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                count("select count(*) from task where request_id = '" + requestId + "'") >= tasks);
        return given().auth().oauth2(DevTokens.worker()).get("/api/cases/" + requestId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The id of the task the organisation holds on the request (the latest one). */
    public static String taskOf(String requestId, String organisationId) {
        return text("select id from task where request_id = '" + requestId + "' and organisation_id = '"
                + organisationId + "' order by round desc, assigned_at desc limit 1");
    }

    /** The parties of a request as "org:ROLE" in a stable order, e.g. "police:SUPPORT,property:LEAD". */
    public static String parties(String requestId) {
        return text("select string_agg(organisation_id || ':' || role, ',' order by organisation_id) from task "
                + "where request_id = '" + requestId + "'");
    }

    /**
     * Publishes a building of a community as the estate registry does and waits until the alliance's copy has it
     * (tests of another community than the demo's, whose buildings come from the test-estate migration).
     */
    public static void building(String community, String code) {
        org.gongzhi.devstack.KafkaProbe.publish(org.gongzhi.events.Topics.ESTATE_BUILDINGS, community + "/" + code,
                UUID.randomUUID().toString(), "gongzhi.estate.building.registered.v1", """
                        {"communityId": "%s", "code": "%s", "name": "%s号楼", "floors": 6, "gridX": 0, "gridY": 0,
                         "units": [], "version": 1, "changedAt": "2026-12-07T08:00:00Z"}""".formatted(community, code,
                        code));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from estate_building where community_id = '" + community + "' and code = '" + code
                        + "' and not removed") == 1);
    }

    /** A worker's token for another community than the default one. */
    public static String workerOf(String community) {
        return DevTokens.token("worker", "worker-of-" + community, java.util.Map.of("community", community));
    }

    /** Runs a statement against the alliance database (test data written directly); answers the rows affected. */
    public static int execute(String sql) {
        var stack = DevstackResource.stack();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("alliance"), stack.username(), stack.password());
                Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql) {
        var stack = DevstackResource.stack();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("alliance"), stack.username(), stack.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String sql) {
        var stack = DevstackResource.stack();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("alliance"), stack.username(), stack.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, in the order the query gives them. */
    public static List<String> texts(String sql) {
        var stack = DevstackResource.stack();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("alliance"), stack.username(), stack.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
