package org.gongzhi.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gongzhi.platform.GongzhiConfig;
import org.jboss.logging.Logger;

/**
 * Puts a record no consumer can process on {@code <topic>.dlq}, unchanged (key, value, CloudEvents headers) and with
 * the headers {@code dead-letter-reason}, {@code dead-letter-cause}, {@code dead-letter-topic},
 * {@code dead-letter-partition} and {@code dead-letter-offset}, so the partition keeps flowing. The producer is
 * created on first use: most runs never need it.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final String bootstrapServers;
    private final GongzhiConfig config;
    private volatile KafkaProducer<String, String> producer;

    DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, GongzhiConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    public Uni<Void> send(ConsumerRecord<String, String> record, Throwable failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
        LOG.errorf("dead letter %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        ProducerRecord<String, String> dead = new ProducerRecord<>(record.topic() + ".dlq", null, record.key(),
                record.value(), record.headers());
        Headers headers = dead.headers();
        headers.remove("dead-letter-reason");
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        if (failure.getCause() != null) {
            headers.add("dead-letter-cause", String.valueOf(failure.getCause().getMessage())
                    .getBytes(StandardCharsets.UTF_8));
        }
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        // the consumer's work goes on where it was (a Vert.x context, where its sessions live), not on the
        // producer's network thread
        Context context = Vertx.currentContext();
        return Uni.createFrom().<Void>emitter(emitter -> producer().send(dead, (metadata, error) -> {
            Runnable done = () -> {
                if (error == null) {
                    emitter.complete(null);
                } else {
                    emitter.fail(error);
                }
            };
            if (context == null) {
                done.run();
            } else {
                context.runOnContext(ignored -> done.run());
            }
        }));
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, config.service() + "-dead-letters");
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(props);
                }
                p = producer;
            }
        }
        return p;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
