package org.gongzhi.platform.inbox;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.ContextHolder;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.function.BiConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The connector's throttled commit strategy, with its failed commits tried again ({@code commit-strategy=retried}).
 * <p>
 * The throttled strategy forgets the offsets of a commit that failed (the broker restarting, the group rebalancing):
 * it commits a partition again only when a newer record of it is processed. A quiet partition then keeps its lag after
 * a broker's restart for as long as no event arrives on it — nothing is lost (the inbox skips the records read again
 * after a restart), but the group's lag never returns to zero and an operator's lag alert stays raised. Here each
 * consumer's commits pass through {@link OwedOffsets}: what failed is owed, goes out with the next commit, and is tried
 * again every {@link #RETRY_EVERY} while nothing else is committed.
 */
@ApplicationScoped
@Identifier("retried")
public class RetriedCommits implements KafkaCommitHandler.Factory {
    private static final Logger LOG = Logger.getLogger(RetriedCommits.class);
    static final Duration RETRY_EVERY = Duration.ofSeconds(5);

    private final KafkaCommitHandler.Factory throttled;

    @Inject
    RetriedCommits(@Identifier("throttled") KafkaCommitHandler.Factory throttled) {
        this.throttled = throttled;
    }

    @Override
    public KafkaCommitHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        OwedOffsets owed = new OwedOffsets(consumer);
        KafkaCommitHandler handler = throttled.create(config, vertx, owed.consumer(), reportFailure);
        long timer = vertx.setPeriodic(RETRY_EVERY.toMillis(), tick -> {
            if (owed.any()) {
                owed.settle().subscribe().with(done -> LOG.debugf("%s: owed offsets committed", config.getChannel()),
                        failed -> LOG.debugf("%s: owed offsets still owed: %s", config.getChannel(),
                                failed.getMessage()));
            }
        });
        return new Handler(vertx, handler, owed, timer, config.getChannel());
    }

    /**
     * The throttled handler, with revoked partitions' owed offsets forgotten and the retry timer stopped at the end. A
     * {@link ContextHolder} as the throttled handler is: the connector hands the channel's context to such handlers,
     * and this one passes it on.
     */
    static final class Handler extends ContextHolder implements KafkaCommitHandler {
        private final KafkaCommitHandler throttled;
        private final OwedOffsets owed;
        private final long timer;
        private final String channel;

        Handler(Vertx vertx, KafkaCommitHandler throttled, OwedOffsets owed, long timer, String channel) {
            super(vertx, 0);
            this.throttled = throttled;
            this.owed = owed;
            this.timer = timer;
            this.channel = channel;
        }

        @Override
        public void capture(io.vertx.core.Context context) {
            super.capture(context);
            if (throttled instanceof ContextHolder holder) {
                holder.capture(context);
            }
        }

        @Override
        public void capture(io.vertx.mutiny.core.Context context) {
            capture(context.getDelegate());
        }

        @Override
        public <K, V> Multi<IncomingKafkaRecord<K, V>> decorateStream(Multi<IncomingKafkaRecord<K, V>> stream) {
            return throttled.decorateStream(stream);
        }

        @Override
        public <K, V> Uni<IncomingKafkaRecord<K, V>> received(IncomingKafkaRecord<K, V> record) {
            return throttled.received(record);
        }

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
            return throttled.handle(record);
        }

        @Override
        public void partitionsAssigned(Collection<TopicPartition> partitions) {
            owed.forget(partitions);
            throttled.partitionsAssigned(partitions);
        }

        @Override
        public void partitionsRevoked(Collection<TopicPartition> partitions) {
            // the partitions' new owner starts from what is committed: an owed offset is no longer this one's to pay
            owed.forget(partitions);
            try {
                throttled.partitionsRevoked(partitions);
            } catch (WakeupException | InterruptException e) {
                throw e;
            } catch (KafkaException e) {
                // The commit of what was applied of partitions being given up was refused (the group rebalancing again:
                // a service's consumers share its group, and a stop closes them one after another). Thrown from here,
                // it failed the hand-over; on a close it kept the consumer from leaving its group, which then held its
                // partitions, unread, for session.timeout.ms (45 s). Their next owner reads again from the last commit,
                // and the inbox skips what it already applied.
                LOG.infof("%s: what was applied of %s not committed on giving them up (%s); their next owner reads it"
                        + " again and the inbox skips it", channel, partitions, e.toString());
            }
        }

        @Override
        public void terminate(boolean graceful) {
            vertx.cancelTimer(timer);
            throttled.terminate(graceful);
        }
    }
}
