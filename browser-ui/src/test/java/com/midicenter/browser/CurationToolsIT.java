package com.midicenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.testing.ScenarioChild;
import com.midicenter.browser.testing.Screenshots;
import com.midicenter.browser.testing.TestFiles;
import com.midicenter.browser.testing.XvfbDisplay;
import com.midicenter.browser.tools.DuplicatesDialog;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The curation tools in the real window: {@link CurationToolsScenario} in a child JVM on a private Xvfb display over a real
 * embedded library of generated files. Split a file from the results menu (parts listed, written, imported), export a
 * search to a zip with a template (entries as the example said, an existing zip left alone), the duplicates view
 * (the database's counts) and the musical scan; screenshots of each dialog in {@code target/ui-screenshots/}; no EDT
 * stall of 100 ms in the measured pass. Needs {@code Xvfb} on the PATH ({@code .ci/run} installs it).
 */
class CurationToolsIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path SHOTS = TARGET.resolve("ui-screenshots");

    @Test
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    void curationTools_splitExportDuplicates_writeAndShowWhatTheLibrarySays() throws Exception {
        // given: a display of our own
        Path report = TARGET.resolve("curation-tools-scenario.properties");
        Path log = TARGET.resolve("curation-tools-scenario.log");
        Path work = TARGET.resolve("curation-tools-work");
        Files.deleteIfExists(report);
        TestFiles.deleteTree(work);
        try (XvfbDisplay display = XvfbDisplay.start(TARGET.resolve("xvfb-curation-tools.log"))) {
            // when: the scenario runs on it
            Process child = display.launch(CurationToolsScenario.class, log, report.toString(), SHOTS.toString(),
                    work.toString());
            try {
                // then
                Properties facts = ScenarioChild.awaitFacts(child, 180, report, log);
                assertSplit(facts);
                assertExport(facts);
                assertDuplicates(facts);
                assertThat(facts.getProperty("closed")).isEqualTo("true");
                ScenarioChild.assertNoEdtStall(facts);
                System.out.printf("CurationToolsIT: %s parts of %s, %s files exported, %s duplicated files"
                                + " (%s musical groups); EDT max stall %s ms (cold pass %s ms); library %s ms,"
                                + " scenario %s ms; screenshots in %s%n",
                        facts.getProperty("splitPartRows"), facts.getProperty("splitSong"),
                        facts.getProperty("exportZipEntries").split("\n").length, facts.getProperty("dupTotals"),
                        facts.getProperty("musicalGroups"), facts.getProperty("watchdogMaxStallMs"),
                        facts.getProperty("coldMaxStallMs"), facts.getProperty("libraryMs"),
                        facts.getProperty("scenarioMs"), SHOTS);
            } finally {
                ScenarioChild.stop(child);
            }
        }
    }

    /** The parts listed before writing are those of the file; written to splits/<Song>/, on disk and analysed. */
    private static void assertSplit(Properties facts) throws IOException {
        assertThat(facts.getProperty("splitMenuText")).isEqualTo("Split into tracks…");
        assertThat(facts.getProperty("splitParts")).isEqualTo(facts.getProperty("splitPartsExpected"));
        int parts = Integer.parseInt(facts.getProperty("splitPartRows"));
        assertThat(parts).as("parts of %s", facts.getProperty("splitSong")).isGreaterThanOrEqualTo(2);
        assertThat(facts.getProperty("splitFolder")).isEqualTo(facts.getProperty("splitFolderExpected"));
        assertThat(facts.getProperty("splitStatusBefore")).startsWith(parts + " parts");
        assertThat(facts.getProperty("splitOnDisk")).isEqualTo(listOf(parts, "yes"));
        assertThat(facts.getProperty("splitInLibrary")).as("each part's location, analysed")
                .isEqualTo(listOf(parts, "1"));
        assertThat(facts.getProperty("splitLocationsAdded")).isEqualTo(Integer.toString(parts));
        assertThat(facts.getProperty("splitWritten")).contains(facts.getProperty("splitFolderExpected") + "/");
        assertThat(facts.getProperty("splitStatusAfter")).startsWith(parts + " files written to")
                .contains("imported: " + parts + " new").contains(parts + " linked as parts of "
                        + facts.getProperty("splitSong"));
        assertThat(facts.getProperty("splitPartParents")).as("each part's original")
                .isEqualTo(listOf(parts, facts.getProperty("splitSongId")));
        assertThat(facts.getProperty("splitDetailsParts")).contains("01 " + CurationToolsScenario.SONG + " - 01 Bass.mid",
                "03 " + CurationToolsScenario.SONG + " - 03 Drums.mid");
        assertThat(facts.getProperty("splitShowFolderEnabled")).isEqualTo("true");
        assertScreenshot(facts, "splitParts");
        assertScreenshot(facts, "splitWritten");
    }

    /** The zip holds the search's files under the template's names, as the example showed; the old zip is intact. */
    private static void assertExport(Properties facts) throws IOException {
        assertThat(facts.getProperty("exportFailure")).isEqualTo("null");
        List<String> expected = Arrays.asList(facts.getProperty("exportExpectedNames").split("\n"));
        assertThat(expected.size()).isGreaterThan(5);
        assertThat(expected.get(0)).matches("\\d+ [A-G][b#]?m? .+\\.midi?");
        assertThat(Arrays.asList(facts.getProperty("exportZipEntries").split("\n"))).isEqualTo(expected);
        assertThat(Arrays.asList(facts.getProperty("exportExample").split("\n"))).isEqualTo(expected.subList(0, 5));
        assertThat(facts.getProperty("exportTitle")).isEqualTo("Export the search results (" + expected.size()
                + " files)");
        assertThat(facts.getProperty("exportZipSelected")).isEqualTo("true");
        assertThat(facts.getProperty("exportTargetNote")).contains("bass loops (2).zip");
        assertThat(Path.of(facts.getProperty("exportTarget"))).hasFileName("bass loops (2).zip");
        assertThat(facts.getProperty("exportOldZip")).isEqualTo("an older export");
        assertThat(facts.getProperty("exportStatus")).startsWith(expected.size() + " files (")
                .contains("bass loops (2).zip").contains("bass loops.zip existed");
        assertScreenshot(facts, "exportDialog");
        assertScreenshot(facts, "exportDone");
    }

    /** The view's totals and page are the database's; a row's paths and file shown; the scan's groups. */
    private static void assertDuplicates(Properties facts) throws IOException {
        assertThat(facts.getProperty("dupTotals")).isEqualTo(facts.getProperty("dupTotalsDb"));
        long contents = Long.parseLong(facts.getProperty("dupTotals").split(",")[0]);
        assertThat(contents).as("the generator's byte-identical duplicates").isPositive();
        assertThat(facts.getProperty("dupPage")).isEqualTo(facts.getProperty("dupPageDb"));
        assertThat(Long.parseLong(facts.getProperty("dupTableRows"))).isEqualTo(Math.min(DuplicatesDialog.PAGE,
                contents));
        assertThat(facts.getProperty("dupTotalsText")).startsWith(contents + " files at several paths");
        assertThat(facts.getProperty("dupPathsListed")).isEqualTo(facts.getProperty("dupFirstRowCopies"));
        assertThat(facts.getProperty("dupInspected")).isEqualTo(facts.getProperty("dupFirstRowContent"));
        assertScreenshot(facts, "dup");
        assertThat(facts.getProperty("musicalCancelled")).isEqualTo("false");
        assertThat(facts.getProperty("musicalGroups")).isEqualTo(facts.getProperty("musicalGroupsService"));
        String[] candidates = facts.getProperty("musicalCandidates").split("/");
        assertThat(candidates[0]).isEqualTo(candidates[1]);
        assertThat(facts.getProperty("musicalRows")).isEqualTo(facts.getProperty("musicalMembers"));
        // the progress bar counted the candidates (the last figures reach the bar before the scan's end)
        assertThat(facts.getProperty("musicalProgress")).isEqualTo(candidates[0] + "/" + candidates[0]);
        assertThat(facts.getProperty("musicalStatus")).startsWith(facts.getProperty("musicalGroups") + " group");
        assertThat(Path.of(facts.getProperty("musicalScreenshot"))).isNotEmptyFile();
        long groups = Long.parseLong(facts.getProperty("musicalGroups"));
        long hidden = Long.parseLong(facts.getProperty("hideStoredHidden"));
        assertThat(hidden).as("the scan's copies, stored").isPositive()
                .isEqualTo(Long.parseLong(facts.getProperty("musicalMembers")) - groups);
        assertThat(facts.getProperty("musicalStatus")).endsWith("\"Hide duplicates\" hides " + hidden);
        assertThat(Long.parseLong(facts.getProperty("hideRowsAfter")))
                .isEqualTo(Long.parseLong(facts.getProperty("hideRowsBefore")) - hidden);
        assertThat(facts.getProperty("hideStatus")).isEqualTo(facts.getProperty("hideRowsAfter") + " files");
        assertThat(facts.getProperty("toolButtons")).isEqualTo("true");
        assertScreenshot(facts, "window");
    }

    private static String listOf(int n, String value) {
        String[] v = new String[n];
        Arrays.fill(v, value);
        return Arrays.toString(v);
    }

    /** The screenshot is not blank, and the region of the dialog's list or table holds text. */
    private static void assertScreenshot(Properties facts, String prefix) throws IOException {
        File file = Screenshots.file(facts, prefix);
        BufferedImage image = Screenshots.assertNotBlank(file, 500);
        Rectangle region = Screenshots.region(facts, prefix + "Region", image);
        Screenshots.assertHoldsText(image, region, "list region", file, 40);
        Screenshots.assertColourful(image, region, "list region", file);
    }
}
