package com.midicenter.plugin;

import com.midicenter.browser.BrowserPanel;
import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.persistence.testing.TestHomes;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * The plugin's window for real, in a child JVM on {@link PluginWindowIT}'s display, driven as a host would: start,
 * the library opens (a home under {@code target/} with a few generated files), {@code guiOpen(0)} (floating), a row
 * selected, {@code guiClose}, {@code guiOpen(parent)} embedded into {@link ParentWindowHost}'s window, destroy.
 * Writes what it saw to a properties file; screenshots as PNG.
 *
 * <p>Arguments: report file, screenshot folder, the parent window id file.
 */
public final class PluginGuiScenario {

    private PluginGuiScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[0]);
        Path shots = Path.of(args[1]);
        Path parentIdFile = Path.of(args[2]);
        Files.createDirectories(shots);
        Properties facts = new Properties();
        int exit = 0;
        try {
            run(facts, shots, parentIdFile);
            facts.setProperty("completed", "true");
        } catch (Throwable e) {
            facts.setProperty("error", String.valueOf(e));
            e.printStackTrace();
            exit = 1;
        } finally {
            try (OutputStream out = Files.newOutputStream(report)) {
                facts.store(out, null);
            }
        }
        System.exit(exit);
    }

    private static void run(Properties facts, Path shots, Path parentIdFile) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path home = TestHomes.newHome("plugin-gui");
        Path corpus = Path.of("target", "plugin-gui-corpus").toAbsolutePath();
        if (!Files.isDirectory(corpus)) {
            new CorpusGenerator(11).generate(12, corpus, null);
        }
        SharedLibrary library = new SharedLibrary(home, TestHomes.settings());
        FakeNativeSide side = new FakeNativeSide();
        PluginInstance instance = new PluginInstance(library);

        // the host creates the instance; the library opens in the background
        long t0 = System.nanoTime();
        instance.start(side, Path.of("target"));
        facts.setProperty("startMs", Long.toString((System.nanoTime() - t0) / 1_000_000));
        SharedLibrary.Library lib = instance.libraryReady().get(120, TimeUnit.SECONDS);
        facts.setProperty("startToReadyMs", Long.toString((System.nanoTime() - t0) / 1_000_000));
        facts.setProperty("jvmStartToReadyMs", Long.toString(System.currentTimeMillis() - jvmStart));
        lib.addFolder().run(corpus, new AtomicBoolean(), (phase, done, total) -> { });
        // the search index catches up with the import in the background
        waitFor(() -> lib.search().search(com.midicenter.library.search.SearchRequest.text("")).total() > 0, 30_000);

        // floating
        t0 = System.nanoTime();
        boolean opened = instance.guiOpen(0);
        facts.setProperty("guiOpenMs", Long.toString((System.nanoTime() - t0) / 1_000_000));
        facts.setProperty("floatingOpened", Boolean.toString(opened));
        PluginWindow window = instance.window();
        Window floating = window.shown().get(30, TimeUnit.SECONDS);
        BrowserPanel panel = window.browser().get(60, TimeUnit.SECONDS);
        facts.setProperty("floatingTitle", onEdt(() -> floating instanceof JFrame f ? f.getTitle() : "?"));
        facts.setProperty("floatingEmbedded", onEdt(() -> Boolean.toString(window.isEmbedded())));
        waitFor(() -> onEdt(() -> panel.resultsTable().getRowCount() > 0 && panel.isSettled()), 30_000);
        facts.setProperty("rows", onEdt(() -> Integer.toString(panel.resultsTable().getRowCount())));
        onEdt(() -> {
            panel.resultsTable().setRowSelectionInterval(0, 0);
            return null;
        });
        waitFor(() -> side.lastPattern() != null, 20_000);
        facts.setProperty("publishedEvents", Integer.toString(side.lastPattern().size()));
        facts.setProperty("stateHasSelection", Boolean.toString(side.lastState() != null
                && side.lastState().contains(PluginInstance.SELECTED_PATH)));
        instance.transport(true, 120);
        Thread.sleep(800);
        facts.setProperty("floatingSearchShowing", onEdt(() -> Boolean.toString(panel.searchField().isShowing())));
        facts.setProperty("floatingSidebarShowing", onEdt(() -> Boolean.toString(panel.sidebar() != null
                && panel.sidebar().isShowing())));
        facts.setProperty("floatingToolButtons", onEdt(() -> panel.curationActions() == null ? "none"
                : panel.curationActions().buttons().stream().map(javax.swing.AbstractButton::getText)
                .collect(java.util.stream.Collectors.joining("|"))));
        facts.setProperty("floatingScreenshot", shoot(onEdtValue(floating::getBounds), shots.resolve("floating.png")));

        // embedded into the test host's window
        instance.guiClose();
        Thread.sleep(300);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.exists(parentIdFile) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        long parent = Long.parseLong(Files.readString(parentIdFile).strip());
        facts.setProperty("parentWindow", Long.toHexString(parent));
        t0 = System.nanoTime();
        instance.guiOpen(parent);
        facts.setProperty("guiOpenEmbeddedMs", Long.toString((System.nanoTime() - t0) / 1_000_000));
        PluginWindow embeddedWindow = instance.window();
        embeddedWindow.shown().get(30, TimeUnit.SECONDS);
        BrowserPanel embeddedPanel = embeddedWindow.browser().get(60, TimeUnit.SECONDS);
        facts.setProperty("embedded", onEdt(() -> Boolean.toString(embeddedWindow.isEmbedded())));
        waitFor(() -> onEdt(() -> embeddedPanel.resultsTable().getRowCount() > 0 && embeddedPanel.isSettled()),
                30_000);
        Thread.sleep(1000);
        facts.setProperty("embeddedSearchShowing",
                onEdt(() -> Boolean.toString(embeddedPanel.searchField().isShowing())));
        facts.setProperty("embeddedSearchOnScreen", onEdt(() -> {
            var p = embeddedPanel.searchField().getLocationOnScreen();
            return p.x + "," + p.y;
        }));
        facts.setProperty("embeddedScreenshot", shoot(new Rectangle(0, 0, ParentWindowHost.WIDTH,
                ParentWindowHost.HEIGHT), shots.resolve("embedded.png")));
        facts.setProperty("calls", String.join(" ", side.calls()));
        instance.destroy();
        library.awaitIdle();
        facts.setProperty("usersAfterDestroy", Integer.toString(library.users()));
    }

    private static String shoot(Rectangle area, Path file) throws Exception {
        BufferedImage image = new Robot().createScreenCapture(area);
        ImageIO.write(image, "png", file.toFile());
        return file.toAbsolutePath().toString();
    }

    private static <T> T onEdtValue(Callable<T> c) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                out.set(c.call());
            } catch (Exception e) {
                failed.set(e);
            }
        });
        if (failed.get() != null) {
            throw failed.get();
        }
        return out.get();
    }

    private static <T> T onEdt(Callable<T> c) throws Exception {
        return onEdtValue(c);
    }

    private static void waitFor(Callable<Boolean> condition, long ms) throws Exception {
        long deadline = System.currentTimeMillis() + ms;
        while (!condition.call()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out after " + ms + " ms");
            }
            Thread.sleep(50);
        }
    }
}
