package org.gongzhi.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The main Java sources of every module of the checkout, for tests that hold a rule across all of them. */
public final class ServiceSources {
    private ServiceSources() {
    }

    /** The checkout's root (the tests run from a module). */
    public static Path root() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isDirectory(root.resolve("request-service/src/main/java")), "run from a module: " + root);
        return root;
    }

    /** Every {@code .java} file under a module's {@code src/main/java}. */
    public static List<Path> all() {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root())) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(found::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
