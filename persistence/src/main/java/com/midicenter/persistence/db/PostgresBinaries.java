package com.midicenter.persistence.db;

import com.midicenter.persistence.StorageException;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) unpacked from the zonky binaries jar
 * on the class path into a user-owned cache folder, and how to run them.
 *
 * <p>Only zonky's {@link DefaultPostgresBinaryResolver} is used (it picks the archive for this OS, CPU and libc);
 * the unpacking is ours so that the programs land in a folder only this user can write to (zonky's default,
 * {@code /tmp/embedded-pg}, is world-writable). The archive is unpacked into {@code <cache>/pg-<sha256 prefix>}:
 * into a temporary sibling first, then renamed, so a folder that exists is complete and concurrent processes
 * never see half an installation.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root (containers, CI), every program is started through
 * {@code unshare -U}: in a fresh user namespace without a uid mapping the process sees itself as the overflow user,
 * while the files it creates are still owned by root outside. zonky does the same.
 *
 * <p>Immutable and thread-safe once built.
 */
final class PostgresBinaries {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    /** Binaries already prepared in this JVM, by cache folder. Guarded by itself. */
    private static final java.util.Map<Path, PostgresBinaries> PREPARED = new java.util.HashMap<>();

    private final Path installDirectory;
    private final boolean throughUnshare;

    private PostgresBinaries(Path installDirectory, boolean throughUnshare) {
        this.installDirectory = installDirectory;
        this.throughUnshare = throughUnshare;
    }

    /**
     * Finds or unpacks the binaries under {@code cacheDirectory} (created with owner-only permissions if absent).
     *
     * @throws StorageException if no binaries for this platform are on the class path or unpacking fails
     */
    static PostgresBinaries inCache(Path cacheDirectory) {
        Path key = cacheDirectory.toAbsolutePath().normalize();
        synchronized (PREPARED) {
            PostgresBinaries prepared = PREPARED.get(key);
            if (prepared == null || !Files.isDirectory(prepared.installDirectory.resolve("bin"))) {
                prepared = prepare(key);
                PREPARED.put(key, prepared);
            }
            return prepared;
        }
    }

    private static PostgresBinaries prepare(Path cacheDirectory) {
        String operation = "prepare PostgreSQL binaries";
        try {
            PrivateFiles.createPrivateDirectories(cacheDirectory);
            byte[] archive;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(operatingSystem(), architecture())) {
                archive = in.readAllBytes();
            }
            Path target = cacheDirectory.resolve("pg-" + sha256Prefix(archive));
            if (!Files.isDirectory(target.resolve("bin"))) {
                unpack(archive, cacheDirectory, target);
            }
            return new PostgresBinaries(target, needsUnshare());
        } catch (IOException | RuntimeException e) {
            throw e instanceof StorageException se ? se
                    : new StorageException(operation, "cannot unpack into " + cacheDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Where {@code bin/}, {@code lib/} and {@code share/} are. */
    Path installDirectory() {
        return installDirectory;
    }

    /**
     * The command line that runs {@code program} (e.g. {@code "pg_ctl"}) with {@code arguments},
     * prefixed with {@code unshare -U} when this JVM is root.
     */
    List<String> command(String program, List<String> arguments) {
        List<String> command = new ArrayList<>(arguments.size() + 3);
        if (throughUnshare) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(installDirectory.resolve("bin").resolve(WINDOWS ? program + ".exe" : program).toString());
        command.addAll(arguments);
        return command;
    }

    private static void unpack(byte[] archive, Path cacheDirectory, Path target) throws IOException {
        long startNanos = System.nanoTime();
        Path staging = Files.createTempDirectory(cacheDirectory, "unpacking-");
        try {
            extractTxz(archive, staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                if (!Files.isDirectory(target.resolve("bin"))) {
                    throw raced;
                }
                // another process unpacked the same archive first; use theirs
            }
            LOG.info("[{}] unpacked PostgreSQL binaries in {} ms", target, (System.nanoTime() - startNanos) / 1_000_000);
        } finally {
            PrivateFiles.deleteRecursively(staging);
        }
    }

    private static void extractTxz(byte[] archive, Path root) throws IOException {
        Path normalizedRoot = root.toAbsolutePath().normalize();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = normalizedRoot.resolve(entry.getName()).normalize();
                if (!out.startsWith(normalizedRoot)) {
                    throw new IOException("archive entry escapes the target folder: entry=" + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createLink(out, normalizedRoot.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if (!WINDOWS) {
                        Files.setPosixFilePermissions(out, permissionsOf(entry.getMode()));
                    }
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissionsOf(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        if ((mode & 0100) != 0) {
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
        }
        if ((mode & 0040) != 0) {
            permissions.add(PosixFilePermission.GROUP_READ);
            permissions.add(PosixFilePermission.OTHERS_READ);
        }
        if ((mode & 0010) != 0) {
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        return permissions;
    }

    private static String sha256Prefix(byte[] archive) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The OS name as zonky's resolver expects it. */
    private static String operatingSystem() {
        String name = System.getProperty("os.name", "");
        if (name.startsWith("Windows")) {
            return "Windows";
        } else if (name.startsWith("Mac OS")) {
            return "Darwin";
        } else if (name.startsWith("Linux")) {
            return "Linux";
        }
        throw new StorageException("prepare PostgreSQL binaries", "unsupported operating system: os.name=" + name);
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch", "");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    /** True when this JVM runs as root on a Unix, where PostgreSQL must be started in a user namespace. */
    private static boolean needsUnshare() {
        if (WINDOWS || new com.sun.security.auth.module.UnixSystem().getUid() != 0) {
            return false;
        }
        try {
            Process probe = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (probe.waitFor() == 0) {
                LOG.info("running as root: PostgreSQL programs are started through 'unshare -U'");
                return true;
            }
        } catch (IOException e) {
            // fall through to the clear message below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("prepare PostgreSQL binaries", "interrupted while probing 'unshare -U'", e);
        }
        throw new StorageException("prepare PostgreSQL binaries",
                "PostgreSQL refuses to run as root and 'unshare -U' is not available; run as a normal user");
    }
}
