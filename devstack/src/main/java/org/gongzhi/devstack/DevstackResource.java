package org.gongzhi.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka and PostgreSQL: one stack per test JVM, shared by every test class of
 * the module, stopped when the JVM ends. Init arg {@code database}: the service's database.
 */
public class DevstackResource implements QuarkusTestResourceLifecycleManager {
    private static DevStack stack;
    private String database = "gongzhi";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        DevStack current = stack();
        current.ensureDatabase(database);
        Map<String, String> config = new HashMap<>(current.serviceConfig(database));
        config.put("quarkus.devservices.enabled", "false");
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; its shutdown hook stops it
    }

    /** The stack of this JVM, started on first use. */
    public static synchronized DevStack stack() {
        if (stack == null) {
            stack = DevStack.start(DevStack.Options.defaults());
        }
        return stack;
    }
}
