package com.midicenter.library.split;

import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.TrackSplitter;
import com.midicenter.library.analysis.LocationReader;
import com.midicenter.library.importing.ImportListener;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportResult;
import com.midicenter.library.importing.ImportService;
import com.midicenter.persistence.split.PartMapper;
import com.midicenter.persistence.split.PathContent;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Splits a MIDI file into one file per track ({@link TrackSplitter}) in a folder, and optionally imports the parts
 * into the library as children of the original: {@code content_part} links each part's content to the content of
 * the file it came from (when the library holds that file, found by its SHA-256). The link is by content, so it
 * survives re-imports of either file, wherever they are.
 *
 * <p>A part never overwrites a file: a taken name gets {@code (2)}, {@code (3)}… Thread-safe; long calls run on the
 * caller's thread (never the EDT), report each written part to a {@link SplitListener} and stop between parts when
 * {@code cancel} is set.
 */
public final class SplitService {

    private final DataSource dataSource;
    private final SqlSessionFactory sessions;

    public SplitService(DataSource dataSource, SqlSessionFactory sessions) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /**
     * [any thread but the EDT] Splits the file at {@code file} into {@code out} (created); with {@code importParts}
     * imports the parts and links them to the library's content of {@code file} if it holds one.
     *
     * @throws SplitException when the file cannot be read or parsed, or a part cannot be written
     */
    public SplitResult splitFile(Path file, Path out, boolean importParts, SplitListener listener,
                                 AtomicBoolean cancel) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SplitException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Long parent;
        try (SqlSession session = sessions.openSession(true)) {
            parent = session.getMapper(PartMapper.class).contentBySha256(sha256(bytes));
        }
        return split(file.toString(), bytes, songName(file.getFileName().toString()), parent, out, importParts,
                listener, cancel);
    }

    /**
     * [any thread but the EDT] Splits the library's content {@code contentId} (read from its first present
     * location, archive members too) into {@code out}; with {@code importParts} imports the parts as its children.
     *
     * @throws SplitException when there is no such content, or it cannot be read, parsed or written
     */
    public SplitResult splitContent(long contentId, Path out, boolean importParts, SplitListener listener,
                                    AtomicBoolean cancel) {
        String location;
        try (SqlSession session = sessions.openSession(true)) {
            location = session.getMapper(PartMapper.class).firstPath(contentId);
        }
        if (location == null) {
            throw new SplitException("file #" + contentId + " is not in the library");
        }
        byte[] bytes;
        try (LocationReader reader = new LocationReader()) {
            bytes = reader.read(location);
        } catch (IOException e) {
            throw new SplitException("cannot read " + location + ": " + e.getMessage(), e);
        }
        String name = location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\')) + 1);
        return split(location, bytes, songName(name), contentId, out, importParts, listener, cancel);
    }

    /**
     * [any thread but the EDT] Splits the file at {@code file} into {@code out} (created), without a library: the
     * result has no parent and no import.
     *
     * @throws SplitException when the file cannot be read or parsed, or a part cannot be written
     */
    public static SplitResult splitToFolder(Path file, Path out, SplitListener listener, AtomicBoolean cancel) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SplitException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return writeParts(file.toString(), bytes, songName(file.getFileName().toString()), out, listener, cancel);
    }

    private SplitResult split(String source, byte[] bytes, String song, Long parent, Path out, boolean importParts,
                              SplitListener listener, AtomicBoolean cancel) {
        SplitResult written = writeParts(source, bytes, song, out, listener, cancel);
        if (!importParts || written.parts().isEmpty() || written.cancelled()) {
            return new SplitResult(source, parent, written.parts(), null, 0, written.cancelled());
        }
        List<Path> paths = written.parts().stream().map(SplitResult.Part::path).toList();
        ImportResult imported = new ImportService(dataSource, sessions, ImportOptions.defaults())
                .run(paths, new AtomicBoolean(), ImportListener.NONE);
        return link(source, parent, written.parts(), imported);
    }

    /** Parses {@code bytes} and writes each part into {@code out}; stops between parts when cancelled. */
    private static SplitResult writeParts(String source, byte[] bytes, String song, Path out, SplitListener listener,
                                          AtomicBoolean cancel) {
        MidiFile midi;
        try {
            midi = new MidiReader().read(bytes);
        } catch (MidiFormatException e) {
            throw new SplitException("cannot read " + source + ": " + e.getMessage(), e);
        }
        List<TrackSplitter.Part> parts = TrackSplitter.split(midi, song);
        List<SplitResult.Part> written = new ArrayList<>(parts.size());
        try {
            Files.createDirectories(out);
            for (int i = 0; i < parts.size(); i++) {
                if (cancel.get()) {
                    return new SplitResult(source, null, written, null, 0, true);
                }
                TrackSplitter.Part part = parts.get(i);
                Path path = writeNew(out, part.name(), part.bytes());
                written.add(new SplitResult.Part(path, i + 1, part.track() + 1, part.channel(), part.notes(), null));
                listener.progress(i + 1, parts.size());
            }
        } catch (IOException e) {
            throw new SplitException("cannot write the parts of " + source + " to " + out + ": " + e.getMessage(), e);
        }
        return new SplitResult(source, null, written, null, 0, false);
    }

    /** Finds the imported parts' contents and links them to {@code parent}, in one transaction. */
    private SplitResult link(String source, Long parent, List<SplitResult.Part> parts, ImportResult imported) {
        try (SqlSession session = sessions.openSession(false)) {
            PartMapper mapper = session.getMapper(PartMapper.class);
            String[] paths = parts.stream().map(p -> p.path().toAbsolutePath().normalize().toString())
                    .toArray(String[]::new);
            Map<String, Long> byPath = new HashMap<>();
            for (PathContent pc : mapper.contentsAtPaths(paths)) {
                byPath.put(pc.path(), pc.contentId());
            }
            List<SplitResult.Part> withIds = new ArrayList<>(parts.size());
            List<Long> children = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Long id = byPath.get(paths[i]);
                withIds.add(parts.get(i).withContent(id));
                if (id != null && parent != null && !id.equals(parent)) {
                    children.add(id);
                    numbers.add(parts.get(i).partNo());
                }
            }
            int linked = children.isEmpty() ? 0
                    : mapper.link(parent, children.toArray(new Long[0]), numbers.toArray(new Integer[0]));
            session.commit();
            return new SplitResult(source, parent, withIds, imported, linked, false);
        } catch (RuntimeException e) {
            throw new SplitException("link the parts of " + source + " failed: " + e.getMessage(), e);
        }
    }

    /** The file name without its extension: what the parts are named after. */
    public static String songName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /**
     * Writes {@code bytes} to {@code dir/name}, or to {@code name (2)}, {@code (3)}… when taken: never over an existing
     * file, even one created meanwhile by another process ({@code CREATE_NEW}).
     */
    public static Path writeNew(Path dir, String name, byte[] bytes) throws IOException {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            Path path = dir.resolve(n == 1 ? name : stem + " (" + n + ")" + ext);
            try {
                Files.write(path, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return path;
            } catch (FileAlreadyExistsException e) {
                if (n == 10_000) {
                    throw new IOException("no free name for " + name + " in " + dir, e);
                }
            }
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
