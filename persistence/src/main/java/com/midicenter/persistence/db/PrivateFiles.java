package com.midicenter.persistence.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Owner-only files and folders, and deleting folder trees. On file systems without POSIX permissions (Windows) the permission parts are
 * skipped: there the user's profile folder is already private.
 */
final class PrivateFiles {

    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** True where the default file system has POSIX permissions. */
    static boolean isPosix() {
        return POSIX;
    }

    /** Deletes {@code root} and everything below it, without following symbolic links. No-op if absent. */
    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Creates {@code directory} and missing parents; each folder created here is 0700. Existing ones are left alone. */
    static void createPrivateDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p, directoryAttributes());
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // created concurrently by another process: fine
            }
        }
    }

    /** Makes an existing folder 0700. */
    static void restrictDirectory(Path directory) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(directory).equals(OWNER_ONLY_DIRECTORY)) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
        }
    }

    /** Creates {@code file} empty (0600) if it is absent, and makes it 0600 if it is not. */
    static void restrictFile(Path file) throws IOException {
        openPrivate(file).close();
        if (POSIX && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }

    /** Opens (creating 0600 if absent) a file for read and write, e.g. a lock file. */
    static FileChannel openPrivate(Path file) throws IOException {
        return POSIX
                ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /**
     * Writes {@code text} to {@code file} atomically: a 0600 temporary sibling is written and forced to disk, then
     * renamed over {@code file}. The content is never readable by others, not even for a moment.
     */
    static void writePrivateAtomically(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp", fileAttributes());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(StandardCharsets.UTF_8.encode(text));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] directoryAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)} : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)} : new FileAttribute<?>[0];
    }
}
