package org.gongzhi.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gongzhi.bench.SystemUnderTest;
import org.gongzhi.devstack.DevStack;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.events.EventType;
import org.gongzhi.events.RequestStatus;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.Topics;

/**
 * Reads what the system holds after a scenario, as an outsider: every topic and dead-letter topic with a plain consumer
 * (from where they ended when the scenario began), every service's database over JDBC, and the dashboard's stream.
 */
final class Evidence {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where every topic ended when a scenario began: its records are the ones after. */
    record Window(Map<TopicPartition, Long> start) {
    }

    private final SystemUnderTest system;

    Evidence(SystemUnderTest system) {
        this.system = system;
    }

    /** The end of every topic and dead-letter topic now. */
    Window begin() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            return new Window(ends);
        }
    }

    /** The last event notification-service logged: the dashboard's stream is followed from there. */
    long dashboardHead() {
        try (Connection c = connect("notifications");
                ResultSet rs = c.createStatement().executeQuery("select coalesce(max(seq), 0) from event_log")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read notification-service's event log", e);
        }
    }

    /** Everything about the scenario whose window is {@code window}. */
    Observations read(Window window, Map<String, Boolean> accepted, DashboardWatch dashboard,
            Set<String> expectedDeadLetters) {
        Map<String, Set<String>> leadOnTopic = new HashMap<>();
        Map<String, List<RequestStatus>> statuses = new HashMap<>();
        Set<String> onTopics = new HashSet<>();
        List<Observations.DeadLetter> deadLetters = new ArrayList<>();
        scan(window, r -> {
            String id = header(r, "ce_id");
            String type = header(r, "ce_type");
            if (r.topic().endsWith(".dlq")) {
                String from = header(r, "dead-letter-topic");
                deadLetters.add(new Observations.DeadLetter(from == null ? r.topic() : from, id,
                        String.valueOf(header(r, "dead-letter-reason"))));
                return;
            }
            JsonNode data = parse(r.value());
            if (id != null && onTheWatchedDashboard(data)) {
                onTopics.add(id);
            }
            if (data == null || type == null) {
                return;
            }
            if (type.equals(EventType.TASK_ASSIGNED.ceType())
                    && TaskRole.of(data.path("role").asText()) == TaskRole.LEAD) {
                leadOnTopic.computeIfAbsent(data.path("requestId").asText(), k -> new LinkedHashSet<>())
                        .add(data.path("taskId").asText());
            }
            RequestStatus status = type.equals(EventType.REQUEST_SUBMITTED.ceType()) ? RequestStatus.SUBMITTED
                    : type.equals(EventType.REQUEST_STATUS_CHANGED.ceType())
                            ? RequestStatus.of(data.path("to").asText())
                    : type.equals(EventType.REQUEST_ACKNOWLEDGED.ceType())
                            ? RequestStatus.of(data.path("status").asText()) : null;
            if (status != null) {
                statuses.computeIfAbsent(data.path("requestId").asText(r.key()), k -> new ArrayList<>()).add(status);
            }
        });

        List<String> ids = List.copyOf(accepted.keySet());
        Set<String> stored = new HashSet<>();
        Map<String, Integer> leadStored = new HashMap<>();
        Map<String, Map<String, RequestStatus>> readModels = new HashMap<>();
        List<Observations.Effect> effects = new ArrayList<>();
        List<String> undelivered = new ArrayList<>();
        try (Connection requests = connect("requests"); Connection alliance = connect("alliance");
                Connection notifications = connect("notifications")) {
            Map<String, RequestStatus> requestService = new HashMap<>();
            query(requests, "select id::text, status from resident_request where id::text = any(?)", ids, rs -> {
                stored.add(rs.getString(1));
                requestService.put(rs.getString(1), RequestStatus.of(rs.getString(2)));
            });
            readModels.put("request-service", requestService);
            query(requests, "select request_id::text, kind, text, coalesce(actor, '') from timeline_entry "
                    + "where request_id::text = any(?)", ids, rs -> effects.add(new Observations.Effect(
                            "timeline entry", rs.getString(1), rs.getString(2) + " " + rs.getString(3) + " "
                                    + rs.getString(4))));
            query(alliance, "select request_id, round, count(*) from task where role = 'LEAD' and request_id = any(?) "
                    + "group by request_id, round", ids,
                    rs -> leadStored.merge(rs.getString(1), rs.getInt(3), Math::max));
            Map<String, RequestStatus> board = new HashMap<>();
            query(notifications, "select request_id, status from request_board where request_id = any(?)", ids,
                    rs -> board.put(rs.getString(1), RequestStatus.of(rs.getString(2))));
            readModels.put("the dashboard's request board", board);
            query(notifications, "select request_id, resident_id, kind, title, body from notice "
                    + "where request_id = any(?)", ids, rs -> effects.add(new Observations.Effect("notice",
                            rs.getString(1), rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                                    + rs.getString(5))));
            query(notifications, "select payload::jsonb -> 'data' ->> 'requestId', endpoint_id::text, event_type, "
                    + "(payload::jsonb -> 'data')::text, status, message_id from webhook_delivery "
                    + "where payload::jsonb -> 'data' ->> 'requestId' = any(?)", ids, rs -> {
                        effects.add(new Observations.Effect("webhook message", rs.getString(1),
                                rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)));
                        if (!"SUCCEEDED".equals(rs.getString(5))) {
                            undelivered.add(rs.getString(6) + " (" + rs.getString(5) + ")");
                        }
                    });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the services' databases", e);
        }
        return new Observations(accepted, stored, leadOnTopic, leadStored, dashboard.submitted(), statuses,
                readModels, effects, onTopics, dashboard.eventIds(), deadLetters, expectedDeadLetters, undelivered);
    }

    /**
     * Whether an event belongs on the dashboard the suite watches: the demo community's (a worker's stream carries its
     * own community's events only). The demo's second community goes on living during a scenario — its late ticket is
     * escalated, its deadlines pass — and its events are rightly never on this stream. An event whose data cannot be
     * read, or that names no community or every community ({@code *}), is expected there.
     */
    private static boolean onTheWatchedDashboard(JsonNode data) {
        if (data == null || !data.hasNonNull("communityId")) {
            return true;
        }
        String community = data.get("communityId").asText();
        return community.equals(DevTokens.COMMUNITY) || community.equals("*");
    }

    /** The ids of every record on the topics (not the dead-letter ones) of the watched dashboard since the window began. */
    Set<String> eventIds(Window window) {
        Set<String> ids = new HashSet<>();
        scan(window, r -> {
            String id = header(r, "ce_id");
            if (!r.topic().endsWith(".dlq") && id != null && onTheWatchedDashboard(parse(r.value()))) {
                ids.add(id);
            }
        });
        return ids;
    }

    private void scan(Window window, java.util.function.Consumer<ConsumerRecord<String, String>> each) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            consumer.assign(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition tp : partitions) {
                long from = window.start().getOrDefault(tp, 0L);
                long end = ends.getOrDefault(tp, 0L);
                if (end > from) {
                    consumer.seek(tp, from);
                    remaining.put(tp, end);
                }
            }
            consumer.pause(partitions.stream().filter(tp -> !remaining.containsKey(tp)).toList());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long end = remaining.get(tp);
                    if (end == null || r.offset() >= end) {
                        continue;
                    }
                    each.accept(r);
                    if (r.offset() + 1 >= end) {
                        remaining.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
            }
            if (!remaining.isEmpty()) {
                throw new IllegalStateException("could not read the topics to their end: " + remaining.keySet());
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        Set<String> existing = consumer.listTopics(Duration.ofSeconds(30)).keySet();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.ALL) {
            for (String t : List.of(topic, Topics.deadLetter(topic))) {
                if (existing.contains(t)) {
                    consumer.partitionsFor(t, Duration.ofSeconds(30))
                            .forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
        }
        return partitions;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(system.jdbcUrl(database), DevStack.USER, DevStack.PASSWORD);
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, List<String> ids, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("text", ids.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (Exception e) {
            return null;
        }
    }
}
