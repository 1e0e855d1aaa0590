package org.gongzhi.bench.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess;

/**
 * One alliance-service instance stuck: frozen with SIGSTOP under load (a process hung in a long GC pause, a stalled
 * VM), so its consumers neither poll nor heartbeat and its HTTP server does not answer. Its liveness probe then gets
 * no answer — DOWN, as an orchestrator counts a probe that times out — and its consumer group gives its partitions to
 * the other instance once its session times out ({@link #SESSION_TIMEOUT} in the suite's cluster). Then it is
 * restarted (SIGKILL and start), as an orchestrator does on a failed liveness probe. Every event must have one effect.
 */
final class StuckConsumer implements Scenario {
    /** The consumers' session timeout in the suite's cluster (GONGZHI_KAFKA_SESSION_TIMEOUT_MS). */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    /** How long an orchestrator's liveness probe waits for an answer (Kubernetes' default is 1 s). */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final String GROUP = ServiceProcess.Service.ALLIANCE.module;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    @Override
    public String name() {
        return "stuck-consumer";
    }

    @Override
    public String fault() {
        return "an alliance-service instance frozen (SIGSTOP): liveness probe unanswered, its partitions moved to the "
                + "other instance after the session timeout, then restarted (SIGKILL, start) at the stated time";
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds(60);
    }

    @Override
    public Duration quickDuration() {
        return Duration.ofSeconds(30); // the session timeout (10 s) and the rebalance fit in it on a busy machine
    }

    @Override
    public Optional<String> unfitFor(LocalSystem system) {
        return Scenario.needsCluster(system);
    }

    @Override
    public void inject(LocalSystem system, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        List<ServiceProcess> running = Scenario.running(system, ServiceProcess.Service.ALLIANCE);
        ServiceProcess stuck = running.get(running.size() - 1);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.stack().kafkaBootstrap()))) {
            int members = members(admin);
            stuck.pause();
            try {
                String live = liveness(stuck);
                if (!live.equals("no answer")) {
                    throw new IllegalStateException(stuck.name() + "'s liveness probe answered " + live
                            + " while it was frozen");
                }
                // each of its consumers' sessions expires on its own: wait until the group has dropped them all
                int without = members - members / running.size();
                int left = members;
                while (System.nanoTime() < end && (left = members(admin)) > without) {
                    Thread.sleep(500);
                }
                if (left > without) {
                    throw new IllegalStateException("the " + GROUP + " group kept " + stuck.name()
                            + "'s consumers for the whole of " + duration.toSeconds() + " s (" + left + " of "
                            + members + " members left, " + without + " expected)");
                }
                System.out.println("  " + stuck.name() + " frozen: liveness probe " + live + " within "
                        + PROBE_TIMEOUT.toSeconds() + " s; the " + GROUP + " group went from " + members + " to "
                        + left + " consumers");
                Scenario.until(end);
            } finally {
                stuck.kill();
            }
        }
        stuck.start().awaitReady(Duration.ofSeconds(180));
    }

    /** The group's consumers now. */
    private static int members(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP).get(10, TimeUnit.SECONDS)
                .members().size();
    }

    /** What the instance's liveness probe answers: its status, or "no answer" within the probe's timeout. */
    private static String liveness(ServiceProcess instance) throws InterruptedException {
        try {
            return String.valueOf(HTTP.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/q/health/live"))
                    .timeout(PROBE_TIMEOUT).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return "no answer";
        } catch (IOException e) {
            return "refused (" + e + ")";
        }
    }
}
