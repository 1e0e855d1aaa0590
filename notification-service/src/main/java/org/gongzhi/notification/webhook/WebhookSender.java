package org.gongzhi.notification.webhook;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.gongzhi.notification.webhook.TargetPolicy.Destination;
import org.jboss.logging.Logger;

/**
 * Sends due webhook messages. Each round claims at most a few deliveries per endpoint (SKIP LOCKED, so instances share
 * the work) and sends them without waiting for one another or for the next round: a slow or dead endpoint only ever
 * holds its own deliveries. 2xx: delivered. 429, 5xx, a timeout or a connection failure: retried with exponential
 * backoff and jitter (at least {@code Retry-After}). 410: the endpoint is disabled. Any other answer: failed; when the
 * endpoint's last {@code disable-after-failures} messages all failed, it is disabled too.
 */
@ApplicationScoped
public class WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final Pool pool;
    private final Clock clock;
    private final WebhookConfig config;
    private final HttpClient http;
    private final TargetPolicy targets;

    WebhookSender(Pool pool, Clock clock, WebhookConfig config, TargetPolicy targets, Vertx vertx) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
        this.targets = targets;
        // no redirects (a redirect would lead to an address nobody checked); the host name is verified under TLS
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) config.timeout().toMillis())
                .setVerifyHost(true).setForceSni(true));
    }

    @Scheduled(every = "${gongzhi.webhooks.dispatch-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatch() {
        Instant now = clock.instant();
        // a claim older than a few timeouts was left by a crash: take it up again
        Instant stale = now.minus(config.timeout().multipliedBy(3));
        return pool.preparedQuery("""
                        with candidates as (
                            select id from (
                                select d.id, row_number() over (partition by d.endpoint_id order by d.next_attempt_at)
                                    as n
                                from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                                where e.status = 'ACTIVE' and ((d.status = 'PENDING' and d.next_attempt_at <= $1)
                                    or (d.status = 'SENDING' and d.updated_at < $2))) ranked
                            where n <= $3),
                        due as (select d.id from webhook_delivery d join candidates c on c.id = d.id
                                for update of d skip locked)
                        update webhook_delivery w set status = 'SENDING', attempts = w.attempts + 1, updated_at = $1
                        from due, webhook_endpoint e where w.id = due.id and e.id = w.endpoint_id
                        returning w.id, w.message_id, w.payload, w.attempts, e.id as endpoint_id, e.url, e.secret,
                            e.previous_secret, e.previous_secret_until""")
                .execute(Tuple.of(WebhookEndpoints.at(now), WebhookEndpoints.at(stale), config.perEndpointBatch()))
                .invoke(rows -> rows.forEach(row -> send(row).subscribe().with(ok -> {
                }, e -> LOG.warnf("webhook delivery %s: %s", row.getUUID("id"), e.getMessage()))))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("webhook dispatch failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /**
     * The target is checked again first (off the event loop: it resolves the name); a refused one is not sent to, an
     * allowed one is sent to the very address that was checked.
     */
    private Uni<Void> send(Row row) {
        return Uni.createFrom().item(() -> targets.atSend(row.getString("url")))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(to -> to.refusal() != null ? refuse(row, to.refusal()) : post(row, to));
    }

    /**
     * The endpoint's name now leads inside our network: nothing is sent, the attempt is logged, the message waits
     * (PENDING) and the endpoint is DISABLED until its owner re-enables it (which checks the target again).
     */
    private Uni<Void> refuse(Row row, String why) {
        Instant now = clock.instant();
        String error = "refused: the target " + why;
        return pool.withTransaction(c -> c.preparedQuery("""
                        insert into webhook_attempt (delivery_id, attempted_at, status_code, error, duration_ms)
                        values ($1, $2, null, $3, 0)""")
                .execute(Tuple.of(row.getUUID("id"), WebhookEndpoints.at(now), error))
                .chain(() -> c.preparedQuery("""
                                update webhook_delivery set status = 'PENDING', next_attempt_at = $2, last_status = null,
                                    last_error = $3, updated_at = $2 where id = $1""")
                        .execute(Tuple.of(row.getUUID("id"), WebhookEndpoints.at(now), error)))
                .chain(() -> c.preparedQuery("""
                                update webhook_endpoint set status = 'DISABLED', disabled_reason = $3, updated_at = $2
                                where id = $1 and status = 'ACTIVE'""")
                        .execute(Tuple.of(row.getUUID("endpoint_id"), WebhookEndpoints.at(now), error)))
                .replaceWithVoid())
                .invoke(() -> LOG.warnf("webhook endpoint %s disabled: %s", row.getUUID("endpoint_id"), error));
    }

    private Uni<Void> post(Row row, Destination to) {
        String messageId = row.getString("message_id");
        String body = row.getString("payload");
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        String signature = WebhookSignature.sign(row.getString("secret"), messageId, timestamp, body);
        Instant previousUntil = WebhookEndpoints.instant(row, "previous_secret_until");
        if (row.getString("previous_secret") != null && previousUntil != null && previousUntil.isAfter(now)) {
            signature += " " + WebhookSignature.sign(row.getString("previous_secret"), messageId, timestamp, body);
        }
        long started = System.nanoTime();
        if (to.address() == null) {
            // the name does not resolve now: a connection failure like any other, retried
            return record(row, new Outcome(null, "UnknownHostException: " + to.uri().getHost(), Optional.empty()), 0);
        }
        String path = to.uri().getRawPath() == null || to.uri().getRawPath().isEmpty() ? "/" : to.uri().getRawPath();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(to.address(), to.port())))
                .setHost(to.uri().getHost()).setPort(to.port()).setSsl(to.tls())
                .setURI(to.uri().getRawQuery() == null ? path : path + "?" + to.uri().getRawQuery())
                .setFollowRedirects(false).setIdleTimeout(config.timeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Gongzhi-Webhooks/1.0")
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", String.valueOf(timestamp))
                .putHeader("webhook-signature", signature);
        return Uni.createFrom().completionStage(() -> http.request(request)
                        .compose(sent -> sent.send(Buffer.buffer(body)))
                        .compose(response -> response.end().map(done -> new Outcome(response.statusCode(), null,
                                Optional.ofNullable(response.getHeader("retry-after")))))
                        .toCompletionStage())
                .ifNoItem().after(config.timeout()).fail()
                .onFailure().recoverWithItem(e -> new Outcome(null,
                        e instanceof TimeoutException || e.getClass().getSimpleName().contains("Timeout") ? "timeout"
                                : e.getClass().getSimpleName() + ": " + e.getMessage(), Optional.empty()))
                .chain(outcome -> record(row, outcome, (int) ((System.nanoTime() - started) / 1_000_000)));
    }

    private record Outcome(Integer status, String error, Optional<String> retryAfter) {
    }

    private Uni<Void> record(Row row, Outcome outcome, int durationMs) {
        Instant now = clock.instant();
        int attempts = row.getInteger("attempts");
        Integer code = outcome.status();
        String status;
        Instant next = now;
        boolean disable = false;
        if (code != null && code / 100 == 2) {
            status = "SUCCEEDED";
        } else if (code != null && code == 410) {
            status = "FAILED";
            disable = true;
        } else if (code == null || code == 429 || code / 100 == 5) {
            status = attempts >= config.maxAttempts() ? "FAILED" : "PENDING";
            next = now.plus(backoff(attempts, outcome.retryAfter(), now));
        } else {
            status = "FAILED";
        }
        String error = outcome.error() != null ? outcome.error() : code != null && code / 100 != 2 ? "HTTP " + code : null;
        String finalStatus = status;
        Instant nextAttempt = next;
        Uni<Void> recorded = pool.withTransaction(c -> c.preparedQuery("""
                        insert into webhook_attempt (delivery_id, attempted_at, status_code, error, duration_ms)
                        values ($1, $2, $3, $4, $5)""")
                .execute(Tuple.from(Arrays.asList(row.getUUID("id"), WebhookEndpoints.at(now), code, error, durationMs)))
                .chain(() -> c.preparedQuery("""
                                update webhook_delivery set status = $2, next_attempt_at = $3, last_status = $4,
                                    last_error = $5, updated_at = $6,
                                    delivered_at = case when $2 = 'SUCCEEDED' then $6 else delivered_at end
                                where id = $1""")
                        .execute(Tuple.from(Arrays.asList(row.getUUID("id"), finalStatus, WebhookEndpoints.at(nextAttempt), code, error,
                                WebhookEndpoints.at(now)))))
                .replaceWithVoid());
        if (disable) {
            recorded = recorded.chain(() -> pool.preparedQuery("""
                            update webhook_endpoint set status = 'DISABLED', updated_at = $2,
                                disabled_reason = 'the receiver answered 410 Gone' where id = $1""")
                    .execute(Tuple.of(row.getUUID("endpoint_id"), WebhookEndpoints.at(now))).replaceWithVoid());
        } else if ("FAILED".equals(finalStatus) && config.disableAfterFailures() > 0) {
            // an endpoint whose last few messages all failed for good is switched off until its owner re-enables it
            int n = config.disableAfterFailures();
            recorded = recorded.chain(() -> pool.preparedQuery("""
                            update webhook_endpoint set status = 'DISABLED', updated_at = $2, disabled_reason = $4
                            where id = $1 and status = 'ACTIVE'
                              and (select count(*) filter (where last.status = 'FAILED') from (
                                      select status from webhook_delivery
                                      where endpoint_id = $1 and status in ('SUCCEEDED', 'FAILED')
                                      order by updated_at desc limit $3) last) >= $3""")
                    .execute(Tuple.of(row.getUUID("endpoint_id"), WebhookEndpoints.at(now), n,
                            "the last " + n + " messages failed"))
                    .replaceWithVoid());
        }
        return recorded;
    }

    /** Doubling from the initial backoff with ±20 % jitter, capped; never sooner than the receiver's Retry-After. */
    Duration backoff(int attempts, Optional<String> retryAfter, Instant now) {
        long base = config.initialBackoff().toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        long jittered = (long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        Duration delay = Duration.ofMillis(jittered);
        Duration asked = retryAfter.map(v -> parseRetryAfter(v, now)).orElse(Duration.ZERO);
        return asked.compareTo(delay) > 0 ? asked : delay;
    }

    static Duration parseRetryAfter(String value, Instant now) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (Exception unreadable) {
                return Duration.ZERO;
            }
        }
    }
}
