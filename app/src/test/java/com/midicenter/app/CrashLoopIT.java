package com.midicenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.testing.XvfbDisplay;
import com.midicenter.persistence.db.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10, crash safety: {@code kill -9} of {@code import}, {@code analyze}, {@code worker} and the {@code gui} (while
 * its "Add folder…" imports and analyses) at seeded random moments, each kill followed by the next step on the same
 * library; then a normal {@code import} and {@code analyze}. The library must equal the one a clean run of the same
 * commands makes (a canonical dump of contents, locations, tags, analysis rows, search rows and import errors, without
 * ids and timestamps): no lost file, no double count, no stuck lease, no half-written analysis; and no PostgreSQL
 * left running.
 *
 * <p>The commands run as the user runs them: {@code java -jar midicenter.jar ...} in child processes (the gui in a
 * child JVM on a private Xvfb display). The embedded server outlives the process that started it when that process is
 * killed; each next command adopts it, and the last one to close stops it. The kill moments are drawn from a seeded
 * {@link Random} ({@code -Dcrashloop.seed}, {@code -Dcrashloop.kills}): the same steps and draws each run. Two kinds of
 * moment: most kills come once the step has stored a drawn number of rows more (locations plus finished analysis
 * jobs, watched over a plain JDBC connection that does not count as a user of the server), so that they land
 * mid-work whatever the machine's speed; the others come a drawn delay after the command reached the server, which
 * lands anywhere from schema checks to the work. The test checks that kills did land mid-work (interrupted import
 * runs, analysis jobs claimed twice, every step killed at least once after it had stored something).
 */
class CrashLoopIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final long SEED = Long.getLong("crashloop.seed", 20261127L);
    /** Kills of a running command at least; a step that ended before its kill moment does not count. */
    private static final int KILLS = Integer.getInteger("crashloop.kills", 20);
    /** Steps at least (whether or not they were still running when killed), and at most. */
    private static final int MIN_STEPS = 24;
    private static final int MAX_STEPS = 48;
    /**
     * Small corpora imported (not killed) just before each {@code worker} step, so that it has work whatever the
     * steps before it finished: the window's "Add folder…" analyses every pending file of the library, and a seeded
     * order that put it before each worker left them all nothing to do (CI, once: six workers, all "waiting for
     * work"). Each is a root of its own, in the clean run too.
     */
    private static final int WORKER_CHUNKS = MAX_STEPS / Step.values().length;
    private static final int CHUNK_FILES = 20;
    /** What the children print once they work on the library: the server started or adopted (MIDICENTER_LOG=INFO). */
    private static final String CLI_STARTED = "embedded PostgreSQL ";

    /** The killable steps. */
    enum Step { IMPORT, ANALYZE, WORKER, GUI }

    /**
     * One kill.
     *
     * @param rows    the drawn number of rows the step had to store before its kill, or 0 for a kill by delay
     * @param delayMs the drawn delay after it reached the server, for a kill by delay
     * @param stored  rows the library gained from the step's start to its kill (-1: not watched)
     * @param alive   the step was still running when killed (had not ended by itself)
     */
    record Kill(int n, Step step, int rows, long delayMs, long stored, boolean alive) {

        boolean midWork() {
            return alive && stored > 0;
        }
    }

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS)
    void killNineLoop_thenNormalRun_libraryEqualsACleanRunAndNoServerIsLeft() throws Exception {
        // given: a generated corpus for the command line (with a zip pack), another for the window's "Add folder…"
        Path work = Files.createTempDirectory(Files.createDirectories(TARGET.resolve("it-homes")), "crash-");
        Path cli = work.resolve("cli-corpus");
        Path gui = work.resolve("gui-corpus");
        assertThat(CliIT.run("generate", "--files", "450", "--out", cli.toString(), "--seed", "31").exit()).isZero();
        assertThat(CliIT.run("generate", "--files", "150", "--out", gui.toString(), "--seed", "32").exit()).isZero();
        zipFirstPack(cli, cli.resolve("archives").resolve("pack.zip"));
        List<String> chunks = new ArrayList<>();
        for (int i = 1; i <= WORKER_CHUNKS; i++) {
            Path chunk = work.resolve("worker-corpus").resolve(String.format("chunk-%02d", i));
            assertThat(CliIT.run("generate", "--files", Integer.toString(CHUNK_FILES), "--out", chunk.toString(),
                    "--seed", Integer.toString(40 + i)).exit()).isZero();
            chunks.add(chunk.toString());
        }
        List<String> roots = new ArrayList<>(List.of(cli.toString(), gui.toString()));
        roots.addAll(chunks);
        Path reference = work.resolve("reference-home");
        Path home = work.resolve("killed-home");
        Path logs = Files.createDirectories(TARGET.resolve("crash-loop"));
        Random random = new Random(SEED);
        List<Kill> kills = new ArrayList<>();
        XvfbDisplay display = XvfbDisplay.start(TARGET.resolve("xvfb-crash-loop.log"));
        try {
            // the clean run: the same final commands on a fresh home
            assertThat(midicenter(logs, "reference-import", args(List.of("import", "--home", reference.toString()),
                    roots)).exit).isEqualTo(1); // the corpus's corrupt files
            assertThat(midicenter(logs, "reference-analyze", "analyze", "--home", reference.toString()).exit).isZero();

            // when: the kill loop, the steps in a seeded order (an import first: there is nothing to analyse before)
            List<Step> steps = new ArrayList<>();
            long running = 0;
            int workerChunk = 0;
            for (int n = 0; n < MAX_STEPS && (n < MIN_STEPS || running < KILLS); n++) {
                if (n == steps.size()) { // the next round: every step once, in a seeded order
                    List<Step> round = new ArrayList<>(List.of(Step.values()));
                    Collections.shuffle(round, random);
                    if (n == 0) {
                        round.remove(Step.IMPORT);
                        round.add(0, Step.IMPORT);
                    }
                    steps.addAll(round);
                }
                Step step = steps.get(n);
                boolean byRows = random.nextInt(3) > 0;
                // imports store more per step than the analysis steps take, so that analysis work is left for them
                int rows = !byRows ? 0 : 1 + random.nextInt(switch (step) {
                    case IMPORT -> 120;
                    case GUI -> 80;
                    case ANALYZE, WORKER -> 30;
                });
                long delay = byRows ? 0 : random.nextInt(step == Step.GUI ? 2500 : 1500);
                if (step == Step.WORKER && workerChunk < chunks.size()) { // fresh files for it to analyse
                    Result fed = midicenter(logs, String.format("kill-%02d-worker-work", n + 1), "import", "--home",
                            home.toString(), chunks.get(workerChunk++));
                    assertThat(fed.exit).as(fed.log).isIn(0, 1);
                }
                Kill kill = killed(n, step, rows, delay, home, cli, gui, display, logs);
                kills.add(kill);
                running += kill.alive() ? 1 : 0;
                System.out.printf("crash-loop kill %2d: %-7s %s, %3d rows stored by then, %s%n", n + 1, step,
                        byRows ? String.format("after %2d more rows", rows) : String.format("%4d ms after start", delay),
                        kill.stored(), kill.alive() ? "killed while running" : "had ended by itself");
                assertThat(postmasterProcesses(home)).as("servers on the library after kill %d", n + 1).hasSizeLessThan(2);
            }
            int orphansAfterLoop = postmasters(home);

            // and a normal run
            Result finalImport = midicenter(logs, "final-import", args(List.of("import", "--home", home.toString(),
                    "--json"), roots));
            Result finalAnalyze = midicenter(logs, "final-analyze", "analyze", "--home", home.toString(), "--json");

            // then: the normal run ends, adopts the server the last kill left and stops it
            // exit 1 when this run met unreadable files: whether the corrupt ones are new to it (or were recorded, and are
            // unchanged, by an earlier step that got further) depends on where the last kills landed
            java.util.regex.Matcher errors = java.util.regex.Pattern.compile("\"errors\":(\\d+)").matcher(finalImport.log);
            assertThat(errors.find()).as(finalImport.log).isTrue();
            assertThat(finalImport.exit).as(finalImport.log).isEqualTo(Long.parseLong(errors.group(1)) > 0 ? 1 : 0);
            assertThat(finalAnalyze.exit).as(finalAnalyze.log).isZero();
            // (the last kill left its server running, unless it came while that command was stopping it)
            System.out.println("crash-loop: servers running after the last kill: " + orphansAfterLoop);
            assertThat(orphansAfterLoop).isLessThanOrEqualTo(1);
            assertThat(postmasters(home)).as("PostgreSQL processes left on the library").isZero();
            assertThat(home.resolve("db").resolve("postmaster.pid")).doesNotExist();
            assertThat(kills.stream().filter(Kill::alive).count()).as("kills of a running command")
                    .isGreaterThanOrEqualTo(KILLS);
            for (Step step : Step.values()) {
                assertThat(kills.stream().filter(k -> k.step() == step && k.midWork()).count())
                        .as("%s killed while running after it had stored something", step).isPositive();
            }

            // the library equals the clean one
            List<String> expected = dump(reference);
            List<String> actual = dump(home);
            Files.write(logs.resolve("reference.dump"), expected);
            Files.write(logs.resolve("killed.dump"), actual);
            List<String> missing = new ArrayList<>(new TreeSet<>(expected));
            missing.removeAll(new TreeSet<>(actual));
            List<String> extra = new ArrayList<>(new TreeSet<>(actual));
            extra.removeAll(new TreeSet<>(expected));
            assertThat(expected).as("the reference library").hasSizeGreaterThan(1000);
            assertThat(missing.size()).as("rows of the clean library missing after the kills (dumps in %s), first: %s",
                    logs, first(missing)).isZero();
            assertThat(extra.size()).as("rows after the kills that the clean library does not have, first: %s",
                    first(extra)).isZero();
            assertThat(actual).as("the whole dump, in order, duplicates included").isEqualTo(expected);

            // and its invariants, spelled out
            Map<String, Long> facts = facts(home);
            System.out.println("crash-loop facts: " + facts);
            assertThat(facts.get("jobs not finished")).as("no stuck lease, nothing left to analyse").isZero();
            assertThat(facts.get("done without all rows")).as("no half-written analysis").isZero();
            assertThat(facts.get("results written twice")).as("no double count").isZero();
            assertThat(facts.get("locations without content")).isZero();
            assertThat(facts.get("import runs still running")).isZero();
            // the kills landed mid-work: imports were cut short, and claimed analysis batches were taken over
            assertThat(facts.get("interrupted import runs")).isPositive();
            assertThat(facts.get("jobs claimed more than once")).isPositive();
            assertThat(postmasters(home)).isZero();
            assertThat(postmasters(reference)).isZero();
        } finally {
            display.close();
            stopLeftovers(home);
            stopLeftovers(reference);
        }
        DemoCommand.deleteTree(work);
    }

    // ------------------------------------------------------------------------------------------------ the steps

    /**
     * Starts {@code step}, waits until it reached the server, then until the library has {@code rows} more rows (or
     * {@code delayMs} when {@code rows} is 0), and kills it with SIGKILL. A step that stores nothing more within
     * {@value #ROWS_WAIT_SECONDS} s (nothing left to do) is killed then.
     */
    private static Kill killed(int n, Step step, int rows, long delayMs, Path home, Path cli, Path gui,
                               XvfbDisplay display, Path logs) throws Exception {
        Path log = logs.resolve(String.format("kill-%02d-%s.log", n + 1, step.name().toLowerCase()));
        Process child;
        String marker = CLI_STARTED;
        switch (step) {
            case IMPORT -> child = start(log, "import", "--home", home.toString(), "--threads", "1", "--batch", "10",
                    cli.toString());
            case ANALYZE -> child = start(log, "analyze", "--home", home.toString(), "--threads", "1", "--batch", "10");
            case WORKER -> child = start(log, "worker", "--home", home.toString(), "--threads", "2", "--batch", "10",
                    "--poll", "0.2");
            case GUI -> {
                child = display.launch(GuiCrashScenario.class, log, home.toString(), gui.toString());
                marker = GuiCrashScenario.ADDING;
            }
            default -> throw new IllegalStateException(step.name());
        }
        long before = -1;
        try (Watch watch = Watch.open(home)) { // a server left by the previous kill, if any
            before = watch.rows();
        } catch (SQLException noServerYet) {
            before = -1;
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!contains(log, marker)) {
                assertThat(child.isAlive()).as("%s ended before it reached the server (log: %s)", step, log).isTrue();
                assertThat(System.nanoTime()).as("%s reached the server within 120 s (log: %s)", step, log)
                        .isLessThan(deadline);
                Thread.sleep(5);
            }
            if (before < 0) { // this step started the server: nothing it did is stored before its schema check
                try (Watch watch = Watch.open(home)) {
                    before = watch.rows();
                } catch (SQLException stillStarting) {
                    before = 0;
                }
            }
            long stored = -1;
            if (rows == 0) {
                Thread.sleep(delayMs);
            } else {
                try (Watch watch = Watch.open(home)) {
                    long from = before;
                    long give = System.nanoTime() + TimeUnit.SECONDS.toNanos(ROWS_WAIT_SECONDS);
                    while (child.isAlive() && watch.rows() < from + rows && System.nanoTime() < give) {
                        Thread.sleep(5);
                    }
                } catch (SQLException serverStopped) {
                    // the step ended by itself and, as the server's last user, stopped it
                }
            }
            boolean alive = child.isAlive();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally, no closing of anything
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (Watch watch = Watch.open(home)) { // the server outlives its killed user
                stored = watch.rows() - before;
            } catch (SQLException stoppedWithAStepThatEnded) {
                stored = -1;
            }
            return new Kill(n, step, rows, delayMs, stored, alive);
        } finally {
            child.destroyForcibly();
        }
    }

    private static final int ROWS_WAIT_SECONDS = 8;

    /**
     * A plain JDBC connection to the running embedded server (port from its {@code postmaster.pid}, the generated
     * password): not a {@link Database}, so it does not count as a user of the server and never starts or stops it.
     */
    private record Watch(Connection connection) implements AutoCloseable {

        static Watch open(Path home) throws SQLException {
            List<String> pid;
            String password;
            try {
                pid = Files.readAllLines(home.resolve("db").resolve("postmaster.pid"));
                password = Files.readString(home.resolve("db-password")).strip();
            } catch (IOException e) {
                throw new SQLException("no server running on " + home + ": " + e.getMessage(), e);
            }
            if (pid.size() < 4) {
                throw new SQLException("the server of " + home + " is starting");
            }
            java.util.Properties p = new java.util.Properties();
            p.setProperty("user", "midicenter");
            p.setProperty("password", password);
            p.setProperty("ApplicationName", "crash-loop-watch");
            return new Watch(java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/midicenter", p));
        }

        /** Locations stored plus analysis jobs finished (0 before the schema exists). */
        long rows() throws SQLException {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM location)"
                         + " + (SELECT count(*) FROM analysis_job WHERE state IN ('done', 'failed'))")) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                if ("42P01".equals(e.getSQLState())) { // undefined_table: the first command has not migrated yet
                    return 0;
                }
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private static List<String> first(List<String> lines) {
        return lines.stream().limit(5).map(l -> l.length() > 300 ? l.substring(0, 300) + "..." : l).toList();
    }

    /** Exit code and log of one command run to its end. */
    private record Result(int exit, String log) {
    }

    private static String[] args(List<String> first, List<String> then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(then);
        return all.toArray(new String[0]);
    }

    private static Result midicenter(Path logs, String name, String... args) throws Exception {
        Path log = logs.resolve(name + ".log");
        Process p = start(log, args);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("%s ended (log: %s)", name, log).isTrue();
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** {@code java -jar midicenter.jar ARGS}, output and errors to {@code log}. */
    private static Process start(Path log, String... args) throws IOException {
        String jar = System.getProperty("midicenter.jar");
        assertThat(jar).as("the failsafe property midicenter.jar").isNotNull();
        assertThat(Path.of(jar)).as("the packaged command").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("MIDICENTER_LOG", "INFO");
        return pb.start();
    }

    private static boolean contains(Path log, String text) throws IOException {
        return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
    }

    /** Copies the first pack folder of {@code corpus} into a zip archive (imported as its members). */
    private static void zipFirstPack(Path corpus, Path zip) throws IOException {
        Path pack;
        try (Stream<Path> files = Files.walk(corpus)) {
            pack = files.filter(p -> p.toString().endsWith(".mid")).findFirst().orElseThrow().getParent();
        }
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.list(pack)) {
            for (Path f : files.sorted().toList()) {
                if (Files.isRegularFile(f)) {
                    z.putNextEntry(new ZipEntry("Zipped Pack/" + f.getFileName()));
                    z.write(Files.readAllBytes(f));
                    z.closeEntry();
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the library

    /**
     * The library as sorted text lines, without ids, timestamps and who did the work (worker, attempts): every
     * content, location (with its path tags by name), own tag, analysis row ({@code file_meta} as JSON), job state,
     * search row, import error, archive and tag. Rows pointing at nothing show as {@code orphan}.
     */
    static List<String> dump(Path home) throws SQLException {
        String sha = "coalesce(encode(c.sha256, 'hex'), 'orphan')";
        String tagNames = "coalesce((SELECT string_agg(t.category || ':' || t.name, ',' ORDER BY t.category, t.name)"
                + " FROM tag t WHERE t.id = ANY (%s)), '')";
        List<String> queries = List.of(
                "SELECT 'content ' || encode(c.sha256, 'hex') || ' ' || c.size_bytes FROM content c",
                "SELECT 'location ' || l.path || ' | ' || " + sha + " || ' | ' || l.file_name || ' | '"
                        + " || coalesce(l.container, '-') || ' | ' || l.size_bytes || ' | ' || l.mtime_ms || ' | '"
                        + " || coalesce(l.vendor, '-') || ' | ' || coalesce(l.pack, '-') || ' | missing=' || l.missing"
                        + " || ' | ' || " + tagNames.formatted("l.path_tag_ids")
                        + " FROM location l LEFT JOIN content c ON c.id = l.content_id",
                "SELECT 'file_tag ' || " + sha + " || ' ' || t.category || ':' || t.name || ' ' || ft.source"
                        + " FROM file_tag ft JOIN tag t ON t.id = ft.tag_id LEFT JOIN content c ON c.id = ft.content_id",
                "SELECT 'file_meta ' || " + sha + " || ' ' || (to_jsonb(m) - 'content_id' - 'analyzed_at')::text"
                        + " FROM file_meta m LEFT JOIN content c ON c.id = m.content_id",
                "SELECT 'job ' || " + sha + " || ' ' || j.state || ' v' || j.analyzer_version || ' written='"
                        + " || j.results_written || ' worker=' || coalesce(j.worker, '-') || ' lease='"
                        + " || (j.lease_until IS NOT NULL) || ' ' || coalesce(j.error, '-')"
                        + " FROM analysis_job j LEFT JOIN content c ON c.id = j.content_id",
                "SELECT 'search_doc ' || " + sha + " || ' '"
                        + " || (to_jsonb(s) - 'content_id' - 'added_at' - 'tag_ids')::text || ' tags='"
                        + " || " + tagNames.formatted("s.tag_ids")
                        + " FROM search_doc s LEFT JOIN content c ON c.id = s.content_id",
                "SELECT 'import_error ' || e.path || ' | ' || e.kind || ' | ' || e.reason || ' | '"
                        + " || coalesce(e.size_bytes, -1) || ' | ' || coalesce(e.mtime_ms, -1) FROM import_error e",
                "SELECT 'archive ' || a.path || ' ' || a.size_bytes || ' ' || a.mtime_ms || ' ' || a.members"
                        + " FROM archive_file a",
                "SELECT 'tag ' || t.category || ':' || t.name FROM tag t",
                "SELECT 'user_mark ' || " + sha + " || ' ' || u.favorite || ' ' || coalesce(u.rating, 0)"
                        + " FROM user_mark u LEFT JOIN content c ON c.id = u.content_id");
        List<String> lines = new ArrayList<>();
        try (Database db = Database.embedded(home); Connection connection = db.dataSource().getConnection();
             Statement s = connection.createStatement()) {
            for (String sql : queries) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            }
        }
        Collections.sort(lines);
        return lines;
    }

    /** Invariants of a library at rest, and traces of the kills, as counts. */
    private static Map<String, Long> facts(Path home) throws SQLException {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("jobs not finished", "SELECT count(*) FROM analysis_job WHERE state NOT IN ('done', 'failed')"
                + " OR worker IS NOT NULL OR lease_until IS NOT NULL");
        queries.put("done without all rows", "SELECT count(*) FROM analysis_job j WHERE j.state = 'done' AND NOT EXISTS"
                + " (SELECT 1 FROM file_meta m JOIN search_doc s ON s.content_id = m.content_id"
                + "  WHERE m.content_id = j.content_id AND m.analyzer_version = j.analyzer_version"
                + "  AND m.analyzed_at IS NOT NULL AND s.state = 'done')");
        queries.put("results written twice", "SELECT count(*) FROM analysis_job WHERE results_written > 1");
        queries.put("locations without content", "SELECT count(*) FROM location l"
                + " WHERE NOT EXISTS (SELECT 1 FROM content c WHERE c.id = l.content_id)");
        queries.put("import runs still running", "SELECT count(*) FROM import_run WHERE status = 'running'");
        queries.put("interrupted import runs", "SELECT count(*) FROM import_run WHERE status = 'interrupted'");
        queries.put("jobs claimed more than once", "SELECT count(*) FROM analysis_job WHERE attempts > 1");
        queries.put("contents", "SELECT count(*) FROM content");
        queries.put("locations", "SELECT count(*) FROM location");
        queries.put("analysed", "SELECT count(*) FROM analysis_job WHERE state = 'done'");
        Map<String, Long> facts = new LinkedHashMap<>();
        try (Database db = Database.embedded(home); Connection connection = db.dataSource().getConnection();
             Statement s = connection.createStatement()) {
            for (Map.Entry<String, String> q : queries.entrySet()) {
                try (ResultSet rs = s.executeQuery(q.getValue())) {
                    rs.next();
                    facts.put(q.getKey(), rs.getLong(1));
                }
            }
        }
        return facts;
    }

    // ------------------------------------------------------------------------------------------------ processes

    /** PostgreSQL postmasters running on {@code home}'s data folder (their command line names it). */
    static int postmasters(Path home) throws IOException {
        return postmasterProcesses(home).size();
    }

    /** The postmasters of {@code home}: pid, parent pid and command line of each. */
    /**
     * The servers (postmasters) running on the library: a {@code postgres -D <home>/db} process whose parent is not
     * one itself. A backend the postmaster has just forked still carries its command line until it sets its title, so
     * it is a child of the server, not a second server (CI caught one that way).
     */
    static List<String> postmasterProcesses(Path home) throws IOException {
        List<String[]> all = postgresProcesses(home);
        java.util.Set<String> pids = new java.util.HashSet<>();
        all.forEach(p -> pids.add(p[0]));
        List<String> servers = new ArrayList<>();
        for (String[] p : all) {
            if (!pids.contains(p[1])) {
                servers.add(p[0] + " (parent " + p[1] + "): " + p[2]);
            }
        }
        return servers;
    }

    /** Every process whose command line runs postgres on the library's data folder: {pid, parent pid, line}. */
    private static List<String[]> postgresProcesses(Path home) throws IOException {
        String dataDir = home.toAbsolutePath().resolve("db").toString();
        List<String[]> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String cmdline;
                try {
                    cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                } catch (IOException gone) {
                    continue;
                }
                String line = cmdline.strip();
                if (line.contains("postgres") && !line.contains("pg_ctl")
                        && (line.contains("-D " + dataDir + " ") || line.endsWith("-D " + dataDir))) {
                    String parent = ProcessHandle.of(Long.parseLong(proc.getFileName().toString()))
                            .flatMap(ProcessHandle::parent).map(h -> Long.toString(h.pid())).orElse("?");
                    found.add(new String[] {proc.getFileName().toString(), parent, line});
                }
            }
        }
        return found;
    }

    /** After a failure: a server the test may have left is stopped, so nothing outlives the test. */
    private static void stopLeftovers(Path home) {
        try {
            if (postmasters(home) > 0) {
                Database.embedded(home).close(); // adopts it; as its last user, stops it
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the server of " + home + ": " + e);
        }
    }
}
