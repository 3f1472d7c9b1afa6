package com.midicenter.app;

import com.midicenter.persistence.StorageException;
import com.midicenter.persistence.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Callable;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;

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
        Database db;
        try {
            db = database.open();
        } catch (StorageException e) {
            throw shown(e);
        }
        try (db) {
            try {
                db.migrate();   // refuses a library upgraded by a newer release
            } catch (StorageException e) {
                throw shown(e);
            }
            return GuiSession.show(db, database.describe(), dark ? "dark" : light ? "light" : null,
                    AppHome.resolve(database.home));
        }
    }

    /** Title of the dialog saying why the library cannot be opened. */
    static final String CANNOT_OPEN_TITLE = "MIDI Software Center cannot open the library";

    /**
     * Says why the library cannot be opened in a dialog too (the window is usually started from a desktop entry,
     * where nobody reads stderr), and returns {@code e} for the command line's one-line message and exit code.
     */
    private StorageException shown(StorageException e) {
        String text = "<html><body style='width: 440px'><b>" + escape(database.describe()) + "</b><br><br>"
                + escape(e.getMessage()) + "</body></html>";
        try {
            SwingUtilities.invokeAndWait(() ->
                    JOptionPane.showMessageDialog(null, text, CANNOT_OPEN_TITLE, JOptionPane.ERROR_MESSAGE));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException | RuntimeException dialogFailed) {
            e.addSuppressed(dialogFailed); // no dialog: the command line still prints the message
        }
        return e;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
