package com.midicenter.browser;

import static com.midicenter.browser.testing.ScenarioSteps.centreOnScreen;
import static com.midicenter.browser.testing.ScenarioSteps.check;
import static com.midicenter.browser.testing.ScenarioSteps.moveMouseAway;
import static com.midicenter.browser.testing.ScenarioSteps.onEdt;
import static com.midicenter.browser.testing.ScenarioSteps.settle;

import com.midicenter.browser.details.DetailsSource;
import com.midicenter.browser.edt.EdtWatchdog;
import com.midicenter.browser.testing.ScenarioLibrary;
import com.midicenter.browser.testing.ScenarioMain;
import com.midicenter.browser.testing.ScenarioSteps;
import com.midicenter.browser.tools.CurationTools;
import com.midicenter.browser.tools.DuplicatesDialog;
import com.midicenter.browser.tools.ExportDialog;
import com.midicenter.browser.tools.ExportPreview;
import com.midicenter.browser.tools.SplitDialog;
import com.midicenter.browser.tools.SplitPlan;
import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.library.analysis.LocationReader;
import com.midicenter.library.details.FileDetailsService;
import com.midicenter.library.duplicates.DuplicatesService;
import com.midicenter.library.duplicates.MusicalScan;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.duplicates.DuplicateTotals;
import com.midicenter.persistence.duplicates.PathDuplicate;
import com.midicenter.persistence.search.SearchHit;
import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.MenuSelectionManager;
import javax.swing.SwingUtilities;

/**
 * The curation tools for real, run by {@link CurationToolsIT} in a child JVM on its own Xvfb display: a real embedded
 * library of generated, imported and analysed files (the generator writes byte-identical duplicates), the real window
 * with the tools installed as {@code gui} installs them. After a cold pass that opens each dialog once (class loading;
 * its EDT figures are reported, not asserted), the measured pass: a right click on a row and "Split into tracks…" (the
 * parts listed, written with "Import the parts" ticked), "Export results…" of a search to a zip with a template,
 * "Duplicates…" (the page and totals, then "Find musical duplicates"). Robot clicks; screenshots of each dialog; the
 * facts (what the dialogs show, what is on disk and in the database) go to a properties file the parent asserts on.
 *
 * <p>Arguments: {@code REPORT_FILE SCREENSHOT_DIR WORK_DIR}.
 */
public final class CurationToolsScenario {

    static final long SEED = 20_261_127L;
    static final int FILES = 300;
    static final String QUERY = "bass";
    static final String TEMPLATE = "{bpm} {key} {name}";
    /** A song of several tracks added to the generated loops, to be split. */
    static final String SONG = "Band Song with parts";
    private static final long WAIT_MS = 30_000;

    private final Properties report = new Properties();
    private final Path shots;
    private final Path work;
    private Robot robot;
    private JFrame frame;
    private BrowserPanel panel;
    private EdtWatchdog watchdog;
    private SearchService search;
    /** The musical scan the duplicates view ran. */
    private MusicalScan uiScan;

    private CurationToolsScenario(Path shots, Path work) {
        this.shots = shots;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        CurationToolsScenario scenario = new CurationToolsScenario(Path.of(args[1]), Path.of(args[2]));
        ScenarioMain.runAndExit("CurationToolsScenario", Path.of(args[0]), scenario.report, scenario::run);
    }

    private void run() throws Exception {
        ScenarioLibrary.Extra song = corpus -> { // the generator's loops are one part
            Files.createDirectories(corpus.resolve("Band"));
            Files.write(corpus.resolve("Band").resolve(SONG + ".mid"), song());
        };
        ScenarioLibrary.run("curation-tools", SEED, FILES, song, this::put, (db, search, executor, home) -> {
            this.search = search;
            curate(db, search, executor, home);
        });
    }

    private void curate(Database db, SearchService search, ThreadPoolExecutor executor, Path home) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        Path splits = home.resolve("splits");
        SwingUtilities.invokeAndWait(() -> {
            BrowserTheme.setup(false);
            panel = new BrowserPanel(new BrowserPanel.Services(search::search, executor, null,
                    DetailsSource.of(new FileDetailsService(db.sqlSessionFactory())), home.resolve("drag-cache"),
                    null));
            panel.installTools(CurationTools.of(db.dataSource(), db.sqlSessionFactory(), search, splits));
            frame = BrowserFrame.open("curation library", panel, new com.midicenter.browser.state.UiState()
                    .put("window.x", 0).put("window.y", 0).put("window.width", 1280).put("window.height", 800),
                    closed::countDown);
        });
        robot = new Robot();
        robot.setAutoDelay(15);
        List<SearchHit> everything = BrowserScenario.all(search, "");
        waitFor("the whole library shown", () -> panel.isSettled()
                && panel.resultsModel().getRowCount() == everything.size());
        put("libraryFiles", everything.size());
        List<SearchHit> songs = BrowserScenario.all(search, SONG);
        check(songs.size() == 1, "one file for '" + SONG + "': " + songs);
        SearchHit song = songs.get(0);

        // the cold pass: each dialog once, through the actions (class loading and first layouts on the EDT)
        try (EdtWatchdog cold = EdtWatchdog.start(20, 100)) {
            SplitDialog s = onEdt(() -> panel.curationActions().split(song));
            waitFor("the cold split dialog read the file", () -> s.plan() != null);
            onEdt(() -> { // written to a folder of its own, not imported
                ((JTextField) BrowserScenario.find(s.window(), "split.folder")).setText(work.resolve("cold-split")
                        .toString());
                ((JButton) BrowserScenario.find(s.window(), "split.run")).doClick();
                return null;
            });
            waitFor("the cold split written", () -> !s.isBusy() && !s.written().isEmpty());
            disposeDialogs();
            ExportDialog e = onEdt(() -> panel.curationActions().exportSelection(everything.subList(0, 3)));
            waitFor("the cold export example", () -> !e.examples().isEmpty());
            onEdt(() -> {
                ((JTextField) BrowserScenario.find(e.window(), "export.target")).setText(work.resolve("cold-export")
                        .toString());
                return null;
            });
            waitFor("the cold export's folder example", () -> e.window().isShowing()
                    && ((JButton) BrowserScenario.find(e.window(), "export.run")).isEnabled());
            Thread.sleep(300); // the example's pause after the last key, and its folder read
            onEdt(() -> {
                ((JButton) BrowserScenario.find(e.window(), "export.run")).doClick();
                return null;
            });
            waitFor("the cold export", () -> e.result() != null || e.failure() != null);
            disposeDialogs();
            DuplicatesDialog d = onEdt(() -> panel.curationActions().duplicates());
            waitFor("the cold duplicates page", () -> d.totals() != null && !d.isLoading());
            onEdt(() -> { // a row: its paths, and its file in the inspector (details and notes painted once)
                ((javax.swing.JTable) BrowserScenario.find(d.window(), "dup.table")).setRowSelectionInterval(0, 0);
                return null;
            });
            waitFor("the cold duplicate in the inspector", () -> panel.inspector().selected() != null
                    && panel.inspector().detailsPane().isSettled() && panel.inspector().noteRoll() != null);
            settle();
            onEdt(() -> {
                ((JTabbedPane) BrowserScenario.find(d.window(), "dup.tabs")).setSelectedIndex(1);
                ((JButton) BrowserScenario.find(d.window(), "dup.scan")).doClick();
                return null;
            });
            waitFor("the cold musical scan", () -> d.lastScan() != null && !d.isScanning());
            disposeDialogs();
            onEdt(() -> {
                panel.searchField().setText(SONG);
                return null;
            });
            waitFor("the song's row", () -> panel.isSettled() && SONG.equals(panel.resultsModel().request().text())
                    && panel.resultsModel().getRowCount() == 1);
            JPopupMenu warm = openMenuOn(0);
            onEdt(() -> {
                warm.setVisible(false);
                MenuSelectionManager.defaultManager().clearSelectedPath();
                return null;
            });
            put("coldMaxStallMs", String.format(Locale.ROOT, "%.1f", cold.maxStallMs()));
        }
        moveMouseAway(robot);
        settle();

        try (EdtWatchdog measured = EdtWatchdog.start(20, 100)) {
            this.watchdog = measured;
            split(db, 0, song, splits);
            export(search);
            duplicates(db);
            put("watchdogMaxStallMs", String.format(Locale.ROOT, "%.1f", measured.maxStallMs()));
            put("watchdogProbes", measured.probes());
            put("watchdogStalls", measured.stalls());
            put("watchdogReports", String.join("\n---\n", measured.reports()));
        }
        // what the checks compare with, worked out after the measured pass (the machine has 2 cores)
        List<SearchHit> expected = BrowserScenario.all(search, QUERY);
        put("exportExpectedNames", String.join("\n", ExportPreview.names(TEMPLATE,
                expected.stream().map(ExportPreview::source).toList(), expected.size(), true, Set.of())
                .stream().map(ExportPreview.Example::name).toList()));
        MusicalScan again = new DuplicatesService(db.sqlSessionFactory()).musical(new AtomicBoolean());
        put("musicalGroupsService", again.groups().size());
        put("musicalCandidates", uiScan.candidates() + "/" + again.candidates());
        onEdt(() -> {
            disposeAll();
            panel.dispose();
            frame.dispose();
            return null;
        });
        put("closed", closed.await(10, TimeUnit.SECONDS));
    }

    /**
     * A format-1 song: a conductor track (tempo, meter, key), "Bass" (channel 2), an unnamed piano (channel 1, a
     * program change), drums (channel 10), and a track of text only (no part).
     */
    static byte[] song() {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().tempoBpm(0, 104).timeSignature(0, 4, 4).keySignature(0, 0, true);
        SmfBuilder.Track bass = smf.addTrack().trackName("Bass");
        SmfBuilder.Track piano = smf.addTrack().programChange(0, 0, 0);
        SmfBuilder.Track drums = smf.addTrack();
        for (int bar = 0; bar < 4; bar++) {
            long t = bar * 1920L;
            bass.note(t, 1, 33, 100, 400).note(t + 960, 1, 40, 100, 400);
            piano.note(t, 0, 57, 80, 1800).note(t, 0, 60, 80, 1800).note(t, 0, 64, 80, 1800);
            for (int beat = 0; beat < 4; beat++) {
                drums.note(t + beat * 480L, 9, beat % 2 == 0 ? 36 : 38, 110, 120).note(t + beat * 480L, 9, 42, 70, 120);
            }
        }
        smf.addTrack().trackName("Notes").text(0, "arrangement notes");
        return smf.toBytes();
    }

    /** Right click on the row, "Split into tracks…", "Import the parts" ticked, "Split"; the files and the library. */
    private void split(Database db, int row, SearchHit song, Path splits) throws Exception {
        // given: the menu on the row
        JPopupMenu menu = openMenuOn(row);
        put("splitMenuSelectedRows", onEdt(() -> java.util.Arrays.toString(panel.resultsTable().getSelectedRows())));
        JMenuItem item = onEdt(() -> BrowserScenario.find(menu, "menu.split"));
        put("splitMenuText", onEdt(item::getText));

        // when: "Split into tracks…" (a new dialog: the cold pass's one is still the last until this one opens)
        SplitDialog cold = onEdt(() -> panel.curationActions().lastSplit());
        click(centreOnScreen(item));
        waitFor("the split dialog", () -> panel.curationActions().lastSplit() != null
                && panel.curationActions().lastSplit() != cold
                && panel.curationActions().lastSplit().plan() != null
                && panel.curationActions().lastSplit().window().isShowing());
        SplitDialog dialog = onEdt(() -> panel.curationActions().lastSplit());
        Window window = onEdt(dialog::window);
        put("splitSong", song.name());
        put("splitParts", onEdt(() -> dialog.plan().rows().toString()));
        put("splitPartRows", onEdt(() -> ((javax.swing.JTable) BrowserScenario.find(window, "split.parts"))
                .getRowCount()));
        try (LocationReader reader = new LocationReader()) {
            put("splitPartsExpected", SplitPlan.of(reader.read(song.path()), song.name()).rows());
        }
        put("splitFolder", onEdt(() -> ((JTextField) BrowserScenario.find(window, "split.folder")).getText()));
        put("splitFolderExpected", SplitPlan.defaultFolder(splits, SplitPlan.songName(song.name())));
        put("splitStatusBefore", onEdt(() -> ((javax.swing.JLabel) BrowserScenario.find(window, "split.status"))
                .getText()));
        long filesBefore = count(db, "SELECT count(*) FROM location WHERE NOT missing");
        shot(window, "split-parts.png", "splitParts", "split.parts");
        JCheckBox importParts = onEdt(() -> BrowserScenario.find(window, "split.import"));
        click(centreOnScreen(importParts));
        waitFor("import ticked", importParts::isSelected);
        click(centreOnScreen(onEdt(() -> BrowserScenario.find(window, "split.run"))));
        waitFor("the parts written and imported", () -> !dialog.isBusy() && !dialog.written().isEmpty());

        // then: the files, and their locations (analysed) in the library
        List<Path> written = onEdt(dialog::written);
        put("splitWritten", written);
        List<String> onDisk = new ArrayList<>();
        List<String> inLibrary = new ArrayList<>();
        for (Path p : written) {
            onDisk.add(Files.isRegularFile(p) && Files.size(p) > 0 ? "yes" : "no");
            inLibrary.add(Long.toString(count(db, "SELECT count(*) FROM location l JOIN file_meta fm"
                    + " ON fm.content_id = l.content_id WHERE l.path = ? AND NOT l.missing", p.toString())));
        }
        put("splitOnDisk", onDisk);
        put("splitInLibrary", inLibrary);
        put("splitLocationsAdded", count(db, "SELECT count(*) FROM location WHERE NOT missing") - filesBefore);
        put("splitStatusAfter", onEdt(() -> ((javax.swing.JLabel) BrowserScenario.find(window, "split.status"))
                .getText()));
        put("splitShowFolderEnabled", onEdt(() -> BrowserScenario.find(window, "split.showFolder").isEnabled()));
        shot(window, "split-written.png", "splitWritten", "split.parts");
        closeDialog(window);

        // then: the parts are the song's children, in the library and in the song's details
        FileDetailsService details = new FileDetailsService(db.sqlSessionFactory());
        List<String> parents = new ArrayList<>();
        for (Path p : written) {
            long id = count(db, "SELECT content_id FROM location WHERE path = ?", p.toString());
            parents.add(details.details(id).orElseThrow().parent() == null ? "none"
                    : Long.toString(details.details(id).orElseThrow().parent().contentId()));
        }
        put("splitSongId", song.contentId());
        put("splitPartParents", parents);
        waitFor("the song among the results again", () -> panel.isSettled() && rowOf(song.contentId()) >= 0);
        onEdt(() -> {
            int r = rowOf(song.contentId());
            panel.resultsTable().setRowSelectionInterval(r, r);
            return null;
        });
        waitFor("the song's parts in its details", () -> panel.inspector().detailsPane().isSettled()
                && panel.inspector().detailsPane().fieldValue("Parts") != null);
        put("splitDetailsParts", onEdt(() -> panel.inspector().detailsPane().fieldValue("Parts")));
    }

    /** A search, "Export results…", a zip and a template, "Export"; the example and the zip's entries. */
    private void export(SearchService search) throws Exception {
        // given: the query's results
        onEdt(() -> {
            panel.searchField().setText(QUERY);
            return null;
        });
        waitFor("results for '" + QUERY + "'", () -> panel.isSettled()
                && QUERY.equals(panel.resultsModel().request().text()));
        Path zip = work.resolve("export/bass loops.zip");
        Files.createDirectories(zip.getParent());
        Files.writeString(zip, "an older export"); // never overwritten: the export writes "bass loops (2).zip"

        // when: "Export results…", the zip and the template
        ExportDialog coldExport = onEdt(() -> panel.curationActions().lastExport());
        click(centreOnScreen(onEdt(() -> BrowserScenario.find(panel, "exportResults"))));
        waitFor("the export dialog", () -> panel.curationActions().lastExport() != null
                && panel.curationActions().lastExport() != coldExport
                && panel.curationActions().lastExport().window().isShowing());
        ExportDialog dialog = onEdt(() -> panel.curationActions().lastExport());
        Window window = onEdt(dialog::window);
        put("exportTitle", onEdt(() -> dialog.window().getTitle()));
        onEdt(() -> {
            ((JTextField) BrowserScenario.find(window, "export.target")).setText(zip.toString());
            ((JTextField) BrowserScenario.find(window, "export.template")).setText(TEMPLATE);
            return null;
        });
        waitFor("the example for the template", () -> !dialog.examples().isEmpty()
                && dialog.examples().get(0).name().equals(ExportPreview.names(TEMPLATE,
                List.of(ExportPreview.source(panel.resultsModel().hitAt(0))), panel.resultsModel().getRowCount(),
                true, Set.of()).get(0).name()));
        put("exportExample", onEdt(() -> String.join("\n", dialog.examples().stream()
                .map(ExportPreview.Example::name).toList())));
        put("exportZipSelected", onEdt(() -> ((javax.swing.JRadioButton) BrowserScenario.find(window, "export.zip"))
                .isSelected()));
        put("exportTargetNote", onEdt(() -> ((javax.swing.JLabel) BrowserScenario.find(window,
                "export.templateProblem")).getText()));
        shot(window, "export-dialog.png", "exportDialog", "export.example");
        click(centreOnScreen(onEdt(() -> BrowserScenario.find(window, "export.run"))));
        waitFor("the export's summary", () -> !dialog.isRunning() && (dialog.result() != null
                || dialog.failure() != null));

        // then: the zip beside the old one, its entries in the search's order
        put("exportFailure", String.valueOf(onEdt(dialog::failure)));
        Path written = onEdt(() -> dialog.result().target());
        put("exportTarget", written);
        put("exportOldZip", Files.readString(zip));
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(written))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        put("exportZipEntries", String.join("\n", entries));
        put("exportStatus", onEdt(() -> ((javax.swing.JLabel) BrowserScenario.find(window, "export.status"))
                .getText()));
        shot(window, "export-done.png", "exportDone", "export.example");
        closeDialog(window);
    }

    /** "Duplicates…": the first page and the totals against the database; then the musical scan. */
    private void duplicates(Database db) throws Exception {
        // when
        DuplicatesDialog coldView = onEdt(() -> panel.curationActions().duplicatesDialog());
        click(centreOnScreen(onEdt(() -> BrowserScenario.find(panel, "duplicates"))));
        waitFor("the duplicates view", () -> panel.curationActions().duplicatesDialog() != null
                && panel.curationActions().duplicatesDialog() != coldView
                && panel.curationActions().duplicatesDialog().window().isShowing()
                && panel.curationActions().duplicatesDialog().totals() != null
                && !panel.curationActions().duplicatesDialog().isLoading());
        DuplicatesDialog dialog = onEdt(() -> panel.curationActions().duplicatesDialog());
        Window window = onEdt(dialog::window);

        // then: the same contents, copies and bytes as the database says
        DuplicateTotals totals = onEdt(dialog::totals);
        put("dupTotals", totals.contents() + "," + totals.extraCopies() + "," + totals.wastedBytes());
        put("dupTotalsDb", count(db, "SELECT count(*) FROM (SELECT content_id FROM location WHERE NOT missing"
                + " GROUP BY content_id HAVING count(*) > 1) g") + ","
                + count(db, "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM location WHERE NOT missing"
                + " GROUP BY content_id HAVING count(*) > 1) g") + ","
                + count(db, "SELECT coalesce(sum(c.size_bytes * (g.n - 1)), 0) FROM (SELECT content_id, count(*) AS n"
                + " FROM location WHERE NOT missing GROUP BY content_id HAVING count(*) > 1) g"
                + " JOIN content c ON c.id = g.content_id"));
        Map<Long, Integer> shown = new TreeMap<>();
        for (PathDuplicate d : onEdt(dialog::page)) {
            shown.put(d.contentId(), d.paths().size());
        }
        put("dupPage", shown);
        put("dupPageDb", copiesByContent(db));
        put("dupTableRows", onEdt(() -> ((javax.swing.JTable) BrowserScenario.find(window, "dup.table"))
                .getRowCount()));
        put("dupTotalsText", onEdt(() -> ((javax.swing.JLabel) BrowserScenario.find(window, "dup.totals"))
                .getText()));
        // a click on the first row lists its paths and shows the file in the inspector
        javax.swing.JTable table = onEdt(() -> BrowserScenario.find(window, "dup.table"));
        // the dialog may still be on its way to the screen (its totals can come first): click once it is there
        waitFor("the duplicates table on screen", table::isShowing);
        Point first = onEdt(() -> {
            Rectangle r = table.getCellRect(0, 3, true);
            Point p = table.getLocationOnScreen();
            return new Point(p.x + r.x + 40, p.y + r.y + r.height / 2);
        });
        click(first);
        waitFor("the row's paths listed", () -> ((javax.swing.JList<?>) BrowserScenario.find(window, "dup.paths"))
                .getModel().getSize() > 1);
        put("dupPathsListed", onEdt(() -> ((javax.swing.JList<?>) BrowserScenario.find(window, "dup.paths"))
                .getModel().getSize()));
        put("dupFirstRowCopies", onEdt(() -> table.getValueAt(0, 0)));
        waitFor("the file in the inspector", () -> panel.inspector().selected() != null);
        put("dupInspected", onEdt(() -> panel.inspector().selected().contentId()));
        put("dupFirstRowContent", onEdt(() -> dialog.page().get(table.convertRowIndexToModel(0)).contentId()));
        shot(window, "duplicates.png", "dup", "dup.table");

        // when: the musical scan
        onEdt(() -> {
            ((JTabbedPane) BrowserScenario.find(window, "dup.tabs")).setSelectedIndex(1);
            return null;
        });
        settle();
        click(centreOnScreen(onEdt(() -> BrowserScenario.find(window, "dup.scan"))));
        waitFor("the musical scan's end", () -> dialog.lastScan() != null && !dialog.isScanning());
        MusicalScan scan = onEdt(dialog::lastScan);
        uiScan = scan;
        put("musicalGroups", scan.groups().size());
        put("musicalCancelled", scan.cancelled());
        put("musicalRows", onEdt(() -> ((javax.swing.JTable) BrowserScenario.find(window, "dup.musical"))
                .getRowCount()));
        put("musicalMembers", scan.groups().stream().mapToInt(g -> g.members().size()).sum());
        put("musicalProgress", onEdt(() -> {
            javax.swing.JProgressBar bar = (javax.swing.JProgressBar) BrowserScenario.find(window, "dup.scanProgress");
            return bar.getValue() + "/" + bar.getMaximum() + (bar.isIndeterminate() ? " indeterminate" : "");
        }));
        put("musicalStatus", onEdt(() -> ((javax.swing.JLabel) BrowserScenario.find(window, "dup.scanStatus"))
                .getText()));
        shot(window, "duplicates-musical.png", "musical", "dup.musical");
        closeDialog(window);
        hideDuplicates(db);
    }

    /** "Hide duplicates" below the filters: the whole library less the copies the stored scan hides. */
    private void hideDuplicates(Database db) throws Exception {
        // given: the whole library, and the index built from the stored scan
        onEdt(() -> {
            panel.searchField().setText("");
            return null;
        });
        waitFor("the whole library", () -> panel.isSettled() && panel.resultsModel().request().text() == null);
        long hidden = new DuplicatesService(db.sqlSessionFactory()).hiddenCount();
        SearchRequest all = onEdt(panel::currentRequest);
        long shown = onEdt(() -> panel.resultsModel().getRowCount());
        put("hideStoredHidden", hidden);
        put("hideRowsBefore", shown);
        waitFor("the index hiding the stored copies", () -> searchTotal(all.hidingDuplicates(true)) == shown - hidden);

        // when: the toggle clicked
        javax.swing.JCheckBox toggle = onEdt(panel::hideDuplicatesToggle);
        click(centreOnScreen(toggle));
        waitFor("the results without the copies", () -> panel.isSettled()
                && panel.resultsModel().request().hideDuplicates());

        // then
        put("hideRowsAfter", onEdt(() -> panel.resultsModel().getRowCount()));
        put("hideToggleText", onEdt(toggle::getText));
        put("hideStatus", onEdt(panel::statusText));
        put("toolButtons", onEdt(() -> BrowserScenario.find(panel, "exportResults").isShowing()
                && BrowserScenario.find(panel, "duplicates").isShowing()));
        shot(frame, "curation-window.png", "window", "results");
    }

    private long searchTotal(SearchRequest request) {
        return search.search(request.page(1, null, false)).total();
    }

    /** [EDT] The row of the content in the results, or -1. */
    private int rowOf(long contentId) {
        for (int r = 0; r < panel.resultsModel().getRowCount(); r++) {
            SearchHit h = panel.resultsModel().hitAt(r);
            if (h != null && h.contentId() == contentId) {
                return r;
            }
        }
        return -1;
    }

    /** Content id → present paths, for every content at several paths (most wasted first, as the page is). */
    private static Map<Long, Integer> copiesByContent(Database db) throws Exception {
        Map<Long, Integer> out = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT l.content_id, count(*) FROM location l"
                     + " JOIN content ct ON ct.id = l.content_id WHERE NOT l.missing GROUP BY l.content_id, ct.size_bytes"
                     + " HAVING count(*) > 1 ORDER BY ct.size_bytes * (count(*) - 1) DESC, l.content_id LIMIT ?")) {
            s.setInt(1, DuplicatesDialog.PAGE);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getLong(1), r.getInt(2));
                }
            }
        }
        return out;
    }

    private static long count(Database db, String sql, String... args) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Right-clicks the row until its menu shows (once more if the first click did not open it). */
    private JPopupMenu openMenuOn(int row) throws Exception {
        JPopupMenu menu = onEdt(() -> panel.resultsTable().getComponentPopupMenu());
        for (int attempt = 0; attempt < 2; attempt++) {
            Point p = onEdt(() -> {
                Rectangle r = panel.resultsTable().getCellRect(row, 0, true);
                Point at = panel.resultsTable().getLocationOnScreen();
                return new Point(at.x + r.x + Math.min(60, r.width / 2), at.y + r.y + r.height / 2);
            });
            robot.mouseMove(p.x, p.y);
            Thread.sleep(100);
            robot.mousePress(InputEvent.BUTTON3_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON3_DOWN_MASK);
            long deadline = System.currentTimeMillis() + 3_000;
            while (System.currentTimeMillis() < deadline) {
                if (onEdt(menu::isShowing)) {
                    settle();
                    return menu;
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the results menu did not open on row " + row);
    }

    private void closeDialog(Window window) throws Exception {
        if (window == null) {
            return;
        }
        onEdt(() -> {
            window.dispose();
            return null;
        });
        settle();
    }

    /** Disposes every dialog the tools opened (cold pass). */
    private void disposeDialogs() throws Exception {
        onEdt(() -> {
            disposeAll();
            return null;
        });
        settle();
    }

    private void disposeAll() {
        for (Window w : Window.getWindows()) {
            if (w != frame && w instanceof javax.swing.JDialog) {
                w.dispose();
            }
        }
    }

    /**
     * The window's pixels as a PNG ({@code <prefix>Screenshot}), and where the named component is in them
     * ({@code <prefix>Region}).
     */
    private void shot(Window window, String name, String prefix, String region) throws Exception {
        moveMouseAway(robot);
        settle();
        Thread.sleep(50);
        Rectangle bounds = onEdt(() -> new Rectangle(window.getLocationOnScreen(), window.getSize()));
        Rectangle r = onEdt(() -> {
            JComponent c = BrowserScenario.find(window, region);
            Rectangle visible = c.getVisibleRect();
            Point p = SwingUtilities.convertPoint(c, visible.getLocation(), window);
            return new Rectangle(p.x, p.y, visible.width, visible.height);
        });
        BufferedImage image = robot.createScreenCapture(bounds);
        Files.createDirectories(shots);
        Path file = shots.resolve(name);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        put(prefix + "Screenshot", file.toAbsolutePath());
        put(prefix + "Region", r.x + "," + r.y + "," + r.width + "," + r.height);
    }

    private void click(Point p) throws InterruptedException {
        ScenarioSteps.click(robot, p, InputEvent.BUTTON1_DOWN_MASK);
    }

    private static void waitFor(String what, BooleanSupplier condition) throws Exception {
        ScenarioSteps.waitFor(what, WAIT_MS, condition, () -> "");
    }

    private void put(String key, Object value) {
        report.setProperty(key, String.valueOf(value));
        System.out.println("scenario" + (watchdog == null ? "" : " @" + watchdog.elapsedMs() + " ms") + ": " + key
                + " = " + value);
    }

}
