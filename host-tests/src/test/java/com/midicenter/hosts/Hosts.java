package com.midicenter.hosts;

import static org.junit.jupiter.api.Assertions.fail;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the host ITs share: the built bundles, tools on PATH (a missing one fails with its package), processes. */
final class Hosts {

    static final String LV2_URI = "https://midicenter.example/plugins/browser";
    /** The LV2 state property of mc_lv2.c: the Java side's properties text as an atom:Chunk. */
    static final String LV2_STATE_KEY = LV2_URI + "#state";
    /** The known file: one bar of 4/4 at 120 BPM, quarter notes 60, 62, 64, 65 on the beats, each an eighth long. */
    static final int[] GROOVE_KEYS = {60, 62, 64, 65};
    static final int PPQ = 480;

    private Hosts() {
    }

    static Path nativeTarget() {
        Path t = Path.of(System.getProperty("midicenter.nativeTarget", "../native-bridge/target")).toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(t.resolve("midicenter.lv2/midicenter.so"))
                || !Files.isRegularFile(t.resolve("midicenter.clap"))) {
            fail("the plugin is not built under " + t + ": run `mvn -pl native-bridge -am package` first");
        }
        return t;
    }

    /** A fresh folder for one test's files (kept after the run for inspection). */
    static Path workDir(String name) throws IOException {
        Path base = Path.of(System.getProperty("midicenter.testOut", "target/host-tests")).toAbsolutePath();
        Path dir = base.resolve(name);
        deleteTree(dir);
        Files.createDirectories(dir);
        return dir;
    }

    /** The tool's path, or the test fails naming the Debian package that has it. */
    static String tool(String name, String debianPackage) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        fail(name + " is not on PATH: this test needs the Debian package " + debianPackage
                + " (apt-get install -y --no-install-recommends " + debianPackage + "; .ci/run installs it)");
        return null;
    }

    /** Writes the known file with the project's SmfBuilder. */
    static Path writeGroove(Path file) throws IOException {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack();
        t.tempoBpm(0, 120).timeSignature(0, 4, 4);
        for (int i = 0; i < GROOVE_KEYS.length; i++) {
            t.note((long) i * PPQ, 0, GROOVE_KEYS[i], 100, PPQ / 2);
        }
        t.meta(4L * PPQ, 0x2F, new byte[0]); /* End of Track at the bar line: the file is exactly one bar */
        Files.write(file, smf.toBytes());
        return file;
    }

    /** The plugin state the Java side reads: UTF-8 key=value properties. */
    static byte[] stateNaming(Path midiFile) {
        return ("plugin.selected.path=" + midiFile.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** An LV2 state as lilv reads it (jalv -l DIR, a preset bundle): the state blob as xsd:base64Binary. */
    static String lv2StateTurtle(byte[] blob, String label) {
        return "@prefix lv2: <http://lv2plug.in/ns/lv2core#> .\n"
                + "@prefix pset: <http://lv2plug.in/ns/ext/presets#> .\n"
                + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                + "@prefix state: <http://lv2plug.in/ns/ext/state#> .\n"
                + "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n"
                + "<>\n\ta pset:Preset ;\n\tlv2:appliesTo <" + LV2_URI + "> ;\n"
                + (label == null ? "" : "\trdfs:label \"" + label + "\" ;\n")
                + "\tstate:state [\n\t\t<" + LV2_STATE_KEY + "> \"" + Base64.getEncoder().encodeToString(blob)
                + "\"^^xsd:base64Binary\n\t] .\n";
    }

    /**
     * The environment of a host running the plugin: this JVM's runtime as JAVA_HOME, and the plugin's library in
     * {@code home} (never the user's data folder).
     */
    static void pluginEnv(Map<String, String> env, Path home) {
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("MIDICENTER_HOME", home.toString());
        env.put("MIDICENTER_PLUGIN_JAVA_OPTS", "-Dmidicenter.home=" + home);
        env.remove("MIDICENTER_PLUGIN_NO_JAVA");
        env.remove("MIDICENTER_PLUGIN_CLASSPATH");
    }

    static Process start(List<String> cmd, Map<String, String> extraEnv, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(extraEnv);
        return pb.start();
    }

    /** Runs a command to its end (at most {@code seconds}); returns its output, stdout and stderr merged. */
    static String run(List<String> cmd, Map<String, String> env, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not finish in " + seconds + " s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static boolean waitFor(BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Ends a process we started and its descendants (by their ids), politely first. */
    static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        List<ProcessHandle> kids = new ArrayList<>(p.descendants().toList());
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        for (ProcessHandle k : kids) {
            k.destroy();
        }
    }

    /**
     * True when the plugin's embedded PostgreSQL of {@code home} has stopped within {@code seconds} after its host
     * exited (the plugin closes the shared library when it is unloaded or the host process exits).
     */
    static boolean databaseStopped(Path home, int seconds) throws InterruptedException {
        Path pidFile = home.resolve("db/postmaster.pid");
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (Files.exists(pidFile) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        return !Files.exists(pidFile);
    }

    /**
     * A safety net after a failed test: stop the plugin's embedded PostgreSQL of this test's home,
     * by the id in its postmaster.pid, with a fast shutdown (SIGINT). Returns whether one was still running.
     */
    static boolean stopLeftoverDatabase(Path home) throws IOException, InterruptedException {
        Path pidFile = home.resolve("db/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        var h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().info().commandLine().orElse("").contains(home.resolve("db").toString())) {
            return false;
        }
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
        try {
            h.get().onExit().get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return true;
        }
        return true;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
