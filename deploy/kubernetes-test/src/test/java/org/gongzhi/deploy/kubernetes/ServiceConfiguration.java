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
record ServiceConfiguration(String name, Properties properties, Set<String> envNames, Set<String> apiRoots) {

    static final List<String> SERVICES =
            List.of("request-service", "alliance-service", "volunteer-service", "notification-service");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)");
    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");

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
            services.put(service, new ServiceConfiguration(service, all, env, apiRoots(root.resolve(service + "/src/main/java"))));
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
     * The first two segments of every resource path (/api/requests, /open311/v2, ...): a class's @Path, joined with
     * its methods' when the class's is only "/api".
     */
    private static Set<String> apiRoots(Path sources) {
        Set<String> roots = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                List<String> paths = new ArrayList<>();
                Matcher path = PATH.matcher(text);
                while (path.find()) {
                    paths.add(path.group(1));
                }
                if (paths.isEmpty()) {
                    continue;
                }
                String classPath = paths.get(0);
                if (classPath.equals("/api")) {
                    for (String method : paths.subList(1, paths.size())) {
                        roots.add(twoSegments("/api/" + method.replaceFirst("^/", "")));
                    }
                } else {
                    roots.add(twoSegments(classPath));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return roots;
    }

    private static String twoSegments(String path) {
        String[] segments = path.replaceFirst("^/", "").split("/");
        return segments.length == 1 ? "/" + segments[0] : "/" + segments[0] + "/" + segments[1];
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
