package com.midicenter.library.analysis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads the bytes at a library location: a plain file, or a zip or 7z archive member written
 * {@code /packs/a.zip!/Bass/b.mid} (nested: {@code a.zip!/inner.7z!/b.mid}).
 *
 * <p>Keeps the last few archives open (files of one archive are claimed together), and the last nested archive's
 * bytes. Sizes are bounded: a member or file larger than the limit is refused. Not thread-safe: one per thread.
 */
public final class LocationReader implements AutoCloseable {

    /** Largest plain file or member read by {@link #LocationReader()}: 128 MB (as the analysis). */
    public static final long DEFAULT_MAX_FILE_BYTES = 128L << 20;
    /** Largest nested archive held in memory by {@link #LocationReader()}. */
    public static final long DEFAULT_MAX_NESTED_BYTES = 512L << 20;

    private static final int OPEN_ARCHIVES = 4;
    /** Decoder memory a 7z archive may ask for. */
    private static final int SEVEN_Z_MEMORY_KB = 128 * 1024;
    /** Members of one 7z archive kept in memory at most. */
    private static final long SEVEN_Z_CACHE_BYTES = 32L << 20;

    private final long maxFileBytes;
    private final long maxNestedBytes;
    private final Map<String, ZipFile> archives = new LinkedHashMap<>(8, 0.75f, true);
    private String nestedKey;
    private byte[] nestedBytes;
    private String sevenZPath;
    private final Map<String, byte[]> sevenZMembers = new java.util.HashMap<>();

    /** A reader with the default limits (the UI's piano roll, preview and drag use it). */
    public LocationReader() {
        this(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_NESTED_BYTES);
    }

    public LocationReader(long maxFileBytes, long maxNestedBytes) {
        this.maxFileBytes = maxFileBytes;
        this.maxNestedBytes = maxNestedBytes;
    }

    /** The bytes at {@code location} (a path, or {@code archive.zip!/member.mid}). */
    public byte[] read(String location) throws IOException {
        int bang = location.indexOf("!/");
        if (bang < 0) {
            Path path = Path.of(location);
            long size = Files.size(path);
            if (size > maxFileBytes) {
                throw new IOException("file is " + size + " bytes, more than the " + maxFileBytes + " a MIDI file may have");
            }
            return Files.readAllBytes(path);
        }
        String archive = location.substring(0, bang);
        String rest = location.substring(bang + 2);
        int next = rest.indexOf("!/");
        String first = next < 0 ? rest : rest.substring(0, next);
        long limit = next < 0 ? maxFileBytes : maxNestedBytes;
        if (next >= 0) {
            // nested archive: keep the last one's bytes, its members are usually claimed together
            String key = archive + "!/" + first;
            if (!key.equals(nestedKey)) {
                nestedBytes = null;
                nestedBytes = outerMember(archive, first, limit);
                nestedKey = key;
            }
            return nested(nestedBytes, isSevenZ(first), rest.substring(next + 2), location);
        }
        return outerMember(archive, first, limit);
    }

    private byte[] outerMember(String archive, String name, long limit) throws IOException {
        return isSevenZ(archive) ? sevenZMember(archive, name, limit) : member(archive(archive), name, limit);
    }

    private static boolean isSevenZ(String name) {
        return name.regionMatches(true, name.length() - 3, ".7z", 0, 3);
    }

    /**
     * A member of a 7z file. Solid 7z archives decode from the start, so the members of the last archive read are
     * kept (up to {@link #SEVEN_Z_CACHE_BYTES}) for the next jobs of the same archive.
     */
    private byte[] sevenZMember(String archive, String name, long limit) throws IOException {
        if (!archive.equals(sevenZPath)) {
            sevenZPath = null;
            sevenZMembers.clear();
            long cached = 0;
            try (SevenZFile sevenZ = SevenZFile.builder().setFile(new java.io.File(archive))
                    .setMaxMemoryLimitKiB(SEVEN_Z_MEMORY_KB).get()) {
                SevenZArchiveEntry entry;
                while ((entry = sevenZ.getNextEntry()) != null) {
                    if (entry.isDirectory() || entry.getSize() > maxFileBytes) {
                        continue;
                    }
                    if (cached + entry.getSize() > SEVEN_Z_CACHE_BYTES) {
                        sevenZMembers.clear();
                        return scanSevenZ(archive, name, limit); // too big to keep: read just this member
                    }
                    try (InputStream in = sevenZ.getInputStream(entry)) {
                        byte[] bytes = bounded(in, maxFileBytes, archive + "!/" + entry.getName());
                        sevenZMembers.put(entry.getName().replace('\\', '/'), bytes);
                        cached += bytes.length;
                    }
                }
            }
            sevenZPath = archive;
        }
        byte[] bytes = sevenZMembers.get(name);
        if (bytes == null) {
            throw new NoSuchFileException(archive + "!/" + name, null, "no such archive member");
        }
        if (bytes.length > limit) {
            throw new IOException(archive + "!/" + name + " is larger than " + limit + " bytes");
        }
        return bytes;
    }

    private static byte[] scanSevenZ(String archive, String name, long limit) throws IOException {
        try (SevenZFile sevenZ = SevenZFile.builder().setFile(new java.io.File(archive))
                .setMaxMemoryLimitKiB(SEVEN_Z_MEMORY_KB).get()) {
            SevenZArchiveEntry entry;
            while ((entry = sevenZ.getNextEntry()) != null) {
                if (!entry.isDirectory() && entry.getName().replace('\\', '/').equals(name)) {
                    try (InputStream in = sevenZ.getInputStream(entry)) {
                        return bounded(in, limit, archive + "!/" + name);
                    }
                }
            }
        }
        throw new NoSuchFileException(archive + "!/" + name, null, "no such archive member");
    }

    private byte[] nested(byte[] archiveBytes, boolean sevenZ, String path, String location) throws IOException {
        int next = path.indexOf("!/");
        String name = next < 0 ? path : path.substring(0, next);
        long limit = next < 0 ? maxFileBytes : maxNestedBytes;
        byte[] found = null;
        if (sevenZ) {
            try (SevenZFile in = SevenZFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(archiveBytes))
                    .setMaxMemoryLimitKiB(SEVEN_Z_MEMORY_KB).get()) {
                SevenZArchiveEntry entry;
                while ((entry = in.getNextEntry()) != null && found == null) {
                    if (!entry.isDirectory() && entry.getName().replace('\\', '/').equals(name)) {
                        try (InputStream member = in.getInputStream(entry)) {
                            found = bounded(member, limit, location);
                        }
                    }
                }
            }
        } else {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archiveBytes))) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null && found == null) {
                    if (entry.getName().replace('\\', '/').equals(name)) {
                        found = bounded(in, limit, location);
                    }
                }
            }
        }
        if (found == null) {
            throw new NoSuchFileException(location, null, "no such archive member");
        }
        return next < 0 ? found : nested(found, isSevenZ(name), path.substring(next + 2), location);
    }

    private ZipFile archive(String path) throws IOException {
        ZipFile zip = archives.get(path);
        if (zip == null) {
            zip = new ZipFile(path);
            archives.put(path, zip);
            if (archives.size() > OPEN_ARCHIVES) {
                var eldest = archives.entrySet().iterator().next();
                archives.remove(eldest.getKey());
                eldest.getValue().close();
            }
        }
        return zip;
    }

    private static byte[] member(ZipFile zip, String name, long limit) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            // members written with backslashes were stored with slashes
            entry = zip.getEntry(name.replace('/', '\\'));
        }
        if (entry == null) {
            throw new NoSuchFileException(zip.getName() + "!/" + name, null, "no such archive member");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return bounded(in, limit, zip.getName() + "!/" + name);
        }
    }

    private static byte[] bounded(InputStream in, long limit, String what) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
        if (bytes.length > limit) {
            throw new IOException(what + " is larger than " + limit + " bytes");
        }
        return bytes;
    }

    @Override
    public void close() {
        for (ZipFile zip : archives.values()) {
            try {
                zip.close();
            } catch (IOException e) {
                // closing a read-only archive: nothing to lose
            }
        }
        archives.clear();
        nestedBytes = null;
        sevenZMembers.clear();
        sevenZPath = null;
    }
}
