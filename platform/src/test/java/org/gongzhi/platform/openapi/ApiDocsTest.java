package org.gongzhi.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** Whatever the service, an operation's document says how it refuses, with the one problem+json body. */
class ApiDocsTest {

    private static OpenAPI document(String path, Operation op) {
        OpenAPI api = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem(path, OASFactory.createPathItem().GET(op)));
        new ApiDocs().filterOpenAPI(api);
        return api;
    }

    @Test
    void aProtectedOperationWithAnIdAndAQueryRefuses400To404AsProblems() {
        Operation op = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("size").in(Parameter.In.QUERY))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt"))
                .addExtension("x-refuses-409", "the activity is full");
        OpenAPI api = document("/api/activities/{id}/sign-ups", op);

        var responses = api.getPaths().getPathItem("/api/activities/{id}/sign-ups").getGET().getResponses();
        assertEquals(List.of("400", "401", "403", "404", "409"),
                responses.getAPIResponses().keySet().stream().sorted().toList());
        assertEquals("No such activity, or not yours to see", responses.getAPIResponse("404").getDescription());
        assertEquals("the activity is full", responses.getAPIResponse("409").getDescription());
        responses.getAPIResponses().forEach((code, response) -> {
            var problem = response.getContent().getMediaType("application/problem+json");
            assertNotNull(problem, code);
            assertEquals("#/components/schemas/Problem", problem.getSchema().getRef());
            Map<?, ?> example = (Map<?, ?>) problem.getExample();
            assertEquals(Integer.parseInt(code), example.get("status"));
            assertEquals(response.getDescription(), example.get("detail"));
        });
        assertNotNull(api.getComponents().getSchemas().get("Problem"));
        assertNull(api.getComponents().getSchemas().get("Open311Error"), "no Open311 here, no Open311 error");
    }

    @Test
    void anOperationWithoutInputSaysItRefusesAnotherFormat() {
        OpenAPI api = document("/api/categories", OASFactory.createOperation());
        var responses = api.getPaths().getPathItem("/api/categories").getGET().getResponses();
        assertEquals(List.of("406"), List.copyOf(responses.getAPIResponses().keySet()));
        assertNotNull(responses.getAPIResponse("406").getContent().getMediaType("application/problem+json"));
    }

    @Test
    void anEnumOfThePublishedVocabularyLeavesOutUnknown() {
        var status = OASFactory.createSchema().enumeration(List.of("ASSIGNED", "COMPLETED", "UNKNOWN"));
        assertEquals(List.of("ASSIGNED", "COMPLETED"), new ApiDocs().filterSchema(status).getEnumeration());
        var other = OASFactory.createSchema().enumeration(List.of("HIGH", "LOW"));
        assertEquals(List.of("HIGH", "LOW"), new ApiDocs().filterSchema(other).getEnumeration());
    }
}
