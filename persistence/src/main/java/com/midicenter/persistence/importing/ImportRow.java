package com.midicenter.persistence.importing;

import com.midicenter.core.analysis.MidiSummary;
import com.midicenter.core.tags.PathTags;

import java.util.List;
import java.util.Objects;

/**
 * One file an import read successfully: where it is, what its bytes hash to, what it contains.
 *
 * @param path       absolute path; archive members are {@code /x/pack.zip!/inner/file.mid}
 * @param fileName   the name shown to the user
 * @param container  the outermost archive on disk, or {@code null} for a plain file
 * @param sizeBytes  size of the file's bytes
 * @param mtimeMs    modification time, milliseconds since the epoch
 * @param sha256     32-byte SHA-256 of the bytes
 * @param vendor     vendor from the path, or {@code null}
 * @param pack       pack from the path, or {@code null}
 * @param summary    the structural summary of the file
 * @param tags       tags from the path and name
 */
public record ImportRow(String path, String fileName, String container, long sizeBytes, long mtimeMs, byte[] sha256,
                        String vendor, String pack, MidiSummary summary, List<PathTags.Tag> tags) {
    public ImportRow {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(summary, "summary");
        if (sha256 == null || sha256.length != 32) {
            throw new IllegalArgumentException("sha256 must be 32 bytes for " + path);
        }
        tags = List.copyOf(tags);
    }
}
