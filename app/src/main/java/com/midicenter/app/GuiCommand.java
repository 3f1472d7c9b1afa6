package com.midicenter.app;

import com.midicenter.browser.BrowserFrame;
import com.midicenter.browser.BrowserPanel;
import com.midicenter.browser.BrowserTheme;
import com.midicenter.browser.SearchThreads;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.awt.GraphicsEnvironment;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;

/**
 * {@code midicenter gui}: the browser window over the user's library. This thread owns the database and the search
 * executor: it opens them, hands the window to the EDT, waits for the window to close, then closes them (the EDT never
 * waits for the database).
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Opens the browser window on the library: search as you type over every analysed file.",
            "Ctrl+F focuses the search field, Esc clears it."})
final class GuiCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--dark", description = "the dark theme (default: light)")
    boolean dark;

    @Override
    public Integer call() throws InterruptedException {
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("midicenter gui: no display to open a window on (set DISPLAY, or run under Xvfb)");
            return 1;
        }
        System.err.println("Opening the library " + database.describe() + " ...");
        CountDownLatch closed = new CountDownLatch(1);
        try (Database db = database.open()) {
            db.migrate();
            try (SearchService search = SearchService.indexed(db)) {
                ThreadPoolExecutor executor = SearchThreads.newExecutor("browser-search", 2, 64);
                try {
                    String library = database.describe();
                    AtomicReference<Throwable> failed = new AtomicReference<>();
                    SwingUtilities.invokeLater(() -> {
                        try {
                            BrowserTheme.setup(dark);
                            BrowserFrame.open(library, new BrowserPanel(search::search, executor), closed::countDown);
                        } catch (RuntimeException | LinkageError e) {
                            failed.set(e); // no window will ever close: do not wait for one
                            closed.countDown();
                        }
                    });
                    closed.await();
                    if (failed.get() != null) {
                        Throwable e = failed.get();
                        System.err.println("midicenter gui: the window could not be opened: " + e);
                        return 3;
                    }
                } finally {
                    executor.shutdownNow();
                    executor.awaitTermination(5, TimeUnit.SECONDS);
                }
            }
        }
        return 0;
    }
}
