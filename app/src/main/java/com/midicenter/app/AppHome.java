package com.midicenter.app;

import com.midicenter.library.DataFolder;

import java.nio.file.Path;

/** Where the library database, settings and demo files live: {@code --home}, or the {@link DataFolder}. */
final class AppHome {

    private AppHome() {
    }

    /** The default data folder, see {@link DataFolder#defaultHome()} (shared with the DAW plugin). */
    static Path defaultHome() {
        return DataFolder.defaultHome();
    }

    static Path resolve(Path home) {
        return DataFolder.resolve(home);
    }
}
