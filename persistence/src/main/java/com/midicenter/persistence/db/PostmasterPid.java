package com.midicenter.persistence.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The parts of PostgreSQL's {@code postmaster.pid} lock file that tell whether a server runs on a data folder
 * and where it listens. Lines: 1 pid, 2 data folder, 3 start time, 4 port, 5 socket folder, 6 listen address,
 * 7 shared memory key, 8 status ({@code starting}, {@code ready}, {@code stopping}, {@code standby}).
 *
 * @param pid       process id of the postmaster
 * @param port      TCP port, or 0 if the line is not written yet
 * @param status    status word, empty while the server is still writing the file
 */
record PostmasterPid(long pid, int port, String status) {

    static final String FILE_NAME = "postmaster.pid";

    /** Reads the file; empty if it does not exist or is unreadable (half written, being deleted). */
    static Optional<PostmasterPid> read(Path dataDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = lines.size() > 3 && !lines.get(3).isBlank() ? Integer.parseInt(lines.get(3).trim()) : 0;
            String status = lines.size() > 7 ? lines.get(7).trim() : "";
            return Optional.of(new PostmasterPid(pid, port, status));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean ready() {
        return "ready".equals(status);
    }

    /**
     * Whether the pid belongs to a live PostgreSQL postmaster for {@code dataDirectory}. A pid that is alive but
     * belongs to some other program (the pid was reused after a kill -9 or a reboot) answers false. When the OS
     * does not tell a process' command, a live pid is assumed to be ours: better to wait than to start a second
     * server on the same files.
     */
    boolean isLivePostmasterOf(Path dataDirectory) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        ProcessHandle.Info info = handle.get().info();
        Optional<String> command = info.command();
        if (command.isPresent()) {
            String name = Path.of(command.get()).getFileName().toString();
            if (!name.equals("postgres") && !name.equals("postgres.exe")) {
                return false;
            }
        }
        return info.arguments()
                .map(arguments -> List.of(arguments).contains(dataDirectory.toString()))
                .orElse(true);
    }
}
