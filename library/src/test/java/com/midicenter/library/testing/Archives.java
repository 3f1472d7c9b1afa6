package com.midicenter.library.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** Zip and 7z archives built in memory for tests. */
public final class Archives {

    private Archives() {
    }

    public static byte[] zip(String[] names, byte[][] contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.length; i++) {
                zip.putNextEntry(new ZipEntry(names[i]));
                zip.write(contents[i]);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    public static byte[] sevenZ(String[] names, byte[][] contents) throws IOException {
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (SevenZOutputFile out = new SevenZOutputFile(channel)) {
            for (int i = 0; i < names.length; i++) {
                SevenZArchiveEntry entry = new SevenZArchiveEntry();
                entry.setName(names[i]);
                entry.setSize(contents[i].length);
                out.putArchiveEntry(entry);
                out.write(contents[i]);
                out.closeArchiveEntry();
            }
        }
        return Arrays.copyOf(channel.array(), (int) channel.size());
    }
}
