package com.midicenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.testing.XvfbDisplay;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code midicenter gui} opens its window and, when the window is closed, returns 0 with the database stopped. */
class GuiCommandIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void gui_windowClosed_commandReturnsZeroAndStopsTheDatabase() throws Exception {
        // given: a display of our own and an empty library home
        Path home = Files.createTempDirectory(Files.createDirectories(TARGET.resolve("it-homes")), "gui-");
        Files.delete(home);
        Path report = TARGET.resolve("gui-scenario.properties");
        Path log = TARGET.resolve("gui-scenario.log");
        Files.deleteIfExists(report);
        XvfbDisplay display = XvfbDisplay.start(TARGET.resolve("xvfb-gui.log"));
        Process child = null;
        try {
            // when
            child = display.launch(GuiScenario.class, log, home.toString(), report.toString(), "-", "gui");
            assertThat(child.waitFor(100, TimeUnit.SECONDS)).as("gui scenario ended (log: %s)", log).isTrue();

            // then
            Properties facts = new Properties();
            try (InputStream in = Files.newInputStream(report)) {
                facts.load(in);
            }
            assertThat(child.exitValue()).as("scenario exit (error: %s, log: %s)", facts.getProperty("error"), log)
                    .isZero();
            assertThat(facts.getProperty("title")).isEqualTo("MIDI Software Center — " + home);
            assertThat(facts.getProperty("status")).isEqualTo("0 files");
            assertThat(facts.getProperty("serverRunningWhileOpen")).isEqualTo("true");
            assertThat(facts.getProperty("cliEnded")).isEqualTo("true");
            assertThat(facts.getProperty("cliExit")).isEqualTo("0");
            assertThat(facts.getProperty("serverStoppedAfterClose")).isEqualTo("true");
        } finally {
            if (child != null && child.isAlive()) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            display.close();
            if (child != null && !child.isAlive()) {
                DemoCommand.deleteTree(home); // the server has stopped with the window
            }
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void demo_opensTheWindowOnItsLibrary_andTheNextGuiRemembersTheLastSearch() throws Exception {
        // given: a display of our own and an empty home
        Path home = Files.createTempDirectory(Files.createDirectories(TARGET.resolve("it-homes")), "demo-");
        Files.delete(home);
        XvfbDisplay display = XvfbDisplay.start(TARGET.resolve("xvfb-demo.log"));
        try {
            // when: the demo (a small library), a search typed before closing its window; then gui on that home
            Properties demo = scenario(display, home, "demo", "drums", "demo", "--files", "300");
            Properties gui = scenario(display, home, "gui-again", "-", "gui");

            // then: the demo's window showed its analysed files and closed cleanly
            assertThat(demo.getProperty("error")).isNull();
            assertThat(demo.getProperty("title")).isEqualTo("MIDI Software Center — " + home);
            assertThat(demo.getProperty("status")).matches("[0-9,]+ files");
            int files = Integer.parseInt(demo.getProperty("status").replaceAll("[^0-9]", ""));
            assertThat(files).isBetween(200, 300);
            assertThat(demo.getProperty("rows")).isEqualTo(Integer.toString(files));
            assertThat(demo.getProperty("statusAfterTyping")).matches("[0-9,]+ files?");
            assertThat(demo.getProperty("cliExit")).isEqualTo("0");
            assertThat(demo.getProperty("serverStoppedAfterClose")).isEqualTo("true");
            assertThat(home.resolve("ui-state.properties")).exists();
            // and the next run opened with the last search
            assertThat(gui.getProperty("error")).isNull();
            assertThat(gui.getProperty("searchText")).isEqualTo("drums");
            assertThat(gui.getProperty("status")).isEqualTo(demo.getProperty("statusAfterTyping"));
            assertThat(gui.getProperty("cliExit")).isEqualTo("0");
        } finally {
            display.close();
            DemoCommand.deleteTree(home);
        }
    }

    private static Properties scenario(XvfbDisplay display, Path home, String name, String leave, String... command)
            throws Exception {
        Path report = TARGET.resolve(name + "-scenario.properties");
        Path log = TARGET.resolve(name + "-scenario.log");
        Files.deleteIfExists(report);
        String[] args = new String[3 + command.length];
        args[0] = home.toString();
        args[1] = report.toString();
        args[2] = leave;
        System.arraycopy(command, 0, args, 3, command.length);
        Process child = display.launch(GuiScenario.class, log, args);
        try {
            assertThat(child.waitFor(200, TimeUnit.SECONDS)).as("%s scenario ended (log: %s)", name, log).isTrue();
            Properties facts = new Properties();
            try (InputStream in = Files.newInputStream(report)) {
                facts.load(in);
            }
            assertThat(child.exitValue()).as("%s exit (error: %s, log: %s)", name, facts.getProperty("error"), log)
                    .isZero();
            return facts;
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
