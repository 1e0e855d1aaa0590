package org.gongzhi.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every resource class with a write method says {@code @Cancellable(false)}: a write goes on when its caller hangs up
 * (docs/conventions.md; request-service's HungUpClientTest shows why).
 */
class WritesGoOnTest {
    private static final Pattern WRITE = Pattern.compile("^\\s*@(POST|PUT|PATCH|DELETE)\\b", Pattern.MULTILINE);

    @Test
    void everyResourceWithAWriteKeepsItWhenTheCallerHangsUp() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isDirectory(root.resolve("request-service/src/main/java")), "run from a module: " + root);
        List<String> writers = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        String source = Files.readString(f);
                        if (WRITE.matcher(source).find()) {
                            writers.add(f.toString());
                            if (!source.contains("@Cancellable(false)")) {
                                missing.add(root.relativize(f).toString());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(writers.size() > 20, "found the resources: " + writers.size());
        assertEquals(List.of(), missing, "resource classes with writes but without @Cancellable(false)");
    }
}
