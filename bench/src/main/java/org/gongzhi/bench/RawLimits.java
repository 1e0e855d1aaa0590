package org.gongzhi.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The machine's own limits on the same data, measured with plain clients beside the system. */
public final class RawLimits {
    private RawLimits() {
    }

    /**
     * PostgreSQL: the intake transaction (a request row + an outbox row, one commit) as fast as it goes, and whether
     * the server flushes commits to disk ({@code fsync}): durable only when it does.
     */
    public record PgResult(int concurrency, double seconds, long commits, double perSecond, Histogram latency,
            boolean fsync, String error) {
    }

    /** Kafka: produce → consume round trip, open model at a rate, record size in bytes. */
    public record KafkaResult(int rate, int recordBytes, double seconds, long sent, long received, Histogram latency,
            String error) {
    }

    private static final String SCHEMA = "gongzhi_bench_raw";

    public static PgResult postgresIntake(String jdbcUrl, int concurrency, Duration duration, int payloadBytes) {
        boolean fsync;
        try (Connection admin = DriverManager.getConnection(jdbcUrl, "gongzhi", "gongzhi");
                Statement s = admin.createStatement()) {
            try (var rs = s.executeQuery("show fsync")) {
                fsync = rs.next() && "on".equals(rs.getString(1));
            }
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
            // the same columns, keys and indexes as request-service's resident_request and the platform's outbox
            s.execute("""
                    create table %1$s.resident_request (
                        id uuid primary key, community_id text not null, category text not null,
                        description text not null, building text, unit text, household text, place text,
                        urgency text not null, channel text not null, hotline_ticket text, tracks text not null,
                        resident_id text, contact_phone text, status text not null, respond_by timestamptz not null,
                        resolve_by timestamptz not null, responded_at timestamptz, resolved_at timestamptz,
                        tracks_done text not null default '', created_by text not null,
                        created_at timestamptz not null, updated_at timestamptz not null, merged_into uuid,
                        idempotency_key text, version bigint not null default 0);
                    create unique index on %1$s.resident_request (created_by, idempotency_key)
                        where idempotency_key is not null;
                    create index on %1$s.resident_request (community_id, status, created_at);
                    create index on %1$s.resident_request (community_id, building, category, created_at);
                    create table %1$s.outbox_event (
                        seq bigserial primary key, event_id uuid not null unique, topic text not null,
                        event_key text not null, event_type text not null, source text not null,
                        subject text not null, occurred_at timestamptz not null, payload text not null,
                        sent_at timestamptz);
                    create index on %1$s.outbox_event (seq) where sent_at is null;
                    create function %1$s.notify() returns trigger language plpgsql as $$
                    begin perform pg_notify('gongzhi_bench_raw', ''); return null; end; $$;
                    create trigger outbox_notify after insert on %1$s.outbox_event
                        for each statement execute function %1$s.notify();
                    """.formatted(SCHEMA));
        } catch (SQLException e) {
            return new PgResult(concurrency, 0, 0, 0, new Histogram(3), false, e.getMessage());
        }
        String payload = "x".repeat(Math.max(100, payloadBytes));
        Recorder recorder = new Recorder(Stage.HIGHEST_US, 3);
        AtomicLong commits = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            threads.add(Probes.daemon("bench-pg-" + t, () -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl, "gongzhi", "gongzhi")) {
                    c.setAutoCommit(false);
                    PreparedStatement request = c.prepareStatement("insert into " + SCHEMA + ".resident_request "
                            + "(id, community_id, category, description, building, unit, household, urgency, channel,"
                            + " tracks, resident_id, status, respond_by, resolve_by, created_by, created_at,"
                            + " updated_at, idempotency_key) values (?, 'hepingli', 'water-leak', ?, '7', '2', '301',"
                            + " 'HIGH', 'app', 'ALLIANCE', 'r1', 'SUBMITTED', ?, ?, 'r1', ?, ?, ?)");
                    PreparedStatement outbox = c.prepareStatement("insert into " + SCHEMA + ".outbox_event "
                            + "(event_id, topic, event_key, event_type, source, subject, occurred_at, payload) "
                            + "values (?, 'gongzhi.requests', ?, 'gongzhi.request.submitted.v1', 'request-service',"
                            + " ?, ?, ?)");
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        UUID id = UUID.randomUUID();
                        Timestamp now = Timestamp.from(Instant.now());
                        request.setObject(1, id);
                        request.setString(2, "卫生间天花板漏水 Water dripping from the bathroom ceiling");
                        request.setTimestamp(3, now);
                        request.setTimestamp(4, now);
                        request.setTimestamp(5, now);
                        request.setTimestamp(6, now);
                        request.setString(7, id.toString());
                        request.executeUpdate();
                        outbox.setObject(1, UUID.randomUUID());
                        outbox.setString(2, id.toString());
                        outbox.setString(3, id.toString());
                        outbox.setTimestamp(4, now);
                        outbox.setString(5, payload);
                        outbox.executeUpdate();
                        c.commit();
                        recorder.recordValue(Math.min(Stage.HIGHEST_US, (System.nanoTime() - t0) / 1000));
                        commits.incrementAndGet();
                    }
                } catch (SQLException e) {
                    failures.add(e.getMessage());
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Connection admin = DriverManager.getConnection(jdbcUrl, "gongzhi", "gongzhi");
                Statement s = admin.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        } catch (SQLException e) {
            failures.add("cleanup: " + e.getMessage());
        }
        return new PgResult(concurrency, seconds, commits.get(), commits.get() / seconds,
                recorder.getIntervalHistogram(), fsync, failures.isEmpty() ? null : failures.get(0));
    }

    /** Kafka: an idempotent acks=all producer and a consumer, open model at {@code rate}, on a scratch topic. */
    public static KafkaResult kafkaRoundTrip(String bootstrap, int rate, int recordBytes, Duration duration,
            int partitions) {
        String topic = "gongzhi.bench.roundtrip";
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            try {
                admin.deleteTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
                Probes.sleep(500);
            } catch (Exception notThere) {
                // first run
            }
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            return new KafkaResult(rate, recordBytes, 0, 0, 0, new Histogram(3), "cannot create " + topic + ": " + e);
        }
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cp.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        Recorder recorder = new Recorder(Stage.HIGHEST_US, 3);
        AtomicLong received = new AtomicLong();
        long count = (long) rate * duration.toSeconds();
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean consuming = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread consumerThread = Probes.daemon("bench-kafka-rtt", () -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cp)) {
                List<TopicPartition> tps = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                        .map(i -> new TopicPartition(topic, i.partition())).toList();
                consumer.assign(tps);
                consumer.seekToBeginning(tps);
                tps.forEach(consumer::position);
                ready.countDown();
                while (consuming.get() && received.get() < count) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        long due = java.nio.ByteBuffer.wrap(r.value()).getLong();
                        recorder.recordValue(Math.min(Stage.HIGHEST_US, Math.max(1, (now - due) / 1000)));
                        received.incrementAndGet();
                    }
                }
            }
        });
        long sent = 0;
        double seconds;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp)) {
            ready.await(30, TimeUnit.SECONDS);
            producer.partitionsFor(topic); // metadata before the clock starts
            long interval = 1_000_000_000L / rate;
            long t0 = System.nanoTime() + 50_000_000L;
            for (long i = 0; i < count; i++) {
                long due = t0 + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                byte[] value = new byte[Math.max(8, recordBytes)];
                java.nio.ByteBuffer.wrap(value).putLong(due);
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
                sent++;
            }
            producer.flush();
            long waitEnd = System.nanoTime() + 10_000_000_000L;
            while (received.get() < count && System.nanoTime() < waitEnd) {
                Probes.sleep(20);
            }
            seconds = (System.nanoTime() - t0) / 1e9;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KafkaResult(rate, recordBytes, 0, sent, received.get(), new Histogram(3), "interrupted");
        } finally {
            consuming.set(false);
        }
        try {
            consumerThread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Admin admin = Admin.create(ap)) {
            admin.deleteTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // a scratch topic left behind is harmless
        }
        return new KafkaResult(rate, recordBytes, seconds, sent, received.get(), recorder.getIntervalHistogram(),
                null);
    }

}
