package org.gongzhi.devstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed with SIGKILL leaves no Kafka and no PostgreSQL behind, and a kept data folder survives it. */
class CrashAndRestartTest {
    @TempDir
    Path dataDir;

    @Test
    void theWatchdogStopsEverythingWhenTheParentIsKilledAndTheDataSurvives() throws Exception {
        Process child = new ProcessBuilder(DevStack.javaExecutable(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), dataDir.toString())
                .redirectError(dataDir.resolve("child.err").toFile()).start();
        String ready;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            ready = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("READY ")) {
                            return line;
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            child.destroyForcibly();
            throw e;
        }
        assertTrue(ready != null, "the child stack did not start; see " + dataDir.resolve("child.err"));
        long kafka = Long.parseLong(ready.split(" ")[1]);
        long postgres = Long.parseLong(ready.split(" ")[2]);
        assertTrue(ProcessHandle.of(kafka).isPresent());
        assertTrue(ProcessHandle.of(postgres).isPresent());

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        child.onExit().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.of(kafka).isEmpty()
                && ProcessHandle.of(postgres).isEmpty());

        try (DevStack again = DevStack.start(DevStack.Options.defaults().withDataDir(dataDir)
                .withDatabases(List.of("requests")).withPartitions(2));
                Connection c = DriverManager.getConnection(again.jdbcUrl("requests"), "gongzhi", "gongzhi");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select name from kept")) {
            assertTrue(rs.next(), "the row written before the crash is still there");
            assertEquals("和平里", rs.getString(1));
        }
    }
}
