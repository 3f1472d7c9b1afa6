package com.midicenter.app;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on stderr: percentage, items/s and ETA. On a terminal it redraws one line at most ten
 * times a second; elsewhere (CI logs, pipes) it prints a plain line at most every five seconds.
 *
 * <p>Thread-safe: {@link #update(long)} may be called from any thread.
 */
final class ProgressBar implements AutoCloseable {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String task;
    private long total;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private long done;
    private boolean drawn;

    ProgressBar(PrintStream err, String task, long total, boolean enabled) {
        this.err = enabled ? err : null;
        this.task = task;
        this.total = total;
        this.terminal = System.console() != null;
    }

    synchronized void update(long doneNow) {
        this.done = doneNow;
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        long interval = terminal ? 100_000_000L : 5_000_000_000L;
        if (now - lastDrawNanos >= interval) {
            lastDrawNanos = now;
            draw(now);
        }
    }

    /**
     * Updates progress of work whose size is only known at the end of a walk: until {@code totalKnown}, the bar
     * shows the count and the rate but no percentage or ETA.
     */
    synchronized void update(long doneNow, long totalNow, boolean totalKnown) {
        this.total = totalKnown ? totalNow : 0;
        update(doneNow);
    }

    synchronized void step() {
        update(done + 1);
    }

    private void draw(long now) {
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String line;
        if (total > 0) {
            String eta = rate > 0 ? formatSeconds(Math.max(0, total - done) / rate) : "?";
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            line = String.format(Locale.ROOT, "%s [%s%s] %,d/%,d %3.0f%% %,.0f/s ETA %s", task,
                    "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, 100.0 * done / total, rate, eta);
        } else {
            line = String.format(Locale.ROOT, "%s %,d files (still looking for more) %,.0f/s %s", task, done, rate,
                    formatSeconds(seconds));
        }
        if (terminal) {
            err.print("\r" + line);
        } else {
            err.println(line);
        }
        err.flush();
        drawn = true;
    }

    static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format("%dm%02ds", s / 60, s % 60);
    }

    @Override
    public synchronized void close() {
        if (err != null && drawn) {
            draw(System.nanoTime());
            if (terminal) {
                err.println();
            }
        }
    }
}
