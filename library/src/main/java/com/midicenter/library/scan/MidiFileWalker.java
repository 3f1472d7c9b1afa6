package com.midicenter.library.scan;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Walks files and folders for MIDI files (and, on request, zip archives). Symbolic links are followed,
 * but a link back into a folder being walked is skipped (no loops); files and folders that cannot be read
 * are reported to the error sink and the walk goes on.
 *
 * <p>Stateless and thread-safe.
 */
public final class MidiFileWalker {

    /** Extensions that name a MIDI file. */
    public static final Set<String> MIDI_EXTENSIONS = Set.of("mid", "midi", "kar", "rmi", "smf");

    /** Archive extensions the importer opens. */
    public static final Set<String> ARCHIVE_EXTENSIONS = Set.of("zip", "7z");

    /** Extensions that are certainly not MIDI: never opened during a folder walk. */
    private static final Set<String> NOT_MIDI = Set.of(
            "wav", "aif", "aiff", "mp3", "flac", "ogg", "m4a", "wma", "rex", "rx2", "txt", "pdf", "rtf", "nfo", "doc",
            "docx", "htm", "html", "url", "jpg", "jpeg", "png", "gif", "bmp", "ico", "exe", "dll", "so", "dylib",
            "als", "flp", "logicx", "ptx", "cpr", "rpp", "song", "fxp", "fxb", "nki", "nkm", "nkx", "sf2", "sfz",
            "dmg", "iso", "mp4", "mov", "avi", "json", "xml", "csv", "db", "ds_store", "ini", "log", "zip", "rar", "7z",
            "gz", "tar", "xz", "bz2");

    private final boolean includeArchives;

    /** A walker for MIDI files only. */
    public MidiFileWalker() {
        this(false);
    }

    /** @param includeArchives also report zip archives (as {@link ScanCandidate#archive()}) */
    public MidiFileWalker(boolean includeArchives) {
        this.includeArchives = includeArchives;
    }

    /**
     * Visits every candidate under {@code roots}, in walk order, until {@code stop} says so.
     *
     * @param roots  files (always reported, as {@code explicit}) and folders (walked recursively)
     * @param sink   receives each candidate; may block (back-pressure)
     * @param errors receives paths that could not be read, with the reason
     * @param stop   checked before each file; true ends the walk early
     * @return true when every root was walked completely (no unreadable folder, not stopped)
     */
    public boolean walk(List<Path> roots, Consumer<ScanCandidate> sink, BiConsumer<Path, String> errors,
                        BooleanSupplier stop) {
        boolean complete = true;
        for (Path root : roots) {
            if (stop.getAsBoolean()) {
                return false;
            }
            if (Files.isDirectory(root)) {
                complete &= walkFolder(root, sink, errors, stop);
            } else if (Files.isRegularFile(root)) {
                long size = 0;
                long mtime = 0;
                try {
                    BasicFileAttributes attrs = Files.readAttributes(root, BasicFileAttributes.class);
                    size = attrs.size();
                    mtime = attrs.lastModifiedTime().toMillis();
                } catch (IOException e) {
                    errors.accept(root, describe(e));
                    complete = false;
                    continue;
                }
                Path parent = root.toAbsolutePath().getParent();
                String ext = extension(root);
                sink.accept(new ScanCandidate(root, parent == null ? root : parent, true, MIDI_EXTENSIONS.contains(ext),
                        includeArchives && ARCHIVE_EXTENSIONS.contains(ext), size, mtime));
            } else {
                errors.accept(root, Files.exists(root) ? "not a regular file or folder" : "no such file or folder");
                complete = false;
            }
        }
        return complete && !stop.getAsBoolean();
    }

    /** {@link #walk(List, Consumer, BiConsumer, BooleanSupplier)} without a stop condition. */
    public boolean walk(List<Path> roots, Consumer<ScanCandidate> sink, BiConsumer<Path, String> errors) {
        return walk(roots, sink, errors, () -> false);
    }

    private boolean walkFolder(Path root, Consumer<ScanCandidate> sink, BiConsumer<Path, String> errors,
                               BooleanSupplier stop) {
        boolean[] complete = {true};
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return stop.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (stop.getAsBoolean()) {
                        return FileVisitResult.TERMINATE;
                    }
                    if (attrs.isRegularFile()) {
                        String ext = extension(file);
                        long mtime = attrs.lastModifiedTime().toMillis();
                        if (MIDI_EXTENSIONS.contains(ext)) {
                            sink.accept(new ScanCandidate(file, root, false, true, false, attrs.size(), mtime));
                        } else if (includeArchives && ARCHIVE_EXTENSIONS.contains(ext)) {
                            sink.accept(new ScanCandidate(file, root, false, false, true, attrs.size(), mtime));
                        } else if (!NOT_MIDI.contains(ext) && attrs.size() >= 14) {
                            sink.accept(new ScanCandidate(file, root, false, false, false, attrs.size(), mtime));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        return FileVisitResult.CONTINUE; // a link back into the walk: already visited
                    }
                    errors.accept(file, describe(e));
                    complete[0] = false;
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.accept(root, describe(e));
            return false;
        }
        return complete[0];
    }

    /** True when the name ends in one of {@link #MIDI_EXTENSIONS}. */
    public static boolean hasMidiExtension(Path file) {
        return MIDI_EXTENSIONS.contains(extension(file));
    }

    /** The lower-case extension without the dot, or "" when there is none. */
    public static String extension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return "";
        }
        return extension(name.toString());
    }

    /** The lower-case extension of a name without the dot, or "" when there is none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return dot < 0 || dot < slash ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A producer-readable reason for an I/O failure. */
    public static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
