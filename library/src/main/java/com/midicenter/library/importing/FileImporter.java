package com.midicenter.library.importing;

import com.midicenter.core.analysis.MidiSummary;
import com.midicenter.core.analysis.SummaryAnalyzer;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.tags.PathTagger;
import com.midicenter.core.tags.PathTags;
import com.midicenter.library.scan.MidiFileWalker;
import com.midicenter.library.scan.ScanCandidate;
import com.midicenter.persistence.importing.ArchiveRow;
import com.midicenter.persistence.importing.ImportErrorRow;
import com.midicenter.persistence.importing.ImportRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Turns one scan candidate into import rows: reads the bytes, hashes them, parses and summarises the MIDI,
 * and extracts path tags. Opens zip and 7z archives (and archives inside them) without extracting anything to disk;
 * member names that try to escape (absolute, {@code ..}) are refused, and expansion is bounded.
 *
 * <p>Thread-safe: each call uses its own digest and buffers.
 */
final class FileImporter {

    /** Decoder memory a 7z archive may ask for (its LZMA dictionary): more is refused, not allocated. */
    static final int SEVEN_Z_MEMORY_KB = 128 * 1024;
    /**
     * Members (of any kind, nested archives' included) one archive on disk may have: a zip of millions of empty
     * entries is refused after this many, as a zip bomb of another kind. Real packs have a few thousand.
     */
    static final int MAX_ARCHIVE_MEMBERS = 100_000;

    private final ImportOptions options;
    private final MidiReader reader;
    private final SummaryAnalyzer analyzer = new SummaryAnalyzer();
    private final PathTagger tagger = new PathTagger();
    private final java.util.concurrent.ConcurrentHashMap<String, PathTagger.FolderTags> folderCache =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(FileImporter::newDigest);

    FileImporter(ImportOptions options) {
        this.options = options;
        this.reader = new MidiReader(options.maxFileBytes());
    }

    /**
     * Emits the rows of one candidate: an {@link ImportRow} or {@link ImportErrorRow} for a file, and for an
     * archive one per member followed by one {@link ArchiveRow}. Returns nothing for a walked file that is not MIDI.
     *
     * @return number of MIDI files (archive members included) emitted
     */
    int process(ScanCandidate c, Consumer<Object> out) {
        if (c.archive()) {
            return processArchive(c, out);
        }
        String path = c.path().toAbsolutePath().normalize().toString();
        if (c.sizeBytes() > options.maxFileBytes()) {
            out.accept(new ImportErrorRow(path, "too_large", "file is " + c.sizeBytes() + " bytes, more than the "
                    + options.maxFileBytes() + " a MIDI file may have", c.sizeBytes(), c.mtimeMs()));
            return 1;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(c.path());
        } catch (IOException | SecurityException e) {
            String reason = e instanceof IOException io ? MidiFileWalker.describe(io) : "permission denied";
            out.accept(new ImportErrorRow(path, "unreadable", "cannot read: " + reason, c.sizeBytes(), c.mtimeMs()));
            return 1;
        }
        if (!c.midiExtension() && !c.explicit() && !MidiReader.sniff(bytes, bytes.length)) {
            return 0; // a walked file that is not MIDI: not ours
        }
        out.accept(toRow(bytes, path, c.path().getFileName().toString(), null, c.mtimeMs(), folderTags(c)));
        return 1;
    }

    /** Folder tags of a plain file's folder, cached: all files of a folder share them. */
    private PathTagger.FolderTags folderTags(ScanCandidate c) {
        Path dir = c.path().getParent();
        String key = c.root() + "\0" + dir;
        PathTagger.FolderTags tags = folderCache.get(key);
        if (tags == null) {
            tags = tagger.folders(folders(c.root(), dir));
            if (folderCache.size() > 20_000) {
                folderCache.clear(); // bounded: a huge tree walks folder by folder, so old entries are done with
            }
            folderCache.put(key, tags);
        }
        return tags;
    }

    private Object toRow(byte[] bytes, String path, String fileName, String container, long mtimeMs,
                         List<String> folders) {
        return toRow(bytes, path, fileName, container, mtimeMs, tagger.folders(folders));
    }

    private Object toRow(byte[] bytes, String path, String fileName, String container, long mtimeMs,
                         PathTagger.FolderTags folders) {
        try {
            MidiFile file = reader.read(bytes);
            MidiSummary summary = analyzer.summarize(file, fileName);
            PathTags tags = tagger.tag(folders, fileName);
            MessageDigest digest = sha256.get();
            digest.reset();
            byte[] hash = digest.digest(bytes);
            return new ImportRow(path, fileName, container, bytes.length, mtimeMs, hash, tags.vendor(), tags.pack(),
                    summary, tags.tags());
        } catch (MidiFormatException e) {
            return new ImportErrorRow(path, e.reason().name().toLowerCase(Locale.ROOT), e.getMessage(), bytes.length,
                    mtimeMs);
        } catch (RuntimeException e) {
            return new ImportErrorRow(path, "internal", "could not be analysed: " + e, bytes.length, mtimeMs);
        }
    }

    private int processArchive(ScanCandidate c, Consumer<Object> out) {
        String archivePath = c.path().toAbsolutePath().normalize().toString();
        List<String> outerFolders = folders(c.root(), c.path().getParent());
        outerFolders.add(c.path().getFileName().toString());
        Budget budget = new Budget(options.maxArchiveBytes());
        int[] members = {0};
        Consumer<Object> counting = row -> {
            members[0]++;
            out.accept(row);
        };
        try {
            if (MidiFileWalker.extension(archivePath).equals("7z")) {
                try (SevenZFile sevenZ = SevenZFile.builder().setFile(c.path().toFile()).setMaxMemoryLimitKiB(SEVEN_Z_MEMORY_KB).get()) {
                    sevenZMembers(sevenZ, archivePath + "!/", archivePath, c.mtimeMs(), outerFolders, 1, budget,
                            counting);
                }
            } else {
                try (ZipFile zip = new ZipFile(c.path().toFile())) {
                    Enumeration<? extends ZipEntry> entries = zip.entries();
                    while (entries.hasMoreElements() && !budget.exceeded) {
                        ZipEntry entry = entries.nextElement();
                        try (InputStream in = zip.getInputStream(entry)) {
                            member(entry.getName(), entry.isDirectory(), entry.getSize(), in, archivePath + "!/",
                                    archivePath, c.mtimeMs(), outerFolders, 1, budget, counting);
                        }
                    }
                }
            }
        } catch (ZipException e) {
            counting.accept(new ImportErrorRow(archivePath, "bad_archive", "not a readable zip archive: " + e.getMessage(),
                    c.sizeBytes(), c.mtimeMs()));
        } catch (IOException | SecurityException | IllegalArgumentException e) {
            // Commons Compress reports a damaged 7z as an IOException (or an IllegalArgumentException for bad sizes)
            String reason = e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException
                    ? MidiFileWalker.describe((IOException) e)
                    : e.getMessage() != null ? e.getMessage()
                    : e instanceof java.io.EOFException ? "it ends too early" : e.getClass().getSimpleName();
            boolean unreadable = e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException
                    || e instanceof SecurityException;
            counting.accept(new ImportErrorRow(archivePath, unreadable ? "unreadable" : "bad_archive",
                    (unreadable ? "cannot read archive: " : "not a readable archive: ") + reason, c.sizeBytes(),
                    c.mtimeMs()));
        }
        if (budget.tooManyMembers) {
            counting.accept(new ImportErrorRow(archivePath + "!/", "archive_too_many_members", "archive has more than "
                    + MAX_ARCHIVE_MEMBERS + " members (zip bomb?); the rest of it was not read", c.sizeBytes(),
                    c.mtimeMs()));
        } else if (budget.exceeded) {
            counting.accept(new ImportErrorRow(archivePath + "!/", "archive_too_large", "archive expands beyond "
                    + options.maxArchiveBytes() + " bytes (zip bomb?); the rest of it was not read", c.sizeBytes(),
                    c.mtimeMs()));
        }
        out.accept(new ArchiveRow(archivePath, c.sizeBytes(), c.mtimeMs(), members[0]));
        return members[0];
    }

    /** The members of a 7z archive, in archive order (solid archives decode sequentially). */
    private void sevenZMembers(SevenZFile sevenZ, String prefix, String container, long mtimeMs, List<String> folders,
                               int depth, Budget budget, Consumer<Object> out) throws IOException {
        SevenZArchiveEntry entry;
        while ((entry = sevenZ.getNextEntry()) != null && !budget.exceeded) {
            if (entry.isDirectory() || entry.isAntiItem()) {
                continue;
            }
            try (InputStream in = sevenZ.getInputStream(entry)) {
                member(entry.getName(), false, entry.getSize(), in, prefix, container, mtimeMs, folders, depth, budget,
                        out);
            }
        }
    }

    private void member(String entryName, boolean directory, long entrySize, InputStream in, String prefix,
                        String container, long mtimeMs, List<String> outerFolders, int depth, Budget budget,
                        Consumer<Object> out) throws IOException {
        if (!budget.countMember() || directory) {
            return;
        }
        String name = entryName.replace('\\', '/');
        String ext = MidiFileWalker.extension(name);
        boolean midi = MidiFileWalker.MIDI_EXTENSIONS.contains(ext);
        boolean nested = MidiFileWalker.ARCHIVE_EXTENSIONS.contains(ext);
        if (!isSafe(name)) {
            if (midi || nested) {
                out.accept(new ImportErrorRow(prefix + name, "unsafe_archive_path",
                        "archive member path escapes the archive (zip slip); refused", -1, mtimeMs));
            }
            return;
        }
        if (nested) {
            if (depth >= options.maxArchiveDepth()) {
                out.accept(new ImportErrorRow(prefix + name, "archive_too_deep", "archive nested more than "
                        + options.maxArchiveDepth() + " deep; not opened", -1, mtimeMs));
                return;
            }
            byte[] bytes = readBounded(in, options.maxNestedZipBytes(), budget);
            if (bytes == null) {
                out.accept(new ImportErrorRow(prefix + name, "archive_too_large", "nested archive larger than "
                        + options.maxNestedZipBytes() + " bytes; not opened", -1, mtimeMs));
                return;
            }
            List<String> folders = new ArrayList<>(outerFolders);
            folders.addAll(folderNames(name));
            folders.add(name.substring(name.lastIndexOf('/') + 1));
            if (ext.equals("7z")) {
                try (SevenZFile inner = SevenZFile.builder().setMaxMemoryLimitKiB(SEVEN_Z_MEMORY_KB)
                        .setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
                    sevenZMembers(inner, prefix + name + "!/", container, mtimeMs, folders, depth + 1, budget, out);
                } catch (IOException | IllegalArgumentException e) {
                    out.accept(new ImportErrorRow(prefix + name, "bad_archive", "not a readable 7z archive: "
                            + e.getMessage(), bytes.length, mtimeMs));
                }
                return;
            }
            try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                ZipEntry inner;
                while ((inner = zin.getNextEntry()) != null && !budget.exceeded) {
                    member(inner.getName(), inner.isDirectory(), inner.getSize(), zin, prefix + name + "!/", container,
                            mtimeMs, folders, depth + 1, budget, out);
                }
            } catch (ZipException e) {
                out.accept(new ImportErrorRow(prefix + name, "bad_archive", "not a readable zip archive: "
                        + e.getMessage(), bytes.length, mtimeMs));
            }
            return;
        }
        if (!midi && !(entrySize >= 14 && entrySize <= options.maxFileBytes() && !isKnownOther(ext))) {
            return;
        }
        byte[] bytes = readBounded(in, options.maxFileBytes(), budget);
        if (bytes == null) {
            if (!budget.exceeded) {
                out.accept(new ImportErrorRow(prefix + name, "too_large", "member larger than " + options.maxFileBytes()
                        + " bytes", -1, mtimeMs));
            }
            return;
        }
        if (!midi && !MidiReader.sniff(bytes, bytes.length)) {
            return;
        }
        List<String> folders = new ArrayList<>(outerFolders);
        folders.addAll(folderNames(name));
        out.accept(toRow(bytes, prefix + name, name.substring(name.lastIndexOf('/') + 1), container, mtimeMs, folders));
    }

    private static boolean isKnownOther(String ext) {
        return !ext.isEmpty() && !MidiFileWalker.MIDI_EXTENSIONS.contains(ext) && ext.length() <= 4
                && List.of("wav", "aif", "aiff", "mp3", "flac", "ogg", "txt", "pdf", "png", "jpg", "nfo", "rtf", "htm",
                "html", "url", "als", "flp").contains(ext);
    }

    /** A member name is safe when it is relative and never climbs out of the archive. */
    static boolean isSafe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\0') >= 0 || (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0)))) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Reads at most {@code limit} bytes; {@code null} when there are more, or when the archive budget runs out. */
    private static byte[] readBounded(InputStream in, long limit, Budget budget) throws IOException {
        int cap = (int) Math.min(Integer.MAX_VALUE - 16, Math.min(limit, budget.remaining()) + 1);
        byte[] bytes = in.readNBytes(cap);
        if (!budget.consume(bytes.length)) {
            return null;
        }
        return bytes.length > limit ? null : bytes;
    }

    private static List<String> folderNames(String memberName) {
        List<String> folders = new ArrayList<>();
        String[] parts = memberName.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                folders.add(parts[i]);
            }
        }
        return folders;
    }

    /** Folder names from the import root down to {@code dir}. */
    static List<String> folders(Path root, Path dir) {
        List<String> folders = new ArrayList<>();
        if (dir == null) {
            return folders;
        }
        Path r = root.toAbsolutePath().normalize();
        Path d = dir.toAbsolutePath().normalize();
        if (d.startsWith(r)) {
            for (Path part : r.relativize(d)) {
                if (!part.toString().isEmpty()) {
                    folders.add(part.toString());
                }
            }
        }
        return folders;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Uncompressed bytes an archive may still expand to. */
    private static final class Budget {
        private long remaining;
        private boolean exceeded;
        private int members;
        private boolean tooManyMembers;

        /** Counts one member; false (and the archive's reading stops) past {@link #MAX_ARCHIVE_MEMBERS}. */
        boolean countMember() {
            if (++members > MAX_ARCHIVE_MEMBERS) {
                exceeded = true;
                tooManyMembers = true;
                return false;
            }
            return true;
        }

        Budget(long total) {
            this.remaining = total;
        }

        long remaining() {
            return remaining;
        }

        boolean consume(long n) {
            if (n > remaining) {
                exceeded = true;
                remaining = 0;
                return false;
            }
            remaining -= n;
            return true;
        }
    }
}
