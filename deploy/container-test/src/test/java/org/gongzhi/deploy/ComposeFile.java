package org.gongzhi.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * deploy/compose/compose.yaml as the container test reads it: each service's image, environment, health check,
 * container port and mounts, with {@code ${VAR:-default}} interpolated as compose does (from an env file, then the
 * defaults). The test starts exactly what the file says, so the file is what is tested.
 */
final class ComposeFile {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");

    private final Map<String, Object> services;
    private final Map<String, String> variables;

    private ComposeFile(Map<String, Object> services, Map<String, String> variables) {
        this.services = services;
        this.variables = variables;
    }

    @SuppressWarnings("unchecked")
    static ComposeFile read(Path file, Path envFile) {
        try {
            Map<String, String> variables = new LinkedHashMap<>();
            if (envFile != null) {
                for (String line : Files.readAllLines(envFile)) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                        variables.put(trimmed.substring(0, trimmed.indexOf('=')), trimmed.substring(trimmed.indexOf('=') + 1));
                    }
                }
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            return new ComposeFile((Map<String, Object>) root.get("services"), variables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services in the file's order. */
    List<String> serviceNames() {
        return new ArrayList<>(services.keySet());
    }

    String image(String service) {
        return interpolate((String) service(service).get("image"));
    }

    @SuppressWarnings("unchecked")
    Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object declared = service(service).get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), interpolate(String.valueOf(v))));
        }
        return env;
    }

    /** The health check's command as the engine runs it: CMD-SHELL through {@code sh -c}, CMD as given. */
    @SuppressWarnings("unchecked")
    List<String> healthCheck(String service) {
        Map<String, Object> check = (Map<String, Object>) service(service).get("healthcheck");
        if (check == null) {
            throw new IllegalStateException(service + " has no health check in the compose file");
        }
        List<String> test = ((List<Object>) check.get("test")).stream().map(o -> interpolate(String.valueOf(o))).toList();
        return switch (test.get(0)) {
            case "CMD-SHELL" -> List.of("sh", "-c", test.get(1));
            case "CMD" -> test.subList(1, test.size());
            default -> throw new IllegalStateException("unknown health check form " + test.get(0));
        };
    }

    /** The container port of the first {@code ports:} entry ("host:container"), or empty. */
    @SuppressWarnings("unchecked")
    List<Integer> containerPorts(String service) {
        List<Object> ports = (List<Object>) service(service).getOrDefault("ports", List.of());
        return ports.stream().map(p -> interpolate(String.valueOf(p)))
                .map(p -> Integer.parseInt(p.substring(p.lastIndexOf(':') + 1))).toList();
    }

    /** Bind mounts ({@code ./host/path:/container/path[:ro]}) with the host path interpolated, relative to the file. */
    @SuppressWarnings("unchecked")
    Map<String, String> bindMounts(String service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Object volume : (List<Object>) service(service).getOrDefault("volumes", List.of())) {
            String[] parts = interpolate(String.valueOf(volume)).split(":");
            if (parts[0].startsWith(".") || parts[0].startsWith("/")) {
                mounts.put(parts[0], parts[1]);
            }
        }
        return mounts;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> service(String name) {
        Map<String, Object> service = (Map<String, Object>) services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in the compose file");
        }
        return service;
    }

    private String interpolate(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String set = variables.getOrDefault(m.group(1), System.getenv(m.group(1)));
                replacement = set != null && !set.isEmpty() ? set : m.group(2) != null ? m.group(2) : "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
