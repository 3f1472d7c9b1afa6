package com.midicenter.core.corpus;

import java.util.Locale;

/**
 * How a corrupt corpus file was damaged, and what {@link com.midicenter.core.midi.MidiReader} makes of it.
 *
 * <p>Recoverable kinds read with at least one warning; the others make the reader throw
 * {@link com.midicenter.core.midi.MidiFormatException}.
 */
public enum CorruptKind {
    /** Cut off in the middle of its track data: the events before the cut are readable. */
    TRUNCATED(true, false),
    /** Cut off inside the 14-byte header: unreadable ({@code BAD_HEADER}). */
    TRUNCATED_HEADER(false, false),
    /** Random bytes with a MIDI name; never contains {@code MThd} ({@code NOT_MIDI}). */
    RANDOM_BYTES(false, false),
    /** An HTML error page saved under a MIDI name, as failed downloads leave behind ({@code NOT_MIDI}). */
    HTML_PAGE(false, false),
    /** Zero bytes ({@code EMPTY}). */
    EMPTY(false, false),
    /** The 14-byte header and nothing else ({@code HEADER_ONLY}). */
    HEADER_ONLY(false, false),
    /** Junk bytes before {@code MThd}; the MIDI data after it is intact. */
    GARBAGE_BEFORE_HEADER(true, true),
    /** One track chunk declares 1 to 7 bytes more than it holds; every event is intact. */
    WRONG_TRACK_LENGTH(true, true);

    private final boolean recoverable;
    private final boolean intact;

    CorruptKind(boolean recoverable, boolean intact) {
        this.recoverable = recoverable;
        this.intact = intact;
    }

    /** True when the lenient reader reads the file (with warnings) instead of throwing. */
    public boolean recoverable() {
        return recoverable;
    }

    /** True when every event of the generated loop survives, so the musical ground truth still holds. */
    public boolean eventsIntact() {
        return intact;
    }

    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CorruptKind fromCsv(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
