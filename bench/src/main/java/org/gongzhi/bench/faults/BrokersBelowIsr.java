package org.gongzhi.bench.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasAfterAppendException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gongzhi.devstack.LocalSystem;

/**
 * Two of three brokers SIGKILLed for the stated time: the one left leads every partition but is their only in-sync
 * replica, below {@code min.insync.replicas=2}, so every acks=all write is refused (NOT_ENOUGH_REPLICAS) — the outbox
 * relays', the consumers' offset commits. Intake must go on answering 201 into the outbox; once the two are back,
 * everything is delivered. The scenario proves the fault took: a probe write with acks=all is refused.
 */
final class BrokersBelowIsr implements Scenario {
    /** A topic of the scenario's own (replication 3, like every topic), which no service reads. */
    static final String PROBE_TOPIC = "gongzhi.faults.probe";
    private static final List<Integer> CUT = List.of(2, 3);

    @Override
    public String name() {
        return "brokers-below-isr";
    }

    @Override
    public String fault() {
        return "two of three brokers SIGKILLed (one in sync, below min.insync.replicas 2: acks=all writes refused) "
                + "for the stated time, then started again on their data";
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds(60);
    }

    @Override
    public Duration quickDuration() {
        return Duration.ofSeconds(20); // the controller fences a killed broker after 9 s: the rest is below min ISR
    }

    @Override
    public Optional<String> unfitFor(LocalSystem system) {
        return Scenario.needsCluster(system);
    }

    @Override
    public void inject(LocalSystem system, Duration duration) throws Exception {
        String bootstrap = system.stack().kafkaBootstrap();
        createProbeTopic(bootstrap);
        long end = System.nanoTime() + duration.toNanos();
        try {
            CUT.forEach(system.stack()::killBroker);
            Optional<String> refused = probe(system.stack().brokerAddress(1), end);
            Scenario.until(end);
            if (refused.isEmpty()) {
                throw new IllegalStateException("an acks=all write was never refused with NOT_ENOUGH_REPLICAS while "
                        + "two of three brokers were away: the fault did not take");
            }
            System.out.println("  below min ISR: an acks=all write was refused (" + refused.get() + ")");
        } finally {
            Scenario.allAtOnce(CUT.stream().<Runnable>map(n -> () -> system.stack().restartBroker(n)).toList());
        }
    }

    private static void createProbeTopic(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(PROBE_TOPIC, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /**
     * Writes to the probe topic with acks=all and no retries (so the broker's refusal is what the send fails with)
     * until one is refused for want of in-sync replicas; answers that refusal, or empty by {@code deadline}.
     */
    private static Optional<String> probe(String survivor, long deadline) throws InterruptedException {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, survivor, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.RETRIES_CONFIG, 0, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000,
                ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000),
                new StringSerializer(), new StringSerializer())) {
            while (System.nanoTime() < deadline) {
                try {
                    producer.send(new ProducerRecord<>(PROBE_TOPIC, "probe", "below min ISR?")).get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof NotEnoughReplicasException
                            || e.getCause() instanceof NotEnoughReplicasAfterAppendException) {
                        return Optional.of(e.getCause().getClass().getSimpleName());
                    }
                } catch (RuntimeException notYet) {
                    // metadata not yet there: the leader is moving to the broker left
                }
                Thread.sleep(500);
            }
        }
        return Optional.empty();
    }
}
