package org.gongzhi.bench.faults;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.gongzhi.bench.SystemUnderTest;
import org.gongzhi.devstack.ConsumerLag;
import org.gongzhi.devstack.DevStack;

/**
 * When the system has recovered from an injection: every consumer group's lag back to zero, no outbox row unsent, no
 * webhook message waiting for a retry or left mid-send. Each look opens its own connections, since the ones from before
 * a database or broker restart are dead.
 */
final class Recovery {
    private final SystemUnderTest system;
    /** Where each new reason to wait is said, with how long after the injection (what a recovery time is made of). */
    private final PrintStream out;
    /** What the last look found unsettled, to say why when the system does not recover. */
    private volatile String unsettled = "";

    Recovery(SystemUnderTest system, PrintStream out) {
        this.system = system;
        this.out = out;
    }

    /**
     * Waits until the system has recovered; answers how long after {@code since} (a {@link System#nanoTime()}, when
     * the injection ended) that was, or empty when it did not within {@code max} of now.
     */
    Optional<Duration> await(long since, Duration max) {
        long start = System.nanoTime();
        int settled = 0;
        long firstSettled = start;
        while (System.nanoTime() - start < max.toNanos()) {
            // twice in a row: a group commits every few seconds, and a moment of zero may precede a retry's work
            if (settled == 0) {
                firstSettled = System.nanoTime();
            }
            String now = unsettled();
            if (!now.equals(unsettled) && !now.isEmpty()) {
                out.printf("  waiting %.1f s after the injection: %s%n", (System.nanoTime() - since) / 1e9, now);
            }
            unsettled = now;
            settled = unsettled.isEmpty() ? settled + 1 : 0;
            if (settled == 2) {
                return Optional.of(Duration.ofNanos(firstSettled - since));
            }
            pause(1000);
        }
        return Optional.empty();
    }

    /** What the last look found unsettled (a group's lagging partitions, unsent rows, webhooks due), or empty. */
    String unsettled() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5000))) {
            for (String group : ConsumerLag.GROUPS) {
                Map<TopicPartition, Long> behind = ConsumerLag.behind(admin, group);
                if (!behind.isEmpty()) {
                    return group + " behind on " + behind;
                }
            }
        } catch (Exception brokerAway) {
            return "the broker did not answer: " + brokerAway;
        }
        for (String db : SystemUnderTest.DATABASES.values()) {
            long unsent = count(db, "select count(*) from outbox_event where sent_at is null");
            if (unsent != 0) {
                return unsent < 0 ? "database " + db + " did not answer" : unsent + " outbox rows unsent in " + db;
            }
        }
        // SENDING too: a claim a crash or a database outage left behind is taken up again after three timeouts
        long due = count("notifications",
                "select count(*) from webhook_delivery where status in ('PENDING', 'SENDING')");
        return due == 0 ? "" : due + " webhook messages pending or mid-send";
    }

    /** What the last look of {@link #await} found unsettled; empty when it settled. */
    String lastUnsettled() {
        return unsettled;
    }

    private long count(String db, String sql) {
        try (Connection c = DriverManager.getConnection(system.jdbcUrl(db), DevStack.USER, DevStack.PASSWORD);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception databaseAway) {
            return -1;
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
