package com.midicenter.browser.dnd;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.testing.ScenarioChild;
import com.midicenter.browser.testing.TestFiles;
import com.midicenter.browser.testing.XvfbDisplay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Drag from the results table to a DAW for real: on a private Xvfb display with the openbox window manager,
 * {@link DragSourceScenario} (a table with {@link FileDragHandler}) and {@link DropTargetApp} (a window importing file
 * lists and {@code text/uri-list}) run in two JVMs, so the drop crosses the X server's XDND protocol as it does into a
 * DAW. {@link java.awt.Robot} drags three rows, one an archive member. Needs {@code Xvfb} and {@code openbox}
 * ({@code .ci/run} installs both). Screenshots stay in {@code target/ui-screenshots/}.
 */
class DragToDawIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path SHOTS = TARGET.resolve("ui-screenshots");

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void dragRows_ontoAnotherAppsWindow_dropsExactlyTheirFileUrisAndTheFilesExist() throws Exception {
        // given: a display with a window manager, the "DAW" and the browser table
        Path work = TARGET.resolve("dnd-it");
        TestFiles.deleteTree(work);
        Files.createDirectories(work);
        Path sourceReport = work.resolve("source.properties");
        Path targetReport = work.resolve("target.properties");
        XvfbDisplay display = XvfbDisplay.startWithWindowManager(TARGET.resolve("xvfb-dnd.log"));
        Process target = null;
        Process source = null;
        try {
            target = display.launch(DropTargetApp.class, TARGET.resolve("dnd-target.log"), targetReport.toString());

            // when
            source = display.launch(DragSourceScenario.class, TARGET.resolve("dnd-source.log"),
                    sourceReport.toString(), targetReport.toString(), work.toString(), SHOTS.toString());

            // then
            Properties facts = ScenarioChild.awaitFacts(source, 120, sourceReport,
                    "target/dnd-source.log; the drop target's: target/dnd-target.log");
            List<String> expected = lines(facts.getProperty("expectedFiles"));
            assertThat(expected).hasSize(3);
            assertThat(lines(facts.getProperty("receivedFiles"))).as("files the target received")
                    .isEqualTo(expected);
            assertThat(uris(facts.getProperty("receivedUriList"))).as("text/uri-list the target received")
                    .isEqualTo(uris(facts.getProperty("expectedUriList")));
            assertThat(expected).allSatisfy(f -> assertThat(Path.of(f)).isRegularFile().isNotEmptyFile());
            assertThat(expected.get(1)).startsWith(work.resolve("drag-cache").toString()); // the extracted member
            assertThat(facts.getProperty("problems")).isEmpty();
            assertThat(facts.getProperty("receivedDragOver")).as("target saw the drag over it").isEqualTo("true");
            List<String> flavors = Arrays.asList(facts.getProperty("receivedFlavors").split(" \\| "));
            assertThat(flavors).contains("application/x-java-file-list; class=java.util.List",
                    "text/uri-list; class=java.lang.String; charset=Unicode");
            assertThat(facts.getProperty("selectedRows")).isEqualTo("[0, 1, 3]");
            assertThat(Path.of(facts.getProperty("hoverScreenshot"))).isNotEmptyFile();
            assertThat(Path.of(facts.getProperty("droppedScreenshot"))).isNotEmptyFile();
            System.out.printf("DragToDawIT: %d files dropped through XDND in %s ms (press to drop, with the"
                            + " scenario's pauses); the target saw %d flavors; screenshots in %s%n", expected.size(),
                    facts.getProperty("dropMs"), flavors.size(), SHOTS);
        } finally {
            ScenarioChild.stop(source, target);
            display.close();
        }
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** The URI lines of a {@code text/uri-list} (CRLF-ended; comment lines skipped). */
    private static List<String> uris(String uriList) {
        assertThat(uriList).as("uri-list lines end with CRLF").endsWith("\r\n");
        return Arrays.stream(uriList.split("\r\n")).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
