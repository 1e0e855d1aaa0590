package org.gongzhi.system;

import java.nio.file.Path;
import java.util.Map;
import org.gongzhi.devstack.DevStack;
import org.gongzhi.devstack.LocalSystem;

/** The packaged services and devstack, started once for all system tests of this JVM. */
final class SystemUnderTest {
    private static LocalSystem system;

    private SystemUnderTest() {
    }

    static synchronized LocalSystem get() {
        if (system == null) {
            Path root = Path.of(System.getProperty("gongzhi.root", "..")).toAbsolutePath().normalize();
            system = LocalSystem.start(DevStack.Options.defaults(), root, root.resolve("system-tests/target/logs"),
                    false, Map.of());
            system.loadDemoCommunity();
            Runtime.getRuntime().addShutdownHook(new Thread(system::close));
        }
        return system;
    }
}
