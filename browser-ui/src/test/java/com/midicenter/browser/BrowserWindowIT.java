package com.midicenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.testing.ScenarioChild;
import com.midicenter.browser.testing.Screenshots;
import com.midicenter.browser.testing.XvfbDisplay;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
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
 * The browser window for real: {@link BrowserScenario} in a child JVM on a private Xvfb display with the openbox
 * window manager (AWT reads {@code DISPLAY} once, at start-up, so the display has to exist before the JVM that draws
 * on it; the drag onto another application's window needs a window manager): a query, its rows, a row's details,
 * piano roll and preview, its favourite star, a drag onto a drop target in a third JVM, the dark theme, and the EDT
 * watchdog of the measured pass. Needs {@code Xvfb} and {@code openbox} on the PATH ({@code .ci/run} installs them).
 * Screenshots stay in {@code target/ui-screenshots/}.
 */
class BrowserWindowIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path SHOTS = TARGET.resolve("ui-screenshots");

    @Test
    @Timeout(value = 270, unit = TimeUnit.SECONDS)
    void browserWindow_queryInspectPreviewFavouriteAndDrag_showsTheLibrarysFilesWithoutStallingTheEdt()
            throws Exception {
        // given: a display of our own, with a window manager (the drag onto another application's window)
        Path report = TARGET.resolve("ui-scenario.properties");
        Path log = TARGET.resolve("ui-scenario.log");
        Files.deleteIfExists(report);
        XvfbDisplay display = XvfbDisplay.startWithWindowManager(TARGET.resolve("xvfb.log"));
        Process child = null;
        try {

            // when: the scenario runs in a JVM on that display
            child = display.launch(BrowserScenario.class, log, report.toString(), SHOTS.toString());

            // then
            Properties facts = ScenarioChild.awaitFacts(child, 240, report, log);
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
            assertInspector(facts);
            assertPreview(facts);
            assertFavouriteAndDrop(facts);
            assertDark(facts);
            ScenarioChild.assertNoEdtStall(facts);
            System.out.printf("BrowserWindowIT: %s rows for '%s' in %s ms after the last key, EDT max stall %s ms"
                            + " (cold first pass: %s ms), start-up %s ms, library %s ms, scenario %s ms;"
                            + " preview sounded %s ms after Space, drop %s ms, click retries %s; screenshots in %s%n",
                    facts.getProperty("rows"), BrowserScenario.QUERY, facts.getProperty("queryResultsMs"),
                    facts.getProperty("watchdogMaxStallMs"), facts.getProperty("coldMaxStallMs"),
                    facts.getProperty("startupMs"),
                    facts.getProperty("libraryMs"), facts.getProperty("scenarioMs"),
                    facts.getProperty("previewFirstNoteMs"), facts.getProperty("dropMs"), facts.getProperty("clickRetries"), SHOTS);
        } finally {
            ScenarioChild.stop(child);
            display.close();
        }
    }

    /** A click on a row: that file's details (name, key, tempo of the search hit) and notes, and their pixels. */
    private static void assertInspector(Properties facts) throws IOException {
        assertThat(facts.getProperty("inspectRowsMatch")).isEqualTo("true");
        String row = facts.getProperty("inspectRow");
        assertThat(facts.getProperty("inspectSelectedRows")).isEqualTo("[" + row + "]");
        assertThat(facts.getProperty("inspectTableFocused")).isEqualTo("true");
        assertThat(facts.getProperty("detailsNameLabel")).isEqualTo(facts.getProperty("inspectHitName"));
        assertThat(facts.getProperty("detailsName")).isEqualTo(facts.getProperty("inspectHitName"));
        assertThat(facts.getProperty("detailsKey")).isNotEmpty().isEqualTo(facts.getProperty("inspectHitKey"));
        assertThat(facts.getProperty("detailsAddTagVisible")).as("the Add tag field wholly visible").matches("(\\d+)/\\1");
        assertThat(facts.getProperty("detailsBpmMatches")).as("details BPM %s, hit BPM %s",
                facts.getProperty("detailsBpm"), facts.getProperty("inspectHitBpm")).isEqualTo("true");
        assertThat(Integer.parseInt(facts.getProperty("rollNotes"))).isPositive();
        assertThat(facts.getProperty("rollShown")).isEqualTo("true");
        assertScreenshot(facts, "details");
        assertNotesDrawn(facts, "details");
    }

    /** Space plays into the capture and moves the playhead; Space stops (All Notes Off); Down plays the next row. */
    private static void assertPreview(Properties facts) {
        assertThat(Long.parseLong(facts.getProperty("previewFirstNoteMs"))).as("first note after Space, ms")
                .isLessThan(BrowserScenario.PREVIEW_START_MS);
        assertThat(Long.parseLong(facts.getProperty("previewPlayhead"))).isPositive();
        assertThat(facts.getProperty("playButtonWhilePlaying")).isEqualTo("true");
        assertThat(facts.getProperty("previewOutputOpened")).isEqualTo("1"); // opened once, by the warm-up's play
        assertThat(facts.getProperty("stopAllNotesOffChannels"))
                .isEqualTo("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]");
        assertThat(facts.getProperty("playButtonAfterStop")).isEqualTo("false");
        assertThat(facts.getProperty("previewingAfterStop")).isEqualTo("false");
        assertThat(facts.getProperty("playheadAfterStop")).isEqualTo("-1");
        assertThat(facts.getProperty("noteOnsBetweenStopAndPlay")).as("notes after the stop").isEqualTo("0");
        int next = Integer.parseInt(facts.getProperty("inspectRow")) + 1;
        assertThat(facts.getProperty("switchSelectedRows")).isEqualTo("[" + next + "]");
        assertThat(facts.getProperty("switchDetailsName")).isEqualTo(facts.getProperty("switchHitName"));
        assertThat(Integer.parseInt(facts.getProperty("switchNoteOns"))).isPositive();
        assertThat(facts.getProperty("switchForeignPitches")).as("pitches not in the next file").isEqualTo("[]");
        assertThat(facts.getProperty("switchPlayButton")).isEqualTo("true");
        assertThat(facts.getProperty("switchStopPlayButton")).isEqualTo("false");
    }

    /** The star: favourite in the library; the drag: the target received the file, as a file list and a URI list. */
    private static void assertFavouriteAndDrop(Properties facts) {
        assertThat(facts.getProperty("favoriteBefore")).isEqualTo("false");
        assertThat(facts.getProperty("favoriteStored")).isEqualTo("true");
        assertThat(facts.getProperty("favoriteStar")).isEqualTo("★");
        String file = facts.getProperty("dragExpectedFile");
        assertThat(Path.of(file)).isAbsolute().hasFileName(facts.getProperty("switchHitName"));
        assertThat(facts.getProperty("dropFileIsRegular")).as("the dropped file exists").isEqualTo("true");
        assertThat(facts.getProperty("dropUriIsRegularFile")).as("the dropped URI's file exists").isEqualTo("true");
        assertThat(facts.getProperty("dropError")).isEmpty();
        assertThat(facts.getProperty("dropDragOver")).isEqualTo("true");
        assertThat(facts.getProperty("dropFiles")).isEqualTo(file);
        assertThat(facts.getProperty("dropUriList")).isEqualTo(facts.getProperty("dragExpectedUriList"))
                .isEqualTo(Path.of(file).toUri().toASCIIString() + "\r\n");
        assertThat(facts.getProperty("dropFlavors")).contains("application/x-java-file-list", "text/uri-list");
        assertThat(Path.of(facts.getProperty("droppedScreenshot"))).isNotEmptyFile();
    }

    /** FlatLaf dark: the window is dark and still shows the rows and the notes. */
    private static void assertDark(Properties facts) throws IOException {
        assertThat(facts.getProperty("darkLaf")).isEqualTo("FlatLaf Dark");
        assertThat(facts.getProperty("darkRollShown")).isEqualTo("true");
        assertScreenshot(facts, "dark");
        BufferedImage image = ImageIO.read(new File(facts.getProperty("darkScreenshot")));
        assertThat(Screenshots.meanLuma(image, Screenshots.region(facts, "darkTableRegion", image)))
                .as("dark table background")
                .isLessThan(100);
        BufferedImage light = ImageIO.read(new File(facts.getProperty("queryScreenshot")));
        assertThat(Screenshots.meanLuma(light, Screenshots.region(facts, "queryTableRegion", light)))
                .as("light table background")
                .isGreaterThan(150);
        assertNotesDrawn(facts, "dark");
    }

    /**
     * The piano roll region holds the notes (pixels of the theme's track colours at their velocity shades, several
     * distinct colours in all)
     * and the details form region holds text.
     */
    private static void assertNotesDrawn(Properties facts, String prefix) throws IOException {
        File file = new File(facts.getProperty(prefix + "Screenshot"));
        BufferedImage image = ImageIO.read(file);
        Rectangle roll = Screenshots.region(facts, prefix + "RollRegion", image);
        assertThat(roll.height).as("piano roll region of %s", file).isGreaterThan(100);
        assertThat(Screenshots.colours(image, roll)).as("colours in the piano roll of %s", file).isGreaterThan(4);
        Set<Integer> tracks = new HashSet<>();
        for (String c : facts.getProperty(prefix + "TrackColors").split(",")) {
            tracks.add(Integer.parseInt(c.substring(1), 16));
        }
        assertThat(tracks).as("8 track colours at 4 velocity shades").hasSizeGreaterThanOrEqualTo(30);
        long notePixels = 0;
        for (int y = roll.y; y < roll.y + roll.height; y++) {
            for (int x = roll.x; x < roll.x + roll.width; x++) {
                if (tracks.contains(image.getRGB(x, y) & 0xffffff)) {
                    notePixels++;
                }
            }
        }
        assertThat(notePixels).as("note pixels (track colours) in the piano roll of %s", file).isGreaterThan(30);
        Rectangle form = Screenshots.region(facts, prefix + "FormRegion", image);
        Screenshots.assertHoldsText(image, form, "details form", file, 50);
        Screenshots.assertColourful(image, form, "details form", file);
    }

    /** The screenshot exists, is not blank, and its table region is not one colour. */
    private static void assertScreenshot(Properties facts, String prefix) throws IOException {
        File file = Screenshots.file(facts, prefix);
        BufferedImage image = Screenshots.assertNotBlank(file, 600);
        Rectangle table = Screenshots.region(facts, prefix + "TableRegion", image);
        Screenshots.assertHoldsText(image, table, "table region", file, 100);
        Screenshots.assertColourful(image, table, "table region", file);
    }
}
