package com.midicenter.core.midi;

/**
 * The bytes cannot be read as a Standard MIDI File at all (not MIDI, empty, header only, too large).
 * Everything the reader can repair is reported as a {@link ParseWarning} instead.
 */
public final class MidiFormatException extends Exception {

    /** Why a file could not be read. */
    public enum Reason {
        EMPTY("file is empty"),
        NOT_MIDI("no MThd header found: not a Standard MIDI File"),
        HEADER_ONLY("header found but no track data"),
        BAD_HEADER("MThd header is truncated or invalid"),
        TOO_LARGE("file is larger than the reader's limit"),
        UNREADABLE("file cannot be read");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** A producer-readable sentence. */
        public String text() {
            return text;
        }
    }

    private final Reason reason;
    private final long offset;

    public MidiFormatException(Reason reason, long offset, String detail) {
        super(reason.text() + (detail == null || detail.isEmpty() ? "" : ": " + detail) + " (at byte " + offset + ")");
        this.reason = reason;
        this.offset = offset;
    }

    public MidiFormatException(Reason reason, long offset, String detail, Throwable cause) {
        this(reason, offset, detail);
        initCause(cause);
    }

    /** The kind of failure; stable across versions, suitable for counting. */
    public Reason reason() {
        return reason;
    }

    /** Byte offset in the input where the reader gave up (0 when not applicable). */
    public long offset() {
        return offset;
    }
}
