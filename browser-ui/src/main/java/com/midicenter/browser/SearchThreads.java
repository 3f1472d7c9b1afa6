package com.midicenter.browser;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The executor a standalone browser runs its searches and page loads on (the plugin brings its own). */
public final class SearchThreads {

    private SearchThreads() {
    }

    /**
     * A bounded pool of named daemon threads: {@code threads} workers and a queue of {@code queue} tasks. A full queue
     * rejects ({@link java.util.concurrent.RejectedExecutionException}) rather than growing: the browser then drops
     * the work (a newer search supersedes it; a page is asked for again when its rows are painted).
     */
    public static ThreadPoolExecutor newExecutor(String name, int threads, int queue) {
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("threads=" + threads + ", queue=" + queue);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), factory, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
