package com.midicenter.persistence.mapper;

import java.util.Objects;

/**
 * A file an import could not read, to be recorded.
 *
 * @param runId     the run that met it; null outside a run
 * @param path      absolute path (archive members as {@code archive.zip!/inner/file.mid}), not blank
 * @param kind      short machine-readable class of the failure, e.g. {@code "not-midi"}, {@code "truncated"}, not blank
 * @param reason    a clear sentence for the user, not blank
 * @param sizeBytes file size in bytes when known, else null
 * @param mtimeMs   modification time in ms since the epoch when known, else null
 */
public record NewImportError(Long runId, String path, String kind, String reason, Long sizeBytes, Long mtimeMs) {

    public NewImportError {
        requireText(path, "path");
        requireText(kind, "kind");
        requireText(reason, "reason");
        if (sizeBytes != null && sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be >= 0: sizeBytes=" + sizeBytes);
        }
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
