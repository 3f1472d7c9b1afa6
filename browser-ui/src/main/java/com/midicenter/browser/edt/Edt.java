package com.midicenter.browser.edt;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Callable;
import javax.swing.SwingUtilities;

/** Running work on the event dispatch thread from another thread, and getting its answer back. */
public final class Edt {

    private Edt() {
    }

    /**
     * Runs {@code work} on the EDT, waits for it and returns its answer; an exception it throws is rethrown here.
     * Never call it on the EDT itself.
     */
    public static <T> T call(Callable<T> work) throws Exception {
        if (SwingUtilities.isEventDispatchThread()) {
            return work.call();
        }
        Object[] out = new Object[1];
        Exception[] error = new Exception[1];
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    out[0] = work.call();
                } catch (Exception e) {
                    error[0] = e;
                }
            });
        } catch (InvocationTargetException e) { // an Error on the EDT
            throw new IllegalStateException("work on the EDT failed", e.getCause());
        }
        if (error[0] != null) {
            throw error[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }
}
