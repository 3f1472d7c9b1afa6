package com.midicenter.library.scan;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Walks files and folders for MIDI files. Symbolic links to folders are not followed (no loops);
 * files that cannot be listed are reported to the error sink and the walk goes on.
 *
 * <p>Stateless and thread-safe.
 */
public final class MidiFileWalker {

    /** Extensions that name a MIDI file. */
    public static final Set<String> MIDI_EXTENSIONS = Set.of("mid", "midi", "kar", "rmi", "smf");

    /** Extensions that are certainly not MIDI: never opened during a folder walk. */
    private static final Set<String> NOT_MIDI = Set.of(
            "wav", "aif", "aiff", "mp3", "flac", "ogg", "m4a", "wma", "rex", "rx2", "txt", "pdf", "rtf", "nfo", "doc",
            "docx", "htm", "html", "url", "jpg", "jpeg", "png", "gif", "bmp", "ico", "exe", "dll", "so", "dylib",
            "als", "flp", "logicx", "ptx", "cpr", "rpp", "song", "fxp", "fxb", "nki", "nkm", "nkx", "sf2", "sfz",
            "dmg", "iso", "mp4", "mov", "avi", "json", "xml", "csv", "db", "ds_store", "ini", "log", "zip", "rar", "7z");

    /**
     * Visits every candidate under {@code roots}, in walk order.
     *
     * @param roots  files (always reported, as {@code explicit}) and folders (walked recursively)
     * @param sink   receives each candidate; may block (back-pressure)
     * @param errors receives paths that could not be read, with the reason
     */
    public void walk(List<Path> roots, Consumer<ScanCandidate> sink, BiConsumer<Path, String> errors) {
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                walkFolder(root, sink, errors);
            } else if (Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.exists(root)) {
                sink.accept(new ScanCandidate(root, true, hasMidiExtension(root)));
            } else {
                errors.accept(root, "no such file or folder");
            }
        }
    }

    private void walkFolder(Path root, Consumer<ScanCandidate> sink, BiConsumer<Path, String> errors) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        String ext = extension(file);
                        if (MIDI_EXTENSIONS.contains(ext)) {
                            sink.accept(new ScanCandidate(file, false, true));
                        } else if (!NOT_MIDI.contains(ext) && attrs.size() >= 14) {
                            sink.accept(new ScanCandidate(file, false, false));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    errors.accept(file, describe(e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.accept(root, describe(e));
        }
    }

    /** True when the name ends in one of {@link #MIDI_EXTENSIONS}. */
    public static boolean hasMidiExtension(Path file) {
        return MIDI_EXTENSIONS.contains(extension(file));
    }

    static String extension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return "";
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
