package com.midicenter.core.corpus;

import java.util.Locale;

/** What a corpus file is: the {@code kind} column of the ground truth. */
public enum FileKind {
    /** A clean Standard MIDI File (or RIFF RMID wrapper) that reads without warnings. */
    VALID,
    /** Byte-identical to an earlier valid file, at another path. */
    DUPLICATE,
    /** Deliberately damaged; see {@link CorruptKind}. */
    CORRUPT;

    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FileKind fromCsv(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
