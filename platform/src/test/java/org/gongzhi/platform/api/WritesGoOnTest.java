package org.gongzhi.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gongzhi.platform.ServiceSources;
import org.junit.jupiter.api.Test;

/**
 * Every resource class with a write method says {@code @Cancellable(false)}: a write goes on when its caller hangs up
 * (docs/conventions.md; request-service's HungUpClientTest shows why).
 */
class WritesGoOnTest {
    private static final Pattern WRITE = Pattern.compile("^\\s*@(POST|PUT|PATCH|DELETE)\\b", Pattern.MULTILINE);

    @Test
    void everyResourceWithAWriteKeepsItWhenTheCallerHangsUp() throws IOException {
        Path root = ServiceSources.root();
        List<String> writers = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path f : ServiceSources.all()) {
            String source = Files.readString(f);
            if (WRITE.matcher(source).find()) {
                writers.add(f.toString());
                if (!source.contains("@Cancellable(false)")) {
                    missing.add(root.relativize(f).toString());
                }
            }
        }
        assertTrue(writers.size() > 20, "found the resources: " + writers.size());
        assertEquals(List.of(), missing, "resource classes with writes but without @Cancellable(false)");
    }
}
