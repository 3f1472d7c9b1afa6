package com.midicenter.app;

import com.midicenter.browser.BrowserFrame;
import com.midicenter.browser.BrowserPanel;
import com.midicenter.browser.BrowserTheme;
import com.midicenter.browser.SearchThreads;
import com.midicenter.browser.details.DetailsSource;
import com.midicenter.browser.sidebar.CollectionsSource;
import com.midicenter.browser.state.UiState;
import com.midicenter.browser.tags.TagsSource;
import com.midicenter.browser.tasks.LibraryJobs;
import com.midicenter.browser.tools.CurationTools;
import com.midicenter.library.curation.CollectionService;
import com.midicenter.library.curation.TagService;
import com.midicenter.library.details.FileDetailsService;
import com.midicenter.library.jobs.AddFolder;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.db.Database;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;

/**
 * The browser window over an open library, for {@code gui} and {@code demo}. The calling thread owns the database,
 * the search index and the executor: it opens the window on the EDT, waits for it to close, then closes them (the
 * EDT never waits for the database). What the window remembers is kept in {@code ui-state.properties} in the data
 * folder.
 */
final class GuiSession {

    /** The file of remembered window state, in the data folder. */
    static final String STATE_FILE = "ui-state.properties";

    private GuiSession() {
    }

    /** True when a window can be opened (a display, a JDK with AWT). */
    static boolean canOpenWindow() {
        return !GraphicsEnvironment.isHeadless();
    }

    /**
     * Shows the window until it is closed.
     *
     * @param theme {@code "dark"}, {@code "light"} or {@code null} for the remembered one (light at first)
     * @return the exit code: 0 closed normally, 3 the window could not be opened
     */
    static int show(Database db, String library, String theme, Path home) throws InterruptedException {
        Path stateFile = home.resolve(STATE_FILE);
        UiState state = UiState.load(stateFile);
        if (theme != null) {
            state.put("theme", theme);
        }
        boolean dark = "dark".equals(state.get("theme", "light"));
        CountDownLatch closed = new CountDownLatch(1);
        try (SearchService search = SearchService.indexed(db)) {
            ThreadPoolExecutor executor = SearchThreads.newExecutor("browser-search", 2, 64);
            try {
                LibraryJobs jobs = LibraryJobs.of(new AddFolder(db.dataSource(), db.sqlSessionFactory()));
                AtomicReference<Throwable> failed = new AtomicReference<>();
                SwingUtilities.invokeLater(() -> {
                    try {
                        BrowserTheme.setup(dark);
                        BrowserPanel panel = new BrowserPanel(new BrowserPanel.Services(search::search, executor, jobs,
                                DetailsSource.of(new FileDetailsService(db.sqlSessionFactory())),
                                home.resolve("drag-cache"), null,
                                CollectionsSource.of(new CollectionService(db.sqlSessionFactory(), search)),
                                TagsSource.of(new TagService(db.sqlSessionFactory(), search))));
                        panel.installTools(CurationTools.forLibrary(db.dataSource(), db.sqlSessionFactory(), search,
                                home));
                        BrowserFrame.open(library, panel, state, () -> {
                            panel.dispose();
                            save(state, stateFile);
                            closed.countDown();
                        });
                    } catch (RuntimeException | LinkageError e) {
                        failed.set(e); // no window will ever close: do not wait for one
                        closed.countDown();
                    }
                });
                closed.await();
                if (failed.get() != null) {
                    System.err.println("midicenter: the window could not be opened: " + failed.get());
                    return 3;
                }
            } finally {
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
        return 0;
    }

    private static void save(UiState state, Path file) {
        try {
            state.save(file);
        } catch (IOException e) {
            System.err.println("midicenter: could not remember the window's state in " + file + ": " + e.getMessage());
        }
    }
}
