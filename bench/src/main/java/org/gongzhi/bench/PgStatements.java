package org.gongzhi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What PostgreSQL did per accepted request between two snapshots: transactions and rows per database
 * ({@code pg_stat_database}, always there) and, when the server counts statements ({@code pg_stat_statements}, which
 * {@code --statements} turns on), calls and execution time per statement. Snapshots are diffed rather than reset, so reading
 * needs no more than the statistics role.
 */
public final class PgStatements {
    private static final double MS_PER_TICK = 10; // USER_HZ = 100 on Linux
    private static final String DATABASES = "select datname, xact_commit, xact_rollback, tup_inserted, tup_updated, "
            + "tup_deleted, tup_returned, tup_fetched from pg_stat_database where datname in ('requests', 'alliance', "
            + "'volunteers', 'notifications')";
    private static final String STATEMENTS = "select d.datname, s.queryid, s.query, s.calls, s.total_exec_time, "
            + "s.rows from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname in ('requests', "
            + "'alliance', 'volunteers', 'notifications')";

    /**
     * Counters per database, per statement ({@code datname/queryid}) when statements are counted, and the CPU ticks
     * of each of the server's processes, keyed by what it does and its pid ({@code requests 4321},
     * {@code walwriter 4207}: a database's backends, or the server's own processes).
     */
    public record Snapshot(Map<String, long[]> databases, Map<String, Row> statements, Map<String, Long> cpuTicks) {
    }

    /** One statement's counters. */
    public record Row(String database, String query, long calls, double millis, long rows) {
    }

    private PgStatements() {
    }

    /**
     * The counters now; never fails (a missing view leaves that part empty). {@code postmaster}: the server's process
     * when local, else null.
     */
    public static Snapshot snapshot(String postgresJdbcUrl, Long postmaster) {
        Map<String, long[]> databases = new TreeMap<>();
        Map<String, Row> statements = new HashMap<>();
        Map<String, Long> cpu = postmaster == null ? Map.of() : cpuByProcess(postmaster);
        try (Connection c = DriverManager.getConnection(postgresJdbcUrl, "gongzhi", "gongzhi");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(DATABASES)) {
                while (rs.next()) {
                    long[] v = new long[7];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getLong(i + 2);
                    }
                    databases.put(rs.getString(1), v);
                }
            }
            try (ResultSet rs = s.executeQuery(STATEMENTS)) {
                while (rs.next()) {
                    statements.put(rs.getString(1) + "/" + rs.getLong(2), new Row(rs.getString(1), rs.getString(3),
                            rs.getLong(4), rs.getDouble(5), rs.getLong(6)));
                }
            } catch (SQLException e) {
                // pg_stat_statements not loaded: the per-database counters still tell transactions and rows
            }
        } catch (SQLException e) {
            return new Snapshot(databases, statements, cpu);
        }
        return new Snapshot(databases, statements, cpu);
    }

    /**
     * utime + stime of each of the postmaster's live children, keyed by its title and pid:
     * {@code postgres: gongzhi requests …} is a {@code requests} backend, {@code postgres: walwriter} the
     * {@code walwriter}.
     */
    private static Map<String, Long> cpuByProcess(long postmaster) {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).map(Long::parseLong)
                    .forEach(pid -> {
                        long[] stat = Monitors.stat(pid);
                        if (stat == null || stat[0] != postmaster) {
                            return;
                        }
                        ticks.put(role(pid) + " " + pid, stat[1] + stat[2]);
                    });
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    private static String role(long pid) {
        try {
            String title = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ').trim();
            String[] words = title.replaceFirst("^postgres: ", "").split(" ");
            if (words.length >= 2 && words[0].equals("gongzhi")) {
                return words[1];
            }
            return words[0].startsWith("autovacuum") ? "autovacuum" : words[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Markdown lines: per database and per statement, each per accepted request. */
    public static List<String> perRequest(Snapshot before, Snapshot after, long accepted, int top) {
        List<String> lines = new ArrayList<>();
        if (accepted <= 0 || after.databases().isEmpty()) {
            return lines;
        }
        lines.add("**PostgreSQL per accepted request** (" + accepted + " accepted in the measured runs; "
                + "`pg_stat_database`" + (after.statements().isEmpty() ? "" : ", `pg_stat_statements`") + "):");
        lines.add("");
        lines.add("| database | commits | rollbacks | rows inserted | updated | deleted | statements | exec time (ms) "
                + "| backends' CPU (ms) |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, double[]> perDb = new TreeMap<>();
        List<Row> rows = new ArrayList<>();
        after.statements().forEach((key, a) -> {
            Row b = before.statements().get(key);
            long calls = a.calls() - (b == null ? 0 : b.calls());
            if (calls <= 0) {
                return;
            }
            Row d = new Row(a.database(), a.query(), calls, a.millis() - (b == null ? 0 : b.millis()),
                    a.rows() - (b == null ? 0 : b.rows()));
            rows.add(d);
            double[] sum = perDb.computeIfAbsent(a.database(), k -> new double[2]);
            sum[0] += d.calls();
            sum[1] += d.millis();
        });
        Map<String, Long> cpu = cpuByRole(before, after);
        double[] total = new double[7];
        after.databases().forEach((db, a) -> {
            long[] b = before.databases().getOrDefault(db, new long[7]);
            double[] stmt = perDb.getOrDefault(db, new double[2]);
            lines.add("| " + db + " | " + per(a[0] - b[0], accepted) + " | " + per(a[1] - b[1], accepted) + " | "
                    + per(a[2] - b[2], accepted) + " | " + per(a[3] - b[3], accepted) + " | "
                    + per(a[4] - b[4], accepted) + " | " + (rows.isEmpty() ? "–" : per(stmt[0], accepted)) + " | "
                    + (rows.isEmpty() ? "–" : per(stmt[1], accepted)) + " | "
                    + (after.cpuTicks().isEmpty() ? "–"
                            : per(cpu.getOrDefault(db, 0L) * MS_PER_TICK, accepted)) + " |");
            for (int i = 0; i < 5; i++) {
                total[i] += a[i] - b[i];
            }
            total[5] += stmt[0];
            total[6] += stmt[1];
        });
        long ticks = 0;
        StringBuilder others = new StringBuilder();
        for (Map.Entry<String, Long> e : cpu.entrySet()) {
            long t = e.getValue();
            ticks += t;
            if (!after.databases().containsKey(e.getKey()) && t > 0) {
                others.append(others.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                        .append(per(t * MS_PER_TICK, accepted));
            }
        }
        lines.add("| **all** | " + per(total[0], accepted) + " | " + per(total[1], accepted) + " | "
                + per(total[2], accepted) + " | " + per(total[3], accepted) + " | " + per(total[4], accepted) + " | "
                + (rows.isEmpty() ? "–" : per(total[5], accepted)) + " | "
                + (rows.isEmpty() ? "–" : per(total[6], accepted)) + " | "
                + (after.cpuTicks().isEmpty() ? "–" : per(ticks * MS_PER_TICK, accepted)) + " |");
        lines.add("");
        if (others.length() > 0) {
            lines.add("The server's other processes, CPU ms per accepted request: " + others + ". (The bench's "
                    + "own connections, which count unsent outbox rows every second, count under their database; a "
                    + "process that ended between the snapshots is not counted.)");
            lines.add("");
        }
        if (!rows.isEmpty()) {
            lines.add("Statements by calls per accepted request (top " + top + "; execution time only — parse, plan "
                    + "and commit are not in it):");
            lines.add("");
            lines.add("| database | calls | exec ms | rows | statement |");
            lines.add("|---|---:|---:|---:|---|");
            rows.sort((x, y) -> Long.compare(y.calls(), x.calls()));
            rows.stream().limit(top).forEach(r -> lines.add("| " + r.database() + " | " + per(r.calls(), accepted)
                    + " | " + per(r.millis(), accepted) + " | " + per(r.rows(), accepted) + " | `"
                    + shorten(r.query()) + "` |"));
            lines.add("");
        }
        return lines;
    }

    /**
     * CPU ticks between the snapshots by role, each process diffed against itself: one that started in between counts
     * from zero; one that ended is not counted (its earlier ticks are not subtracted either).
     */
    private static Map<String, Long> cpuByRole(Snapshot before, Snapshot after) {
        Map<String, Long> byRole = new TreeMap<>();
        after.cpuTicks().forEach((process, ticks) -> byRole.merge(process.substring(0, process.lastIndexOf(' ')),
                ticks - before.cpuTicks().getOrDefault(process, 0L), Long::sum));
        return byRole;
    }

    private static String per(double value, long accepted) {
        return String.format(Locale.ROOT, "%.2f", value / accepted);
    }

    private static String shorten(String query) {
        String q = query.replaceAll("\\s+", " ").replace("|", "\\|").replace("`", "'");
        return q.length() > 160 ? q.substring(0, 157) + "…" : q;
    }
}
