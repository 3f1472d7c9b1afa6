package com.midicenter.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl+C (SIGINT/SIGTERM) into a cancel flag for a long job, and lets the job finish its current batch and
 * print its summary before the JVM exits. Use with try-with-resources around the job.
 */
final class CancelOnSignal implements AutoCloseable {

    private final AtomicBoolean cancel = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    CancelOnSignal(String job) {
        hook = new Thread(() -> {
            cancel.set(true);
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "midicenter-" + job + "-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    AtomicBoolean flag() {
        return cancel;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: the JVM is exiting after Ctrl+C
        }
    }
}
