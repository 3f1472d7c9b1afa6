package com.midicenter.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the fault tests share: the real command line in a child JVM (its exit code and stderr as a user sees them),
 * a server's postmaster stopped from outside, and a library's content as one comparable snapshot.
 */
final class FaultyChildren {

    /** The queries whose results make up a library's {@link #snapshot}: independent of ids and run order. */
    static final Map<String, String> LIBRARY = new LinkedHashMap<>();
    static final Map<String, String> ANALYSIS = new LinkedHashMap<>();

    static {
        LIBRARY.put("locations", "SELECT encode(c.sha256, 'hex') || ' ' || l.path || ' ' || l.missing || ' '"
                + " || coalesce(l.vendor, '') || ' ' || coalesce(l.pack, '') FROM location l JOIN content c ON c.id = l.content_id");
        LIBRARY.put("errors", "SELECT path || ' ' || kind FROM import_error");
        LIBRARY.put("tags", "SELECT encode(c.sha256, 'hex') || ' ' || t.category || '=' || t.name || ' ' || ft.source"
                + " FROM file_tag ft JOIN tag t ON t.id = ft.tag_id JOIN content c ON c.id = ft.content_id");
        LIBRARY.put("contents", "SELECT encode(sha256, 'hex') || ' ' || size_bytes FROM content");
        ANALYSIS.put("jobs", "SELECT encode(c.sha256, 'hex') || ' ' || j.state FROM analysis_job j JOIN content c ON c.id = j.content_id");
        ANALYSIS.put("results", "SELECT encode(c.sha256, 'hex') || ' ' || coalesce(m.bpm::text, '-') || ' ' || coalesce(m.key, '-')"
                + " || ' ' || coalesce(m.meter, '-') || ' ' || coalesce(m.chords, '-') || ' '"
                + " || coalesce(array_to_string(m.instruments, ','), '-') || ' ' || coalesce(m.analyzer_version::text, '-')"
                + " FROM file_meta m JOIN content c ON c.id = m.content_id");
        ANALYSIS.put("search_docs", "SELECT encode(c.sha256, 'hex') FROM search_doc d JOIN content c ON c.id = d.content_id");
    }

    private FaultyChildren() {
    }

    /** A finished child command. */
    record Result(int exit, String out, String err) {

        /** stderr without the progress bars (lines starting with the command's name). */
        List<String> messages() {
            return err.lines().filter(l -> !l.isBlank() && !l.matches("^(import|analyze|export) .*")).toList();
        }

        /** The failure is one "midicenter: ..." line: no stack trace, no log lines. */
        void assertOneCleanFailureLine(int expectedExit, String... expectedParts) {
            assertThat(exit).as("exit code; stderr:%n%s", err).isEqualTo(expectedExit);
            List<String> messages = messages();
            assertThat(messages).as("stderr:%n%s", err).hasSize(1);
            assertThat(messages.get(0)).startsWith("midicenter");
            if (expectedParts.length > 0) {
                assertThat(messages.get(0)).contains(expectedParts);
            }
            assertThat(err).doesNotContain("\tat ", "Exception:", " WARN ", " ERROR ");
        }
    }

    /** A running child command. */
    record Child(Process process, Path err, Path out) {

        Result await(int seconds) throws Exception {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("the command did not finish in " + seconds + " s: " + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    /** Starts {@code midicenter ARGS} in a child JVM with this test's class path; stdout and stderr go to files. */
    static Child start(Path logs, String name, Map<String, String> env, String... args) throws IOException {
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("MIDICENTER_LOG");
        builder.environment().putAll(env);
        return new Child(builder.start(), err, out);
    }

    /** Runs {@code midicenter ARGS} to its end. */
    static Result run(Path logs, String name, Map<String, String> env, String... args) throws Exception {
        return start(logs, name, env, args).await(300);
    }

    /** The pid and port in a data folder's postmaster.pid, once the server is ready. */
    record Postmaster(long pid, int port) {

        static Postmaster awaitReady(Path dataDirectory, long timeoutMs) throws Exception {
            long deadline = System.currentTimeMillis() + timeoutMs;
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            while (System.currentTimeMillis() < deadline) {
                List<String> lines = Files.exists(pidFile) ? readLines(pidFile) : List.of();
                if (lines.size() >= 8 && lines.get(7).strip().equals("ready")) {
                    return new Postmaster(Long.parseLong(lines.get(0).strip()), Integer.parseInt(lines.get(3).strip()));
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no ready server in " + dataDirectory + " within " + timeoutMs + " ms");
        }

        /** A fast shutdown (SIGINT): open transactions roll back, clients are disconnected; waits for the exit. */
        void stopFast() throws Exception {
            ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("postmaster " + pid + " is gone"));
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -INT " + pid).isTrue();
            handle.onExit().get(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of(); // being rewritten
        }
    }

    /** A JDBC connection to the server on {@code port}. */
    static Connection connect(int port, String database, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?sslmode=disable", p);
    }

    /**
     * Polls {@code countSql} (every 20 ms) until it is at least {@code atLeast}, then runs {@code then}. Fails when the
     * child ends first: the fault must hit a running command.
     */
    static long awaitCount(Child child, int port, String database, String password, String countSql, long atLeast,
                           long timeoutMs, Consumer<Long> then) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            assertThat(child.process().isAlive()).as("the command is still running (it ended before the fault)").isTrue();
            try (Connection c = connect(port, database, "midicenter", password); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(countSql)) {
                rs.next();
                long count = rs.getLong(1);
                if (count >= atLeast) {
                    then.accept(count);
                    return count;
                }
            } catch (SQLException notYet) {
                // the schema is being created, or the server is starting
            }
            Thread.sleep(20);
        }
        throw new AssertionError("'" + countSql + "' did not reach " + atLeast + " in " + timeoutMs + " ms");
    }

    /** Each query's row count and the MD5 of its sorted rows, e.g. {@code locations=7893 3f2a...}. */
    static Map<String, String> snapshot(Connection connection, Map<String, String> queries) throws SQLException {
        Map<String, String> snapshot = new LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            for (Map.Entry<String, String> q : queries.entrySet()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ' ' || md5(coalesce(string_agg(x, E'\\n' ORDER BY x), ''))"
                        + " FROM (" + q.getValue() + ") q(x)")) {
                    rs.next();
                    snapshot.put(q.getKey(), rs.getString(1));
                }
            }
        }
        return snapshot;
    }
}
