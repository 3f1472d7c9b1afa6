package com.midicenter.installer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program to its end (stdin from a string, stdout and stderr captured) with a time limit. */
record Proc(List<String> command, int exitCode, String out, String err) {

    /**
     * @param env     the child's whole environment (nothing of this JVM's is inherited)
     * @param stdin   written to the child's stdin, then closed
     * @param timeout the child is killed after this and the call fails
     */
    static Proc run(List<String> command, Map<String, String> env, String stdin, Duration timeout) {
        try {
            Path outFile = Files.createTempFile("proc-out", ".txt");
            Path errFile = Files.createTempFile("proc-err", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(resolve(command, env.getOrDefault("PATH", "")))
                        .redirectOutput(outFile.toFile())
                        .redirectError(errFile.toFile());
                builder.environment().clear();
                builder.environment().putAll(env);
                Process process = builder.start();
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError(command + " did not finish within " + timeout + "; stderr: "
                            + Files.readString(errFile));
                }
                Proc result = new Proc(command, process.exitValue(), Files.readString(outFile), Files.readString(errFile));
                System.err.printf("[it] %s -> exit %d%n", String.join(" ", command), result.exitCode());
                return result;
            } finally {
                Files.deleteIfExists(outFile);
                Files.deleteIfExists(errFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** The program looked up in the child's PATH (ProcessBuilder would look in this JVM's). */
    private static List<String> resolve(List<String> command, String path) {
        String program = command.get(0);
        if (program.contains("/")) {
            return command;
        }
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                List<String> resolved = new java.util.ArrayList<>(command);
                resolved.set(0, candidate.toString());
                return resolved;
            }
        }
        return command;
    }

    static Proc run(List<String> command, Map<String, String> env) {
        return run(command, env, "", Duration.ofMinutes(3));
    }

    /** This result, after checking that the program exited with 0 (else an error with its output). */
    Proc ok() {
        if (exitCode != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + exitCode + "\nstdout:\n" + out
                    + "\nstderr:\n" + err);
        }
        return this;
    }
}
