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
import java.util.Comparator;
import java.util.List;

/**
 * Checks an OpenAPI document against the OpenAPI Initiative's own JSON Schema for 3.1 (vendored beside this class,
 * see {@code oas-3.1/README.md}), with a validator that has nothing to do with the generator that wrote it.
 */
public final class OpenApiDocument {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema OAS_31 = load();

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
}
