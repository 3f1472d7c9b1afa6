package com.midicenter.app;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Thread helpers shared by the load benchmarks ({@link LoadBench}, {@link SearchLoad}). */
final class BenchThreads {

    private BenchThreads() {
    }

    /**
     * A named daemon thread (not started) running {@code body}; whatever it throws is kept in {@code crash}
     * (the first one only), so that the benchmark's run() can rethrow it: it never dies silently.
     */
    static Thread daemon(String name, AtomicReference<Throwable> crash, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) { // never die silently: run() rethrows it
                crash.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    /** Sleeps; false when interrupted (the flag is set again). */
    static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
