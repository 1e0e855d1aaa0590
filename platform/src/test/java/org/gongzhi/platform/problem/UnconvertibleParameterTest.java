package org.gongzhi.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A parameter the REST layer cannot convert is the caller's mistake: 400, not the 404 JAX-RS prescribes. */
class UnconvertibleParameterTest {
    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aQueryParameterThatIsNotANumberIs400SayingWhy() {
        Response response = mappers.web(new NotFoundException(new NumberFormatException("For input string: \"ten\"")),
                null);
        assertEquals(400, response.getStatus());
        assertTrue(((Problem) response.getEntity()).detail().endsWith("'ten' is not a whole number"));
    }

    @Test
    void aHeaderThatCannotBeReadIs400() {
        assertEquals(400, mappers.web(new BadRequestException(new IllegalArgumentException("bad")), null).getStatus());
    }

    @Test
    void aResourceThatIsNotThereIsStill404() {
        assertEquals(404, mappers.web(new NotFoundException(), null).getStatus());
    }

    /** A request's URI with these query and path parameters. */
    private static UriInfo uri(Map<String, String> query, Map<String, String> path) {
        MultivaluedMap<String, String> q = new MultivaluedHashMap<>(query);
        MultivaluedMap<String, String> p = new MultivaluedHashMap<>(path);
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getQueryParameters" -> q;
                    case "getPathParameters" -> p;
                    case "getPath" -> "/api/requests";
                    default -> null;
                });
    }

    private static List<Problem.FieldError> errors(RuntimeException cause, UriInfo uri) {
        return ((Problem) new ProblemMappers().web(new NotFoundException(cause), uri).getEntity()).errors();
    }

    @Test
    void theParameterWhoseValueTheConverterQuotesIsNamed() {
        Map<String, String> query = Map.of("page", "ten", "size", "20", "building", "7");
        List<Problem.FieldError> page = errors(new NumberFormatException("For input string: \"ten\""),
                uri(query, Map.of()));
        assertEquals("page", page.get(0).field());

        RuntimeException date = assertThrows(DateTimeParseException.class, () -> Instant.parse("yesterday"));
        assertEquals("createdFrom", errors(date, uri(Map.of("createdFrom", "yesterday"), Map.of())).get(0).field());

        RuntimeException status = assertThrows(IllegalArgumentException.class, () -> DayOfWeek.valueOf("SOMEDAY"));
        assertEquals("status", errors(status, uri(Map.of("status", "SOMEDAY", "size", "20"), Map.of())).get(0)
                .field());

        RuntimeException id = assertThrows(IllegalArgumentException.class, () -> UUID.fromString("not-a-request-id"));
        assertEquals("id", errors(id, uri(Map.of(), Map.of("id", "not-a-request-id"))).get(0).field());
    }

    @Test
    void twoParametersWithTheQuotedValueNameNeither() {
        assertEquals(null, errors(new NumberFormatException("For input string: \"ten\""),
                uri(Map.of("page", "ten", "size", "ten"), Map.of())));
    }
}
