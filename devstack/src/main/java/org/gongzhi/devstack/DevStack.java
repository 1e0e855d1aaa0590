package org.gongzhi.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.gongzhi.events.Topics;

/**
 * A real single-node KRaft Kafka broker (its own JVM) and a real PostgreSQL 17 (binaries from a Maven artifact), with
 * the topics and one database per service, without Docker. Everything it starts stops on {@link #close()}, on a
 * shutdown hook, and — through a {@link Watchdog} — when this JVM is killed outright.
 */
public final class DevStack implements AutoCloseable {
    public static final String USER = "gongzhi";
    public static final String PASSWORD = "gongzhi";
    public static final List<String> DATABASES = List.of("requests", "alliance", "volunteers", "notifications");

    private final Options options;
    private final Path dataDir;
    private final boolean temporary;
    private final Watchdog watchdog;
    private EmbeddedPostgres postgres;
    private int postgresPort;
    /** The brokers, in node id order (node ids 1..n); with one broker it is also the controller. */
    private final List<KafkaNode> brokers = new ArrayList<>();
    /** The dedicated controller of a cluster of several brokers; none with one broker. */
    private KafkaNode controller;
    private final List<Integer> brokerPorts = new ArrayList<>();
    private Thread shutdownHook;
    /** Run first when the stack stops, e.g. stopping the services that use it (see {@link #beforeStop}). */
    private final List<Runnable> beforeStop = new CopyOnWriteArrayList<>();

    /**
     * What to start and where; every field has a default. {@code durable}: PostgreSQL flushes every commit to disk
     * ({@code fsync}), as in production — what {@code ./gongzhi up} and the benchmark run; tests leave it off (the
     * embedded server's default), which survives a killed process but not a machine crash, and is faster.
     * {@code fullJit}: the broker's JVM compiles its hot code fully (C2), for long runs; tests leave it C1-only, which
     * starts faster and is slower once warm. {@code statementStats}: PostgreSQL counts every statement
     * ({@code pg_stat_statements}, readable by the gongzhi user in the {@code postgres} database), for profiles.
     * {@code brokers}: 1 (the default) is one combined broker and controller; more is a cluster of that many brokers
     * and a dedicated controller, each its own process, with every topic replicated to three brokers (fewer if there
     * are fewer) and {@code min.insync.replicas=2} (see devstack/README.md).
     */
    public record Options(Path dataDir, int kafkaPort, int postgresPort, int partitions, List<String> databases,
            boolean durable, boolean fullJit, boolean statementStats, int brokers) {
        public Options {
            if (brokers < 1) {
                throw new IllegalArgumentException("brokers must be at least 1, not " + brokers);
            }
        }

        public static Options defaults() {
            return new Options(null, 0, 0, 6, DATABASES, false, false, false, 1);
        }

        public Options withDataDir(Path dir) {
            return new Options(dir, kafkaPort, postgresPort, partitions, databases, durable, fullJit, statementStats,
                    brokers);
        }

        /** The first broker's port and PostgreSQL's (0: a free one); further brokers take the ports after it. */
        public Options withPorts(int kafka, int postgres) {
            return new Options(dataDir, kafka, postgres, partitions, databases, durable, fullJit, statementStats,
                    brokers);
        }

        public Options withPartitions(int count) {
            return new Options(dataDir, kafkaPort, postgresPort, count, databases, durable, fullJit, statementStats,
                    brokers);
        }

        public Options withDatabases(List<String> names) {
            return new Options(dataDir, kafkaPort, postgresPort, partitions, names, durable, fullJit, statementStats,
                    brokers);
        }

        /** How the system runs for users and the benchmark: durable commits, and the broker fully compiled. */
        public Options forLongRuns() {
            return new Options(dataDir, kafkaPort, postgresPort, partitions, databases, true, true, statementStats,
                    brokers);
        }

        /** PostgreSQL counts every statement (a little CPU), for the benchmark's profile. */
        public Options withStatementStats() {
            return new Options(dataDir, kafkaPort, postgresPort, partitions, databases, durable, fullJit, true,
                    brokers);
        }

        /** A Kafka cluster of {@code count} brokers and a dedicated controller (1: one combined node, the default). */
        public Options withBrokers(int count) {
            return new Options(dataDir, kafkaPort, postgresPort, partitions, databases, durable, fullJit,
                    statementStats, count);
        }

        /** How many brokers hold each partition: three, or every broker when there are fewer. */
        int replication() {
            return Math.min(3, brokers);
        }

        /** In-sync replicas an acks=all write needs: 2 of 3, so one broker may be lost without refusing writes. */
        int minInSync() {
            return replication() >= 3 ? 2 : 1;
        }
    }

    private DevStack(Options options) throws IOException {
        this.options = options;
        this.temporary = options.dataDir() == null;
        this.dataDir = temporary ? Files.createTempDirectory("gongzhi-devstack") : options.dataDir();
        Files.createDirectories(dataDir);
        this.watchdog = new Watchdog(dataDir.resolve("devstack.pids"));
    }

    public static DevStack start(Options options) {
        try {
            DevStack stack = new DevStack(options);
            stack.startAll();
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startAll() throws IOException {
        Watchdog.killLeftovers(dataDir.resolve("devstack.pids"));
        watchdog.start();
        shutdownHook = new Thread(this::stopAll, "devstack-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            // side by side: each is a process of its own that takes a few seconds to come up
            CompletableFuture<Void> kafka = CompletableFuture.runAsync(() -> {
                try {
                    startKafka();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try {
                startPostgres();
            } catch (RuntimeException | IOException e) {
                kafka.exceptionally(failed -> null).join();
                throw e;
            }
            awaitStarted(kafka);
            createTopics();
            writePublicKey();
        } catch (RuntimeException | IOException e) {
            stopAll();
            throw e;
        }
    }

    private static void awaitStarted(CompletableFuture<Void> start) {
        try {
            start.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void startPostgres() throws IOException {
        startPostgresServer();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'")) {
                if (!rs.next()) {
                    s.execute("create role " + USER + " login password '" + PASSWORD + "'");
                }
            }
            for (String db : options.databases()) {
                createDatabase(s, db);
            }
            if (options.statementStats()) {
                s.execute("create extension if not exists pg_stat_statements");
                s.execute("grant pg_read_all_stats to " + USER);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot prepare PostgreSQL", e);
        }
    }

    /** Starts the server on this stack's port and data (the same ones again after {@link #stopPostgres()}). */
    private void startPostgresServer() throws IOException {
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(pgData);
        if (postgresPort == 0) {
            postgresPort = options.postgresPort() == 0 ? freePort() : options.postgresPort();
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (options.statementStats()) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.max", "1000");
        }
        postgres = builder
                .setPort(postgresPort)
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // stopped by this stack's own hook, after what runs before it (the services), never beside it
                .setRegisterShutdownHook(false)
                // commits wait for the WAL write; with fsync on (durable) also for its flush to disk
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", options.durable() ? "on" : "off")
                .start();
        watchdog.watch("INT", postmasterPid(pgData));
    }

    private static void createDatabase(Statement s, String db) throws java.sql.SQLException {
        if (!db.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad database name " + db);
        }
        try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + db + "'")) {
            if (!rs.next()) {
                s.execute("create database " + db + " owner " + USER);
            }
        }
    }

    /** Creates a database (owned by the gongzhi user) if it does not exist yet. */
    public void ensureDatabase(String db) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            createDatabase(s, db);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + db, e);
        }
    }

    private static long postmasterPid(Path pgData) throws IOException {
        return Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
    }

    private void startKafka() throws IOException {
        if (brokers.isEmpty()) {
            defineKafka();
        }
        String clusterId = clusterId();
        if (controller != null && !controller.isAlive()) {
            controller.start(clusterId);
        }
        for (KafkaNode broker : brokers) {
            if (!broker.isAlive()) {
                broker.start(clusterId);
            }
        }
        awaitBrokers(brokers);
    }

    /**
     * One broker: a combined broker and controller, its files where they always were ({@code server.properties},
     * {@code kafka-data}, {@code kafka.log}). Several: a dedicated controller and the brokers, each with its own
     * files ({@code kafka-controller/}, {@code kafka-<n>/}, {@code kafka-<n>.log}). A single controller, not a quorum
     * on the brokers: whichever brokers are cut, the cluster's metadata stays available, so the brokers left fence
     * the lost ones and elect new leaders at once (a quorum of three combined nodes would stop at two lost).
     */
    private void defineKafka() {
        int first = options.kafkaPort() == 0 ? freePort() : options.kafkaPort();
        for (int n = 1; n <= options.brokers(); n++) {
            brokerPorts.add(n == 1 ? first : options.kafkaPort() == 0 ? freePort() : first + n - 1);
        }
        int controllerPort = freePort();
        String voters = "controller.quorum.voters=" + (options.brokers() == 1 ? 1 : 0) + "@localhost:" + controllerPort;
        List<String> topicDefaults = List.of(
                "num.partitions=" + options.partitions(),
                "default.replication.factor=" + options.replication(),
                "min.insync.replicas=" + options.minInSync(),
                "offsets.topic.replication.factor=" + options.replication(),
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=" + options.replication(),
                "transaction.state.log.min.isr=" + options.minInSync(),
                "share.coordinator.state.topic.replication.factor=" + options.replication(),
                "share.coordinator.state.topic.min.isr=" + options.minInSync(),
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true");
        if (options.brokers() == 1) {
            int port = brokerPorts.get(0);
            List<String> lines = new ArrayList<>(List.of(
                    "process.roles=broker,controller",
                    "node.id=1",
                    voters,
                    "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://localhost:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"));
            lines.addAll(topicDefaults);
            brokers.add(new KafkaNode("kafka", 1, dataDir.resolve("server.properties"), dataDir.resolve("kafka-data"),
                    dataDir.resolve("kafka.log"), lines, this::java, watchdog));
            return;
        }
        List<String> controllerLines = new ArrayList<>(List.of(
                "process.roles=controller",
                "node.id=0",
                voters,
                "listeners=CONTROLLER://localhost:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT"));
        // the controller creates topics: it applies the defaults a request leaves out
        controllerLines.addAll(topicDefaults);
        Path controllerDir = dataDir.resolve("kafka-controller");
        controller = new KafkaNode("kafka-controller", 0, controllerDir.resolve("server.properties"),
                controllerDir.resolve("data"), dataDir.resolve("kafka-controller.log"), controllerLines, this::java,
                watchdog);
        for (int n = 1; n <= options.brokers(); n++) {
            int port = brokerPorts.get(n - 1);
            List<String> lines = new ArrayList<>(List.of(
                    "process.roles=broker",
                    "node.id=" + n,
                    voters,
                    "listeners=PLAINTEXT://localhost:" + port,
                    "advertised.listeners=PLAINTEXT://localhost:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"));
            lines.addAll(topicDefaults);
            Path dir = dataDir.resolve("kafka-" + n);
            brokers.add(new KafkaNode("kafka-" + n, n, dir.resolve("server.properties"), dir.resolve("data"),
                    dataDir.resolve("kafka-" + n + ".log"), lines, this::java, watchdog));
        }
    }

    /** Every node of a cluster is formatted with the same id, kept beside the data for the nodes formatted later. */
    private String clusterId() throws IOException {
        Path file = dataDir.resolve("kafka-cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    private ProcessBuilder java(String... mainClassAndArgs) {
        String classpath;
        try (InputStream in = DevStack.class.getResourceAsStream("kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("kafka-broker.classpath is missing: build devstack with Maven first");
            }
            classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-Xms128m",
                "-XX:+UseSerialGC"));
        if (!options.fullJit()) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of("-cp", classpath));
        command.addAll(List.of(mainClassAndArgs));
        return new ProcessBuilder(command);
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Waits until each of the brokers answers and has joined the cluster. */
    private void awaitBrokers(List<KafkaNode> expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        try (Admin admin = admin()) {
            while (true) {
                for (KafkaNode node : expected) {
                    if (!node.isAlive()) {
                        throw new IllegalStateException(node.name() + " did not start; see " + node.log());
                    }
                }
                if (controller != null && !controller.isAlive()) {
                    throw new IllegalStateException("the Kafka controller did not start; see " + controller.log());
                }
                try {
                    java.util.Set<Integer> joined = new java.util.HashSet<>();
                    admin.describeCluster().nodes().get().forEach(node -> joined.add(node.id()));
                    if (expected.stream().allMatch(b -> joined.contains(b.nodeId()))) {
                        return;
                    }
                } catch (ExecutionException notYet) {
                    // no broker answers yet
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Kafka did not start; see " + expected.get(0).log());
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        return Admin.create(props);
    }

    private void createTopics() {
        List<NewTopic> topics = Topics.ALL.stream()
                .flatMap(t -> Stream.of(t, Topics.deadLetter(t)))
                .map(t -> new NewTopic(t, options.partitions(), (short) options.replication())
                        .configs(Topics.COMPACTED.contains(t)
                                ? Map.of("min.insync.replicas", String.valueOf(options.minInSync()),
                                        "cleanup.policy", "compact")
                                : Map.of("min.insync.replicas", String.valueOf(options.minInSync()))))
                .toList();
        try (Admin admin = admin()) {
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topics", e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void writePublicKey() throws IOException {
        DevTokens.writePublicKey(publicKeyFile());
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path publicKeyFile() {
        return dataDir.resolve("dev-public-key.pem");
    }

    /** Every broker's address, comma-separated, as clients take it. */
    public String kafkaBootstrap() {
        return String.join(",", brokerPorts.stream().map(p -> "localhost:" + p).toList());
    }

    public int postgresPort() {
        return postgresPort;
    }

    public String jdbcUrl(String db) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + db;
    }

    public String reactiveUrl(String db) {
        return "postgresql://localhost:" + postgresPort + "/" + db;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** The first broker's process id. */
    public long kafkaPid() {
        return brokers.get(0).pid();
    }

    /** How many brokers the stack runs; each is known by its number, 1 to this (its Kafka {@code node.id}). */
    public int brokerCount() {
        return brokers.size();
    }

    /** Broker {@code n}'s address ({@code localhost:port}). */
    public String brokerAddress(int n) {
        broker(n);
        return "localhost:" + brokerPorts.get(n - 1);
    }

    public long brokerPid(int n) {
        return broker(n).pid();
    }

    public boolean brokerAlive(int n) {
        return broker(n).isAlive();
    }

    /** SIGKILL broker {@code n}: it dies at once, no controlled shutdown; {@link #restartBroker} brings it back. */
    public void killBroker(int n) {
        broker(n).kill();
    }

    /** SIGSTOP broker {@code n}: frozen with its connections open, as a long GC pause or a hung machine. */
    public void pauseBroker(int n) {
        broker(n).signal("STOP");
    }

    /** SIGCONT broker {@code n} after {@link #pauseBroker}: it goes on where it stopped. */
    public void resumeBroker(int n) {
        broker(n).signal("CONT");
    }

    /** SIGTERM broker {@code n}: a controlled shutdown (its leaderships move first); its data stays. */
    public void stopBroker(int n) {
        broker(n).stop(20);
    }

    /**
     * Starts broker {@code n} again on its port and data (stopping it first if it still runs) and waits until it has
     * rejoined the cluster; it then catches up on what it missed as a follower.
     */
    public void restartBroker(int n) {
        KafkaNode broker = broker(n);
        broker.stop(20);
        try {
            broker.start(clusterId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitBrokers(List.of(broker));
    }

    private KafkaNode broker(int n) {
        if (n < 1 || n > brokers.size()) {
            throw new IllegalArgumentException("no broker " + n + "; brokers are 1 to " + brokers.size());
        }
        return brokers.get(n - 1);
    }

    public long postgresPid() {
        try {
            return postmasterPid(dataDir.resolve("postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quarkus configuration for a service using database {@code db}. */
    public Map<String, String> serviceConfig(String db) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrap());
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(db));
        config.put("quarkus.datasource.reactive.url", reactiveUrl(db));
        config.put("quarkus.datasource.username", USER);
        config.put("quarkus.datasource.password", PASSWORD);
        config.put("mp.jwt.verify.publickey.location", publicKeyFile().toString());
        config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        return config;
    }

    /** The same configuration as environment variables, for a service started as a process. */
    public Map<String, String> serviceEnv(String db) {
        Map<String, String> env = new LinkedHashMap<>();
        serviceConfig(db).forEach((k, v) -> env.put(k.toUpperCase().replaceAll("[^A-Z0-9]", "_"), v));
        return env;
    }

    /** Registers a process devstack did not start (a service) to be stopped should this JVM die. */
    public void watch(Process process) {
        watchdog.watch("TERM", process.pid());
    }

    public void forget(Process process) {
        watchdog.forget(process.pid());
    }

    @Override
    public void close() {
        stopAll();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // already running the hook
            }
        }
    }

    /**
     * Stops every broker (gracefully; a cluster's controller too), as when Kafka goes away; {@link #restartKafka()}
     * brings them back, same data.
     */
    public synchronized void stopKafka() {
        stopKafkaNodes(10);
    }

    /** Starts every broker (and controller) that is not running, on the same ports and data, and waits for them. */
    public synchronized void restartKafka() {
        try {
            startKafka();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stopKafkaNodes(int timeoutSeconds) {
        for (KafkaNode broker : brokers) {
            broker.stop(timeoutSeconds);
        }
        if (controller != null) {
            controller.stop(timeoutSeconds);
        }
    }

    /**
     * Stops PostgreSQL (a fast shutdown: open sessions are ended, as when the database fails over or is restarted
     * under the services); {@link #restartPostgres()} brings it back on the same port, same data.
     */
    public synchronized void stopPostgres() {
        if (postgres != null) {
            long pid = postgresPid();
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            watchdog.forget(pid);
            postgres = null;
        }
    }

    /**
     * SIGKILL of the postmaster, as in a crash: its backends notice and exit; {@link #restartPostgres()} brings it
     * back on the same data, through crash recovery.
     */
    public synchronized void killPostgres() {
        if (postgres != null) {
            long pid = postgresPid();
            ProcessHandle.of(pid).ifPresent(postmaster -> {
                List<ProcessHandle> backends = postmaster.descendants().toList();
                postmaster.destroyForcibly();
                postmaster.onExit().join();
                // a backend left behind would hold the shared memory the restart needs
                backends.forEach(b -> b.onExit().completeOnTimeout(b, 10, java.util.concurrent.TimeUnit.SECONDS)
                        .join().destroyForcibly());
                backends.forEach(b -> b.onExit().join());
            });
            watchdog.forget(pid);
            try {
                postgres.close(); // its stop finds no server; what matters is the data directory's lock it releases
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
    }

    /** Starts PostgreSQL again on the same port and data, and returns once it accepts connections. */
    public synchronized void restartPostgres() {
        if (postgres == null) {
            try {
                startPostgresServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Work to do before Kafka and PostgreSQL stop, however the stack is stopped (close, or the JVM's shutdown hook,
     * which runs beside any other hook): the services stop first, so none sees its database vanish mid-batch.
     */
    public void beforeStop(Runnable work) {
        beforeStop.add(work);
    }

    private synchronized void stopAll() {
        for (Runnable work : beforeStop) {
            try {
                work.run();
            } catch (RuntimeException e) {
                // stop the rest anyway
            }
        }
        beforeStop.clear();
        stopKafkaNodes(20);
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // best effort: the watchdog still has its pid
            }
            postgres = null;
        }
        watchdog.stop();
        try {
            Files.deleteIfExists(dataDir.resolve("devstack.pids"));
            if (temporary) {
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    private static int freePort() {
        return FreePorts.next();
    }
}
