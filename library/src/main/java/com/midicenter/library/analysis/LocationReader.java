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

/**
 * Reads the bytes at a library location: a plain file, or an archive member written
 * {@code /packs/a.zip!/Bass/b.mid} (nested: {@code a.zip!/inner.zip!/b.mid}).
 *
 * <p>Keeps the last few archives open (files of one archive are claimed together), and the last nested archive's
 * bytes. Sizes are bounded: a member or file larger than the limit is refused. Not thread-safe: one per thread.
 */
final class LocationReader implements AutoCloseable {

    private static final int OPEN_ARCHIVES = 4;

    private final long maxFileBytes;
    private final long maxNestedBytes;
    private final Map<String, ZipFile> archives = new LinkedHashMap<>(8, 0.75f, true);
    private String nestedKey;
    private byte[] nestedBytes;

    LocationReader(long maxFileBytes, long maxNestedBytes) {
        this.maxFileBytes = maxFileBytes;
        this.maxNestedBytes = maxNestedBytes;
    }

    byte[] read(String location) throws IOException {
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
        ZipFile zip = archive(archive);
        if (next < 0) {
            return member(zip, rest, maxFileBytes);
        }
        // nested archive: read it into memory once, then find the member by streaming
        String innerName = rest.substring(0, next);
        String key = archive + "!/" + innerName;
        if (!key.equals(nestedKey)) {
            nestedBytes = null;
            nestedBytes = member(zip, innerName, maxNestedBytes);
            nestedKey = key;
        }
        return nested(nestedBytes, rest.substring(next + 2), location);
    }

    private byte[] nested(byte[] zipBytes, String path, String location) throws IOException {
        int next = path.indexOf("!/");
        String name = next < 0 ? path : path.substring(0, next);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().replace('\\', '/').equals(name)) {
                    if (next < 0) {
                        return bounded(in, maxFileBytes, location);
                    }
                    return nested(bounded(in, maxNestedBytes, location), path.substring(next + 2), location);
                }
            }
        }
        throw new NoSuchFileException(location, null, "no such archive member");
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
    }
}
