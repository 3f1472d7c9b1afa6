package com.midicenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.app.FaultyChildren.Child;
import com.midicenter.app.FaultyChildren.Postmaster;
import com.midicenter.app.FaultyChildren.Result;
import com.midicenter.persistence.db.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database server stops in the middle of {@code import} and of {@code analyze}, on the embedded server of the
 * home and on an external server reached by {@code --db-url}. The behaviour (README, "When the database goes away"):
 * the command fails at once with one line on stderr, no stack trace, exit code 4; the same command run again when
 * the server is back ends with the library a clean run makes.
 *
 * <p>The commands run as real child processes of the built command line; the server is stopped from outside with
 * a fast shutdown (SIGINT to its postmaster) once the command has committed some of its work.
 */
class DatabaseFaultsIT {

    private static final int FILES = 5000;
    private static final Path WORK = Path.of("target", "database-faults").toAbsolutePath();
    private static final Path LOGS = WORK.resolve("logs");
    private static Path corpus;
    private static Map<String, String> cleanLibrary;
    private static Map<String, String> cleanAnalysis;

    @BeforeAll
    static void cleanRun() throws Exception {
        // a corpus, and the library a clean import + analyze of it makes
        deleteTree(WORK);
        corpus = WORK.resolve("corpus");
        CliIT.Run generated = CliIT.run("generate", "--files", Integer.toString(FILES), "--out", corpus.toString(), "--seed", "11");
        assertThat(generated.exit()).as(generated.err()).isZero();
        Path home = WORK.resolve("clean-home");
        Result imported = FaultyChildren.run(LOGS, "clean-import", Map.of(), "import", "--home", home.toString(), corpus.toString());
        assertThat(imported.exit()).as(imported.err()).isEqualTo(1); // the corpus's corrupt files
        Result analyzed = FaultyChildren.run(LOGS, "clean-analyze", Map.of(), "analyze", "--home", home.toString());
        assertThat(analyzed.exit()).as(analyzed.err()).isZero();
        try (EmbeddedServer server = EmbeddedServer.start(home);
             Connection c = FaultyChildren.connect(server.port(), "midicenter", server.user(), server.password())) {
            cleanLibrary = FaultyChildren.snapshot(c, FaultyChildren.LIBRARY);
            cleanAnalysis = FaultyChildren.snapshot(c, FaultyChildren.ANALYSIS);
        }
        long locations = Long.parseLong(cleanLibrary.get("locations").split(" ")[0]);
        long contents = Long.parseLong(cleanLibrary.get("contents").split(" ")[0]);
        assertThat(locations).isBetween(FILES * 9L / 10, (long) FILES);
        assertThat(contents).isLessThan(locations); // the corpus's duplicates
    }

    @Test
    void importAndAnalyze_embeddedServerStopsMidway_failCleanlyAndReRunsConverge() throws Exception {
        // given: a library home whose embedded server the commands start themselves
        Path home = WORK.resolve("embedded-home");
        assertThat(FaultyChildren.run(LOGS, "embedded-migrate", Map.of(), "db", "migrate", "--home", home.toString()).exit()).isZero();
        Path data = home.resolve("db");

        // when: the server stops while the import is storing batches
        Child importing = FaultyChildren.start(LOGS, "embedded-import-1", Map.of(), "import", "--home", home.toString(),
                "--threads", "1", "--batch", "50", corpus.toString());
        Postmaster server = Postmaster.awaitReady(data, 60_000);
        long storedBefore = stopWhen(importing, server, password(home), "SELECT count(*) FROM location", 200);
        Result failedImport = importing.await(120);

        // then
        failedImport.assertOneCleanFailureLine(4, "import stopped", "run the same import again",
                "the database server stopped or cannot be reached");
        Result reImport = FaultyChildren.run(LOGS, "embedded-import-2", Map.of(), "import", "--home", home.toString(), corpus.toString());
        assertThat(reImport.exit()).as(reImport.err()).isIn(0, 1); // 1 when corrupt files were among the rest

        // when: the server stops while the analysis is storing batches
        Child analyzing = FaultyChildren.start(LOGS, "embedded-analyze-1", Map.of(), "analyze", "--home", home.toString(),
                "--threads", "1", "--batch", "50", "--lease", "3");
        server = Postmaster.awaitReady(data, 60_000);
        long analysedBefore = stopWhen(analyzing, server, password(home),
                "SELECT count(*) FROM analysis_job WHERE state = 'done'", 200);
        Result failedAnalysis = analyzing.await(120);

        // then
        failedAnalysis.assertOneCleanFailureLine(4, "analysis stopped", "the database server stopped or cannot be reached");
        Thread.sleep(3_500); // the dead run's leases (3 s) run out: it could not give its claimed batches back
        Result reAnalysis = FaultyChildren.run(LOGS, "embedded-analyze-2", Map.of(), "analyze", "--home", home.toString());
        assertThat(reAnalysis.exit()).as(reAnalysis.err()).isZero();
        Map<String, String> library;
        Map<String, String> analysis;
        try (EmbeddedServer again = EmbeddedServer.start(home);
             Connection c = FaultyChildren.connect(again.port(), "midicenter", again.user(), again.password())) {
            library = FaultyChildren.snapshot(c, FaultyChildren.LIBRARY);
            analysis = FaultyChildren.snapshot(c, FaultyChildren.ANALYSIS);
        }
        assertThat(library).isEqualTo(cleanLibrary);
        assertThat(analysis).isEqualTo(cleanAnalysis);
        System.err.println("DatabaseFaultsIT embedded: server stopped after " + storedBefore + " locations and " + analysedBefore
                + " analyses; re-runs converged to " + library.get("locations") + " / " + analysis.get("results"));
    }

    @Test
    void importAndAnalyze_externalServerStopsAndRestarts_failCleanlyAndReRunsConverge() throws Exception {
        // given: a separate server reached only by URL, user and password
        Path serverHome = WORK.resolve("external-server");
        EmbeddedServer external = EmbeddedServer.start(serverHome);
        Map<String, String> env = Map.of("MIDICENTER_DB_PASSWORD", external.password());
        Path data = external.dataDirectory();
        try {
            // when: the server stops while the import is storing batches
            Child importing = FaultyChildren.start(LOGS, "external-import-1", env, externalArgs(external, "import",
                    "--threads", "1", "--batch", "50", corpus.toString()));
            long storedBefore = stopWhen(importing, Postmaster.awaitReady(data, 10_000), external.password(),
                    "SELECT count(*) FROM location", 200);
            Result failedImport = importing.await(120);

            // then
            failedImport.assertOneCleanFailureLine(4, "import stopped", "run the same import again");

            // when: it is back (a restart: another port), the import runs again, then the analysis stops midway
            external.close(); // finds it stopped
            external = EmbeddedServer.start(serverHome);
            Result reImport = FaultyChildren.run(LOGS, "external-import-2", env, externalArgs(external, "import", corpus.toString()));
            assertThat(reImport.exit()).as(reImport.err()).isIn(0, 1);
            Child analyzing = FaultyChildren.start(LOGS, "external-analyze-1", env, externalArgs(external, "analyze",
                    "--threads", "1", "--batch", "50", "--lease", "3"));
            long analysedBefore = stopWhen(analyzing, Postmaster.awaitReady(data, 10_000), external.password(),
                    "SELECT count(*) FROM analysis_job WHERE state = 'done'", 200);
            Result failedAnalysis = analyzing.await(120);

            // then
            failedAnalysis.assertOneCleanFailureLine(4, "analysis stopped", "the database server stopped or cannot be reached");
            Result whileDown = FaultyChildren.run(LOGS, "external-analyze-down", env, externalArgs(external, "analyze"));
            whileDown.assertOneCleanFailureLine(4, "open database failed: cannot connect to jdbc:postgresql://127.0.0.1:"
                    + external.port() + "/", "Connection refused", "run the same command again when it is back");
            external.close();
            external = EmbeddedServer.start(serverHome);
            Thread.sleep(3_500); // the dead run's leases run out
            Result reAnalysis = FaultyChildren.run(LOGS, "external-analyze-2", env, externalArgs(external, "analyze"));
            assertThat(reAnalysis.exit()).as(reAnalysis.err()).isZero();
            Map<String, String> library;
            Map<String, String> analysis;
            try (Connection c = FaultyChildren.connect(external.port(), "midicenter", external.user(), external.password())) {
                library = FaultyChildren.snapshot(c, FaultyChildren.LIBRARY);
                analysis = FaultyChildren.snapshot(c, FaultyChildren.ANALYSIS);
            }
            assertThat(library).isEqualTo(cleanLibrary);
            assertThat(analysis).isEqualTo(cleanAnalysis);
            System.err.println("DatabaseFaultsIT external: server stopped after " + storedBefore + " locations and "
                    + analysedBefore + " analyses; re-runs converged");
        } finally {
            external.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Stops {@code server} (fast shutdown) once {@code countSql} reaches {@code atLeast}; returns the count then. */
    private static long stopWhen(Child child, Postmaster server, String password, String countSql, long atLeast) throws Exception {
        return FaultyChildren.awaitCount(child, server.port(), "midicenter", password, countSql, atLeast, 120_000, count -> {
            try {
                server.stopFast();
            } catch (Exception e) {
                throw new AssertionError("stopping the server failed", e);
            }
        });
    }

    private static String[] externalArgs(EmbeddedServer server, String command, String... more) {
        String[] base = {command, "--db-url", server.jdbcUrl(), "--db-user", server.user()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static String password(Path home) throws Exception {
        return Files.readString(home.resolve("db-password")).strip();
    }

    static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
