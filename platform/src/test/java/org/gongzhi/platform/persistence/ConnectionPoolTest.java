package org.gongzhi.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionPoolTest {

    @Test
    void thePoolKeepsWhatQuarkusConfiguredAndWaitsForAConnectionWithoutATimer() {
        PoolOptions configured = new PoolOptions().setMaxSize(16).setIdleTimeout(5).setIdleTimeoutUnit(TimeUnit.MINUTES)
                .setName("requests").setEventLoopSize(2).setShared(true);

        PoolOptions options = ConnectionPool.options(configured);

        assertEquals(0, options.getConnectionTimeout(), "no acquisition timer, so none can race a hand-over");
        assertEquals(16, options.getMaxSize());
        assertEquals(5, options.getIdleTimeout());
        assertEquals(TimeUnit.MINUTES, options.getIdleTimeoutUnit());
        assertEquals("requests", options.getName());
        assertEquals(2, options.getEventLoopSize());
        assertTrue(options.isShared());
        assertEquals(30, configured.getConnectionTimeout(), "Quarkus's own options are left as they were");
    }
}
