package com.midicenter.plugin;

import com.midicenter.browser.state.UiState;
import com.midicenter.library.analysis.LocationReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The Java side of one plugin instance: its state (the selected file, the browser's search, the plugin's settings),
 * the selected file's {@link Pattern} handed to the native side, the shared library, and the window.
 *
 * <h2>State</h2>
 * The state is {@link UiState} text (UTF-8 {@code key=value} properties): the browser's own keys
 * ({@code search.text}, {@code search.filters}, {@code search.sort}, {@code search.descending}, column widths,
 * {@code split.divider}, the inspector's preview settings, see {@code BrowserPanel.saveState}) and the plugin's,
 * all starting {@code plugin.}: {@link #SELECTED_PATH}, {@link #SELECTED_ID}, {@link #SELECTED_NAME},
 * {@link #GUI_WIDTH}, {@link #GUI_HEIGHT}, {@link #THEME}. Every change goes to {@link NativeSide#stateChanged}.
 *
 * <h2>Threads</h2>
 * Host calls return at once. The instance's own single thread ({@code midicenter-plugin-N}) reads files, builds
 * patterns and makes every {@link NativeSide} call (one producer per instance, in order); Swing work runs on the EDT;
 * the library opens on the {@link SharedLibrary}'s thread. AWT is not touched before the first {@link #guiOpen}.
 */
public final class PluginInstance implements InstanceLogic {

    /** The selected file: an absolute path or an archive location ({@code /packs/a.zip!/b.mid}). */
    public static final String SELECTED_PATH = "plugin.selected.path";
    /** The selected file's content id in the library, when it was picked from the library. */
    public static final String SELECTED_ID = "plugin.selected.id";
    /** The selected file's name, for the plugin bar. */
    public static final String SELECTED_NAME = "plugin.selected.name";
    /** The window's size in pixels. */
    public static final String GUI_WIDTH = "plugin.gui.width";
    public static final String GUI_HEIGHT = "plugin.gui.height";
    /** {@code light} or {@code dark}. */
    public static final String THEME = "plugin.theme";
    /** The state format's version. */
    public static final String VERSION = "plugin.state.version";

    public static final int DEFAULT_WIDTH = 1100;
    public static final int DEFAULT_HEIGHT = 700;

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** Creates instances on the JVM's {@link SharedLibrary#jvm()}; registered for {@link java.util.ServiceLoader}. */
    public static final class Factory implements InstanceLogic.Factory {
        @Override
        public InstanceLogic create() {
            return new PluginInstance(SharedLibrary.jvm());
        }
    }

    private final SharedLibrary library;
    private final int number = INSTANCES.incrementAndGet();
    private final ThreadPoolExecutor worker;
    /** Guards {@link #state}. */
    private final Object stateLock = new Object();
    private final UiState state = new UiState();
    /** The newest state text not yet given to the native side ({@code null}: none pending). */
    private final AtomicReference<String> pendingState = new AtomicReference<>();
    /** Number of the newest selection; a file read for an older one is not published. */
    private final AtomicLong selectionSeq = new AtomicLong();
    private volatile NativeSide nativeSide;
    private volatile CompletableFuture<SharedLibrary.Library> libraryReady;
    private volatile boolean destroyed;
    private volatile boolean playing;
    private volatile double bpm;
    private volatile PluginWindow window;
    /** [worker] The location whose pattern is playing, {@code null} for none. */
    private String published;
    private LocationReader reader;

    /**
     * An instance on {@code library}: acquired when the window first opens (a host that only restores a project, or a
     * scanner that only creates and destroys the plugin, never starts the database), released in {@link #destroy}.
     */
    public PluginInstance(SharedLibrary library) {
        this.library = Objects.requireNonNull(library, "library");
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(256), r -> {
            Thread t = new Thread(r, "midicenter-plugin-" + number);
            t.setDaemon(true);
            return t;
        });
        state.put(VERSION, 1);
    }

    // ---- InstanceLogic

    @Override
    public void start(NativeSide nativeSide, Path bundle) {
        this.nativeSide = Objects.requireNonNull(nativeSide, "nativeSide");
    }

    /** The library, acquired on first need (the window); opening runs in the background. */
    private synchronized CompletableFuture<SharedLibrary.Library> ensureLibrary() {
        if (libraryReady == null && !destroyed) {
            CompletableFuture<SharedLibrary.Library> ready = library.acquire();
            this.libraryReady = ready;
            ready.whenComplete((lib, failure) -> {
                if (failure != null) {
                    log("the library could not be opened: " + rootMessage(failure));
                }
            }); // the window waits for it on its own
        }
        return libraryReady;
    }

    @Override
    public void loadState(byte[] bytes) {
        UiState loaded = UiState.fromText(bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
        String path;
        synchronized (stateLock) {
            replace(state, loaded);
            state.put(VERSION, 1);
            path = state.get(SELECTED_PATH, null);
        }
        long seq = selectionSeq.incrementAndGet();
        run(() -> select(seq, path));
        stateChanged();
        PluginWindow w = window;
        if (w != null) {
            w.restore(snapshot());
        }
    }

    @Override
    public void transport(boolean playing, double bpm) {
        this.playing = playing;
        this.bpm = bpm;
        PluginWindow w = window;
        if (w != null) {
            w.transport(playing, bpm);
        }
    }

    @Override
    public boolean guiOpen(long parentWindow) {
        if (destroyed) {
            return false;
        }
        PluginWindow w = window;
        if (w == null) {
            if (java.awt.GraphicsEnvironment.isHeadless()) {
                log("no display: the plugin window cannot open");
                return false;
            }
            w = new PluginWindow(this, "plugin-" + number);
            window = w;
            w.open(parentWindow, guiSize(), snapshot(), ensureLibrary());
            w.transport(playing, bpm);
        } else {
            w.setVisible(true); // a floating window the user closed (hidden) comes back
        }
        return true;
    }

    @Override
    public void guiVisible(boolean visible) {
        PluginWindow w = window;
        if (w != null) {
            w.setVisible(visible);
        }
    }

    @Override
    public int[] guiSize() {
        synchronized (stateLock) {
            return new int[] {state.getInt(GUI_WIDTH, DEFAULT_WIDTH, 200, 10_000),
                    state.getInt(GUI_HEIGHT, DEFAULT_HEIGHT, 150, 10_000)};
        }
    }

    @Override
    public boolean guiSetSize(int width, int height) {
        if (width < 200 || height < 150 || width > 10_000 || height > 10_000) {
            return false;
        }
        update(s -> s.put(GUI_WIDTH, width).put(GUI_HEIGHT, height));
        PluginWindow w = window;
        if (w != null) {
            w.setSize(width, height);
        }
        return true;
    }

    @Override
    public void guiClose() {
        PluginWindow w = window;
        window = null;
        if (w != null) {
            w.close();
        }
    }

    @Override
    public void destroy() {
        if (destroyed) {
            return;
        }
        guiClose();
        synchronized (this) {
            destroyed = true;
            if (libraryReady != null) {
                library.release();
            }
        }
        run(() -> {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        });
        worker.shutdown();
    }

    // ---- from the window [EDT]

    /** [EDT] The user picked a file in the browser ({@code null} location: nothing selected). */
    void selected(String location, Long contentId, String name) {
        String before;
        synchronized (stateLock) {
            before = state.get(SELECTED_PATH, null);
        }
        if (Objects.equals(before, location)) {
            return;
        }
        update(s -> s.put(SELECTED_PATH, location).put(SELECTED_ID, contentId == null ? null : contentId.toString())
                .put(SELECTED_NAME, location == null ? null : name));
        long seq = selectionSeq.incrementAndGet();
        run(() -> select(seq, location));
    }

    /** [EDT] The browser's own state changed (search, filters, sort, widths, preview settings). */
    void browserStateChanged(UiState browser) {
        update(s -> {
            for (String key : keysOf(browser)) {
                if (!key.startsWith("plugin.")) {
                    s.put(key, browser.get(key, null));
                }
            }
        });
    }

    /** [EDT] The audition toggle. */
    void audition(boolean on) {
        run(() -> nativeSide.audition(on));
    }

    /** [any thread] A line for the host's log. */
    void log(String message) {
        NativeSide side = nativeSide;
        if (side != null && !worker.isShutdown()) {
            run(() -> side.log("midicenter: " + message));
        } else {
            System.err.println("midicenter: " + message);
        }
    }

    /** [any thread] A copy of the state. */
    UiState snapshot() {
        synchronized (stateLock) {
            return UiState.fromText(state.toText());
        }
    }

    /** [any thread] The state as the host saves it. */
    public byte[] stateBytes() {
        synchronized (stateLock) {
            return state.toText().getBytes(StandardCharsets.UTF_8);
        }
    }

    // ---- internals

    /** Changes the state; when it changed, the native side gets the new text. */
    private boolean update(Consumer<UiState> change) {
        boolean changed;
        synchronized (stateLock) {
            String before = state.toText();
            change.accept(state);
            changed = !before.equals(state.toText());
        }
        if (changed) {
            stateChanged();
        }
        return changed;
    }

    /** Gives the newest state text to the native side (coalesced: a burst of changes makes one call). */
    private void stateChanged() {
        String text;
        synchronized (stateLock) {
            text = state.toText();
        }
        if (pendingState.getAndSet(text) == null) {
            run(() -> {
                String newest = pendingState.getAndSet(null);
                if (newest != null) {
                    nativeSide.stateChanged(newest.getBytes(StandardCharsets.UTF_8));
                }
            });
        }
    }

    /** [worker] Reads {@code location} and publishes its pattern (clears for {@code null}), unless outdated. */
    private void select(long seq, String location) {
        if (seq != selectionSeq.get() || Objects.equals(location, published) && location != null) {
            return;
        }
        if (location == null) {
            published = null;
            nativeSide.clear();
            return;
        }
        try {
            if (reader == null) {
                reader = new LocationReader();
            }
            Pattern pattern = PatternBuilder.fromBytes(reader.read(location));
            if (seq == selectionSeq.get()) {
                published = location;
                nativeSide.publish(pattern);
            }
        } catch (Exception e) {
            published = null;
            nativeSide.clear();
            nativeSide.log("midicenter: cannot play " + location + ": " + rootMessage(e));
        }
    }

    /** Runs {@code task} on the instance's thread; a task that fails is logged, never lost silently. */
    private void run(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    if (nativeSide != null) {
                        task.run();
                    }
                } catch (RuntimeException e) {
                    System.err.println("midicenter: plugin-" + number + " task failed: " + e);
                }
            });
        } catch (RejectedExecutionException e) {
            if (!destroyed) {
                System.err.println("midicenter: plugin-" + number + " is too busy, dropped a task: " + e.getMessage());
            }
        }
    }

    /** For tests: waits until the instance's thread has done what was asked of it so far. */
    void awaitIdle() throws Exception {
        if (!worker.isShutdown()) {
            CompletableFuture<Void> marker = new CompletableFuture<>();
            worker.execute(() -> marker.complete(null));
            marker.get(30, TimeUnit.SECONDS);
        } else {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /** For tests: the window, {@code null} when closed. */
    PluginWindow window() {
        return window;
    }

    /** For the window and tests: the library as it opens (acquired now if the window has not asked yet). */
    CompletableFuture<SharedLibrary.Library> libraryReady() {
        return ensureLibrary();
    }

    private static void replace(UiState target, UiState source) {
        for (String key : keysOf(target)) {
            target.put(key, (String) null);
        }
        for (String key : keysOf(source)) {
            target.put(key, source.get(key, null));
        }
    }

    /** The keys of {@code state} (UiState has no key view: read back through its text form). */
    static java.util.Set<String> keysOf(UiState state) {
        java.util.Properties p = new java.util.Properties();
        try {
            p.load(new java.io.StringReader(state.toText()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p.stringPropertyNames();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
