package org.gongzhi.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** A parameter the REST layer cannot convert is the caller's mistake: 400, not the 404 JAX-RS prescribes. */
class UnconvertibleParameterTest {
    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aQueryParameterThatIsNotANumberIs400SayingWhy() {
        Response response = mappers.web(new NotFoundException(new NumberFormatException("For input string: \"ten\"")),
                null);
        assertEquals(400, response.getStatus());
        assertTrue(((Problem) response.getEntity()).detail().contains("\"ten\""));
    }

    @Test
    void aHeaderThatCannotBeReadIs400() {
        assertEquals(400, mappers.web(new BadRequestException(new IllegalArgumentException("bad")), null).getStatus());
    }

    @Test
    void aResourceThatIsNotThereIsStill404() {
        assertEquals(404, mappers.web(new NotFoundException(), null).getStatus());
    }
}
