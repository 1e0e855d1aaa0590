package org.gongzhi.platform.persistence;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;

/**
 * Every service's reactive PostgreSQL pool, as Quarkus configures it but with <b>no acquisition timeout</b>: a caller
 * waits for a connection until one is free, however long that is.
 * <p>
 * Why: in the Vert.x 4.5 pool (vertx-sql-client 4.5.27/28) a waiter's acquisition timeout can fire while a connection
 * is being handed to it. The caller is failed with "Timeout" and the connection it was handed is never given back: one
 * slot of the pool is lost for the life of the process. Under a surge that waits longer than the timeout (30 s by
 * default) this emptied request-service's pool within a minute — 14 of its 16 connections leased to nobody
 * (`sql_pool_active` 14 with no write in flight and no Hibernate session alive), every later write refused 503
 * "database unavailable" until a restart ({@code docs/performance.md}, 2026-12-07). Without the timer there is no race.
 * <p>
 * What the timeout was for is done elsewhere: writes in flight are bounded by {@code Admission} (the excess is answered
 * 503 at once, before anything is read), a database that is down fails its connection attempts at once (503, and the
 * consumers wait for it: {@link DatabaseUnavailable}), and a transaction left idle is ended by PostgreSQL
 * ({@code idle_in_transaction_session_timeout}).
 */
@Singleton
public class ConnectionPool implements PgPoolCreator {
    /** What {@link PoolOptions#setConnectionTimeout} takes for "wait as long as it takes" (no timer is set). */
    static final int NO_ACQUISITION_TIMEOUT = 0;

    @Override
    public Pool create(Input input) {
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), options(input.poolOptions()));
    }

    /** Quarkus's pool options (size, idle time, name, event loops) with no acquisition timeout. */
    static PoolOptions options(PoolOptions configured) {
        return new PoolOptions(configured).setConnectionTimeout(NO_ACQUISITION_TIMEOUT);
    }
}
