package org.gongzhi.devstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Run as its own JVM by {@link CrashAndRestartTest}: starts a stack, writes a row, reports its pids, then waits to be killed. */
public final class CrashChild {
    public static void main(String[] args) throws Exception {
        DevStack stack = DevStack.start(DevStack.Options.defaults().withDataDir(Path.of(args[0]))
                .withDatabases(java.util.List.of("requests")).withPartitions(2));
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("requests"), "gongzhi", "gongzhi");
                Statement s = c.createStatement()) {
            s.execute("create table kept (name text primary key)");
            s.execute("insert into kept values ('和平里')");
        }
        System.out.println("READY " + stack.kafkaPid() + " " + stack.postgresPid());
        System.out.flush();
        Thread.currentThread().join();
    }
}
