package com.midicenter.app;

import com.midicenter.browser.BrowserFrame;
import com.midicenter.browser.BrowserPanel;
import com.midicenter.browser.BrowserTheme;
import com.midicenter.browser.SearchThreads;
import com.midicenter.browser.edt.Edt;
import com.midicenter.browser.edt.EdtWatchdog;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.db.Database;

import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFrame;
import javax.swing.JScrollBar;
import javax.swing.JTable;
import javax.swing.SwingUtilities;

/**
 * {@code bench ui}: the browser window on a big library, driven like a producer would. Keystroke → first results
 * painted: {@link Robot} types queries letter by letter into the real window; the time from the key press to the
 * end of the first paint of the results table that shows the answer for the field's text. Scrolling: the whole
 * library in the table, scrolled through 10,000 rows at wheel speed (40 rows a frame) and by thumb jumps (1,000 rows a
 * step), with the EDT watchdog and the gaps between the table's paints. Needs a display ({@code xvfb-run -a}).
 */
final class UiBench {

    /** Queries typed letter by letter; each letter is one measured keystroke. */
    static final List<String> QUERIES = List.of("bass", "kick", "chord", "pad", "lead", "piano", "hats", "synth",
            "house", "trap", "melody", "drums", "string", "organ", "groove");

    private final Robot robot;
    private final BrowserPanel panel;
    /** First paints of answers, as nanoTime, posted by the panel's paint listener. */
    private final BlockingQueue<Long> firstPaints = new ArrayBlockingQueue<>(1024);
    private final List<Long> allPaints = new ArrayList<>();
    private volatile boolean recordPaints;

    private UiBench(Robot robot, BrowserPanel panel) {
        this.robot = robot;
        this.panel = panel;
    }

    static int run(Path home, PrintStream out) throws IOException, InterruptedException {
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("bench ui: needs a display (run it as: xvfb-run -a ./midicenter bench ui ...)");
            return 1;
        }
        try (Database db = Database.embedded(home)) {
            db.migrate();
            try (SearchService search = SearchService.indexed(db)) {
                var index = search.index().orElseThrow();
                if (!index.awaitReady(Duration.ofMinutes(10))) {
                    throw new IOException("the search index was not built");
                }
                ThreadPoolExecutor executor = SearchThreads.newExecutor("browser-search", 2, 64);
                AtomicReference<JFrame> frame = new AtomicReference<>();
                try {
                    BrowserPanel panel = Edt.call(() -> {
                        BrowserTheme.setup(false);
                        BrowserPanel p = new BrowserPanel(search::search, executor);
                        JFrame f = BrowserFrame.open("bench", p, () -> { });
                        f.setBounds(0, 0, 1280, 800);
                        frame.set(f);
                        return p;
                    });
                    UiBench bench = new UiBench(new Robot(), panel);
                    Edt.call(() -> {
                        panel.onTablePainted(bench::painted);
                        return null;
                    });
                    out.printf(Locale.ROOT, "library: %,d files in the index (%s), window 1280x800, Java %s, %d cores%n",
                            index.size(), home, System.getProperty("java.version"),
                            Runtime.getRuntime().availableProcessors());
                    bench.keystrokes(out);
                    bench.scrolling(out);
                } catch (Exception e) {
                    throw new IOException("bench ui failed: " + e, e);
                } finally {
                    SwingUtilities.invokeLater(() -> {
                        if (frame.get() != null) {
                            frame.get().dispose();
                        }
                    });
                    executor.shutdownNow();
                    executor.awaitTermination(5, TimeUnit.SECONDS);
                }
            }
        }
        return 0;
    }

    /** [EDT] The panel's paint listener. */
    private void painted(boolean firstOfAnswer) {
        long now = System.nanoTime();
        if (firstOfAnswer && panel.isSettled()) {
            firstPaints.offer(now);
        }
        if (recordPaints) {
            allPaints.add(now);
        }
    }

    /**
     * Waits for the answer of the last search to be shown, then for the X server and the event queue to be idle.
     * Never while the EDT is measured: {@link Robot#waitForIdle()} (AWT's {@code realSync}) parks the EDT itself in
     * {@code XToolkit.syncNativeQueue}, up to 500 ms a round and for seconds in all while the window repaints.
     */
    private void waitSettled() throws Exception {
        waitUntil(panel::isSettled, "the window did not settle in 30 s");
        robot.waitForIdle();
    }

    /** Polls {@code condition} on the EDT every 5 ms (one short invocation event each: no load on the EDT). */
    private static void waitUntil(Callable<Boolean> condition, String timeoutMessage)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Edt.call(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IOException(timeoutMessage);
            }
            Thread.sleep(5);
        }
    }

    private void clear() throws Exception {
        Edt.call(() -> {
            panel.searchField().setText("");
            panel.searchNow();
            return null;
        });
        waitSettled();
        Thread.sleep(50);
        firstPaints.clear();
    }

    /** Types {@code query} letter by letter; returns each keystroke's press → first paint of its answer, in ms. */
    private double[] type(String query) throws Exception {
        double[] ms = new double[query.length()];
        for (int i = 0; i < query.length(); i++) {
            int code = KeyEvent.getExtendedKeyCodeForChar(query.charAt(i));
            firstPaints.clear();
            long t0 = System.nanoTime();
            robot.keyPress(code);
            robot.keyRelease(code);
            String expected = query.substring(0, i + 1);
            long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                Long paintedAt = firstPaints.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (paintedAt == null) {
                    throw new IOException("no results painted for '" + expected + "' within 10 s");
                }
                if (Edt.call(() -> panel.searchField().getText()).equals(expected) && Edt.call(panel::isSettled)) {
                    ms[i] = (paintedAt - t0) / 1e6;
                    break;
                }
            }
            Thread.sleep(40);
        }
        return ms;
    }

    private void keystrokes(PrintStream out) throws Exception {
        Edt.call(() -> panel.searchField().requestFocusInWindow());
        waitSettled();
        for (int round = 0; round < 3; round++) { // warm up: the JIT, the index's caches
            for (String q : QUERIES) {
                clear();
                type(q);
            }
        }
        List<Double> all = new ArrayList<>();
        for (String q : QUERIES) {
            clear();
            for (double v : type(q)) {
                all.add(v);
            }
        }
        double[] ms = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.printf(Locale.ROOT, "keystroke -> first results painted (%d keystrokes, %d queries typed letter by letter):"
                        + " p50 %.1f ms, p95 %.1f ms, max %.1f ms (target <= 50 ms)%n", ms.length, QUERIES.size(),
                SearchBench.percentile(ms, 50), SearchBench.percentile(ms, 95), ms[ms.length - 1]);
    }

    private void scrolling(PrintStream out) throws Exception {
        clear();
        int rowHeight = Edt.call(() -> panel.resultsTable().getRowHeight());
        int rows = Edt.call(() -> panel.resultsTable().getRowCount());
        scroll(out, "wheel (40 rows a frame)", rowHeight, 40, Math.min(10_000, rows - 100), 16);
        clear();
        scroll(out, "thumb (1,000 rows a step)", rowHeight, 1_000, Math.min(10_000, rows - 100), 100);
    }

    private void scroll(PrintStream out, String how, int rowHeight, int rowsPerStep, int totalRows, int stepMs)
            throws Exception {
        JScrollBar bar = Edt.call(() -> panel.resultsScrollBar());
        Edt.call(() -> {
            allPaints.clear();
            return null;
        });
        int targetValue = totalRows * rowHeight;
        long pagesBefore = Edt.call(() -> panel.resultsModel().pagesLoaded());
        recordPaints = true;
        long start = System.nanoTime();
        long stepsEnd;
        long shownAt;
        EdtWatchdog watchdog = EdtWatchdog.start(5, 100);
        try {
            for (int done = 0; done < totalRows; done += rowsPerStep) {
                int to = Math.min(totalRows, done + rowsPerStep);
                SwingUtilities.invokeLater(() -> bar.setValue(to * rowHeight));
                Thread.sleep(stepMs);
            }
            stepsEnd = System.nanoTime();
            // the end of the pass: the last step is shown and every visible row is loaded (no Robot.waitForIdle
            // here: it blocks the EDT, and the watchdog would measure the bench)
            waitUntil(() -> bar.getValue() == Math.min(targetValue, bar.getMaximum() - bar.getVisibleAmount())
                    && panel.isSettled() && visibleRowsLoaded(), "the rows did not load in 30 s");
            shownAt = System.nanoTime();
            Thread.sleep(300); // late paints (the rows that were pending) are part of the pass
        } finally {
            watchdog.close();
            recordPaints = false;
        }
        long[] paints = Edt.call(() -> allPaints.stream().mapToLong(Long::longValue).toArray());
        long end = Math.max(shownAt, paints.length == 0 ? shownAt : paints[paints.length - 1]);
        double seconds = (end - start) / 1e9;
        double[] gaps = new double[Math.max(0, paints.length - 1)];
        for (int i = 1; i < paints.length; i++) {
            gaps[i - 1] = (paints[i] - paints[i - 1]) / 1e6;
        }
        Arrays.sort(gaps);
        int top = Edt.call(() -> panel.resultsTable().rowAtPoint(new Point(0, bar.getValue())));
        String pending = Edt.call(() -> String.valueOf(panel.resultsModel().isLoaded(top)));
        long pages = Edt.call(() -> panel.resultsModel().pagesLoaded()) - pagesBefore;
        out.printf(Locale.ROOT, "scroll %,d rows by %s in %.1f s (steps %.1f s): %d paints, gap between paints p99 %.1f"
                        + " ms, max %.1f ms; EDT watchdog max stall %.1f ms (%d probes), stalls over 100 ms: %d (target:"
                        + " no pause over 100 ms); %d pages loaded; top row %,d loaded at the end: %s%n", totalRows,
                how, seconds, (stepsEnd - start) / 1e9, paints.length,
                gaps.length == 0 ? 0 : SearchBench.percentile(gaps, 99), gaps.length == 0 ? 0 : gaps[gaps.length - 1],
                watchdog.maxStallMs(), watchdog.probes(), watchdog.stalls(), pages, top, pending);
        for (String report : watchdog.reports()) {
            out.println("  stall: " + report);
        }
    }

    /** [EDT] Whether the rows of the viewport's first and last line are loaded. */
    private boolean visibleRowsLoaded() {
        JTable table = panel.resultsTable();
        Rectangle view = table.getVisibleRect();
        int first = table.rowAtPoint(new Point(0, view.y));
        int last = table.rowAtPoint(new Point(0, view.y + view.height - 1));
        if (last < 0) {
            last = table.getRowCount() - 1;
        }
        return first < 0 || panel.resultsModel().isLoaded(first) && panel.resultsModel().isLoaded(last);
    }
}
