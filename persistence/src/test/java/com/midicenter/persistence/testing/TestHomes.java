package com.midicenter.persistence.testing;

import com.midicenter.persistence.db.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Home folders and server settings for tests; everything lives under {@code target/} so {@code mvn clean} removes it. */
public final class TestHomes {

    /** PostgreSQL is unpacked once here for all test homes (the default is the user's cache folder). */
    public static final Path BINARIES = Path.of("target", "pg-binaries").toAbsolutePath();

    private static final Path ROOT = Path.of("target", "it-homes").toAbsolutePath();

    private TestHomes() {
    }

    /** A new, not yet existing home folder. */
    public static Path newHome(String name) {
        try {
            Files.createDirectories(ROOT);
            Path home = Files.createTempDirectory(ROOT, name + "-");
            Files.delete(home); // let EmbeddedServer create it, as in real use
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The production defaults, with the shared test binaries folder. */
    public static EmbeddedServer.Settings settings() {
        return EmbeddedServer.Settings.defaults().withBinariesDirectory(BINARIES);
    }
}
