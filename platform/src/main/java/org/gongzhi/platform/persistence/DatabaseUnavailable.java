package org.gongzhi.platform.persistence;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a failure that is the database being away — down, restarting, failing over, out of connections, or so busy
 * that the pool could lend no connection in time — from one
 * that is the work's own fault. The first passes by itself: an event is retried until the database is back (never
 * dead-lettered), a request is answered 503 with {@code Retry-After}. The second is the same on every attempt.
 */
public final class DatabaseUnavailable {

    /** How the reactive pool fails a caller that waited longer than its connection timeout for a connection. */
    static final String POOL_WAIT_TIMED_OUT = "Timeout";

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or any of its causes, says the database cannot be reached or is not serving. */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof DatabaseException db && notServing(db.getSqlState())) {
                return true;
            }
            if (t instanceof NoStackTraceThrowable && POOL_WAIT_TIMED_OUT.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes 08 (connection exception) and 53 (insufficient resources, e.g. too many connections), and
     * 57P01–57P03 (the server is shutting down, was restarted, or cannot accept connections yet).
     */
    static boolean notServing(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53")
                || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }
}
