package org.gongzhi.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aRefusedConnectionAnywhereInTheCausesIsTheDatabaseAway() {
        assertTrue(DatabaseUnavailable.isCause(new IllegalStateException("session failed",
                new CompletionException(new ConnectException("Connection refused: localhost/127.0.0.1:5432")))));
        assertTrue(DatabaseUnavailable.isCause(ClosedConnectionException.INSTANCE));
    }

    @Test
    void theServerShuttingDownOrStartingOrOutOfConnectionsIsTheDatabaseAway() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "08006", "53300"}) {
            assertTrue(DatabaseUnavailable.isCause(new PgException("down", "FATAL", state, null)), state);
        }
    }

    @Test
    void aPoolThatCouldLendNoConnectionInTimeIsTheDatabaseAway() {
        assertTrue(DatabaseUnavailable.isCause(new CompletionException(new NoStackTraceThrowable("Timeout"))));
        assertFalse(DatabaseUnavailable.isCause(new NoStackTraceThrowable("Pool closed")));
    }

    @Test
    void whatTheWorkDidWrongIsNot() {
        assertFalse(DatabaseUnavailable.isCause(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(DatabaseUnavailable.isCause(new PgException("query cancelled", "ERROR", "57014", null)));
        assertFalse(DatabaseUnavailable.isCause(new IllegalArgumentException("bad event")));
        assertFalse(DatabaseUnavailable.isCause(null));
    }

    @Test
    void aCycleOfCausesEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertFalse(DatabaseUnavailable.isCause(a));
    }
}
