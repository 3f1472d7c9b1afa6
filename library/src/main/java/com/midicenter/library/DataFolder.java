package com.midicenter.library;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the user's library database, settings and caches live: the data folder shared by the standalone app and the
 * DAW plugin (so both open the same library).
 */
public final class DataFolder {

    /** The environment variable naming the data folder explicitly. */
    public static final String ENV = "MIDICENTER_HOME";

    private DataFolder() {
    }

    /**
     * The default data folder: {@code $MIDICENTER_HOME}, else {@code $XDG_DATA_HOME/midicenter} or
     * {@code ~/.local/share/midicenter} on Linux, {@code ~/Library/Application Support/MIDI Software Center}
     * on macOS, {@code %LOCALAPPDATA%\MIDI Software Center} on Windows.
     */
    public static Path defaultHome() {
        String explicit = System.getenv(ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path userHome = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : userHome.resolve("AppData").resolve("Local"))
                    .resolve("MIDI Software Center");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("MIDI Software Center");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local").resolve("share"))
                .resolve("midicenter");
    }

    /** {@code home} (or the {@link #defaultHome()} when it is {@code null}) as an absolute, normalised path. */
    public static Path resolve(Path home) {
        return (home != null ? home : defaultHome()).toAbsolutePath().normalize();
    }
}
