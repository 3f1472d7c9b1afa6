package com.midicenter.browser.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A private X display for UI tests: {@code Xvfb :N -screen 0 1280x900x24 -nolisten tcp} on a free display number. AWT
 * reads {@code DISPLAY} once, at start-up, so the JVM that draws runs as a child with {@link #name()} as its
 * {@code DISPLAY}. Optionally with the {@code openbox} window manager on it ({@link #startWithWindowManager}): drag and
 * drop between windows (XDND) needs one to map and stack top-level windows the way a desktop does. Close to stop
 * both.
 */
public final class XvfbDisplay implements AutoCloseable {

    private final Process process;
    private final int number;
    private Process windowManager;

    private XvfbDisplay(Process process, int number) {
        this.process = process;
        this.number = number;
    }

    /** {@code :N}, for the child's {@code DISPLAY}. */
    public String name() {
        return ":" + number;
    }

    /**
     * Starts {@code main} in a child JVM drawing on this display (this JVM's classpath, 512 MB of heap, output and
     * errors to {@code log}, working folder the current one).
     */
    public Process launch(Class<?> main, Path log, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.awt.headless=false", "-cp", classpath, main.getName()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(Path.of("").toAbsolutePath().toFile());
        pb.environment().put("DISPLAY", name());
        return pb.start();
    }

    /**
     * Starts Xvfb on a display number with no server or lock file and waits (10 s at most) for its socket.
     *
     * @throws IllegalStateException when Xvfb is not installed or does not start (the message says which)
     */
    public static XvfbDisplay start(Path log) throws IOException, InterruptedException {
        IllegalStateException last = null;
        int n = 90 + (int) (ProcessHandle.current().pid() % 100);
        for (int attempt = 0; attempt < 3; attempt++, n++) {
            n = freeDisplay(n);
            try {
                return new XvfbDisplay(startOn(n, log), n);
            } catch (IllegalStateException e) {
                last = e; // another starter took the number between the check and the start: try the next one
            }
        }
        throw last;
    }

    /**
     * {@link #start} plus {@code openbox --sm-disable} on the display, waiting (10 s at most) until openbox has
     * started: it runs its {@code --startup} command, which creates a marker file, once it manages the screen.
     *
     * @param log Xvfb's output; openbox writes to the same name with {@code .openbox} appended
     * @throws IllegalStateException when openbox is not installed, exits or does not come up (the message says which)
     */
    public static XvfbDisplay startWithWindowManager(Path log) throws IOException, InterruptedException {
        XvfbDisplay display = start(log);
        try {
            display.windowManager = startOpenbox(display, log.resolveSibling(log.getFileName() + ".openbox"));
            return display;
        } catch (IOException | RuntimeException | InterruptedException e) {
            display.close();
            throw e;
        }
    }

    private static Process startOpenbox(XvfbDisplay display, Path log) throws IOException, InterruptedException {
        Path ready = Files.createTempFile("openbox-ready-", "");
        Files.delete(ready);
        ProcessBuilder pb = new ProcessBuilder("openbox", "--sm-disable", "--startup",
                "touch '" + ready.toString().replace("'", "") + "'").redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("DISPLAY", display.name());
        Process openbox;
        try {
            openbox = pb.start();
        } catch (IOException e) {
            throw new IOException("openbox is needed for the drag-and-drop UI test: apt-get install openbox (.ci/run"
                    + " does)", e);
        }
        long deadline = System.currentTimeMillis() + 10_000;
        try {
            while (!Files.exists(ready)) {
                if (!openbox.isAlive()) {
                    throw new IllegalStateException("openbox on " + display.name() + " exited with "
                            + openbox.exitValue() + ", see " + log);
                }
                if (System.currentTimeMillis() > deadline) {
                    openbox.destroyForcibly();
                    throw new IllegalStateException("openbox on " + display.name() + " did not start in 10 s, see "
                            + log);
                }
                Thread.sleep(20);
            }
        } finally {
            Files.deleteIfExists(ready);
        }
        return openbox;
    }

    private static int freeDisplay(int from) {
        for (int n = from; n < 500; n++) {
            if (!Files.exists(Path.of("/tmp/.X" + n + "-lock")) && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display number from " + from + " to 500");
    }

    private static Process startOn(int n, Path log) throws IOException, InterruptedException {
        Process xvfb;
        try {
            xvfb = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x900x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("Xvfb is needed for the UI tests: apt-get install xvfb (.ci/run does)", e);
        }
        Path socket = Path.of("/tmp/.X11-unix/X" + n);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Files.exists(socket)) {
            if (!xvfb.isAlive()) {
                throw new IllegalStateException("Xvfb :" + n + " exited with " + xvfb.exitValue() + ", see " + log);
            }
            if (System.currentTimeMillis() > deadline) {
                xvfb.destroyForcibly();
                throw new IllegalStateException("Xvfb :" + n + " did not start in 10 s, see " + log);
            }
            Thread.sleep(20);
        }
        return xvfb;
    }

    @Override
    public void close() throws InterruptedException {
        if (windowManager != null) {
            stop(windowManager);
        }
        stop(process);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
