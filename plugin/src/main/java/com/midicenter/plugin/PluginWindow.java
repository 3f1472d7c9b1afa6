package com.midicenter.plugin;

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
import com.midicenter.persistence.search.SearchHit;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.Window;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import javax.swing.event.TableModelListener;

/**
 * The plugin's window: the standalone app's {@link BrowserPanel} (once the shared library is open; "Loading
 * library…" until then) under a small plugin bar (the Audition toggle, the host transport, the selected file).
 * Embedded into the host's X11 window with the JDK's {@code sun.awt.X11.XEmbeddedFrame} (the JVM needs
 * {@code --add-exports java.desktop/sun.awt.X11=ALL-UNNAMED}), floating when the host gives no window or embedding
 * fails.
 *
 * <p>Methods without a thread tag may be called from any thread: they hand their work to the EDT and return.
 */
final class PluginWindow {

    /** The window's title (floating). */
    static final String TITLE = "MIDI Software Center";
    /** How often the browser's own state (search, filters, widths) is compared with the last one saved. */
    static final int BROWSER_STATE_POLL_MS = 750;

    private static final AtomicBoolean THEMED = new AtomicBoolean();
    /**
     * Posts to the EDT in order. The first post starts AWT (the toolkit, the X connection: a hundred milliseconds and
     * more), which must not happen on the host's thread that called {@code guiOpen}.
     */
    private static final java.util.concurrent.ExecutorService POSTER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "midicenter-gui-post");
                t.setDaemon(true);
                return t;
            });

    private final PluginInstance instance;
    private final String name;
    private final CompletableFuture<Window> shown = new CompletableFuture<>();
    private final CompletableFuture<BrowserPanel> browser = new CompletableFuture<>();
    private final AtomicBoolean transportPending = new AtomicBoolean();
    private volatile boolean playing;
    private volatile double bpm;
    private volatile boolean closed;

    // [EDT] only
    private Window frame;
    private boolean embedded;
    private JPanel content;
    private CardLayout cards;
    private JLabel loading;
    private JLabel transportLabel;
    private JLabel fileLabel;
    private JToggleButton audition;
    private BrowserPanel panel;
    private ThreadPoolExecutor searchExecutor;
    private Timer stateTimer;
    private String lastBrowserState = "";
    private UiState pendingRestore;
    /** The results model is being replaced: the selection it clears is not the user's. */
    private boolean modelChanging;

    PluginWindow(PluginInstance instance, String name) {
        this.instance = instance;
        this.name = name;
    }

    /** Builds and shows the window on the EDT; returns at once. */
    void open(long parentWindow, int[] size, UiState state, CompletableFuture<SharedLibrary.Library> library) {
        edt(() -> {
            try {
                build(parentWindow, size, state);
                if (library == null) {
                    loading.setText("The library was not started.");
                } else {
                    library.whenComplete((lib, failure) -> SwingUtilities.invokeLater(() -> attach(lib, failure)));
                }
                shown.complete(frame);
            } catch (RuntimeException | LinkageError e) {
                shown.completeExceptionally(e);
                instance.log("the window could not be opened: " + e);
            }
        });
    }

    /** Completes with the window once it is shown. */
    CompletableFuture<Window> shown() {
        return shown;
    }

    /** Completes with the browser once the library is open and the browser is in the window. */
    CompletableFuture<BrowserPanel> browser() {
        return browser;
    }

    /** [EDT] True when the window sits inside the host's window. */
    boolean isEmbedded() {
        return embedded;
    }

    private void build(long parentWindow, int[] size, UiState state) {
        if (THEMED.compareAndSet(false, true)) {
            BrowserTheme.setup("dark".equals(state.get(PluginInstance.THEME, "light")));
        }
        JPanel top = new JPanel(new BorderLayout(8, 0));
        top.setName("pluginBar");
        top.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
        audition = new JToggleButton("Audition");
        audition.setName("audition");
        audition.setToolTipText("Play the selected file while the host is stopped");
        audition.addActionListener(e -> instance.audition(audition.isSelected()));
        transportLabel = new JLabel("following host: stopped");
        transportLabel.setName("transport");
        fileLabel = new JLabel(fileText(state));
        fileLabel.setName("selectedFile");
        fileLabel.setHorizontalAlignment(SwingConstants.RIGHT);
        top.add(audition, BorderLayout.WEST);
        top.add(transportLabel, BorderLayout.CENTER);
        top.add(fileLabel, BorderLayout.EAST);

        cards = new CardLayout();
        content = new JPanel(cards);
        loading = new JLabel("Loading library…", SwingConstants.CENTER);
        loading.setName("loading");
        content.add(loading, "loading");

        JPanel all = new JPanel(new BorderLayout());
        all.add(top, BorderLayout.NORTH);
        all.add(content, BorderLayout.CENTER);
        all.setPreferredSize(new Dimension(size[0], size[1]));
        pendingRestore = state;

        frame = parentWindow != 0 ? embed(parentWindow, all, size) : null;
        embedded = frame != null;
        if (frame == null) {
            JFrame floating = new JFrame(TITLE);
            floating.setName(name);
            floating.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
            floating.setContentPane(all);
            floating.pack();
            floating.setLocationByPlatform(true);
            floating.setVisible(true);
            frame = floating;
        }
    }

    /** The host's X11 window {@code parent} holding {@code content}, or {@code null} (logged) when that fails. */
    private Window embed(long parent, JPanel all, int[] size) {
        try {
            Class<?> type = Class.forName("sun.awt.X11.XEmbeddedFrame");
            Frame f = (Frame) type.getConstructor(long.class).newInstance(parent);
            f.setName(name);
            f.add(all);
            f.setSize(size[0], size[1]);
            f.validate();
            f.setVisible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            instance.log("cannot embed into the host's window 0x" + Long.toHexString(parent) + " (" + e
                    + "); the JVM needs --add-exports java.desktop/sun.awt.X11=ALL-UNNAMED on X11. Opening a floating"
                    + " window instead");
            return null;
        }
    }

    /** [EDT] The library is open (or failed): the browser replaces "Loading library…". */
    private void attach(SharedLibrary.Library lib, Throwable failure) {
        if (closed || panel != null) {
            return;
        }
        if (failure != null || lib == null) {
            loading.setText("The library could not be opened: " + (failure == null ? "?" : failure.getMessage()));
            browser.completeExceptionally(failure != null ? failure : new IllegalStateException("no library"));
            return;
        }
        searchExecutor = SearchThreads.newExecutor("midicenter-" + name + "-search", 2, 64);
        // the same curation as the standalone window: collections and recent searches, tags, split, export, duplicates
        boolean curation = lib.db() != null;
        panel = new BrowserPanel(new BrowserPanel.Services(lib.search()::search, searchExecutor,
                lib.addFolder() == null ? null : LibraryJobs.of(lib.addFolder()),
                lib.details() == null ? null : DetailsSource.of(lib.details()),
                lib.home().resolve("drag-cache"), null,
                curation ? CollectionsSource.of(new CollectionService(lib.db().sqlSessionFactory(), lib.search())) : null,
                curation ? TagsSource.of(new TagService(lib.db().sqlSessionFactory(), lib.search())) : null));
        if (curation) {
            panel.installTools(CurationTools.forLibrary(lib.db().dataSource(), lib.db().sqlSessionFactory(), lib.search(),
                    lib.home()));
        }
        panel.setName("browser");
        if (pendingRestore != null) {
            panel.restoreState(pendingRestore);
        }
        lastBrowserState = browserStateText();
        panel.resultsModel().addTableModelListener(modelListener()); // told before the table clears its selection
        panel.resultsTable().getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                selectionChanged();
            }
        });
        content.add(panel, "browser");
        cards.show(content, "browser");
        content.revalidate();
        stateTimer = new Timer(BROWSER_STATE_POLL_MS, e -> pollBrowserState());
        stateTimer.start();
        browser.complete(panel);
    }

    private TableModelListener modelListener() {
        return e -> {
            if (!modelChanging) {
                modelChanging = true;
                SwingUtilities.invokeLater(() -> modelChanging = false);
            }
        };
    }

    /** [EDT] The user's selection: the lead row's file plays; none selected stops it. */
    private void selectionChanged() {
        var table = panel.resultsTable();
        int row = table.getSelectionModel().getLeadSelectionIndex();
        SearchHit hit = row >= 0 && row < table.getRowCount() && table.isRowSelected(row)
                ? panel.resultsModel().hitAt(table.convertRowIndexToModel(row)) : null;
        if (hit == null && modelChanging) {
            return; // a new search answer cleared the rows: the file keeps playing
        }
        if (hit == null && table.getSelectedRowCount() > 0) {
            return; // a row whose page is not loaded yet
        }
        instance.selected(hit == null ? null : hit.path(), hit == null ? null : hit.contentId(),
                hit == null ? null : hit.name());
        fileLabel.setText(hit == null ? "" : hit.name());
        pollBrowserState();
    }

    /** [EDT] Gives the browser's state to the instance when it changed. */
    private void pollBrowserState() {
        if (panel == null) {
            return;
        }
        String text = browserStateText();
        if (!text.equals(lastBrowserState)) {
            lastBrowserState = text;
            instance.browserStateChanged(UiState.fromText(text));
        }
    }

    private String browserStateText() {
        UiState s = new UiState();
        panel.saveState(s);
        return s.toText().replaceFirst("^#.*\\R", ""); // the date comment changes every second
    }

    /** A state loaded while the window is open: the browser shows its search. */
    void restore(UiState state) {
        edt(() -> {
            if (closed) {
                return;
            }
            if (fileLabel != null) {
                fileLabel.setText(fileText(state));
            }
            if (panel != null) {
                panel.restoreState(state);
                lastBrowserState = browserStateText();
            } else {
                pendingRestore = state;
            }
        });
    }

    /** The host's transport, shown in the plugin bar (coalesced: one EDT update at a time). */
    void transport(boolean playing, double bpm) {
        this.playing = playing;
        this.bpm = bpm;
        if (transportPending.compareAndSet(false, true)) {
            edt(() -> {
                transportPending.set(false);
                if (transportLabel != null) {
                    transportLabel.setText(transportText(this.playing, this.bpm));
                }
            });
        }
    }

    static String transportText(boolean playing, double bpm) {
        String tempo = !(bpm > 0) ? ""
                : String.format(Locale.ROOT, bpm == Math.rint(bpm) ? " %.0f BPM" : " %.1f BPM", bpm);
        return "following host: " + (playing ? "playing" : "stopped") + tempo;
    }

    void setVisible(boolean visible) {
        edt(() -> {
            if (frame != null && !closed) {
                frame.setVisible(visible);
            }
        });
    }

    void setSize(int width, int height) {
        edt(() -> {
            if (frame != null && !closed) {
                frame.setSize(width, height);
                frame.validate();
            }
        });
    }

    /** Saves the browser's state into the instance, stops its preview and closes the window. */
    void close() {
        closed = true;
        edt(() -> {
            if (stateTimer != null) {
                stateTimer.stop();
            }
            if (panel != null) {
                String text = browserStateText();
                if (!text.equals(lastBrowserState)) {
                    instance.browserStateChanged(UiState.fromText(text));
                }
                panel.dispose();
            }
            if (frame != null) {
                frame.dispose();
            }
            if (searchExecutor != null) {
                searchExecutor.shutdownNow();
            }
            if (!browser.isDone()) {
                browser.cancel(false);
            }
        });
    }

    /** Runs {@code task} on the EDT after everything posted before it; returns at once. */
    private static void edt(Runnable task) {
        POSTER.execute(() -> SwingUtilities.invokeLater(task));
    }

    private static String fileText(UiState state) {
        return state.get(PluginInstance.SELECTED_NAME, "");
    }
}
