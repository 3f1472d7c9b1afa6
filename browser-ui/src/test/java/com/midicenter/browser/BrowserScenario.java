package com.midicenter.browser;

import com.midicenter.browser.edt.EdtWatchdog;
import com.midicenter.browser.filters.FilterState;
import com.midicenter.browser.results.Cells;
import com.midicenter.browser.results.Requests;
import com.midicenter.browser.results.ResultsTableModel;
import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.library.analysis.AnalysisListener;
import com.midicenter.library.analysis.AnalysisOptions;
import com.midicenter.library.analysis.AnalysisService;
import com.midicenter.library.importing.ImportListener;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportService;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.search.SearchHit;
import com.midicenter.persistence.testing.TestHomes;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;

/**
 * The UI scenario {@link BrowserWindowIT} runs in a child JVM on its own Xvfb display: a real embedded library of
 * generated, imported and analysed files; the real window; a query typed with {@link Robot}; the rows compared with
 * {@link SearchService}; a scroll to the end (paged loading); screenshots; the EDT watchdog's figures for that pass,
 * after a first pass over the same actions in the cold JVM (its figures reported apart). Facts go to a
 * properties file (the parent asserts on them); exit code 0 when the scenario ran to its end.
 *
 * <p>Arguments: {@code REPORT_FILE SCREENSHOT_DIR}.
 */
public final class BrowserScenario {

    static final long SEED = 20_261_127L;
    static final int FILES = 500;
    static final String QUERY = "bass";
    private static final long WAIT_MS = 20_000;

    private final Properties report = new Properties();
    private final Path shots;
    private Robot robot;
    private JFrame frame;
    private BrowserPanel panel;
    private EdtWatchdog watchdog;

    private BrowserScenario(Path shots) {
        this.shots = shots;
    }

    public static void main(String[] args) throws Exception {
        Path reportFile = Path.of(args[0]);
        BrowserScenario scenario = new BrowserScenario(Path.of(args[1]));
        int exit = 0;
        try {
            scenario.run();
            scenario.report.setProperty("completed", "true");
        } catch (Throwable e) {
            e.printStackTrace();
            scenario.report.setProperty("completed", "false");
            scenario.report.setProperty("error", String.valueOf(e));
            exit = 1;
        } finally {
            try (OutputStream out = Files.newOutputStream(reportFile)) {
                scenario.report.store(out, "BrowserScenario");
            }
        }
        System.exit(exit);
    }

    private void run() throws Exception {
        long t0 = System.nanoTime();
        Path home = TestHomes.newHome("ui");
        Path corpus = Path.of(home + "-corpus");
        try (Database db = Database.embedded(home, TestHomes.settings(), c -> c.withPoolSize(6))) {
            db.migrate();
            new CorpusGenerator(SEED).generate(FILES, corpus, null);
            new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                    .run(List.of(corpus), new AtomicBoolean(), ImportListener.NONE);
            new AnalysisService(db.dataSource(), db.sqlSessionFactory(), AnalysisOptions.defaults())
                    .run(new AtomicBoolean(), AnalysisListener.NONE);
            put("libraryMs", ms(t0));
            try (SearchService search = SearchService.indexed(db)) {
                check(search.index().orElseThrow().awaitReady(Duration.ofSeconds(30)), "index ready");
                ThreadPoolExecutor executor = SearchThreads.newExecutor("browser-search", 2, 64);
                try {
                    browse(search, executor);
                } finally {
                    executor.shutdownNow();
                    executor.awaitTermination(5, TimeUnit.SECONDS);
                }
            }
        }
        put("scenarioMs", ms(t0));
        deleteTree(corpus); // about 80 MB a run with the database: the report and the log keep the facts
        deleteTree(home);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void browse(SearchService search, ThreadPoolExecutor executor) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        long open = System.nanoTime();
        SwingUtilities.invokeAndWait(() -> {
            BrowserTheme.setup(false);
            panel = new BrowserPanel(search::search, executor);
            frame = BrowserFrame.open("ui-test library", panel, closed::countDown);
        });
        robot = new Robot();
        robot.setAutoDelay(15);
        List<SearchHit> everything = all(search, "");
        waitFor("the whole library shown", () -> panel.isSettled()
                && panel.resultsModel().getRowCount() == everything.size());
        robot.waitForIdle();
        put("startupMs", ms(open)); // before the watchdog: first window, class loading, font set-up
        put("title", onEdt(frame::getTitle));

        // a first pass over the same actions in the cold JVM (classes loading, paint code not compiled yet): its
        // stalls are reported, not asserted; the pass below is the one held to 100 ms
        try (EdtWatchdog cold = EdtWatchdog.start(20, 100)) {
            warmUp();
            put("coldMaxStallMs", String.format(java.util.Locale.ROOT, "%.1f", cold.maxStallMs()));
            put("coldStalls", cold.stalls());
        }

        try (EdtWatchdog watchdog = EdtWatchdog.start(20, 100)) {
            this.watchdog = watchdog;
            // Ctrl+F from the table puts the caret in the search field
            onEdt(() -> panel.resultsTable().requestFocusInWindow());
            waitFor("table focused", () -> panel.resultsTable().isFocusOwner());
            key(KeyEvent.VK_CONTROL, KeyEvent.VK_F);
            waitFor("search field focused by Ctrl+F", () -> panel.searchField().isFocusOwner());

            // type the query
            List<SearchHit> expected = all(search, QUERY);
            check(!expected.isEmpty() && expected.size() < everything.size(), "'" + QUERY + "' finds some files");
            long typed = 0;
            for (char c : QUERY.toCharArray()) {
                key(KeyEvent.getExtendedKeyCodeForChar(c));
                typed = System.nanoTime();
            }
            put("fieldText", onEdt(() -> panel.searchField().getText()));
            waitFor("results for '" + QUERY + "'", () -> panel.isSettled()
                    && QUERY.equals(panel.resultsModel().request().text()));
            put("queryResultsMs", ms(typed)); // includes the 150 ms typing pause
            put("expectedRows", expected.size());
            put("rows", onEdt(() -> panel.resultsModel().getRowCount()));
            put("status", onEdt(panel::statusText));
            put("rowsMatch", onEdt(() -> mismatches(panel.resultsModel(), expected, 0, expected.size())));
            put("firstRowName", onEdt(() -> String.valueOf(panel.resultsTable().getValueAt(0, 0))));
            settle();
            screenshot("search-" + QUERY + ".png", "query");

            // Esc: the whole library again, only its first page in memory
            key(KeyEvent.VK_ESCAPE);
            waitFor("the whole library after Esc", () -> panel.isSettled()
                    && panel.resultsModel().request().text() == null);
            put("fieldTextAfterEsc", onEdt(() -> panel.searchField().getText()));
            put("allExpectedRows", everything.size());
            put("allRows", onEdt(() -> panel.resultsModel().getRowCount()));
            put("pagesAfterEsc", onEdt(() -> panel.resultsModel().loadedPages().toString()));

            // drag the scroll bar to the end: the last page loads (through the cursors of the pages before it)
            JScrollBar bar = onEdt(() -> ((JScrollPane) SwingUtilities.getAncestorOfClass(JScrollPane.class,
                    panel.resultsTable())).getVerticalScrollBar());
            onEdt(() -> {
                bar.setValue(bar.getMaximum());
                return null;
            });
            int last = everything.size() - 1;
            waitFor("the last row loaded", () -> panel.resultsModel().isLoaded(last));
            settle();
            int lastPageStart = last / ResultsTableModel.PAGE_SIZE * ResultsTableModel.PAGE_SIZE;
            put("lastRowsMatch", onEdt(() -> mismatches(panel.resultsModel(), everything, lastPageStart, last + 1)));
            put("lastRowVisible", onEdt(() -> panel.resultsTable().getVisibleRect()
                    .intersects(panel.resultsTable().getCellRect(last, 0, true))));
            put("pagesAfterScroll", onEdt(() -> panel.resultsModel().loadedPages().toString()));
            put("pageLoads", onEdt(() -> panel.resultsModel().pagesLoaded()));
            screenshot("scrolled-to-end.png", "end");

            put("watchdogMaxStallMs", String.format(java.util.Locale.ROOT, "%.1f", watchdog.maxStallMs()));
            put("watchdogMaxAtMs", watchdog.maxAtMs());
            put("watchdogStalls", watchdog.stalls());
            put("watchdogProbes", watchdog.probes());
            put("watchdogReports", String.join("\n---\n", watchdog.reports()));
        }
        filterByKey(search);
        onEdt(() -> {
            frame.dispose();
            return null;
        });
        put("closed", closed.await(10, TimeUnit.SECONDS));
    }

    /**
     * Picks the most frequent key in the filter panel's key combo (items counted from the facets): every row has that
     * key, and the rows are those of {@link SearchService} with the same filter. After the measured pass: the combo's
     * first use is not held to the 100 ms stall budget here.
     */
    private void filterByKey(SearchService search) throws Exception {
        JComboBox<?> keys = onEdt(() -> find(panel, "filter.key"));
        put("keyItems", onEdt(() -> keys.getItemCount() > 1 ? keys.getItemAt(0) + ", " + keys.getItemAt(1) : "none"));
        check(onEdt(keys::getItemCount) > 1, "the key combo lists keys with counts");
        onEdt(() -> {
            keys.setSelectedIndex(1);
            return null;
        });
        waitFor("results filtered by key", () -> panel.isSettled() && panel.resultsModel().request().key() != null);
        settle();
        String key = onEdt(() -> panel.resultsModel().request().key());
        put("keyFilter", key);
        FilterState filters = onEdt(panel::filterState);
        List<SearchHit> expected = all(search, filters, "");
        put("keyExpectedRows", expected.size());
        put("keyRows", onEdt(() -> panel.resultsModel().getRowCount()));
        int loaded = Math.min(expected.size(), ResultsTableModel.PAGE_SIZE);
        put("keyRowsMatch", onEdt(() -> mismatches(panel.resultsModel(), expected, 0, loaded)));
        put("keyRowsAllHaveKey", onEdt(() -> {
            for (int row = 0; row < loaded; row++) {
                SearchHit h = panel.resultsModel().hitAt(row);
                if (h == null || !key.equals(Cells.key(h.keyCode()))) {
                    return "row " + row + ": " + (h == null ? "not loaded" : Cells.key(h.keyCode()));
                }
            }
            return "true";
        }));
        put("keyComboSelected", onEdt(() -> String.valueOf(keys.getSelectedItem())));
        put("keyChips", onEdt(() -> panel.chipBar().chips().toString()));
        screenshot("filter-key.png", "key");
    }

    @SuppressWarnings("unchecked")
    private static <T extends java.awt.Component> T find(java.awt.Container root, String name) {
        for (java.awt.Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return (T) c;
            }
            if (c instanceof java.awt.Container k) {
                T t = find(k, name);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** Types a query, clears it, scrolls to the end and back: the measured pass's actions, once. */
    private void warmUp() throws Exception {
        onEdt(() -> panel.searchField().requestFocusInWindow());
        waitFor("search field focused", () -> panel.searchField().isFocusOwner());
        for (char c : "lead".toCharArray()) {
            key(KeyEvent.getExtendedKeyCodeForChar(c));
        }
        waitFor("results for 'lead'", () -> panel.isSettled() && "lead".equals(panel.resultsModel().request().text()));
        key(KeyEvent.VK_ESCAPE);
        waitFor("the whole library after Esc", () -> panel.isSettled()
                && panel.resultsModel().request().text() == null);
        JScrollBar bar = onEdt(() -> ((JScrollPane) SwingUtilities.getAncestorOfClass(JScrollPane.class,
                panel.resultsTable())).getVerticalScrollBar());
        onEdt(() -> {
            bar.setValue(bar.getMaximum());
            return null;
        });
        int last = onEdt(() -> panel.resultsModel().getRowCount()) - 1;
        waitFor("the last row loaded", () -> panel.resultsModel().isLoaded(last));
        settle();
        onEdt(() -> {
            bar.setValue(0);
            return null;
        });
        settle();
    }

    /** Every hit of a search, paging with the browser's page size (what the table should show, in order). */
    static List<SearchHit> all(SearchService search, String text) {
        return all(search, FilterState.NONE, text);
    }

    /** Every hit of a search with filters, in the default order. */
    static List<SearchHit> all(SearchService search, FilterState filters, String text) {
        List<SearchHit> hits = new ArrayList<>();
        SearchRequest first = filters.toRequest(text, null, false, ResultsTableModel.PAGE_SIZE, false);
        SearchResult r = search.search(first);
        hits.addAll(r.hits());
        while (r.next() != null) {
            r = search.search(Requests.page(first, r.next()));
            hits.addAll(r.hits());
        }
        return hits;
    }

    /** "true", or which rows of {@code [from, to)} differ from {@code expected}. */
    private static String mismatches(ResultsTableModel model, List<SearchHit> expected, int from, int to) {
        List<String> bad = new ArrayList<>();
        if (model.getRowCount() != expected.size()) {
            bad.add("rows " + model.getRowCount() + " != " + expected.size());
        }
        for (int row = from; row < to && bad.size() < 5; row++) {
            SearchHit shown = model.hitAt(row);
            if (shown == null || shown.contentId() != expected.get(row).contentId()
                    || !String.valueOf(model.getValueAt(row, 0)).equals(expected.get(row).name())) {
                bad.add("row " + row + ": " + (shown == null ? "not loaded" : shown.name()) + " != "
                        + expected.get(row).name());
            }
        }
        return bad.isEmpty() ? "true" : String.join("; ", bad);
    }

    /** The frame's pixels as a PNG, and where the table is in them. */
    private void screenshot(String name, String prefix) throws Exception {
        settle(); // let the repaint after the last change reach the screen
        Thread.sleep(50);
        Rectangle bounds = onEdt(() -> new Rectangle(frame.getLocationOnScreen(), frame.getSize()));
        Rectangle table = onEdt(() -> {
            Rectangle visible = panel.resultsTable().getVisibleRect();
            Point p = SwingUtilities.convertPoint(panel.resultsTable(), visible.getLocation(), frame);
            return new Rectangle(p.x, p.y, visible.width, visible.height);
        });
        BufferedImage image = robot.createScreenCapture(bounds);
        Files.createDirectories(shots);
        Path file = shots.resolve(name);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        put(prefix + "Screenshot", file.toAbsolutePath());
        put(prefix + "TableRegion", table.x + "," + table.y + "," + table.width + "," + table.height);
    }

    /**
     * Waits until the EDT has run what was queued and painted. Not {@link Robot#waitForIdle()}: that runs an X server
     * round trip on the EDT ({@code XToolkit.syncNativeQueue}), a stall of the test's own making.
     */
    private static void settle() throws Exception {
        onEdt(() -> null);
        Thread.sleep(50);
        onEdt(() -> null);
    }

    /** Presses the keys in order and releases them in reverse (a chord such as Ctrl+F). */
    private void key(int... codes) {
        for (int c : codes) {
            robot.keyPress(c);
        }
        for (int i = codes.length - 1; i >= 0; i--) {
            robot.keyRelease(codes[i]);
        }
    }

    private static void waitFor(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!onEdt(condition::getAsBoolean)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    private static <T> T onEdt(Callable<T> work) throws Exception {
        return com.midicenter.browser.edt.Edt.call(work);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("expected: " + what);
        }
    }

    private void put(String key, Object value) {
        report.setProperty(key, String.valueOf(value));
        System.out.println("scenario" + (watchdog == null ? "" : " @" + watchdog.elapsedMs() + " ms") + ": " + key
                + " = " + value);
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
