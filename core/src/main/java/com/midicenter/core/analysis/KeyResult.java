package com.midicenter.core.analysis;

import com.midicenter.core.music.MusicalKey;

import java.util.Objects;

/**
 * The key {@link KeyAnalyzer} found in a file.
 *
 * @param key        the key, or {@code null} when the file has no pitched notes (drum-only or empty files)
 * @param confidence 0..1: how clearly the evidence picks {@code key}; 0 when {@code key} is null
 * @param runnerUp   the next most likely key by the notes (never equal to {@code key}), or {@code null}
 * @param source     which evidence decided {@code key}; {@link KeySource#NONE} exactly when {@code key} is null
 */
public record KeyResult(MusicalKey key, double confidence, MusicalKey runnerUp, KeySource source) {

    /** Which evidence decided the key. */
    public enum KeySource {
        /** The pitch-class profile of the notes alone. */
        NOTES,
        /** The key written in the file name or path, not strongly contradicted by the notes. */
        FILENAME,
        /** A Key Signature meta event other than the C-major default, not strongly contradicted by the notes. */
        KEY_SIGNATURE,
        /** No key: the file has no pitched notes. */
        NONE
    }

    /** The result for files without pitched notes. */
    public static final KeyResult NONE = new KeyResult(null, 0, null, KeySource.NONE);

    public KeyResult {
        Objects.requireNonNull(source, "source");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence=" + confidence);
        }
        if ((key == null) != (source == KeySource.NONE)) {
            throw new IllegalArgumentException("key=" + key + " source=" + source);
        }
        if (key == null && (confidence != 0 || runnerUp != null)) {
            throw new IllegalArgumentException("no key but confidence=" + confidence + " runnerUp=" + runnerUp);
        }
        if (key != null && key.equals(runnerUp)) {
            throw new IllegalArgumentException("runnerUp=" + runnerUp + " equals key");
        }
    }
}
