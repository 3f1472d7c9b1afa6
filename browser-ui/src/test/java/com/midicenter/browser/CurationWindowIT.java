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
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Collections, recent searches and tags in the real window: {@link CurationScenario} in a child JVM on a private Xvfb
 * display with openbox, over a real embedded library, driven with {@code java.awt.Robot}. Checks what the database
 * holds afterwards (through the library's services in the scenario), what the window showed, the screenshots (not
 * blank; the sidebar holds text) and the EDT watchdog of the measured pass (no stall of 100 ms or more). Needs
 * {@code Xvfb} and {@code openbox} ({@code .ci/run} installs them). Screenshots stay in {@code target/ui-screenshots/}.
 */
class CurationWindowIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path SHOTS = TARGET.resolve("ui-screenshots");

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void curation_collectionsRecentSearchesAndTags_workFromTheWindowAndLandInTheLibrary() throws Exception {
        // given: a display of our own with a window manager (drag and drop, dialogs)
        Path report = TARGET.resolve("curation-scenario.properties");
        Path log = TARGET.resolve("curation-scenario.log");
        Files.deleteIfExists(report);
        XvfbDisplay display = XvfbDisplay.startWithWindowManager(TARGET.resolve("xvfb-curation.log"));
        Process child = null;
        try {

            // when
            child = display.launch(CurationScenario.class, log, report.toString(), SHOTS.toString());

            // then
            Properties facts = ScenarioChild.awaitFacts(child, 210, report, log);

            // a manual collection made from "+", a row dragged onto it, opened: exactly that file
            assertThat(facts.getProperty("createdInDb")).isEqualTo("manual");
            assertThat(facts.getProperty("createdStatus")).startsWith("Created \u201c" + CurationScenario.COLLECTION);
            assertThat(facts.getProperty("dragAdded")).isEqualTo("true");
            assertThat(facts.getProperty("dragStatus"))
                    .isEqualTo("Added 1 file to \u201c" + CurationScenario.COLLECTION + "\u201d");
            assertThat(facts.getProperty("collectionItems")).isEqualTo("[" + facts.getProperty("draggedId") + "]");
            assertThat(facts.getProperty("collectionRows")).isEqualTo("1");
            assertThat(facts.getProperty("collectionRowId")).isEqualTo(facts.getProperty("draggedId"));
            assertThat(facts.getProperty("collectionChip")).isEqualTo("Collection: " + CurationScenario.COLLECTION);
            assertThat(facts.getProperty("collectionStatus")).isEqualTo("1 file");
            // its last row dragged onto the gap above the first: moved there in the library and in the table
            assertThat(facts.getProperty("reorderMoved")).as("order in the library %s, expected %s",
                    facts.getProperty("reorderInDb"), facts.getProperty("reorderExpected")).isEqualTo("true");
            assertThat(facts.getProperty("reorderShown")).isEqualTo(facts.getProperty("reorderExpected"))
                    .isNotEqualTo(facts.getProperty("reorderBefore"));
            assertThat(facts.getProperty("reorderSelected")).isEqualTo("[0]");
            assertThat(facts.getProperty("afterChipRows")).isEqualTo(facts.getProperty("allRows"));
            assertThat(Integer.parseInt(facts.getProperty("allRows"))).isGreaterThan(100);
            assertThat(facts.getProperty("afterChipScope")).isEqualTo("null");

            // the search remembered as recent, saved as a smart collection, run again from the sidebar
            assertThat(facts.getProperty("recentRecorded")).isEqualTo("true");
            assertThat(facts.getProperty("recentListFirst")).isEqualTo(CurationScenario.QUERY);
            assertThat(facts.getProperty("saveSearchOffered")).isEqualTo(CurationScenario.QUERY);
            assertThat(facts.getProperty("smartStoredText")).isEqualTo(CurationScenario.QUERY);
            assertThat(facts.getProperty("smartFieldText")).isEqualTo(CurationScenario.QUERY);
            assertThat(facts.getProperty("smartRows")).isEqualTo(facts.getProperty("queryExpectedRows"));
            assertThat(facts.getProperty("smartRowsMatch")).isEqualTo("true");

            // two rows tagged through "Tag 2 files…": in the database and found by the tag filter
            assertThat(facts.getProperty("tagMenuText")).isEqualTo("Tag 2 files\u2026");
            assertThat(facts.getProperty("tagFieldText")).isEqualTo(CurationScenario.TAG);
            assertThat(facts.getProperty("tagMessage")).isEqualTo("Tagged 2 files \u201c" + CurationScenario.TAG
                    + "\u201d");
            assertThat(facts.getProperty("tagDbFiles")).isEqualTo("2");
            assertThat(facts.getProperty("tagSearchIds")).isEqualTo(facts.getProperty("taggedIdsSorted"));

            // the details pane: autocomplete offers the new tag; without automatic tags only yours stay
            assertThat(facts.getProperty("detailsSuggestions")).contains(CurationScenario.TAG);
            assertThat(facts.getProperty("chipsWithAutomatic")).startsWith("[" + CurationScenario.TAG + ", ");
            assertThat(facts.getProperty("chipsWithoutAutomatic")).isEqualTo("[" + CurationScenario.TAG + "]");

            // the tag cloud: sizes by count; a click filters the results by the tag
            assertThat(facts.getProperty("cloudTags")).contains(CurationScenario.TAG + "=2");
            assertThat(Integer.parseInt(facts.getProperty("cloudFontSizes"))).isGreaterThan(1);
            assertThat(facts.getProperty("cloudRows")).isEqualTo("2").isEqualTo(facts.getProperty("cloudExpectedRows"));
            assertThat(Integer.parseInt(facts.getProperty("cloudRowsBefore"))).isGreaterThan(2);
            assertThat(facts.getProperty("cloudRowsMatch")).isEqualTo("true");
            assertThat(facts.getProperty("cloudChips")).contains("label=Tag: " + CurationScenario.TAG);

            for (String shot : new String[] {"collection", "smart", "cloud", "filtered"}) {
                assertScreenshot(facts, shot);
            }
            assertThat(Screenshots.stdDevOfLuma(ImageIO.read(new File(facts.getProperty("tagDialogScreenshot")))))
                    .as("the Tag dialog's screenshot is not blank").isGreaterThan(10);
            assertThat(facts.getProperty("closed")).isEqualTo("true");
            ScenarioChild.assertNoEdtStall(facts);
            System.out.printf("CurationWindowIT: library %s ms, scenario %s ms, EDT max stall %s ms (cold pass %s ms);"
                            + " cloud %s; screenshots in %s%n", facts.getProperty("libraryMs"),
                    facts.getProperty("scenarioMs"), facts.getProperty("watchdogMaxStallMs"),
                    facts.getProperty("coldMaxStallMs"), facts.getProperty("cloudTags"), SHOTS);
        } finally {
            ScenarioChild.stop(child);
            display.close();
        }
    }

    /** The screenshot is not blank, its table region holds rows and its sidebar region holds text. */
    private static void assertScreenshot(Properties facts, String prefix) throws IOException {
        File file = Screenshots.file(facts, prefix);
        BufferedImage image = Screenshots.assertNotBlank(file, 600);
        Screenshots.assertHoldsText(image, Screenshots.region(facts, prefix + "TableRegion", image), "table region",
                file, 30);
        Rectangle sidebar = Screenshots.region(facts, prefix + "SidebarRegion", image);
        Screenshots.assertHoldsText(image, sidebar, "sidebar region", file, 100);
        Screenshots.assertColourful(image, sidebar, "sidebar", file);
    }
}
