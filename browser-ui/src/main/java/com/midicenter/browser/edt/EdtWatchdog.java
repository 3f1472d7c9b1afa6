package com.midicenter.browser.edt;

import java.awt.EventQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how long the event dispatch thread keeps events waiting: every {@code periodMs} a probe is posted to the
 * EDT and its lateness (run time minus post time) recorded. A probe later than {@code thresholdMs} is a stall; when
 * one is pending that long, the EDT's stack is captured once, to say what blocked it.
 *
 * <p>Only one probe is in the queue at a time, so a blocked EDT is measured as one long stall, not many. Used by the
 * UI tests (which fail on any stall over 100 ms); cheap enough to run in the app for diagnosis.
 *
 * <p>While a probe waits, every tick looks at the EDT: if it is seen idle, parked in {@code EventQueue.getNextEvent}
 * with the probe already in the queue, the lateness is the operating system not scheduling a woken thread (a loaded
 * machine), not the EDT being blocked: such a late probe is counted apart ({@link #schedulingDelays()}), not as a
 * stall.
 *
 * <p>[any thread] Thread-safe.
 */
public final class EdtWatchdog implements AutoCloseable {

    private final long thresholdNanos;
    private final ScheduledExecutorService ticker;
    private final AtomicLong maxLateNanos = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private volatile long maxAtMs;
    private final AtomicLong probes = new AtomicLong();
    private final List<String> reports = new ArrayList<>();
    /** Post time of the probe in the queue, 0 when none is. */
    private volatile long pendingSince;
    private volatile boolean pendingReported;
    /** The EDT was seen idle (waiting for events) while the pending probe was in its queue. */
    private volatile boolean idleSeenWhilePending;
    private final AtomicLong schedulingDelays = new AtomicLong();
    private volatile long maxSchedulingDelayNanos;
    private volatile Thread edt;
    private final long startNanos = System.nanoTime();

    private EdtWatchdog(long periodMs, long thresholdMs) {
        this.thresholdNanos = TimeUnit.MILLISECONDS.toNanos(thresholdMs);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edt-watchdog");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 0, periodMs, TimeUnit.MILLISECONDS);
    }

    /** Starts probing every {@code periodMs}; stalls are probes later than {@code thresholdMs}. */
    public static EdtWatchdog start(long periodMs, long thresholdMs) {
        if (periodMs < 1 || thresholdMs < 1) {
            throw new IllegalArgumentException("periodMs=" + periodMs + ", thresholdMs=" + thresholdMs);
        }
        return new EdtWatchdog(periodMs, thresholdMs);
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            long since = pendingSince;
            if (since != 0) {
                Thread seen = edt != null ? edt : findEdt();
                if (seen != null && isIdle(seen)) {
                    idleSeenWhilePending = true;
                }
                if (now - since > thresholdNanos && !pendingReported) {
                    pendingReported = true;
                    Thread t = edt != null ? edt : findEdt();
                    report("at " + TimeUnit.NANOSECONDS.toMillis(since - startNanos) + " ms: EDT blocked for over "
                            + TimeUnit.NANOSECONDS.toMillis(now - since) + " ms, "
                            + (t == null ? "no EDT seen yet" : t.getName() + " (" + t.getState() + ") at:"
                            + stack(t.getStackTrace())));
                }
                return;
            }
            pendingReported = false;
            idleSeenWhilePending = false;
            pendingSince = now;
            EventQueue.invokeLater(() -> {
                long late = System.nanoTime() - pendingSince;
                edt = Thread.currentThread();
                if (late > thresholdNanos && idleSeenWhilePending) {
                    schedulingDelays.incrementAndGet();
                    maxSchedulingDelayNanos = Math.max(maxSchedulingDelayNanos, late);
                    report("at " + TimeUnit.NANOSECONDS.toMillis(pendingSince - startNanos) + " ms: probe ran "
                            + TimeUnit.NANOSECONDS.toMillis(late) + " ms late with the EDT idle meanwhile (the OS did"
                            + " not schedule it: not counted as a stall)");
                    probes.incrementAndGet();
                    pendingSince = 0;
                    return;
                }
                record(late, pendingSince);
                if (late > thresholdNanos) {
                    report("at " + TimeUnit.NANOSECONDS.toMillis(pendingSince - startNanos) + " ms: probe ran "
                            + TimeUnit.NANOSECONDS.toMillis(late) + " ms late");
                }
                pendingSince = 0;
            });
        } catch (RuntimeException e) {
            report("watchdog tick failed: " + e); // keep ticking: a dead watchdog would pass every test
        }
    }

    /** True when {@code t} waits for events (its queue looked empty to it). */
    static boolean isIdle(Thread t) {
        Thread.State state = t.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement f : t.getStackTrace()) {
            if (f.getClassName().equals("java.awt.EventQueue") && f.getMethodName().equals("getNextEvent")) {
                return true;
            }
        }
        return false;
    }

    /** Late probes that waited while the EDT was idle: the OS scheduling, not the EDT (not in the stall figures). */
    public long schedulingDelays() {
        return schedulingDelays.get();
    }

    /** The latest of {@link #schedulingDelays()}, in milliseconds. */
    public double maxSchedulingDelayMs() {
        return maxSchedulingDelayNanos / 1e6;
    }

    /** The EDT before a probe has run on it: AWT names it {@code AWT-EventQueue-N}. */
    private static Thread findEdt() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("AWT-EventQueue")) {
                return t;
            }
        }
        return null;
    }

    private void record(long lateNanos, long postedAt) {
        probes.incrementAndGet();
        if (lateNanos > maxLateNanos.get()) { // only the EDT records: no race between the check and the set
            maxLateNanos.set(lateNanos);
            maxAtMs = TimeUnit.NANOSECONDS.toMillis(postedAt - startNanos);
        }
        if (lateNanos > thresholdNanos) {
            stalls.incrementAndGet();
        }
    }

    private synchronized void report(String text) {
        if (reports.size() < 20) {
            reports.add(text);
        }
    }

    private static String stack(StackTraceElement[] frames) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(frames.length, 25); i++) {
            sb.append("\n    at ").append(frames[i]);
        }
        return sb.toString();
    }

    /** The latest a probe ran, in milliseconds (a probe still waiting counts with its age so far). */
    public double maxStallMs() {
        long since = pendingSince;
        long pending = since == 0 ? 0 : System.nanoTime() - since;
        return Math.max(maxLateNanos.get(), pending) / 1e6;
    }

    /** When the latest probe was posted, in {@link #elapsedMs()} time. */
    public long maxAtMs() {
        return maxAtMs;
    }

    /** Probes later than the threshold (a probe still waiting longer than that counts). */
    public long stalls() {
        long since = pendingSince;
        boolean pendingStall = since != 0 && System.nanoTime() - since > thresholdNanos;
        return stalls.get() + (pendingStall ? 1 : 0);
    }

    /** Milliseconds since this watchdog started (the time base of its reports). */
    public long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Probes that ran. */
    public long probes() {
        return probes.get();
    }

    /** What the EDT was doing during stalls (at most 20 reports). */
    public synchronized List<String> reports() {
        return List.copyOf(reports);
    }

    /** Stops probing; the figures stay readable. */
    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
