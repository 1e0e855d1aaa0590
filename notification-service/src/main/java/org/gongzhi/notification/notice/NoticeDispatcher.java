package org.gongzhi.notification.notice;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gongzhi.notification.notice.NoticeChannel.OutgoingNotice;
import org.jboss.logging.Logger;

/**
 * Sends due SMS and email deliveries through their channels. Rows are claimed with SKIP LOCKED, so several instances
 * share the work; a failure is retried with a doubling backoff, then marked FAILED. A claim left by a crash is taken
 * up again after a minute.
 */
@ApplicationScoped
public class NoticeDispatcher {
    private static final Logger LOG = Logger.getLogger(NoticeDispatcher.class);

    private final Pool pool;
    private final Clock clock;
    private final NoticeConfig config;
    private final Map<String, NoticeChannel> channels = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();

    NoticeDispatcher(Pool pool, Clock clock, NoticeConfig config, Instance<NoticeChannel> channels) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
        channels.forEach(c -> this.channels.put(c.name(), c));
    }

    @Scheduled(every = "${gongzhi.notices.dispatch-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatch() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return pool.preparedQuery("""
                        with due as (
                            select id from notice_delivery
                            where (status = 'PENDING' and not_before <= $1)
                               or (status = 'SENDING' and updated_at < $1 - interval '1 minute')
                            order by not_before limit 50 for update skip locked)
                        update notice_delivery d set status = 'SENDING', attempts = d.attempts + 1, updated_at = $1
                        from due, notice n where d.id = due.id and n.id = d.notice_id
                        returning d.id::text as id, d.channel, d.address, d.attempts, n.language, n.title, n.body""")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC)))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndMerge(this::send)
                .collect().asList().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("notice dispatch failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .eventually(() -> running.set(false));
    }

    private Uni<Void> send(Row row) {
        OutgoingNotice notice = new OutgoingNotice(row.getString("id"), row.getString("channel"),
                row.getString("address"), row.getString("language"), row.getString("title"), row.getString("body"));
        int attempts = row.getInteger("attempts");
        NoticeChannel channel = channels.get(notice.channel());
        Uni<Void> sent = channel == null
                ? Uni.createFrom().failure(new IllegalStateException("no channel " + notice.channel()))
                : channel.send(notice);
        return sent.chain(() -> mark(notice.deliveryId(), "SENT", null, null))
                .onFailure().recoverWithUni(e -> {
                    boolean last = attempts >= config.maxAttempts();
                    Instant retry = clock.instant().plus(Duration.ofSeconds(30L << Math.min(attempts - 1, 10)));
                    return mark(notice.deliveryId(), last ? "FAILED" : "PENDING", e.getMessage(), retry);
                });
    }

    private Uni<Void> mark(String id, String status, String error, Instant retryAt) {
        Instant now = clock.instant();
        return pool.preparedQuery("""
                        update notice_delivery set status = $2, last_error = $3, updated_at = $4,
                            sent_at = case when $2 = 'SENT' then $4 else sent_at end,
                            not_before = coalesce($5, not_before)
                        where id = $1::uuid""")
                .execute(Tuple.from(List.of(id, status, error == null ? "" : error, now.atOffset(ZoneOffset.UTC),
                        retryAt == null ? now.atOffset(ZoneOffset.UTC) : retryAt.atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }
}
