package com.midicenter.core.midi;

import java.util.Objects;

/**
 * One repair the lenient reader made, with the byte offset where it noticed the problem.
 *
 * @param kind   what was repaired
 * @param offset byte offset in the input (0 when the whole file is meant)
 * @param detail human-readable specifics, e.g. {@code "declared 3 tracks, found 2"}
 */
public record ParseWarning(Kind kind, long offset, String detail) {

    /** Every kind of repair the reader makes. */
    public enum Kind {
        JUNK_BEFORE_HEADER,
        BAD_HEADER_LENGTH,
        UNKNOWN_FORMAT,
        INVALID_DIVISION,
        JUNK_BETWEEN_CHUNKS,
        UNKNOWN_CHUNK,
        TRACK_COUNT_MISMATCH,
        WRONG_TRACK_LENGTH,
        OVERSIZED_TRACK_LENGTH,
        MISSING_END_OF_TRACK,
        TRUNCATED_TRACK,
        CONCATENATED_FILES,
        BAD_META_LENGTH,
        INVALID_KEY_SIGNATURE,
        INVALID_TIME_SIGNATURE,
        RUNNING_STATUS_ACROSS_META,
        UNEXPECTED_STATUS_BYTE,
        INVALID_DATA_BYTE,
        BAD_VARIABLE_LENGTH,
        TRAILING_DATA,
        TOO_MANY_WARNINGS
    }

    public ParseWarning {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
        if (offset < 0) {
            throw new IllegalArgumentException("offset=" + offset);
        }
    }

    @Override
    public String toString() {
        return kind + "@" + offset + (detail.isEmpty() ? "" : " " + detail);
    }
}
