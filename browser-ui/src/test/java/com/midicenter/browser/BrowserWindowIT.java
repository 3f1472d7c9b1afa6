package com.midicenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import com.midicenter.browser.testing.XvfbDisplay;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The browser window for real: {@link BrowserScenario} in a child JVM on a private Xvfb display (AWT reads
 * {@code DISPLAY} once, at start-up, so the display has to exist before the JVM that draws on it). Needs {@code Xvfb}
 * on the PATH ({@code .ci/run} installs it). Screenshots stay in {@code target/ui-screenshots/}.
 */
class BrowserWindowIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path SHOTS = TARGET.resolve("ui-screenshots");

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void browserWindow_typedQueryAndScrollToEnd_showsTheSearchServiceRowsWithoutStallingTheEdt() throws Exception {
        // given: a display of our own
        Path report = TARGET.resolve("ui-scenario.properties");
        Path log = TARGET.resolve("ui-scenario.log");
        Files.deleteIfExists(report);
        XvfbDisplay display = XvfbDisplay.start(TARGET.resolve("xvfb.log"));
        Process child = null;
        try {

            // when: the scenario runs in a JVM on that display
            child = display.launch(BrowserScenario.class, log, report.toString(), SHOTS.toString());
            boolean ended = child.waitFor(120, TimeUnit.SECONDS);

            // then
            assertThat(ended).as("scenario ended within 120 s (log: %s)", log).isTrue();
            Properties facts = new Properties();
            try (InputStream in = Files.newInputStream(report)) {
                facts.load(in);
            }
            assertThat(child.exitValue()).as("scenario exit (error: %s, log: %s)", facts.getProperty("error"), log)
                    .isZero();
            assertThat(facts.getProperty("completed")).isEqualTo("true");
            assertThat(facts.getProperty("title")).isEqualTo("MIDI Software Center — ui-test library");
            assertThat(facts.getProperty("fieldText")).isEqualTo(BrowserScenario.QUERY);
            assertThat(facts.getProperty("rows")).isEqualTo(facts.getProperty("expectedRows"));
            assertThat(facts.getProperty("rowsMatch")).isEqualTo("true");
            assertThat(facts.getProperty("status")).isEqualTo(facts.getProperty("rows") + " files");
            assertThat(facts.getProperty("fieldTextAfterEsc")).isEmpty();
            assertThat(facts.getProperty("allRows")).isEqualTo(facts.getProperty("allExpectedRows"));
            assertThat(Integer.parseInt(facts.getProperty("allRows"))).isGreaterThan(2 * 200); // three pages
            assertThat(facts.getProperty("pagesAfterEsc")).isEqualTo("[0]"); // not all rows: the first page
            assertThat(facts.getProperty("lastRowsMatch")).isEqualTo("true");
            assertThat(facts.getProperty("lastRowVisible")).isEqualTo("true");
            assertThat(Long.parseLong(facts.getProperty("pageLoads"))).isPositive();
            assertThat(facts.getProperty("keyFilter")).isNotEmpty();
            assertThat(Integer.parseInt(facts.getProperty("keyRows"))).isPositive()
                    .isLessThan(Integer.parseInt(facts.getProperty("allRows")));
            assertThat(facts.getProperty("keyRows")).isEqualTo(facts.getProperty("keyExpectedRows"));
            assertThat(facts.getProperty("keyRowsMatch")).isEqualTo("true");
            assertThat(facts.getProperty("keyRowsAllHaveKey")).isEqualTo("true");
            assertThat(facts.getProperty("keyComboSelected")).matches(facts.getProperty("keyFilter") + " \\([0-9,]+\\)");
            assertThat(facts.getProperty("keyChips")).contains("label=" + facts.getProperty("keyFilter") + "]");
            assertThat(facts.getProperty("closed")).isEqualTo("true");
            assertScreenshot(facts, "query");
            assertScreenshot(facts, "end");
            assertScreenshot(facts, "key");
            assertThat(Long.parseLong(facts.getProperty("watchdogProbes"))).as("watchdog ran").isGreaterThan(10);
            assertThat(Double.parseDouble(facts.getProperty("watchdogMaxStallMs")))
                    .as("EDT stall; the watchdog saw: %s", facts.getProperty("watchdogReports")).isLessThan(100);
            System.out.printf("BrowserWindowIT: %s rows for '%s' in %s ms after the last key, EDT max stall %s ms"
                            + " (cold first pass: %s ms), start-up %s ms, library %s ms, scenario %s ms;"
                            + " screenshots in %s%n",
                    facts.getProperty("rows"), BrowserScenario.QUERY, facts.getProperty("queryResultsMs"),
                    facts.getProperty("watchdogMaxStallMs"), facts.getProperty("coldMaxStallMs"),
                    facts.getProperty("startupMs"),
                    facts.getProperty("libraryMs"), facts.getProperty("scenarioMs"), SHOTS);
        } finally {
            if (child != null && child.isAlive()) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            display.close();
        }
    }

    /** The screenshot exists, is not blank, and its table region is not one colour. */
    private static void assertScreenshot(Properties facts, String prefix) throws IOException {
        File file = new File(facts.getProperty(prefix + "Screenshot"));
        assertThat(file).exists();
        BufferedImage image = ImageIO.read(file);
        assertThat(image.getWidth()).isGreaterThan(600);
        assertThat(stdDevOfLuma(image, new Rectangle(0, 0, image.getWidth(), image.getHeight())))
                .as("%s is not blank", file).isGreaterThan(10);
        String[] r = facts.getProperty(prefix + "TableRegion").split(",");
        Rectangle table = new Rectangle(Integer.parseInt(r[0]), Integer.parseInt(r[1]), Integer.parseInt(r[2]),
                Integer.parseInt(r[3])).intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        assertThat(table.height).as("table region of %s", file).isGreaterThan(100);
        assertThat(stdDevOfLuma(image, table)).as("table region of %s holds text", file).isGreaterThan(5);
        assertThat(colours(image, table)).as("colours in the table region of %s", file).isGreaterThan(8);
    }

    private static double stdDevOfLuma(BufferedImage image, Rectangle region) {
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                int rgb = image.getRGB(x, y);
                double luma = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
                sum += luma;
                sumSq += luma * luma;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    }

    private static int colours(BufferedImage image, Rectangle region) {
        Set<Integer> seen = new HashSet<>();
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
