package org.gongzhi.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJvmTest {
    @TempDir
    Path dir;

    @Test
    void aJdkFrom25RecordsACacheOnTheFirstStartAndUsesItOnTheNext() throws IOException {
        Path app = packagedService();
        ServiceJvm jvm = ServiceJvm.of(jdk("25.0.3"), dir.resolve("aot")).orElseThrow();

        ServiceJvm.Start first = jvm.start("request-service", 1, app);
        assertTrue(first.recordingCache());
        assertTrue(first.options().contains("-XX:+UseCompactObjectHeaders"));
        assertTrue(first.options().contains("-XX:AOTCacheOutput=" + first.recording()));
        assertTrue(first.options().stream().noneMatch(o -> o.startsWith("-XX:MaxMetaspaceSize=")));
        // a second instance started meanwhile neither records (one file, one writer) nor waits for it
        assertTrue(jvm.start("request-service", 2, app).options().stream()
                .noneMatch(o -> o.startsWith("-XX:AOTCache")));

        Files.writeString(first.recording(), "the cache");
        first.keep();

        ServiceJvm.Start next = jvm.start("request-service", 1, app);
        assertFalse(next.recordingCache());
        assertTrue(next.options().containsAll(List.of("-XX:AOTCache=" + first.cache(), "-XX:+UseCompactObjectHeaders")));
        assertTrue(next.options().containsAll(ServiceProcess.JVM_OPTIONS));
    }

    @Test
    void aRebuiltServiceRecordsAfreshAndItsOldCacheGoes() throws IOException {
        Path app = packagedService();
        ServiceJvm jvm = ServiceJvm.of(jdk("25.0.3"), dir.resolve("aot")).orElseThrow();
        ServiceJvm.Start before = jvm.start("request-service", 1, app);
        Files.writeString(before.recording(), "old");
        before.keep();

        Path jar = app.resolve("app/request-service.jar");
        Files.writeString(jar, "rebuilt, longer than before");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        ServiceJvm.Start after = jvm.start("request-service", 1, app);
        assertTrue(after.recordingCache());
        assertNotEquals(before.cache(), after.cache());

        Files.writeString(after.recording(), "new");
        after.keep();
        try (var caches = Files.list(dir.resolve("aot"))) {
            assertEquals(List.of(after.cache().getFileName().toString()),
                    caches.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void anotherJdksCacheStaysWhenThisJdkRecords() throws IOException {
        Path app = packagedService();
        ServiceJvm.Start aot = ServiceJvm.of(jdk("25.0.3"), dir.resolve("aot")).orElseThrow()
                .start("request-service", 1, app);
        Files.writeString(aot.recording(), "aot cache");
        aot.keep();
        ServiceJvm.Start cds = ServiceJvm.of(jdk("17.0.15"), dir.resolve("aot")).orElseThrow()
                .start("request-service", 1, app);
        Files.writeString(cds.recording(), "cds archive");
        cds.keep();
        try (var caches = Files.list(dir.resolve("aot"))) {
            assertEquals(java.util.Set.of(aot.cache().getFileName().toString(), cds.cache().getFileName().toString()),
                    caches.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void aCrashedTrainingRunLeavesNoCache() throws IOException {
        Path app = packagedService();
        ServiceJvm jvm = ServiceJvm.of(jdk("25.0.3"), dir.resolve("aot")).orElseThrow();
        ServiceJvm.Start first = jvm.start("alliance-service", 1, app);
        Files.writeString(first.recording(), "half written");
        first.discard();
        assertTrue(jvm.start("alliance-service", 1, app).recordingCache());
        assertFalse(Files.exists(first.recording()));
    }

    @Test
    void java17RecordsACdsArchiveOnTheFirstStartAndUsesItOnTheNext() throws IOException {
        Path app = packagedService();
        ServiceJvm jvm = ServiceJvm.of(jdk("17.0.15"), dir.resolve("aot")).orElseThrow();
        assertEquals("Java 17.0.15 with CDS archives in " + dir.resolve("aot"), jvm.describe());

        ServiceJvm.Start first = jvm.start("request-service", 1, app);
        assertTrue(first.recordingCache());
        assertTrue(first.options().contains("-XX:ArchiveClassesAtExit=" + first.recording()));
        // Java 17 has neither compact headers nor AOT caches, and keeps its metaspace bound while recording
        assertTrue(first.options().stream().noneMatch(o -> o.contains("CompactObjectHeaders") || o.contains("AOT")));
        assertTrue(first.options().containsAll(ServiceProcess.JVM_OPTIONS));
        assertTrue(jvm.start("request-service", 2, app).options().stream()
                .noneMatch(o -> o.contains("Archive")));

        Files.writeString(first.recording(), "the archive");
        first.keep();

        ServiceJvm.Start next = jvm.start("request-service", 1, app);
        assertFalse(next.recordingCache());
        assertTrue(next.cache() == null && next.options().contains("-XX:SharedArchiveFile="
                + dir.resolve("aot").resolve(first.cache().getFileName())));
        assertTrue(first.cache().getFileName().toString().endsWith(".jsa"));
    }

    @Test
    void theJvmOfTheTestsRunsTheServicesAsBeforeWithNoCache() throws IOException {
        ServiceJvm.Start start = ServiceJvm.current().start("request-service", 1, packagedService());
        assertEquals(ServiceProcess.JVM_OPTIONS, start.options());
        assertFalse(start.recordingCache());
        assertFalse(Files.exists(dir.resolve("aot")));
    }

    @Test
    void cachesOffRunTheChosenJdkWithNeither() throws IOException {
        ServiceJvm jvm = ServiceJvm.newest(null, jdk("17.0.15").toString());
        assertEquals("Java 17.0.15", jvm.describe());
        assertEquals(ServiceProcess.JVM_OPTIONS, jvm.start("request-service", 1, packagedService()).options());
    }

    @Test
    void aDirectoryWithoutAJdkIsNone() throws IOException {
        assertTrue(ServiceJvm.of(Files.createDirectories(dir.resolve("not-a-jdk")), dir).isEmpty());
    }

    private Path jdk(String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk-" + version));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"" + version
                + "\"\n");
        return home;
    }

    private Path packagedService() throws IOException {
        Path app = dir.resolve("quarkus-app");
        if (!Files.exists(app)) {
            Files.createDirectories(app.resolve("app"));
            Files.createDirectories(app.resolve("lib/main"));
            Files.writeString(app.resolve("quarkus-run.jar"), "runner");
            Files.writeString(app.resolve("app/request-service.jar"), "classes");
            Files.writeString(app.resolve("lib/main/io.quarkus.quarkus-core.jar"), "library");
        }
        return app;
    }
}
