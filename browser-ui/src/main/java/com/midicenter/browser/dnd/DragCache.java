package com.midicenter.browser.dnd;

import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.MidiTransform;
import com.midicenter.core.music.MusicalKey;
import com.midicenter.library.analysis.LocationReader;
import com.midicenter.persistence.search.SearchHit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The folder of real files made for a drag: archive members extracted, and copies in another key or tempo. A drop
 * target needs a file on disk; a row of the library may be a member of a zip ({@code a.zip!/Bass/b.mid}) or a copy
 * the user asked for in another key. Each copy lives at {@code <folder>/<contentId>/<Name (Am 124 BPM)>.mid}: the
 * visible name is what the DAW names its clip after, and the content folder keeps two files of the same name apart.
 * A copy made already is reused (its time is refreshed); {@link #prune} removes the least recently used files past a
 * size cap.
 *
 * <p>Thread-safe for use by several drags at once: copies are written to a temporary file and moved into place.
 */
public final class DragCache {

    /** Default size cap: 64 MB (a few thousand loop-sized files). */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;
    /** A tempo closer than this to the target counts as the target already (no copy for it). */
    static final double SAME_BPM = 0.01;

    private static final String[] MIDI_EXTENSIONS = {".mid", ".midi", ".smf", ".kar", ".rmi"};

    private final Path folder;
    private final long maxBytes;

    /**
     * @param folder   where copies go (created when the first one is written), e.g. {@code <data>/drag-cache}
     * @param maxBytes size cap for {@link #prune}, at least 1 MB
     */
    public DragCache(Path folder, long maxBytes) {
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        if (maxBytes < (1L << 20)) {
            throw new IllegalArgumentException("maxBytes=" + maxBytes + " is less than 1 MB");
        }
        this.maxBytes = maxBytes;
    }

    public Path folder() {
        return folder;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Whether {@code location} names an archive member ({@code a.zip!/b.mid}). */
    static boolean isArchiveMember(String location) {
        return location.contains("!/");
    }

    /**
     * Whether dragging {@code hit} with {@code options} needs a file written (an archive member, or a key or tempo the
     * file is not in). Does no I/O.
     */
    public static boolean needsCopy(SearchHit hit, DragOptions options) {
        return isArchiveMember(hit.path()) || semitones(hit, options) != 0 || changesTempo(hit, options);
    }

    /** Semitones {@code hit} moves for {@code options}: 0 when no key is asked for or the file's key is unknown. */
    static int semitones(SearchHit hit, DragOptions options) {
        if (options.targetKey() == null || hit.keyCode() == null) {
            return 0;
        }
        return MidiTransform.semitonesTo(MusicalKey.ofCode(hit.keyCode()), options.targetKey());
    }

    static boolean changesTempo(SearchHit hit, DragOptions options) {
        return options.targetBpm() != null
                && (hit.bpm() == null || Math.abs(hit.bpm() - options.targetBpm()) >= SAME_BPM);
    }

    /**
     * The file to drag for {@code hit}: its own path when it is a plain file and {@code options} change nothing for
     * it, else a copy in this cache (reused when made already).
     *
     * @param reader reads archive members; not thread-safe, so one per calling thread
     * @throws IOException when the file cannot be read, is not a MIDI file, or the copy cannot be written (the
     *                     message names the reason, not the location: callers add it)
     */
    public Path fileFor(SearchHit hit, DragOptions options, LocationReader reader) throws IOException {
        if (!needsCopy(hit, options)) {
            Path path = Path.of(hit.path());
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new NoSuchFileException(hit.path(), null, "not found or not readable");
            }
            return path;
        }
        Path target = folder.resolve(contentFolder(hit)).resolve(fileName(hit, options));
        if (Files.isRegularFile(target) && Files.size(target) > 0) {
            Files.setLastModifiedTime(target, FileTime.fromMillis(System.currentTimeMillis()));
            return target;
        }
        byte[] bytes = transformed(reader.read(hit.path()), hit, options);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".drag-", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    private static byte[] transformed(byte[] bytes, SearchHit hit, DragOptions options) throws IOException {
        int semitones = semitones(hit, options);
        boolean tempo = changesTempo(hit, options);
        if (semitones == 0 && !tempo) {
            return bytes; // an archive member as it is
        }
        try {
            MidiReader reader = new MidiReader();
            MidiFile file = reader.read(bytes);
            if (semitones != 0) {
                bytes = MidiTransform.transpose(file, semitones);
                file = tempo ? reader.read(bytes) : file;
            }
            return tempo ? MidiTransform.setTempo(file, options.targetBpm()) : bytes;
        } catch (MidiFormatException e) {
            throw new IOException("not a readable MIDI file: " + e.getMessage(), e);
        }
    }

    /** {@code <contentId>}, or {@code loc-<hash>} for a row without one. */
    static String contentFolder(SearchHit hit) {
        return hit.contentId() > 0 ? Long.toString(hit.contentId())
                : "loc-" + Integer.toHexString(hit.path().hashCode());
    }

    /**
     * {@code Name.mid}, or with what was changed: {@code Name (Am).mid}, {@code Name (124 BPM).mid},
     * {@code Name (Am 124 BPM).mid}; the key is the one the copy is in.
     */
    static String fileName(SearchHit hit, DragOptions options) {
        StringBuilder label = new StringBuilder();
        int semitones = semitones(hit, options);
        if (semitones != 0) {
            MusicalKey key = MusicalKey.ofCode(hit.keyCode());
            label.append(new MusicalKey(Math.floorMod(key.tonic() + semitones, 12), key.minor()).name());
        }
        if (changesTempo(hit, options)) {
            double bpm = options.targetBpm();
            label.append(label.length() > 0 ? " " : "")
                    .append(bpm == Math.rint(bpm) ? Long.toString((long) bpm) : String.format(Locale.ROOT, "%.1f", bpm))
                    .append(" BPM");
        }
        String base = baseName(hit);
        return (label.length() == 0 ? base : base + " (" + label + ")") + ".mid";
    }

    /** The row's name without its MIDI extension, safe as a file name on every desktop system. */
    static String baseName(SearchHit hit) {
        String name = hit.name();
        if (name == null || name.isBlank()) {
            String p = hit.path();
            name = p.substring(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : MIDI_EXTENSIONS) {
            if (lower.endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
                break;
            }
        }
        String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        safe = safe.length() > 120 ? safe.substring(0, 120) : safe;
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    /**
     * Deletes the least recently used files until the cache holds at most its cap, never one of {@code keep} (the
     * files of the drag in progress), and the content folders left empty.
     *
     * @return bytes deleted
     */
    public long prune(Collection<Path> keep) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        record Entry(Path path, long size, long modified) {
        }
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(folder, 2)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) { // not a copy being written
                    try {
                        Entry e = new Entry(p, Files.size(p), Files.getLastModifiedTime(p).toMillis());
                        entries.add(e);
                        total += e.size();
                    } catch (NoSuchFileException gone) {
                        // another drag moved or pruned it meanwhile
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (total <= maxBytes) {
            return 0;
        }
        List<Path> kept = keep.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        entries.sort(Comparator.comparingLong(Entry::modified));
        long deleted = 0;
        for (Entry e : entries) {
            if (total - deleted <= maxBytes) {
                break;
            }
            if (!kept.contains(e.path().toAbsolutePath().normalize()) && Files.deleteIfExists(e.path())) {
                deleted += e.size();
                Path parent = e.path().getParent();
                try (Stream<Path> left = Files.list(parent)) {
                    if (!parent.equals(folder) && left.findAny().isEmpty()) {
                        Files.deleteIfExists(parent);
                    }
                } catch (IOException notEmpty) {
                    // a copy was written into it meanwhile: keep the folder
                }
            }
        }
        return deleted;
    }
}
