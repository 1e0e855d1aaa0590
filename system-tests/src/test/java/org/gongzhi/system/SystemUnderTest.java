package org.gongzhi.system;

import java.nio.file.Path;
import java.util.Map;
import org.gongzhi.devstack.DevStack;
import org.gongzhi.devstack.LocalSystem;

/** The packaged services and devstack, started once for all system tests of this JVM. */
final class SystemUnderTest {
    private static LocalSystem system;
    private static TraceCollector traces;

    private SystemUnderTest() {
    }

    private static Path root() {
        return Path.of(System.getProperty("gongzhi.root", "..")).toAbsolutePath().normalize();
    }

    /** Where the services' logs (and the local SMS and email sink) are written. */
    static Path logs() {
        return root().resolve("system-tests/target/logs");
    }

    /** The spans the services exported while the system tests ran. */
    static synchronized TraceCollector traces() {
        get();
        return traces;
    }

    static synchronized LocalSystem get() {
        Path root = root();
        if (system == null) {
            traces = TraceCollector.start();
            system = LocalSystem.start(DevStack.Options.defaults(), root, logs(),
                    // the alliance checks deadlines every few seconds, so a late task climbs its ladder within a test;
                    // the SMS and email the secretary is sent are written beside the logs; tracing on, to the tests'
                    // collector, its spans sent every half second
                    false, Map.of("GONGZHI_ESCALATION_CHECK_EVERY", "3s",
                            "GONGZHI_NOTIFICATIONS_SINK_DIR", logs().toString(),
                            "QUARKUS_OTEL_SDK_DISABLED", "false",
                            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint(),
                            "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "500ms"));
            system.loadDemoCommunity();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                system.close();
                traces.close();
            }));
        }
        return system;
    }
}
