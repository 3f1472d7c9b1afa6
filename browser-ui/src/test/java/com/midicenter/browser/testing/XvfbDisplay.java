package com.midicenter.browser.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A private X display for UI tests: {@code Xvfb :N -screen 0 1280x900x24 -nolisten tcp} on a free display number. AWT
 * reads {@code DISPLAY} once, at start-up, so the JVM that draws runs as a child with {@link #name()} as its
 * {@code DISPLAY}. Close to stop the server.
 */
public final class XvfbDisplay implements AutoCloseable {

    private final Process process;
    private final int number;

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
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
