package com.midicenter.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code .deb} on the machine itself: {@code dpkg -i}, the system-wide command and plugins work, {@code dpkg
 * --purge} leaves nothing of ours. CI runs as root on a throwaway machine; elsewhere the guards skip it: root only,
 * only when no {@code midicenter} package and none of its paths are there already, never with
 * {@code -Dinstaller.skipDeb=true}. Whatever happens, the package is purged at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebPackageIT {

    private static final String PACKAGE = "midicenter";
    private static final String LV2_URI = "https://midicenter.example/plugins/browser";
    private static final Path QTRACTOR_SCAN = Path.of("/usr/lib/x86_64-linux-gnu/qtractor/qtractor_plugin_scan");
    private static final List<Path> OURS = List.of(Path.of("/usr/lib/midicenter"), Path.of("/usr/bin/midicenter"),
            Path.of("/usr/lib/clap/midicenter.clap"), Path.of("/usr/lib/clap/midicenter-java"),
            Path.of("/usr/lib/lv2/midicenter.lv2"), Path.of("/usr/share/applications/midicenter.desktop"));

    private final Path target = Path.of(System.getProperty("installer.target", "target")).toAbsolutePath();
    private final String version = System.getProperty("installer.version", "0.1.0-SNAPSHOT");
    private final Path work = target.resolve("it-deb");
    private Path deb;
    /** Every path in the package, and whether it was on the machine before the install (e.g. /usr, /usr/lib/lv2). */
    private final Map<Path, Boolean> existedBefore = new LinkedHashMap<>();
    private boolean installed;

    @BeforeAll
    void guard() throws IOException {
        assumeTrue(!Boolean.getBoolean("installer.skipDeb"), "-Dinstaller.skipDeb=true");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg")), "not a dpkg system");
        assumeTrue("0".equals(Proc.run(List.of("id", "-u"), env()).ok().out().strip()), "dpkg -i needs root");
        Proc query = Proc.run(List.of("dpkg-query", "-W", "-f=${db:Status-Abbrev}", PACKAGE), env());
        assumeTrue(query.exitCode() != 0 || query.out().isBlank() || query.out().startsWith("un"),
                "a midicenter package is installed here already (" + query.out().strip() + "): not touching it");
        for (Path p : OURS) {
            assumeTrue(!Files.exists(p, LinkOption.NOFOLLOW_LINKS), p + " exists already: not touching it");
        }
        deb = target.resolve("midicenter_" + version.replace('-', '~') + "_amd64.deb");
        assertThat(deb).as("built by package.sh before the ITs").isRegularFile();
        TarballInstallIT.deleteTree(work);
        Files.createDirectories(work.resolve("home"));
        Proc contents = Proc.run(List.of("bash", "-c", "dpkg-deb --fsys-tarfile \"$0\" | tar -t", deb.toString()), env()).ok();
        for (String entry : contents.out().lines().toList()) {
            String path = entry.replaceFirst("^\\./", "/").replaceFirst("(.)/$", "$1");
            if (!path.equals("/")) {
                existedBefore.put(Path.of(path), Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS));
            }
        }
        assertThat(existedBefore).containsKeys(OURS.toArray(Path[]::new));
    }

    @AfterAll
    void purgeWhateverHappened() {
        Servers.stopUnder(work);
        if (installed) {
            dpkg("--purge", PACKAGE);
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOME", work.resolve("home").toString());
        env.put("XDG_DATA_HOME", work.resolve("home/.local/share").toString());
        env.put("XDG_CACHE_HOME", work.resolve("home/.cache").toString());
        env.put("LANG", "C.UTF-8");
        env.put("DEBIAN_FRONTEND", "noninteractive");
        return env;
    }

    /** dpkg, waiting (up to 3 minutes) while another dpkg/apt holds its lock. */
    private Proc dpkg(String... args) {
        List<String> command = Stream.concat(Stream.of("dpkg"), Stream.of(args)).toList();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            Proc result = Proc.run(command, env(), "", Duration.ofMinutes(5));
            if (result.exitCode() == 0 || !result.err().contains("lock") || System.nanoTime() > deadline) {
                return result;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
        }
    }

    @Test
    void deb_installRunPurge_worksSystemWideAndLeavesNothingBehind() throws IOException {
        // when: installed
        installed = true;
        dpkg("-i", deb.toString()).ok();
        // then: the command, the desktop entry, the plugins where hosts look, one runtime shared by all
        Proc version = Proc.run(List.of("/usr/bin/midicenter", "--version"), env()).ok();
        assertThat(version.out()).startsWith("MIDI Software Center " + this.version);
        assertThat(Files.readString(Path.of("/usr/share/applications/midicenter.desktop")))
                .contains("Exec=/usr/lib/midicenter/bin/midicenter gui").contains("Icon=midicenter");
        assertThat(Path.of("/usr/share/icons/hicolor/scalable/apps/midicenter.svg")).isRegularFile();
        Path runtime = Path.of("/usr/lib/midicenter/lib/runtime").toRealPath();
        assertThat(Path.of("/usr/lib/clap/midicenter-java/runtime").toRealPath()).isEqualTo(runtime);
        assertThat(Path.of("/usr/lib/lv2/midicenter.lv2/runtime").toRealPath()).isEqualTo(runtime);
        if (Files.isExecutable(Path.of("/usr/bin/lv2ls"))) {
            assertThat(Proc.run(List.of("lv2ls"), env()).ok().out().lines()).contains(LV2_URI);   // LV2_PATH unset
        }
        if (Files.isExecutable(QTRACTOR_SCAN)) {
            Map<String, String> noJava = env();
            noJava.put("MIDICENTER_PLUGIN_NO_JAVA", "1");   // see TarballInstallIT: the test host starts Java below
            Proc scan = Proc.run(List.of(QTRACTOR_SCAN.toString()), noJava, "CLAP:/usr/lib/clap/midicenter.clap\n",
                    Duration.ofSeconds(90));
            assertThat(scan.out()).as(scan.err()).contains("CLAP|MIDI Software Center|0:0|0:1|");
        }
        Path host = Path.of(System.getProperty("native.target", "../native-bridge/target"), "native-tests/clap_host");
        if (Files.isExecutable(host)) {
            Map<String, String> noJava = env();
            noJava.put("PATH", "/nonexistent");
            noJava.put("MIDICENTER_HOME", work.resolve("plugin-home").toString());
            Proc boot = Proc.run(List.of(host.toString(), "java-boot", "/usr/lib/clap/midicenter.clap"), noJava, "",
                    Duration.ofSeconds(120));
            assertThat(boot.exitCode()).as(boot.err()).isZero();
        }

        // when: purged
        dpkg("--purge", PACKAGE).ok();
        installed = false;
        // then: every path of the package that was not on the machine before is gone, and dpkg forgot the package
        List<Path> left = existedBefore.entrySet().stream()
                .filter(e -> !e.getValue() && Files.exists(e.getKey(), LinkOption.NOFOLLOW_LINKS))
                .map(Map.Entry::getKey).toList();
        assertThat(left).isEmpty();
        Proc query = Proc.run(List.of("dpkg-query", "-W", "-f=${db:Status-Abbrev}", PACKAGE), env());
        assertThat(query.exitCode() != 0 || query.out().startsWith("un")).as(query.out()).isTrue();
    }
}
