package org.gongzhi.volunteer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;

/** Setting up teams, buildings and volunteers through the API, and reading what went out on the topic. */
public final class Fixtures {
    /** Free at any hour of the week. */
    public static final String ALWAYS = """
            [{"day": "MON", "from": "00:00", "to": "24:00"}, {"day": "TUE", "from": "00:00", "to": "24:00"},
             {"day": "WED", "from": "00:00", "to": "24:00"}, {"day": "THU", "from": "00:00", "to": "24:00"},
             {"day": "FRI", "from": "00:00", "to": "24:00"}, {"day": "SAT", "from": "00:00", "to": "24:00"},
             {"day": "SUN", "from": "00:00", "to": "24:00"}]""";

    private Fixtures() {
    }

    /** A worker's token for another community than the default one. */
    public static String workerOf(String community) {
        return DevTokens.token("worker", "worker-of-" + community, Map.of("community", community));
    }

    /** A volunteer's token for another community than the default one. */
    public static String volunteerOf(String community, String volunteerId) {
        return DevTokens.token("volunteer", "volunteer-" + volunteerId,
                Map.of("community", community, "volunteer", volunteerId));
    }

    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /**
     * Places a building on the grid as the estate registry does: its record on {@code gongzhi.estate.buildings}, with a
     * version newer than any before; returns once volunteer-service's copy has it.
     */
    public static void building(String code, int x, int y) {
        building("hepingli", code, x, y);
    }

    /** A building of {@code community}'s estate, as the registry publishes it; returns once the grid has it. */
    public static void building(String community, String code, int x, int y) {
        long version = System.currentTimeMillis();
        KafkaProbe.publish(Topics.ESTATE_BUILDINGS, community + "/" + code, UUID.randomUUID().toString(),
                "gongzhi.estate.building.registered.v1", """
                        {"communityId": "%s", "code": "%s", "name": "%s号楼", "floors": 6, "gridX": %d,
                         "gridY": %d, "units": [], "version": %d, "changedAt": "2026-12-07T08:00:00Z"}"""
                        .formatted(community, code, code, x, y, version));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> gridVersion(community, code) >= version);
    }

    /** The skill volunteer-service's copy of the catalogue names for a category; null if it has none. */
    public static String skillOf(String category) {
        var stack = org.gongzhi.devstack.DevstackResource.stack();
        try (var c = java.sql.DriverManager.getConnection(stack.jdbcUrl("volunteers"), stack.username(),
                stack.password());
                var s = c.prepareStatement("select skill from category_skill where code = ?")) {
            s.setString(1, category);
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version of the building in volunteer-service's copy of the grid; 0 if it has none. */
    public static long gridVersion(String code) {
        return gridVersion("hepingli", code);
    }

    /** The version of {@code community}'s building on volunteer-service's grid; 0 if it is not there. */
    public static long gridVersion(String community, String code) {
        var stack = org.gongzhi.devstack.DevstackResource.stack();
        try (var c = java.sql.DriverManager.getConnection(stack.jdbcUrl("volunteers"), stack.username(),
                stack.password());
                var s = c.prepareStatement("select version from building where community_id = ? and code = ? and not removed")) {
            s.setString(1, community);
            s.setString(2, code);
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void team(String id, String leader) {
        as(DevTokens.worker()).body("{\"id\": \"%s\", \"name\": \"队 %s\", \"leader\": %s}".formatted(id, id,
                leader == null ? "null" : "\"" + leader + "\"")).post("/api/teams")
                .then().statusCode(anyOf(equalTo(201), equalTo(409)));
    }

    public static void volunteer(String id, String team, String building, String skill) {
        as(DevTokens.worker()).body("""
                {"id": "%s", "name": "志愿者 %s", "team": "%s", "building": "%s", "skills": ["%s"],
                 "availability": %s, "maxTasksPerWeek": 5}""".formatted(id, id, team, building, skill, ALWAYS))
                .post("/api/volunteers").then().statusCode(201);
    }

    /** The records of one type on gongzhi.volunteering for a key, once at least {@code count} are there. */
    public static List<ConsumerRecord<String, String>> events(String key, String type, int count) {
        return KafkaProbe.records(Topics.VOLUNTEERING, key, found -> found.stream()
                .filter(r -> type.equals(KafkaProbe.header(r, "ce_type"))).count() >= count).stream()
                .filter(r -> type.equals(KafkaProbe.header(r, "ce_type"))).toList();
    }
}
