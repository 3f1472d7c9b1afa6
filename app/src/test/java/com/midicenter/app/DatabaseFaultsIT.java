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

    private static final int FILES = 3000;
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

    @Test
    void importAndAnalyze_dataFolderDiskFull_failCleanlyAndReRunsAfterFreeingSpaceConverge() throws Exception {
        // given: a library whose data folder is on a small file system, filled up to 19 MB (a start may need 16)
        Path mount = Files.createDirectories(WORK.resolve("full-data"));
        ImportFaultsIT.mount("-t", "tmpfs", "-o", "size=128m", "tmpfs", mount.toString());
        Path home = mount.resolve("home");
        try {
            assertThat(FaultyChildren.run(LOGS, "full-migrate", Map.of(), "db", "migrate", "--home", home.toString()).exit()).isZero();
            Path filler = fill(mount, 19L << 20);

            // when
            Result full = FaultyChildren.run(LOGS, "full-import-1", Map.of(), "import", "--home", home.toString(), corpus.toString());
            Result stats = FaultyChildren.run(LOGS, "full-stats", Map.of(), "stats", "--home", home.toString());
            Files.delete(filler);
            Result reImport = FaultyChildren.run(LOGS, "full-import-2", Map.of(), "import", "--home", home.toString(), corpus.toString());

            // then
            full.assertOneCleanFailureLine(3, "import stopped", "No space left on device", "free some space");
            if (stats.exit() != 0) { // the server may not even start on a full disk: it says so
                stats.assertOneCleanFailureLine(3, "No space left on device", "free some space");
            }
            assertThat(reImport.exit()).as(reImport.err()).isIn(0, 1);
            Map<String, String> library;
            try (EmbeddedServer again = EmbeddedServer.start(home);
                 Connection c = FaultyChildren.connect(again.port(), "midicenter", again.user(), again.password())) {
                library = FaultyChildren.snapshot(c, FaultyChildren.LIBRARY);
            }
            assertThat(library).isEqualTo(cleanLibrary);

            // when: the disk fills up again during the analysis, then there is room again
            filler = fill(mount, 2L << 20);
            Result fullAnalysis = FaultyChildren.run(LOGS, "full-analyze-1", Map.of(), "analyze", "--home", home.toString(),
                    "--lease", "3");
            Files.delete(filler);
            Thread.sleep(3_500); // leases a failed run could not give back run out
            Result reAnalysis = FaultyChildren.run(LOGS, "full-analyze-2", Map.of(), "analyze", "--home", home.toString());

            // then: the full disk stopped it with one line (PostgreSQL reports it, or fails as a whole when its log
            // cannot grow); the re-run ends with the clean run's analysis
            assertThat(fullAnalysis.exit()).as(fullAnalysis.err()).isIn(3, 4);
            fullAnalysis.assertOneCleanFailureLine(fullAnalysis.exit());
            assertThat(fullAnalysis.messages().get(0)).containsAnyOf("No space left on device", "stopped or cannot be reached");
            assertThat(reAnalysis.exit()).as(reAnalysis.err()).isZero();
            Map<String, String> analysis;
            try (EmbeddedServer again = EmbeddedServer.start(home);
                 Connection c = FaultyChildren.connect(again.port(), "midicenter", again.user(), again.password())) {
                analysis = FaultyChildren.snapshot(c, FaultyChildren.ANALYSIS);
            }
            assertThat(analysis).isEqualTo(cleanAnalysis);
            System.err.println("DatabaseFaultsIT disk full: " + full.messages().get(0) + "; stats exit " + stats.exit()
                    + "; analysis: " + fullAnalysis.messages().get(0));
        } finally {
            stopLeftoverServer(home.resolve("db"));
            ImportFaultsIT.umount(mount);
        }
    }

    @Test
    void export_targetDiskFull_leavesNoCutOffFileAndReRunIsComplete() throws Exception {
        // given: the clean library, and a 1 MB file system as the export target
        Path home = WORK.resolve("clean-home");
        Path mount = Files.createDirectories(WORK.resolve("full-export"));
        ImportFaultsIT.mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString());
        try {
            // when
            Result folder = FaultyChildren.run(LOGS, "full-export-folder", Map.of(), "export", "--home", home.toString(),
                    "--to", mount.resolve("out").toString());
            java.util.List<Path> written;
            try (var files = Files.list(mount.resolve("out"))) {
                written = files.toList();
            }
            java.util.Set<String> corpusHashes = hashes(corpus);
            long completeFiles = written.stream().filter(f -> corpusHashes.contains(sha256(f))).count();
            deleteTree(mount.resolve("out"));
            Result zip = FaultyChildren.run(LOGS, "full-export-zip", Map.of(), "export", "--home", home.toString(),
                    "--to", mount.resolve("all.zip").toString());
            boolean zipLeft = Files.exists(mount.resolve("all.zip"));
            ImportFaultsIT.mount("-o", "remount,size=64m", mount.toString());
            Result again = FaultyChildren.run(LOGS, "full-export-zip-2", Map.of(), "export", "--home", home.toString(),
                    "--to", mount.resolve("all.zip").toString());
            Result clean = FaultyChildren.run(LOGS, "clean-export-zip", Map.of(), "export", "--home", home.toString(),
                    "--to", WORK.resolve("clean.zip").toString());

            // then: every file left in the folder is complete; no zip is left; the re-run's zip is the clean run's
            folder.assertOneCleanFailureLine(1, "midicenter export: cannot write " + mount.resolve("out"), "No space left on device",
                    "free some space");
            assertThat(written).isNotEmpty();
            assertThat(completeFiles).isEqualTo(written.size());
            zip.assertOneCleanFailureLine(1, "No space left on device");
            assertThat(zipLeft).as("a cut-off all.zip was left").isFalse();
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(clean.exit()).as(clean.err()).isZero();
            assertThat(zipEntries(mount.resolve("all.zip"))).hasSizeGreaterThan(1000)
                    .isEqualTo(zipEntries(WORK.resolve("clean.zip")));
            System.err.println("DatabaseFaultsIT export disk full: " + written.size() + " complete files left, no zip");
        } finally {
            ImportFaultsIT.umount(mount);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Fills the file system of {@code dir} with zeros until {@code leaveBytes} remain free; returns the filler file. */
    private static Path fill(Path dir, long leaveBytes) throws Exception {
        Path filler = dir.resolve("filler");
        long toWrite = Files.getFileStore(dir).getUsableSpace() - leaveBytes;
        byte[] zeros = new byte[1 << 20];
        try (var out = Files.newOutputStream(filler)) {
            for (long written = 0; written < toWrite; written += zeros.length) {
                out.write(zeros, 0, (int) Math.min(zeros.length, toWrite - written));
            }
        }
        return filler;
    }

    /** A fast shutdown of a server a failed test may have left running on {@code dataDirectory}. */
    private static void stopLeftoverServer(Path dataDirectory) throws Exception {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
            if (ProcessHandle.of(pid).isPresent()) {
                new Postmaster(pid, 0).stopFast();
            }
        }
    }

    private static java.util.Set<String> hashes(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(DatabaseFaultsIT::sha256).collect(java.util.stream.Collectors.toSet());
        }
    }

    private static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static java.util.List<String> zipEntries(Path zip) throws Exception {
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.stream().map(e -> e.getName() + " " + e.getSize() + " " + e.getCrc()).sorted().toList();
        }
    }

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
