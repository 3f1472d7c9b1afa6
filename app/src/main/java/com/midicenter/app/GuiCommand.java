package com.midicenter.app;

import com.midicenter.persistence.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code midicenter gui}: the browser window over the user's library. See {@link GuiSession}: this thread owns the
 * database; the window's state is remembered in the data folder.
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Opens the browser window on the library: search as you type over every analysed file.",
            "Filters, details, piano roll, preview, drag to a DAW, Add folder…; Ctrl+F focuses the search field,",
            "Esc clears it. The window's size, columns, last search and theme are remembered."})
final class GuiCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--dark", description = "the dark theme (remembered for the next runs)")
    boolean dark;

    @Option(names = "--light", description = "the light theme (remembered for the next runs)")
    boolean light;

    @Override
    public Integer call() throws InterruptedException {
        if (!GuiSession.canOpenWindow()) {
            System.err.println("midicenter gui: no display to open a window on (set DISPLAY, or run under Xvfb)");
            return 1;
        }
        System.err.println("Opening the library " + database.describe() + " ...");
        try (Database db = database.open()) {
            db.migrate();
            return GuiSession.show(db, database.describe(), dark ? "dark" : light ? "light" : null,
                    AppHome.resolve(database.home));
        }
    }
}
