package com.midicenter.persistence.mapper;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code import_error}: the latest failure to import a path. Fields as in {@link NewImportError}.
 *
 * @param id key
 * @param at when it was recorded
 */
public record ImportError(long id, Long runId, String path, String kind, String reason, Long sizeBytes, Long mtimeMs, Instant at) {

    public ImportError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
