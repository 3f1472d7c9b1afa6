package com.midicenter.hosts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Java agent planted in a host's environment by {@link PluginIsolationIT}: if a JVM ever loads it, it leaves a
 * marker file (its agent argument) behind. The plugin's JVM must never load it.
 */
public final class PlantedAgent {

    private PlantedAgent() {
    }

    /** Writes the marker named by {@code marker}. */
    public static void premain(String marker, Instrumentation instrumentation) {
        try {
            Files.writeString(Path.of(marker), "planted agent loaded in pid " + ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
