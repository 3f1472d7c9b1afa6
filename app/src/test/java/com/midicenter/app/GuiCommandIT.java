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
            child = display.launch(GuiScenario.class, log, home.toString(), report.toString());
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
}
