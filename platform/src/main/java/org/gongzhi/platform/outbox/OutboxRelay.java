package org.gongzhi.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gongzhi.platform.GongzhiConfig;
import org.gongzhi.platform.tracing.Tracing;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes outbox rows in commit order. It runs on its own thread with plain JDBC: a LISTEN connection wakes it as
 * soon as an outbox insert commits, and a timed wait sweeps for anything left over (a crash, or Kafka away). A row's
 * mark as sent commits only after the broker acknowledged it (idempotent producer, acks=all); a crash between the ack
 * and the commit publishes the row again with the same {@code ce_id}, which idempotent consumers ignore. With several
 * instances an advisory lock lets one publish at a time, keeping each key's events in order.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x67_6f6e677a6869L;

    /**
     * The oldest unsent rows, marked sent, in one statement — when this relay holds the advisory lock for the
     * transaction (the CTE runs once: with several instances only the holder gets rows, so one key's events never
     * go out from two relays at once).
     */
    private static final String CLAIM = """
            with leader as (select pg_try_advisory_xact_lock(?) as holds)
            update outbox_event set sent_at = now()
            where seq in (select o.seq from outbox_event o, leader where leader.holds and o.sent_at is null
                          order by o.seq limit ? for update of o skip locked)
            returning seq, event_id, topic, event_key, event_type, source, subject, occurred_at, payload, traceparent""";

    private final AgroalDataSource dataSource;
    private final GongzhiConfig config;
    private final String bootstrapServers;
    private final Counter published;
    private final Tracing tracing;
    private Instant nextPurge = Instant.MIN;
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    OutboxRelay(AgroalDataSource dataSource, GongzhiConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MeterRegistry registry,
            Tracing tracing) {
        this.tracing = tracing;
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.published = registry.counter("gongzhi.outbox.published");
    }

    void start(@Observes StartupEvent startup) {
        if (!config.outbox().relayEnabled()) {
            return;
        }
        producer = new KafkaProducer<>(producerProperties());
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (thread == null) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.service() + "-outbox");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (Connection listener = dataSource.getConnection()) {
                try (Statement listen = listener.createStatement()) {
                    listen.execute("LISTEN gongzhi_outbox");
                }
                PGConnection notifications = listener.unwrap(PGConnection.class);
                while (running) {
                    drain();
                    purgeOld();
                    backoff = Duration.ofMillis(200);
                    notifications.getNotifications((int) config.outbox().sweepInterval().toMillis());
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("outbox relay paused %d ms: %s", backoff.toMillis(), e.getMessage());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.outbox().sweepInterval()) > 0
                        ? config.outbox().sweepInterval() : backoff.multipliedBy(2);
            }
        }
    }

    /** Publishes batches until the outbox is empty. */
    private void drain() throws SQLException, InterruptedException {
        while (running && publishBatch() == config.outbox().batchSize()) {
            // a full batch: there may be more
        }
    }

    /**
     * One transaction: claim and mark a batch ({@link #CLAIM}), send it, wait for the broker, unmark what it did not
     * acknowledge, commit. Nothing is marked sent unless the broker acknowledged it before the commit; a crash before
     * the commit leaves the whole batch unsent. However this ends without its commit — a failure, an interrupt while
     * waiting for the broker (the service stopping), an {@code Error} — the transaction is rolled back before the
     * connection goes back to the pool: the pool's reset switches auto-commit on, which would commit the claim.
     */
    private int publishBatch() throws SQLException, InterruptedException {
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            boolean ended = false;
            try {
                List<Pending> batch = claimBatch(tx);
                if (batch.isEmpty()) {
                    return 0;
                }
                List<Long> sent = new ArrayList<>();
                Exception failure = send(batch, sent);
                if (!sent.isEmpty()) {
                    unmark(tx, batch.subList(sent.size(), batch.size()));
                    tx.commit();
                    ended = true;
                    published.increment(sent.size());
                }
                if (failure != null) {
                    throw new SQLException("publish failed after " + sent.size() + " of " + batch.size(), failure);
                }
                return batch.size();
            } finally {
                if (!ended) {
                    tx.rollback();
                }
            }
        }
    }

    private List<Pending> claimBatch(Connection tx) throws SQLException {
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement claim = tx.prepareStatement(CLAIM)) {
            claim.setLong(1, ADVISORY_LOCK);
            claim.setInt(2, config.outbox().batchSize());
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    OutboxEvent event = new OutboxEvent();
                    event.eventId = rs.getObject("event_id", UUID.class);
                    event.topic = rs.getString("topic");
                    event.eventKey = rs.getString("event_key");
                    event.eventType = rs.getString("event_type");
                    event.source = rs.getString("source");
                    event.subject = rs.getString("subject");
                    event.occurredAt = rs.getTimestamp("occurred_at").toInstant();
                    event.payload = rs.getString("payload");
                    event.traceparent = rs.getString("traceparent");
                    batch.add(new Pending(rs.getLong("seq"), event));
                }
            }
        }
        // RETURNING promises no order; commit order is what keeps each key's events in order
        batch.sort(Comparator.comparingLong(Pending::seq));
        return batch;
    }

    /**
     * Sends the batch; collects the rows the broker acknowledged, in order, up to the first failure. A row written in
     * a trace goes out under a producer span of that trace, whose context the record carries.
     */
    private Exception send(List<Pending> batch, List<Long> sent) throws InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>(batch.size());
        try {
            for (Pending pending : batch) {
                OutboxEvent e = pending.event();
                Span span = tracing.publishing(e.topic, e.eventId.toString(), e.eventType, e.subject,
                        e.traceparent);
                spans.add(span);
                acks.add(producer.send(new ProducerRecord<>(e.topic, null, e.eventKey,
                        e.payload.getBytes(StandardCharsets.UTF_8),
                        CloudEventHeaders.of(e, Tracing.traceparentOf(span)))));
            }
        } catch (RuntimeException e) {
            return waitForAcks(batch, acks, spans, sent, e);
        }
        return waitForAcks(batch, acks, spans, sent, null);
    }

    private Exception waitForAcks(List<Pending> batch, List<Future<RecordMetadata>> acks, List<Span> spans,
            List<Long> sent, Exception sendFailure) throws InterruptedException {
        Exception failure = sendFailure;
        for (int i = 0; i < acks.size(); i++) {
            if (failure != null) {
                Tracing.end(spans.get(i), failure);
                continue;
            }
            try {
                acks.get(i).get();
                sent.add(batch.get(i).seq());
                Tracing.end(spans.get(i), null);
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
                Tracing.end(spans.get(i), failure);
            }
        }
        for (int i = acks.size(); i < spans.size(); i++) {
            Tracing.end(spans.get(i), failure);
        }
        return failure;
    }

    /** Rows claimed but not acknowledged go back to unsent, to be sent again after the pause. */
    private void unmark(Connection tx, List<Pending> unsent) throws SQLException {
        if (unsent.isEmpty()) {
            return;
        }
        try (PreparedStatement update = tx.prepareStatement(
                "update outbox_event set sent_at = null where seq = any(?)")) {
            Array seqs = tx.createArrayOf("bigint", unsent.stream().map(Pending::seq).toArray());
            update.setArray(1, seqs);
            update.executeUpdate();
        }
    }

    /** Deletes published rows past their retention, at most once an hour. */
    private void purgeOld() throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(Duration.ofHours(1));
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(
                        "delete from outbox_event where sent_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(config.outbox().retention())));
            delete.executeUpdate();
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record Pending(long seq, OutboxEvent event) {
    }
}
