package com.midicenter.installer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stops embedded PostgreSQL servers whose data folder lies under a test's work folder: a plugin's Java side starts
 * one in the background, and a host that exits while it is still starting leaves it running (it waits to be adopted
 * by the next process, see {@code EmbeddedServer}). Tests must not leave processes behind.
 */
final class Servers {

    private Servers() {
    }

    static void stopUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> pidFiles;
        try (Stream<Path> paths = Files.walk(root)) {
            pidFiles = paths.filter(p -> p.getFileName().toString().equals("postmaster.pid")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("look for servers under " + root, e);
        }
        for (Path pidFile : pidFiles) {
            try {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                ProcessHandle.of(pid).ifPresent(server -> {
                    System.err.printf("[it] stopping the server left running on %s (pid %d)%n", pidFile.getParent(), pid);
                    server.destroy();   // SIGTERM: PostgreSQL's smart shutdown
                    try {
                        server.onExit().get(20, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        server.destroyForcibly();
                    }
                });
            } catch (IOException | RuntimeException e) {
                System.err.printf("[it] cannot read %s: %s%n", pidFile, e);
            }
        }
    }
}
