package org.gongzhi.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes every service's API document in one place instead of on every method (platform's
 * {@code mp.openapi.filter}). Each operation gets the refusals it can give:
 * 400 for a body, query or header input, 401/403 when it needs a token, 404 when its path names something, 406 when it
 * takes no input at all, plus what a method declares with an {@code x-refuses-<code>} extension, e.g.
 * {@code @Extension(name = "x-refuses-409", value = "…")}; each with the problem+json body (Open311's own error list
 * under {@code /open311}). A request body gets the example of its schema ({@code @Schema(example = …)} on the
 * record), or the method's {@code x-example} (a form).
 */
public class ApiDocs implements OASFilter {
    static final String PROBLEM_JSON = "application/problem+json";
    static final String REFUSES = "x-refuses-";
    static final String EXAMPLE = "x-example";
    static final String UNKNOWN = "UNKNOWN";

    /**
     * A published vocabulary's {@code UNKNOWN} (events: a value read from a newer producer, never published) is no
     * value of an API: an enum's schema leaves it out.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        List<Object> values = schema.getEnumeration();
        if (values != null && values.contains(UNKNOWN)) {
            schema.setEnumeration(values.stream().filter(v -> !UNKNOWN.equals(v)).toList());
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema("Problem", problemSchema());
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        if (api.getPaths().getPathItems().keySet().stream().anyMatch(ApiDocs::isOpen311)) {
            api.getComponents().addSchema("Open311Error", open311ErrorSchema());
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, op) -> complete(path, op, schemas)));
    }

    private static void complete(String path, Operation op, Map<String, Schema> schemas) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        boolean open311 = isOpen311(path);
        // a path parameter that does not parse is a 404 (JAX-RS); a body, query or header one is a 400
        boolean input = op.getRequestBody() != null || (op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> p.getIn() != Parameter.In.PATH));
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();

        Map<String, String> refusals = new LinkedHashMap<>();
        if (input) {
            refusals.put("400", open311 ? "A parameter is wrong; the description says which. Nothing was changed."
                    : "A field or parameter is wrong; `errors` names each one. Nothing was changed.");
        }
        if (secured) {
            refusals.put("401", "No valid bearer token");
            refusals.put("403", "Your role may not do this");
        }
        if (path.contains("{")) {
            refusals.put("404", "No such " + thing(path) + (secured ? ", or not yours to see" : ""));
        }
        if (op.getExtensions() != null) {
            for (Map.Entry<String, Object> e : Map.copyOf(op.getExtensions()).entrySet()) {
                if (e.getKey().startsWith(REFUSES)) {
                    // a declared refusal adds to the general one with the same code ("your role…; or …")
                    refusals.merge(e.getKey().substring(REFUSES.length()), String.valueOf(e.getValue()),
                            (general, declared) -> general + "; or: " + declared);
                    op.removeExtension(e.getKey());
                }
            }
        }
        if (refusals.isEmpty() && responses.getAPIResponses().keySet().stream().noneMatch(c -> c.startsWith("4"))) {
            refusals.put("406", "The Accept header asks for something other than JSON");
        }
        refusals.forEach((code, description) -> {
            APIResponse existing = responses.getAPIResponse(code);
            if (existing == null) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
            } else if (isGeneric(existing.getDescription())) {
                existing.setDescription(description);
            }
        });
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") && (response.getContent() == null
                    || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                boolean spec = open311 && !"406".equals(code);
                response.setContent(spec ? content("application/json", ref("Open311Error"), List.of(Map.of(
                                "code", Integer.parseInt(code), "description", response.getDescription())))
                        : content(PROBLEM_JSON, ref("Problem"), Map.of("type", "about:blank", "title",
                                title(code), "status", Integer.parseInt(code), "detail", response.getDescription(),
                                "instance", path)));
            }
        });
        examples(op, schemas);
    }

    /** Each media type of the request body shows an example: its schema's, or the method's {@code x-example}. */
    private static void examples(Operation op, Map<String, Schema> schemas) {
        Object given = op.getExtensions() == null ? null : op.getExtensions().get(EXAMPLE);
        if (given != null) {
            op.removeExtension(EXAMPLE);
        }
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null
                || op.getRequestBody().getContent().getMediaTypes() == null) {
            return;
        }
        for (MediaType media : op.getRequestBody().getContent().getMediaTypes().values()) {
            if (media.getExample() != null || (media.getExamples() != null && !media.getExamples().isEmpty())) {
                continue;
            }
            Object example = given != null ? given : exampleOf(media.getSchema(), schemas);
            if (example != null) {
                media.setExample(example);
            }
        }
    }

    private static Object exampleOf(Schema schema, Map<String, Schema> schemas) {
        if (schema == null) {
            return null;
        }
        if (schema.getRef() != null && schemas != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            return exampleOf(schemas.get(name), schemas);
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        return schema.getExample();
    }

    private static boolean isOpen311(String path) {
        return path.startsWith("/open311/");
    }

    /** The description a generator gives ("Bad Request", "Not Allowed"): ours says more. */
    private static boolean isGeneric(String description) {
        return description == null || List.of("Bad Request", "Not Authorized", "Not Allowed", "Not Found",
                "Conflict", "Forbidden", "Unauthorized").contains(description);
    }

    private static String thing(String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i > 0; i--) {
            if (parts[i].startsWith("{") && !parts[i - 1].startsWith("{")) {
                String collection = parts[i - 1].replace(".json", "");
                // the plural of the path in the singular: activities → activity, requests → request
                return collection.endsWith("ies") ? collection.substring(0, collection.length() - 3) + "y"
                        : collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
            }
        }
        return "resource";
    }

    private static String title(String code) {
        return switch (code) {
            case "400" -> "Invalid input";
            case "401" -> "Unauthorized";
            case "403" -> "Forbidden";
            case "404" -> "Not found";
            case "406" -> "Not Acceptable";
            case "409" -> "Conflict";
            default -> "Refused";
        };
    }

    private static Content content(String mediaType, Schema schema, Object example) {
        return OASFactory.createContent().addMediaType(mediaType,
                OASFactory.createMediaType().schema(schema).example(example));
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("The field or parameter, e.g. `location.building` or `photos[0]`"))
                .addProperty("message", string("What is wrong with it"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details: the one error body of every endpoint, in the caller's "
                        + "language (Accept-Language: zh-CN gives the title, detail and messages in Chinese; "
                        + "otherwise English)")
                .addProperty("type", string("Always `about:blank`"))
                .addProperty("title", string("The kind of refusal, e.g. `Invalid input`"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string("What is wrong, in words"))
                .addProperty("instance", string("The path that refused"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("For invalid input: each field that is wrong"))
                .required(List.of("title", "status"))
                .addExample(Map.of("type", "about:blank", "title", "Invalid input", "status", 400,
                        "detail", "category: unknown category 'leak'; see GET /api/categories",
                        "instance", "/api/requests",
                        "errors", List.of(Map.of("field", "category",
                                "message", "unknown category 'leak'; see GET /api/categories"))));
    }

    private static Schema open311ErrorSchema() {
        Schema error = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("description", string("What is wrong"));
        return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(error)
                .description("GeoReport v2 errors: a list of code and description");
    }
}
