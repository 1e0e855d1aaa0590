package org.gongzhi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.events.EventType;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.Topics;

/**
 * What a party and the dispatcher see: a plain consumer on the tasks topic (the lead party's task assigned, by key =
 * request id) and the notification-service's live stream (the request's submitted event, as the dashboard gets it).
 * Both run for the whole bench, across runs.
 */
public final class Probes implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASSIGNED = EventType.TASK_ASSIGNED.ceType();
    private static final String SUBMITTED = EventType.REQUEST_SUBMITTED.ceType();

    private final Tracker tracker;
    private final SystemUnderTest system;
    private final AtomicLong submittedRecords = new AtomicLong();
    private final AtomicLong submittedBytes = new AtomicLong();
    private final AtomicLong streamLines = new AtomicLong();
    private final CountDownLatch kafkaReady = new CountDownLatch(1);
    private final CountDownLatch streamOpen = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Stream<String> stream;
    private volatile String streamFailure;
    private final List<Thread> threads = new ArrayList<>();

    public Probes(SystemUnderTest system, Tracker tracker) {
        this.system = system;
        this.tracker = tracker;
    }

    public void start() {
        threads.add(daemon("bench-tasks-probe", this::consumeTasks));
        threads.add(daemon("bench-stream-probe", this::followStream));
        try {
            if (!kafkaReady.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the tasks consumer did not get its partitions within 60 s");
            }
            if (!streamOpen.await(60, TimeUnit.SECONDS) || streamFailure != null) {
                throw new IllegalStateException("cannot open the dashboard stream: " + streamFailure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Mean size of a request.submitted record's value (bytes) seen so far, or {@code fallback}. */
    public int meanSubmittedRecordBytes(int fallback) {
        long n = submittedRecords.get();
        return n == 0 ? fallback : (int) (submittedBytes.get() / n);
    }

    private void consumeTasks() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.TASKS, Topics.REQUESTS)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end offsets now, before the load starts
            kafkaReady.countDown();
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    String type = header(r, "ce_type");
                    if (ASSIGNED.equals(type) && r.value() != null && isLead(r.value())) {
                        tracker.observed(Tracker.Kind.ASSIGNED, r.key(), now);
                    } else if (SUBMITTED.equals(type) && r.value() != null) {
                        submittedRecords.incrementAndGet();
                        submittedBytes.addAndGet(r.serializedValueSize());
                    }
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                System.err.println("tasks probe failed: " + e);
            }
        }
    }

    private static boolean isLead(String value) {
        try {
            return TaskRole.of(JSON.readTree(value).path("role").asText()) == TaskRole.LEAD;
        } catch (Exception e) {
            return false;
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private void followStream() {
        try {
            long after = lastLoggedEvent();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(system.url("notification-service") + "/api/stream"))
                    .header("Authorization", "Bearer " + DevTokens.worker())
                    .header("Accept", "text/event-stream")
                    .header("Last-Event-ID", String.valueOf(after)).GET().build();
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                streamFailure = "HTTP " + response.statusCode();
                response.body().close();
                streamOpen.countDown();
                return;
            }
            stream = response.body();
            streamOpen.countDown();
            stream.forEach(line -> {
                long now = System.nanoTime();
                streamLines.incrementAndGet();
                if (line.startsWith("data:") && line.contains(SUBMITTED)) {
                    String id = requestId(line.substring(5));
                    if (id != null) {
                        tracker.observed(Tracker.Kind.DASHBOARD, id, now);
                    }
                }
            });
        } catch (Exception e) {
            if (running) {
                streamFailure = e.toString();
                streamOpen.countDown();
                System.err.println("stream probe failed: " + e);
            }
        }
    }

    /** The last event the notification-service logged, so the stream starts now instead of replaying history. */
    private long lastLoggedEvent() {
        try (Connection c = DriverManager.getConnection(system.jdbcUrl("notifications"), "gongzhi", "gongzhi");
                ResultSet rs = c.createStatement().executeQuery("select coalesce(max(seq), 0) from event_log")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return 0; // replays from the start; the events of other requests are ignored
        }
    }

    private static String requestId(String data) {
        try {
            JsonNode node = JSON.readTree(data);
            if (!SUBMITTED.equals(node.path("type").asText())) {
                return null;
            }
            String id = node.path("data").path("requestId").asText(null);
            return id != null ? id : node.path("subject").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    /** Waits until the stream has been quiet for a second (a replay of history is over). */
    public void awaitStreamQuiet(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        long last = streamLines.get();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            sleep(200);
            long now = streamLines.get();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 1_000_000_000L) {
                return;
            }
        }
    }

    static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Stream<String> s = stream;
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // closing a live body may complain; the thread is a daemon anyway
            }
        }
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
