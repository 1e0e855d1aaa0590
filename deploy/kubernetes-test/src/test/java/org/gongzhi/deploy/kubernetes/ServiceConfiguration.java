package org.gongzhi.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the services say about themselves: their application.properties, platform's defaults, the Maven version. */
record ServiceConfiguration(String name, Properties properties, Set<String> envNames, Set<String> resourcePaths) {

    static final List<String> SERVICES =
            List.of("request-service", "alliance-service", "volunteer-service", "notification-service");
    /** Modules a service deploys inside itself, whose resources it serves (the deliberation hall). */
    static final Map<String, List<String>> PARTS = Map.of("request-service", List.of("hall"));

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)");
    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern CLASS = Pattern.compile("(?m)^(public |final |abstract )*(class|interface|record) \\w+");
    private static final Pattern HTTP_METHOD = Pattern.compile("@(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\\b.*");

    /** The repository's root, from this module's folder (deploy/kubernetes-test) or any folder below the root. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/kubernetes/kustomization.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no deploy/kubernetes/kustomization.yaml above " + Path.of("").toAbsolutePath());
    }

    static Map<String, ServiceConfiguration> read(Path root) {
        Properties platform = load(root.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        Map<String, ServiceConfiguration> services = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Properties own = load(root.resolve(service + "/src/main/resources/application.properties"));
            Properties all = new Properties();
            all.putAll(platform);
            all.putAll(own);
            all.remove("config_ordinal");
            Set<String> env = new TreeSet<>();
            for (String key : all.stringPropertyNames()) {
                if (!key.startsWith("%")) {
                    env.add(envName(key));
                }
                Matcher reference = REFERENCE.matcher(all.getProperty(key));
                while (reference.find()) {
                    env.add(envName(reference.group(1)));
                }
            }
            Set<String> resources = new TreeSet<>(resourcePaths(root.resolve(service + "/src/main/java")));
            for (String part : PARTS.getOrDefault(service, List.of())) {
                resources.addAll(resourcePaths(root.resolve(part + "/src/main/java")));
            }
            services.put(service, new ServiceConfiguration(service, all, env, resources));
        }
        return services;
    }

    /** MicroProfile Config's environment name of a property: upper case, every other character an underscore. */
    static String envName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    static String version(Path root) {
        try {
            Matcher version = Pattern.compile("(?m)^  <version>([^<]+)</version>").matcher(Files.readString(root.resolve("pom.xml")));
            if (!version.find()) {
                throw new IllegalStateException("no version in the root pom");
            }
            return version.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int httpPort() {
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    /** The database's name: the last segment of the JDBC URL. */
    String database() {
        String url = properties.getProperty("quarkus.datasource.jdbc.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Every topic a channel of the service reads or dead-letters to. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.") && (key.endsWith(".topic") || key.endsWith(".topics"))) {
                for (String topic : properties.getProperty(key).split(",")) {
                    topics.add(topic.trim());
                }
            }
        }
        return topics;
    }

    /**
     * Every resource path of the service as its resources declare it (/api/requests/{id}/timeline, ...): a class's
     * {@code @Path} joined with each resource method's, read from the sources. A method is an HTTP-method annotation
     * with the annotations on the lines around it; one without a {@code @Path} serves the class's path itself.
     */
    private static Set<String> resourcePaths(Path sources) {
        Set<String> paths = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher declaration = CLASS.matcher(text);
                if (!text.contains("@Path(") || !declaration.find()) {
                    continue;
                }
                Matcher classPath = PATH.matcher(text.substring(0, declaration.start()));
                String prefix = classPath.find() ? classPath.group(1) : "";
                List<String> block = new ArrayList<>();
                for (String line : text.substring(declaration.end()).lines().toList()) {
                    if (line.strip().startsWith("@")) {
                        block.add(line.strip());
                        continue;
                    }
                    if (block.stream().anyMatch(a -> HTTP_METHOD.matcher(a).matches())) {
                        String own = block.stream().map(PATH::matcher).filter(Matcher::lookingAt)
                                .map(m -> m.group(1)).findFirst().orElse("");
                        paths.add(join(prefix, own));
                    }
                    block.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }

    private static String join(String prefix, String path) {
        String joined = ("/" + prefix + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
