package com.midicenter.browser.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The parent's side of a UI scenario run in a child JVM ({@link XvfbDisplay#launch}, {@link ScenarioMain}). */
public final class ScenarioChild {

    private ScenarioChild() {
    }

    /**
     * Waits for {@code child} (at most {@code seconds}) and asserts that it ended in time, exited with 0 and reported
     * {@code completed=true}.
     *
     * @param logs where to look when it did not, for the assertion messages
     * @return the facts the scenario reported in {@code report}
     */
    public static Properties awaitFacts(Process child, long seconds, Path report, Object logs)
            throws IOException, InterruptedException {
        boolean ended = child.waitFor(seconds, TimeUnit.SECONDS);
        assertThat(ended).as("scenario ended within %d s (log: %s)", seconds, logs).isTrue();
        Properties facts = load(report);
        assertThat(child.exitValue()).as("scenario exit (error: %s, log: %s)", facts.getProperty("error"), logs)
                .isZero();
        assertThat(facts.getProperty("completed")).isEqualTo("true");
        return facts;
    }

    /** A properties file. */
    public static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    /** The EDT watchdog of the measured pass ran, and saw no stall of 100 ms or more. */
    public static void assertNoEdtStall(Properties facts) {
        assertThat(Long.parseLong(facts.getProperty("watchdogProbes"))).as("watchdog ran").isGreaterThan(10);
        assertThat(Double.parseDouble(facts.getProperty("watchdogMaxStallMs")))
                .as("EDT stall; the watchdog saw: %s", facts.getProperty("watchdogReports")).isLessThan(100);
    }

    /** Kills those of {@code processes} (nulls allowed) still alive, waiting 10 s at most for each. */
    public static void stop(Process... processes) throws InterruptedException {
        for (Process p : processes) {
            if (p != null && p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
