package org.gongzhi.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
    private static final String VALID = """
            {"openapi": "3.1.0",
             "info": {"title": "t", "version": "1", "license": {"name": "Apache-2.0",
                      "url": "https://www.apache.org/licenses/LICENSE-2.0"}},
             "paths": {"/things/{id}": {"get": {
                 "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                 "responses": {"200": {"description": "the thing",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object"}}}}
            """;

    @Test
    void aValidDocumentHasNoProblems() {
        assertEquals(List.of(), OpenApiDocument.problems(VALID));
    }

    @Test
    void aPlantedMistakeIsFound() {
        // a response without its required description
        assertFalse(OpenApiDocument.problems(VALID.replace("\"description\": \"the thing\",", "")).isEmpty());
        // a path parameter that is not required
        assertFalse(OpenApiDocument.problems(VALID.replace("\"required\": true", "\"required\": false")).isEmpty());
        // a licence without a name, and an unknown field in info
        assertFalse(OpenApiDocument.problems(VALID.replace("\"name\": \"Apache-2.0\",", "")).isEmpty());
        assertFalse(OpenApiDocument.problems(VALID.replace("\"version\": \"1\",", "\"version\": \"1\", \"owner\": \"x\",")).isEmpty());
        // a 3.0 document is not a 3.1 one
        assertFalse(OpenApiDocument.problems(VALID.replace("3.1.0", "3.0.3")).isEmpty());
    }

    @Test
    void textThatIsNotJsonIsAProblem() {
        assertTrue(OpenApiDocument.problems("<html>").get(0).startsWith("not JSON"));
    }
}
