package org.gongzhi.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an OpenAPI document against the OpenAPI Initiative's own JSON Schema for 3.1 (vendored beside this class,
 * see {@code oas-3.1/README.md}), with a validator that has nothing to do with the generator that wrote it.
 */
public final class OpenApiDocument {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema OAS_31 = load();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiDocument() {
    }

    private static JsonSchema load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("oas-3.1/schema.json")) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI 3.1 schema is not on the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the document (JSON text), each as the place and the rule it breaks; empty when valid. */
    public static List<String> problems(String json) {
        JsonNode document;
        try {
            document = JSON.readTree(json);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        return OAS_31.validate(document).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .map(ValidationMessage::getMessage)
                .toList();
    }

    /**
     * The operations whose refusals the document does not show (platform's {@code ApiDocs} gives every one at least
     * one 4xx, each with the problem+json body; Open311's own errors excepted), each as "GET /path 404"; empty when
     * all do.
     */
    public static List<String> unrefused(String json) {
        JsonNode document;
        try {
            document = JSON.readTree(json);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        List<String> missing = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            String op = method.getKey().toUpperCase() + " " + path.getKey();
            List<Map.Entry<String, JsonNode>> refusals = method.getValue().path("responses").properties().stream()
                    .filter(r -> r.getKey().startsWith("4")).toList();
            if (refusals.isEmpty()) {
                missing.add(op + " 4xx");
            }
            boolean open311 = path.getKey().startsWith("/open311/");
            refusals.stream().filter(r -> !open311 || r.getKey().equals("406"))
                    .filter(r -> r.getValue().path("content").path("application/problem+json").isMissingNode())
                    .forEach(r -> missing.add(op + " " + r.getKey()));
        }));
        return missing;
    }
}
