package com.midicenter.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.testing.XvfbDisplay;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The plugin window under Xvfb: {@link PluginGuiScenario} in a child JVM (started with the
 * {@code --add-exports} the native side gives the JVM) opens the window floating, then embedded into the X11 window
 * of {@link ParentWindowHost}, another JVM standing in for the DAW. Screenshots stay in
 * {@code target/plugin-screenshots/}.
 */
class PluginWindowIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path SHOTS = TARGET.resolve("plugin-screenshots");
    private static final List<String> EXPORTS = List.of("--add-exports", "java.desktop/sun.awt.X11=ALL-UNNAMED",
            "--add-exports", "java.desktop/sun.awt=ALL-UNNAMED");

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void guiOpen_floatingThenIntoTheHostsX11Window_showsTheBrowser() throws Exception {
        // given: a display, and a "host" window on it
        Path report = TARGET.resolve("plugin-gui.properties");
        Path idFile = TARGET.resolve("plugin-gui-parent.id");
        Files.deleteIfExists(report);
        Files.deleteIfExists(idFile);
        XvfbDisplay display = XvfbDisplay.start(TARGET.resolve("plugin-xvfb.log"));
        Process host = null;
        Process child = null;
        try {
            host = launch(display, ParentWindowHost.class, TARGET.resolve("plugin-gui-host.log"), idFile.toString());

            // when
            child = launch(display, PluginGuiScenario.class, TARGET.resolve("plugin-gui.log"), report.toString(),
                    SHOTS.toString(), idFile.toString());
            boolean ended = child.waitFor(200, TimeUnit.SECONDS);

            // then
            assertThat(ended).as("scenario ended (log: target/plugin-gui.log)").isTrue();
            Properties facts = new Properties();
            try (InputStream in = Files.newInputStream(report)) {
                facts.load(in);
            }
            assertThat(child.exitValue()).as("exit (error: %s)", facts.getProperty("error")).isZero();
            assertThat(facts.getProperty("completed")).isEqualTo("true");
            assertThat(Long.parseLong(facts.getProperty("startMs"))).as("start returns at once").isLessThan(100);
            assertThat(Long.parseLong(facts.getProperty("guiOpenMs"))).as("guiOpen(0) returns at once")
                    .isLessThan(100);
            assertThat(Long.parseLong(facts.getProperty("guiOpenEmbeddedMs"))).isLessThan(100);
            assertThat(facts.getProperty("floatingTitle")).isEqualTo("MIDI Software Center");
            assertThat(facts.getProperty("floatingEmbedded")).isEqualTo("false");
            assertThat(Integer.parseInt(facts.getProperty("rows"))).isPositive();
            assertThat(Integer.parseInt(facts.getProperty("publishedEvents"))).as("the selected row plays")
                    .isPositive();
            assertThat(facts.getProperty("stateHasSelection")).isEqualTo("true");
            assertThat(facts.getProperty("floatingSearchShowing")).isEqualTo("true");
            // the standalone window's curation: the "Library" sidebar (collections, recent searches) and the tools
            assertThat(facts.getProperty("floatingSidebarShowing")).isEqualTo("true");
            assertThat(facts.getProperty("floatingToolButtons")).contains("Export").contains("Duplicates");
            assertThat(facts.getProperty("embedded")).as("embedded, not the floating fallback").isEqualTo("true");
            assertThat(facts.getProperty("embeddedSearchShowing")).isEqualTo("true");
            String[] at = facts.getProperty("embeddedSearchOnScreen").split(",");
            assertThat(new Rectangle(0, 0, ParentWindowHost.WIDTH, ParentWindowHost.HEIGHT)
                    .contains(Integer.parseInt(at[0]), Integer.parseInt(at[1])))
                    .as("search field at %s, inside the host's window", facts.getProperty("embeddedSearchOnScreen"))
                    .isTrue();
            assertNotBlank(facts.getProperty("floatingScreenshot"));
            assertNotBlank(facts.getProperty("embeddedScreenshot"));
            assertThat(facts.getProperty("usersAfterDestroy")).isEqualTo("0");
            System.out.printf("PluginWindowIT: start %s ms, start -> library ready %s ms, JVM start -> ready %s ms,"
                            + " guiOpen %s ms (embedded %s ms), %s rows; calls: %s; screenshots in %s%n",
                    facts.getProperty("startMs"), facts.getProperty("startToReadyMs"),
                    facts.getProperty("jvmStartToReadyMs"), facts.getProperty("guiOpenMs"),
                    facts.getProperty("guiOpenEmbeddedMs"), facts.getProperty("rows"), facts.getProperty("calls"),
                    SHOTS);
        } finally {
            if (child != null && child.isAlive()) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            if (host != null) {
                host.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            display.close();
        }
    }

    /** {@code main} in a child JVM on {@code display}, with the JVM options the native side gives. */
    private static Process launch(XvfbDisplay display, Class<?> main, Path log, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.awt.headless=false"));
        command.addAll(EXPORTS);
        command.addAll(List.of("-cp", classpath, main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DISPLAY", display.name());
        return pb.start();
    }

    /** The screenshot exists and is not one flat colour: widgets with text are drawn on it. */
    private static void assertNotBlank(String path) throws IOException {
        File file = new File(path);
        assertThat(file).exists();
        BufferedImage image = ImageIO.read(file);
        assertThat(image.getWidth()).isGreaterThan(600);
        Set<Integer> colours = new HashSet<>();
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                double luma = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
                sum += luma;
                sumSq += luma * luma;
                n++;
            }
        }
        double mean = sum / n;
        assertThat(Math.sqrt(Math.max(0, sumSq / n - mean * mean))).as("%s is not blank", file).isGreaterThan(10);
        assertThat(colours.size()).as("colours in %s", file).isGreaterThan(8);
    }
}
