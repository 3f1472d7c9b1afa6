package com.midicenter.browser.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The {@code main} of a UI scenario that runs in a child JVM (see {@link XvfbDisplay#launch}): runs the scenario,
 * records {@code completed} ({@code true}/{@code false}) and, on failure, {@code error} in its report, writes the
 * report as a properties file for the parent test and exits with 0 when the scenario ran to its end, 1 otherwise.
 */
public final class ScenarioMain {

    /** A scenario's body; anything it throws fails the scenario. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private ScenarioMain() {
    }

    /**
     * Runs {@code body}, stores {@code report} (with {@code completed} and {@code error}) in {@code reportFile} under
     * the comment {@code name}, then exits the JVM: never returns normally.
     */
    public static void runAndExit(String name, Path reportFile, Properties report, Body body) throws IOException {
        int exit = 0;
        try {
            body.run();
            report.setProperty("completed", "true");
        } catch (Throwable e) {
            e.printStackTrace();
            report.setProperty("completed", "false");
            report.setProperty("error", String.valueOf(e));
            exit = 1;
        } finally {
            try (OutputStream out = Files.newOutputStream(reportFile)) {
                report.store(out, name);
            }
        }
        System.exit(exit);
    }
}
