package org.gongzhi.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gongzhi.events.Topics;

/**
 * The offline check of deploy/kubernetes: every object of the kustomization (and the example Secrets) in its typed
 * model, and what the objects say against what the services are configured with. Works on the files' text, so a test
 * can plant a mistake in a copy.
 */
final class ManifestCheck {

    static final String KUSTOMIZATION = "kustomization.yaml";
    static final String SECRETS = "secrets.example.yaml";
    static final String IMAGES = "localhost/gongzhi/";
    static final int PARTITIONS = 6;

    /** ingress-nginx's annotation: every path of the host is a regular expression (see ingress.yaml). */
    static final String USE_REGEX = "nginx.ingress.kubernetes.io/use-regex";

    private final Map<String, ServiceConfiguration> services;
    private final String version;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, List<JsonNode>> byKind = new TreeMap<>();

    ManifestCheck(Map<String, ServiceConfiguration> services, String version) {
        this.services = services;
        this.version = version;
    }

    /** The files of deploy/kubernetes (name relative to it → text), the generator script left out. */
    static Map<String, String> read(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path file : all.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    List<String> check(Map<String, String> files) {
        JsonNode kustomization = documents(KUSTOMIZATION, files.get(KUSTOMIZATION)).get(0);
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> present = new TreeSet<>(files.keySet());
        present.remove(KUSTOMIZATION);
        present.remove(SECRETS);
        if (!listed.equals(present)) {
            problem("kustomization.yaml lists " + listed + " but the folder holds " + present);
        }
        for (String file : listed) {
            if (files.containsKey(file)) {
                readObjects(file, files.get(file), true);
            }
        }
        if (files.containsKey(SECRETS)) {
            readObjects(SECRETS, files.get(SECRETS), false);
        } else {
            problem("no " + SECRETS);
        }
        checkServices();
        checkKafka();
        checkTopics();
        checkPostgres();
        checkPolicies();
        checkIngress();
        return problems;
    }

    private void readObjects(String file, String text, boolean applied) {
        List<JsonNode> objects = documents(file, text);
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            String where = file + " #" + (i + 1) + " " + object.path("metadata").path("name").asText("(no name)");
            problems.addAll(TypedModels.problems(where, object));
            String kind = object.path("kind").asText();
            if (!applied && !kind.equals("Secret")) {
                problem(where + ": only Secrets belong in " + SECRETS);
            }
            if (applied && kind.equals("Secret")) {
                problem(where + ": a Secret in the kustomization (secrets stay out of the repository)");
            }
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(object);
        }
    }

    private List<JsonNode> documents(String file, String text) {
        List<JsonNode> objects = new ArrayList<>();
        if (text == null) {
            problem("missing file " + file);
            return objects;
        }
        try (MappingIterator<JsonNode> documents = TypedModels.YAML.readerFor(JsonNode.class).readValues(text)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    objects.add(document);
                }
            }
        } catch (IOException | RuntimeException e) {
            problem(file + ": not YAML: " + e.getMessage());
        }
        return objects;
    }

    private void problem(String problem) {
        problems.add(problem);
    }

    private List<JsonNode> kind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    private JsonNode named(String kind, String name) {
        return kind(kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst().orElse(null);
    }

    private JsonNode kafka() {
        List<JsonNode> kafkas = kind("Kafka");
        return kafkas.size() == 1 ? kafkas.get(0) : null;
    }

    private String bootstrap() {
        JsonNode kafka = kafka();
        if (kafka == null) {
            return null;
        }
        for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
            if (listener.path("type").asText().equals("internal") && !listener.path("tls").asBoolean(false)) {
                return kafka.path("metadata").path("name").asText() + "-kafka-bootstrap:" + listener.path("port").asInt();
            }
        }
        return null;
    }

    private String postgresHost() {
        List<JsonNode> clusters = kind("Cluster");
        return clusters.size() == 1 ? clusters.get(0).path("metadata").path("name").asText() + "-rw" : null;
    }

    /** Deployment, Service, probes, image, port and every environment variable of each service. */
    private void checkServices() {
        Set<String> deployments = new TreeSet<>();
        kind("Deployment").forEach(d -> deployments.add(d.path("metadata").path("name").asText()));
        if (!deployments.equals(services.keySet().stream().collect(java.util.stream.Collectors.toCollection(TreeSet::new)))) {
            problem("Deployments " + deployments + " are not the services " + services.keySet());
        }
        for (ServiceConfiguration service : services.values()) {
            JsonNode deployment = named("Deployment", service.name());
            if (deployment == null) {
                continue;
            }
            String at = "Deployment " + service.name() + ": ";
            JsonNode pod = deployment.path("spec").path("template");
            JsonNode selector = deployment.path("spec").path("selector").path("matchLabels");
            selector.fields().forEachRemaining(label -> {
                if (!pod.path("metadata").path("labels").path(label.getKey()).asText().equals(label.getValue().asText())) {
                    problem(at + "its selector " + label.getKey() + " does not match its pods' labels");
                }
            });
            JsonNode containers = pod.path("spec").path("containers");
            if (containers.size() != 1) {
                problem(at + containers.size() + " containers, not one");
                continue;
            }
            JsonNode container = containers.get(0);
            String image = IMAGES + service.name() + ":" + version;
            if (!container.path("image").asText().equals(image)) {
                problem(at + "image " + container.path("image").asText() + ", not " + image + " (deploy/images/build)");
            }
            int port = service.httpPort();
            JsonNode ports = container.path("ports");
            if (ports.size() != 1 || ports.get(0).path("containerPort").asInt() != port
                    || !ports.get(0).path("name").asText().equals("http")) {
                problem(at + "container port " + ports + ", not http " + port + " (quarkus.http.port)");
            }
            probe(at, container, "livenessProbe", "/q/health/live", port);
            probe(at, container, "readinessProbe", "/q/health/ready", port);
            probe(at, container, "startupProbe", "/q/health/started", port);
            environment(at, service, pod, container);
            JsonNode kubeService = named("Service", service.name());
            if (kubeService == null) {
                problem("no Service " + service.name());
            } else {
                JsonNode servicePorts = kubeService.path("spec").path("ports");
                if (servicePorts.size() != 1 || servicePorts.get(0).path("targetPort").asInt() != port
                        || !servicePorts.get(0).path("name").asText().equals("http")) {
                    problem("Service " + service.name() + ": ports " + servicePorts + " do not lead to http " + port);
                }
                if (!selects(kubeService.path("spec").path("selector"), pod)) {
                    problem("Service " + service.name() + ": its selector does not select the Deployment's pods");
                }
            }
        }
    }

    private void probe(String at, JsonNode container, String probe, String path, int port) {
        JsonNode get = container.path(probe).path("httpGet");
        if (!get.path("path").asText().equals(path) || get.path("port").asInt() != port) {
            problem(at + probe + " is " + get + ", not GET " + path + " on " + port);
        }
    }

    private void environment(String at, ServiceConfiguration service, JsonNode pod, JsonNode container) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            if (env.put(name, variable) != null) {
                problem(at + "environment variable " + name + " twice");
            }
            if (!name.equals("KUBERNETES_NAMESPACE") && !service.envNames().contains(name)) {
                problem(at + "environment variable " + name + " names no configuration property of the service");
            }
        }
        String db = service.database();
        String host = postgresHost();
        expectValue(at, env, "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + host + ":5432/" + db);
        expectValue(at, env, "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + host + ":5432/" + db);
        expectValue(at, env, "KAFKA_BOOTSTRAP_SERVERS", bootstrap());
        expectSecret(at, env, "QUARKUS_DATASOURCE_USERNAME", "gongzhi-db-" + db, "username");
        expectSecret(at, env, "QUARKUS_DATASOURCE_PASSWORD", "gongzhi-db-" + db, "password");
        expectSecret(at, env, "MP_JWT_VERIFY_ISSUER", "gongzhi-jwt", "issuer");
        // the issuer's public key: a file from the Secret where mp.jwt.verify.publickey.location expects it
        Path key = Path.of(service.properties().getProperty("mp.jwt.verify.publickey.location"));
        boolean mounted = false;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (!mount.path("mountPath").asText().equals(key.getParent().toString())) {
                continue;
            }
            for (JsonNode volume : pod.path("spec").path("volumes")) {
                if (volume.path("name").asText().equals(mount.path("name").asText())) {
                    String secret = volume.path("secret").path("secretName").asText();
                    mounted = secretKeys(secret).contains(key.getFileName().toString())
                            && volume.path("secret").path("defaultMode").asInt(0644) % 8 >= 4;
                }
            }
        }
        if (!mounted) {
            problem(at + "no Secret with " + key.getFileName() + " readable by the service mounted at " + key.getParent());
        }
    }

    private void expectValue(String at, Map<String, JsonNode> env, String name, String value) {
        JsonNode variable = env.get(name);
        if (variable == null || !variable.path("value").asText().equals(value)) {
            problem(at + name + " is " + (variable == null ? "missing" : variable.path("value").asText()) + ", not " + value);
        }
    }

    private void expectSecret(String at, Map<String, JsonNode> env, String name, String secret, String key) {
        JsonNode ref = env.containsKey(name) ? env.get(name).path("valueFrom").path("secretKeyRef") : null;
        if (ref == null || !ref.path("name").asText().equals(secret) || !ref.path("key").asText().equals(key)) {
            problem(at + name + " does not come from Secret " + secret + " key " + key);
        } else if (!secretKeys(secret).contains(key)) {
            problem(at + name + ": " + SECRETS + " has no Secret " + secret + " with key " + key);
        }
    }

    private Set<String> secretKeys(String name) {
        JsonNode secret = named("Secret", name);
        Set<String> keys = new HashSet<>();
        if (secret != null) {
            secret.path("stringData").fieldNames().forEachRemaining(keys::add);
            secret.path("data").fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    private static boolean selects(JsonNode selector, JsonNode pod) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        var labels = selector.fields();
        while (labels.hasNext()) {
            var label = labels.next();
            if (!pod.path("metadata").path("labels").path(label.getKey()).asText().equals(label.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    /** Three KRaft nodes, both roles, and the listener the services are given. */
    private void checkKafka() {
        JsonNode kafka = kafka();
        if (kafka == null) {
            problem("not exactly one Kafka: " + kind("Kafka").size());
            return;
        }
        String cluster = kafka.path("metadata").path("name").asText();
        int brokers = 0;
        int controllers = 0;
        for (JsonNode pool : kind("KafkaNodePool")) {
            if (!pool.path("metadata").path("labels").path("strimzi.io/cluster").asText().equals(cluster)) {
                problem("KafkaNodePool " + pool.path("metadata").path("name").asText() + " is not labelled for " + cluster);
            }
            Set<String> roles = new HashSet<>();
            pool.path("spec").path("roles").forEach(r -> roles.add(r.asText()));
            int replicas = pool.path("spec").path("replicas").asInt();
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        if (brokers != 3 || controllers % 2 != 1) {
            problem("Kafka " + cluster + ": " + brokers + " brokers and " + controllers + " controllers, not 3 and an odd number");
        }
        if (bootstrap() == null) {
            problem("Kafka " + cluster + ": no plain internal listener for the services");
        }
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        if (config.path("auto.create.topics.enable").asBoolean(true)) {
            problem("Kafka " + cluster + ": topics would be created on first use; declare them as KafkaTopics");
        }
    }

    /** Every topic of the events module and of the services' channels, each with its dead-letter twin. */
    private void checkTopics() {
        Set<String> expected = new TreeSet<>();
        for (String topic : Topics.ALL) {
            expected.add(topic);
            expected.add(Topics.deadLetter(topic));
        }
        services.values().forEach(s -> expected.addAll(s.topics()));
        Set<String> declared = new TreeSet<>();
        String cluster = kafka() == null ? null : kafka().path("metadata").path("name").asText();
        for (JsonNode topic : kind("KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            String name = spec.path("topicName").asText(topic.path("metadata").path("name").asText());
            declared.add(name);
            if (spec.path("partitions").asInt() != PARTITIONS || spec.path("replicas").asInt() != 3
                    || !spec.path("config").path("min.insync.replicas").asText().equals("2")) {
                problem("KafkaTopic " + name + ": not 6 partitions, 3 replicas, min.insync.replicas=2");
            }
            if (!topic.path("metadata").path("labels").path("strimzi.io/cluster").asText().equals(cluster)) {
                problem("KafkaTopic " + name + " is not labelled for the Kafka cluster " + cluster);
            }
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(declared);
        Set<String> unused = new TreeSet<>(declared);
        unused.removeAll(expected);
        if (!missing.isEmpty()) {
            problem("topics used but not declared as KafkaTopics: " + missing);
        }
        if (!unused.isEmpty()) {
            problem("KafkaTopics no service uses: " + unused);
        }
    }

    /** One database per service, owned by the role whose Secret the service reads. */
    private void checkPostgres() {
        List<JsonNode> clusters = kind("Cluster");
        if (clusters.size() != 1) {
            problem("not exactly one CloudNativePG Cluster: " + clusters.size());
            return;
        }
        JsonNode cluster = clusters.get(0);
        String clusterName = cluster.path("metadata").path("name").asText();
        Map<String, String> owners = new HashMap<>();
        Map<String, String> roleSecrets = new HashMap<>();
        JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
        owners.put(initdb.path("database").asText(), initdb.path("owner").asText());
        roleSecrets.put(initdb.path("owner").asText(), initdb.path("secret").path("name").asText());
        for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
            roleSecrets.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
        }
        for (JsonNode database : kind("Database")) {
            if (!database.path("spec").path("cluster").path("name").asText().equals(clusterName)) {
                problem("Database " + database.path("metadata").path("name").asText() + " is not in cluster " + clusterName);
            }
            owners.put(database.path("spec").path("name").asText(), database.path("spec").path("owner").asText());
        }
        for (ServiceConfiguration service : services.values()) {
            String db = service.database();
            String owner = owners.get(db);
            String secret = "gongzhi-db-" + db;
            if (owner == null) {
                problem("no database " + db + " for " + service.name());
            } else if (!secret.equals(roleSecrets.get(owner))) {
                problem("database " + db + ": its owner " + owner + " has no role with the Secret " + secret);
            } else {
                JsonNode example = named("Secret", secret);
                if (example == null || !example.path("stringData").path("username").asText().equals(owner)
                        || !example.path("type").asText().equals("kubernetes.io/basic-auth")) {
                    problem(SECRETS + ": " + secret + " is not a basic-auth Secret for the role " + owner);
                }
            }
        }
    }

    /** A PodDisruptionBudget for every service, an autoscaler for the consumer services (never notification). */
    private void checkPolicies() {
        for (ServiceConfiguration service : services.values()) {
            JsonNode deployment = named("Deployment", service.name());
            JsonNode pod = deployment == null ? null : deployment.path("spec").path("template");
            long budgets = kind("PodDisruptionBudget").stream()
                    .filter(b -> pod != null && selects(b.path("spec").path("selector").path("matchLabels"), pod)).count();
            if (budgets != 1) {
                problem(service.name() + ": " + budgets + " PodDisruptionBudgets select its pods, not one");
            }
        }
        Set<String> scaled = new TreeSet<>();
        for (JsonNode hpa : kind("HorizontalPodAutoscaler")) {
            JsonNode target = hpa.path("spec").path("scaleTargetRef");
            String name = target.path("name").asText();
            scaled.add(name);
            if (!target.path("kind").asText().equals("Deployment") || named("Deployment", name) == null) {
                problem("HorizontalPodAutoscaler " + hpa.path("metadata").path("name").asText() + " scales no Deployment: " + target);
            }
            int min = hpa.path("spec").path("minReplicas").asInt(1);
            int max = hpa.path("spec").path("maxReplicas").asInt();
            if (min < 1 || max < min || max > PARTITIONS) {
                problem("HorizontalPodAutoscaler " + name + ": replicas " + min + ".." + max + " (at most " + PARTITIONS + " partitions)");
            }
        }
        Set<String> consumers = new TreeSet<>(List.of("request-service", "alliance-service", "volunteer-service"));
        if (!scaled.equals(consumers)) {
            problem("autoscaled " + scaled + ", not the consumer services " + consumers);
        }
    }

    /** One origin: each service's API paths reach that service; every backend is a Service port that exists. */
    /** The service a request reaches by Prefix paths: the longest path that is the request's or one of its parents. */
    private static String byPrefix(Map<String, String> routes, String request) {
        String best = null;
        for (String prefix : routes.keySet()) {
            boolean matches = prefix.equals("/") || request.equals(prefix) || request.startsWith(prefix + "/");
            if (matches && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? null : routes.get(best);
    }

    /**
     * The service a request reaches as ingress-nginx routes with use-regex: each path a case-insensitive regular
     * expression anchored at the start ({@code location ~* "^path"}), tried longest path first, the first match wins.
     */
    private static String byRegex(Map<String, String> routes, String request) {
        return routes.keySet().stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .filter(path -> java.util.regex.Pattern.compile("^" + path, java.util.regex.Pattern.CASE_INSENSITIVE)
                        .matcher(request).lookingAt())
                .findFirst().map(routes::get).orElse(null);
    }

    private void checkIngress() {
        List<JsonNode> ingresses = kind("Ingress");
        if (ingresses.size() != 1) {
            problem("not exactly one Ingress: " + ingresses.size());
            return;
        }
        JsonNode ingress = ingresses.get(0);
        boolean regex = ingress.path("metadata").path("annotations").path(USE_REGEX).asText().equals("true");
        Map<String, String> routes = new LinkedHashMap<>();
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode backend = path.path("backend").path("service");
                String target = backend.path("name").asText();
                routes.put(path.path("path").asText(), target);
                String type = path.path("pathType").asText();
                if (!type.equals("Prefix") && !(regex && type.equals("ImplementationSpecific"))) {
                    problem("Ingress path " + path.path("path").asText() + " is " + type + ": a Prefix, or with "
                            + USE_REGEX + " a regular expression (ImplementationSpecific)");
                }
                JsonNode service = named("Service", target);
                boolean port = false;
                if (service != null) {
                    for (JsonNode p : service.path("spec").path("ports")) {
                        port |= p.path("name").asText().equals(backend.path("port").path("name").asText())
                                || (backend.path("port").has("number") && p.path("port").asInt() == backend.path("port").path("number").asInt());
                    }
                }
                if (!port) {
                    problem("Ingress path " + path.path("path").asText() + " leads to no port of a Service: " + backend);
                }
            }
        }
        if (!"notification-service".equals(routes.get("/"))) {
            problem("Ingress: / (the console page) does not lead to notification-service");
        }
        for (ServiceConfiguration service : services.values()) {
            for (String resource : service.resourcePaths()) {
                // a request as a client sends it: each path parameter one segment
                String request = resource.replaceAll("\\{[^}]*}", "x1");
                String reached = regex ? byRegex(routes, request) : byPrefix(routes, request);
                if (!service.name().equals(reached)) {
                    problem("Ingress: " + resource + " of " + service.name() + " leads to " + reached);
                }
            }
        }
        JsonNode notification = named("Deployment", "notification-service");
        if (notification != null) {
            for (String api : List.of("REQUESTS", "ALLIANCE", "VOLUNTEERS")) {
                boolean same = false;
                for (JsonNode variable : notification.path("spec").path("template").path("spec").path("containers").path(0).path("env")) {
                    same |= variable.path("name").asText().equals("GONGZHI_CONSOLE_API_" + api)
                            && variable.path("value").asText().equals("/");
                }
                if (!same) {
                    problem("notification-service: GONGZHI_CONSOLE_API_" + api + " is not \"/\" (the Ingress's one origin)");
                }
            }
        }
    }
}
