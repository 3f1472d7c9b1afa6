package com.midicenter.persistence.importing;

import java.util.Objects;

/**
 * A file an import could not read.
 *
 * @param path      absolute path (archive members as {@code archive.zip!/member})
 * @param kind      a stable reason code, e.g. {@code not_midi}, {@code unreadable}, {@code unsafe_archive_path}
 * @param reason    the reason in words
 * @param sizeBytes size, or -1 when unknown
 * @param mtimeMs   modification time in ms, or -1 when unknown
 */
public record ImportErrorRow(String path, String kind, String reason, long sizeBytes, long mtimeMs) {
    public ImportErrorRow {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}
