package com.midicenter.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The first few distinct failures of a benchmark run, for its report: each as {@code Outer <- root cause} (the root
 * alone when it is the exception itself). Thread-safe: every searcher and worker adds to one.
 */
final class ErrorSamples {

    private final int max;
    private final List<String> samples = new ArrayList<>();

    /** Keeps at most {@code max} distinct messages. */
    ErrorSamples(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max=" + max);
        }
        this.max = max;
    }

    /** Records {@code e} unless its message is already there or {@code max} are. */
    void add(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = (root == e ? "" : e.getClass().getSimpleName() + " <- ") + root;
        synchronized (samples) {
            if (samples.size() < max && !samples.contains(message)) {
                samples.add(message);
            }
        }
    }

    /** The messages so far, in the order they came. */
    List<String> list() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }
}
