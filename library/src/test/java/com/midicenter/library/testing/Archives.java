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

    /** A zip of the given members plus one symbolic-link entry (Unix mode 0120777) named {@code link} to {@code target}. */
    public static byte[] zipWithSymlink(String[] names, byte[][] contents, String link, String target) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip =
                     new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(bytes)) {
            for (int i = 0; i <= names.length; i++) {
                boolean isLink = i == names.length;
                org.apache.commons.compress.archivers.zip.ZipArchiveEntry entry =
                        new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(isLink ? link : names[i]);
                if (isLink) {
                    entry.setUnixMode(0120777);
                }
                zip.putArchiveEntry(entry);
                zip.write(isLink ? target.getBytes(java.nio.charset.StandardCharsets.UTF_8) : contents[i]);
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A 7z of the given members plus one symbolic-link entry (Unix mode in the attributes) named {@code link}. */
    public static byte[] sevenZWithSymlink(String[] names, byte[][] contents, String link, String target) throws IOException {
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (SevenZOutputFile out = new SevenZOutputFile(channel)) {
            for (int i = 0; i <= names.length; i++) {
                boolean isLink = i == names.length;
                byte[] content = isLink ? target.getBytes(java.nio.charset.StandardCharsets.UTF_8) : contents[i];
                SevenZArchiveEntry entry = new SevenZArchiveEntry();
                entry.setName(isLink ? link : names[i]);
                entry.setSize(content.length);
                if (isLink) {
                    entry.setHasWindowsAttributes(true);
                    entry.setWindowsAttributes(0x8000 | (0120777 << 16)); // FILE_ATTRIBUTE_UNIX_EXTENSION + S_IFLNK
                }
                out.putArchiveEntry(entry);
                out.write(content);
                out.closeArchiveEntry();
            }
        }
        return Arrays.copyOf(channel.array(), (int) channel.size());
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
