package org.gongzhi.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code ./gongzhi up | down | token}: the local run. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> argv = List.of(args);
        String command = argv.isEmpty() ? "help" : argv.get(0);
        Path root = Path.of(option(argv, "--root", System.getProperty("user.dir"))).toAbsolutePath();
        switch (command) {
            case "up" -> up(root, argv);
            case "down" -> down(root);
            case "token" -> System.out.println(token(argv));
            default -> {
                System.out.println("usage: gongzhi up [--data DIR] [--brokers N] [--instances N] | down | "
                        + "token --role ROLE [--community ID] [--org ORG [--communities A,B]] [--volunteer ID] [--subdistrict ID] [--subject SUBJECT]");
                System.exit(command.equals("help") ? 0 : 2);
            }
        }
    }

    private static void up(Path root, List<String> argv) throws Exception {
        Instant began = Instant.now();
        Path local = root.resolve(".local");
        int brokers = Integer.parseInt(option(argv, "--brokers", "1"));
        int instances = Integer.parseInt(option(argv, "--instances", "1"));
        if (brokers < 1 || instances < 1) {
            System.err.println("--brokers and --instances take a number from 1 up");
            System.exit(2);
            return;
        }
        // a cluster keeps its data apart: one broker's data and a cluster's are laid out differently
        Path data = Path.of(option(argv, "--data", local.resolve(brokers == 1 ? "data" : "data-cluster").toString()));
        Path pidFile = local.resolve("gongzhi.pid");
        Files.createDirectories(local);
        Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()));
        int kafkaPort = Integer.parseInt(System.getenv().getOrDefault("GONGZHI_KAFKA_PORT", "9092"));
        int pgPort = Integer.parseInt(System.getenv().getOrDefault("GONGZHI_PG_PORT", "5432"));
        System.out.println((brokers == 1 ? "Starting Kafka (:" + kafkaPort + ")"
                : "Starting a Kafka cluster of " + brokers + " brokers (:" + kafkaPort + "–:" + (kafkaPort + brokers - 1)
                        + ") and its controller")
                + ", PostgreSQL (:" + pgPort + ") and the four services"
                + (instances == 1 ? "" : ", " + instances + " instances of each") + "…");
        Map<String, String> env = new HashMap<>();
        // the local run listens on this machine only; the dashboard signs in through the #token= link printed below
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("GONGZHI_NOTIFICATIONS_SINK_DIR", local.resolve("outbox-sink").toString());
        ServiceJvm jvm = ServiceJvm.newest(local.resolve("aot"));
        System.out.println("The services run on " + jvm.describe() + ".");
        LocalSystem system;
        try {
            Map<ServiceProcess.Service, Integer> counts = new java.util.EnumMap<>(ServiceProcess.Service.class);
            for (ServiceProcess.Service service : ServiceProcess.Service.values()) {
                counts.put(service, instances);
            }
            system = LocalSystem.start(DevStack.Options.defaults().withDataDir(data).forLongRuns()
                    .withPorts(kafkaPort, pgPort).withBrokers(brokers), root, local.resolve("logs"), true, env, counts,
                    jvm);
        } catch (RuntimeException e) {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            System.err.println("Gongzhi did not start: " + cause.getMessage());
            Files.deleteIfExists(pidFile);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Gongzhi…");
            system.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // nothing to clean
            }
            stopped.countDown();
        }));
        Instant demoBegan = Instant.now();
        system.loadDemoCommunity();
        System.out.printf("Started in %.1f s (%s, the demo communities %.1f s).%n",
                Duration.between(began, Instant.now()).toMillis() / 1000.0, system.startupTimes(),
                Duration.between(demoBegan, Instant.now()).toMillis() / 1000.0);
        System.out.println("""

                Gongzhi is running with the demo communities 和平里 (Hepingli) and 青年湖 (Qingnianhu) of 和平里街道.

                  Dashboard        http://localhost:8080/#token=%1$s
                  Resident         http://localhost:8080/resident/#token=%2$s
                  Partner          http://localhost:8080/partner/#token=%3$s
                  Water (两社区)   http://localhost:8080/partner/#token=%8$s   (the water utility serves 和平里 and 青年湖)
                  Volunteer        http://localhost:8080/volunteer/#token=%4$s
                  Street (街道)    http://localhost:8080/street/#token=%6$s
                  Qingnianhu       http://localhost:8080/#token=%7$s
                  request-service  http://localhost:8081/q/swagger-ui
                  alliance-service http://localhost:8082/q/swagger-ui
                  volunteer-service http://localhost:8083/q/swagger-ui
                  notification     http://localhost:8080/q/swagger-ui

                  A token:  ./gongzhi token --role worker   (resident, partner --org property, volunteer --volunteer v6070-01, admin,
                            subdistrict --subdistrict hepingli-subdistrict)
                  Webhooks: the property company's signed messages arrive at its own system on :8090 and are
                            listed in .local/logs/partner-webhook.log
                  Logs:     .local/logs/      Data: %5$s

                Ctrl+C (or ./gongzhi down) stops everything.
                """.formatted(DevTokens.worker(),
                        DevTokens.resident(DevTokens.DEMO_RESIDENT),
                        DevTokens.partner("property"),
                        DevTokens.volunteer("v6070-01"),
                        data, DevTokens.subdistrict(), DevTokens.worker(DevTokens.SECOND_COMMUNITY),
                        DevTokens.partner(DevTokens.COMMUNITY, "water", List.of(DevTokens.SECOND_COMMUNITY))));
        if (brokers > 1 || instances > 1) {
            System.out.println("  Kafka brokers    " + system.stack().kafkaBootstrap());
            for (ServiceProcess.Service service : ServiceProcess.Service.values()) {
                System.out.println("  " + String.format("%-16s", service.module.replace("-service", ""))
                        + " " + String.join("  ", system.instances(service).stream()
                                .map(i -> i.name() + " " + i.baseUrl()).toList()));
            }
        }
        stopped.await();
    }

    private static void down(Path root) throws Exception {
        Path pidFile = root.resolve(".local/gongzhi.pid");
        if (!Files.exists(pidFile)) {
            System.out.println("Gongzhi is not running.");
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        var process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            Files.deleteIfExists(pidFile);
            System.out.println("Gongzhi is not running.");
            return;
        }
        process.get().destroy();
        process.get().onExit().join();
        System.out.println("Gongzhi stopped.");
    }

    private static String token(List<String> argv) {
        String role = option(argv, "--role", "worker");
        if (role.equals("subdistrict")) {
            return DevTokens.subdistrict(option(argv, "--subdistrict", DevTokens.SUBDISTRICT));
        }
        String subject = option(argv, "--subject", role + "-demo");
        Map<String, Object> claims = new HashMap<>();
        String org = option(argv, "--org", null);
        String volunteer = option(argv, "--volunteer", null);
        if (org != null) {
            claims.put("org", org);
        }
        if (volunteer != null) {
            claims.put("volunteer", volunteer);
        }
        String communities = option(argv, "--communities", null);
        if (communities != null) {
            claims.put("communities", List.of(communities.split(",")));
        }
        if (role.equals("partner") && org == null) {
            throw new IllegalArgumentException("a partner token needs --org (e.g. --org property)");
        }
        if (role.equals("volunteer") && volunteer == null) {
            throw new IllegalArgumentException("a volunteer token needs --volunteer (e.g. --volunteer v6070-01)");
        }
        return DevTokens.token(option(argv, "--community", DevTokens.COMMUNITY), role, subject, claims);
    }

    private static String option(List<String> argv, String name, String fallback) {
        int i = argv.indexOf(name);
        return i >= 0 && i + 1 < argv.size() ? argv.get(i + 1) : fallback;
    }
}
