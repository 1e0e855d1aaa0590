package org.gongzhi.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.impl.NoStackTraceThrowable;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** A database that does not answer is 503 with Retry-After, whatever shape the client's failure takes. */
class UnavailableTest {
    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aPoolThatCouldLendNoConnectionIsAnswered503NotAnError() {
        // not an Exception: the reactive pool fails its waiters with a bare Throwable
        Response response = mappers.unexpected(new NoStackTraceThrowable("Timeout"), null);
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(503, ((Problem) response.getEntity()).status());
    }

    @Test
    void aRefusedConnectionIs503AndAnyOtherFailure500() {
        assertEquals(503, mappers.unexpected(new IllegalStateException(new ConnectException("refused")), null)
                .getStatus());
        assertEquals(500, mappers.unexpected(new NoStackTraceThrowable("something else"), null).getStatus());
    }
}
