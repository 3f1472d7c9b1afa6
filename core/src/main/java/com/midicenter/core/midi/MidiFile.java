package com.midicenter.core.midi;

import java.util.List;

/**
 * A parsed Standard MIDI File held in primitive arrays: no object per event.
 *
 * <p>Events are stored track by track in file order; {@link #trackStart(int)} and {@link #trackEnd(int)}
 * give each track's index range. For event {@code i}:
 * <ul>
 *   <li>{@link #tick(int)} is the absolute tick within its track;</li>
 *   <li>{@link #status(int)} is the status byte: {@code 0x80..0xEF} channel messages, {@code 0xFF} meta,
 *       {@code 0xF0}/{@code 0xF7} SysEx;</li>
 *   <li>for channel messages {@link #data1(int)}/{@link #data2(int)} are the data bytes;</li>
 *   <li>for meta events {@link #metaType(int)} is the type, and {@link #payloadOffset(int)} /
 *       {@link #payloadLength(int)} locate the payload in {@link #source()} (SysEx likewise).</li>
 * </ul>
 * Instances are effectively immutable once built by {@link MidiReader} and safe to share between threads.
 */
public final class MidiFile {

    private final byte[] source;
    private final int format;
    private final int declaredTracks;
    private final Division division;
    private final int eventCount;
    private final int[] ticks;
    private final long[] longTicks;
    private final int[] messages;
    private final int payloadCount;
    private final int[] payloadEvents;
    private final int[] payloadOffsets;
    private final int[] payloadLengths;
    private final int[] trackStarts;
    private final List<ParseWarning> warnings;

    MidiFile(byte[] source, int format, int declaredTracks, Division division, int eventCount, int[] ticks,
             long[] longTicks, int[] messages, int payloadCount, int[] payloadEvents, int[] payloadOffsets,
             int[] payloadLengths, int[] trackStarts,
             List<ParseWarning> warnings) {
        this.source = source;
        this.format = format;
        this.declaredTracks = declaredTracks;
        this.division = division;
        this.eventCount = eventCount;
        this.ticks = ticks;
        this.longTicks = longTicks;
        this.messages = messages;
        this.payloadCount = payloadCount;
        this.payloadEvents = payloadEvents;
        this.payloadOffsets = payloadOffsets;
        this.payloadLengths = payloadLengths;
        this.trackStarts = trackStarts;
        this.warnings = List.copyOf(warnings);
    }

    /** SMF format: 0, 1 or 2. */
    public int format() {
        return format;
    }

    /** Track count written in the header (may differ from {@link #trackCount()} in broken files). */
    public int declaredTrackCount() {
        return declaredTracks;
    }

    /** Tracks actually read. */
    public int trackCount() {
        return trackStarts.length - 1;
    }

    public Division division() {
        return division;
    }

    /** Ticks per quarter note, or 0 for SMPTE time. */
    public int ppq() {
        return division.isSmpte() ? 0 : division.ticksPerQuarter();
    }

    public int eventCount() {
        return eventCount;
    }

    /** First event index of track {@code t}. */
    public int trackStart(int t) {
        return trackStarts[t];
    }

    /** One past the last event index of track {@code t}. */
    public int trackEnd(int t) {
        return trackStarts[t + 1];
    }

    public long tick(int i) {
        return longTicks == null ? ticks[i] : longTicks[i];
    }

    public int status(int i) {
        return messages[i] & 0xFF;
    }

    /** Channel 0..15 of a channel message. */
    public int channel(int i) {
        return messages[i] & 0x0F;
    }

    /** Status high nibble of a channel message, e.g. {@code 0x90}. */
    public int command(int i) {
        return messages[i] & 0xF0;
    }

    public int data1(int i) {
        return (messages[i] >>> 8) & 0xFF;
    }

    public int data2(int i) {
        return (messages[i] >>> 16) & 0xFF;
    }

    public boolean isMeta(int i) {
        return (messages[i] & 0xFF) == 0xFF;
    }

    public boolean isSysex(int i) {
        int s = messages[i] & 0xFF;
        return s == 0xF0 || s == 0xF7;
    }

    /** Meta type of a meta event (same storage as {@link #data1(int)}). */
    public int metaType(int i) {
        return (messages[i] >>> 8) & 0xFF;
    }

    /** True for a note-on with velocity &gt; 0. */
    public boolean isNoteOn(int i) {
        return (messages[i] & 0xF0) == 0x90 && ((messages[i] >>> 16) & 0xFF) != 0;
    }

    /** True for a note-off or a note-on with velocity 0. */
    public boolean isNoteOff(int i) {
        int m = messages[i];
        return (m & 0xF0) == 0x80 || ((m & 0xF0) == 0x90 && ((m >>> 16) & 0xFF) == 0);
    }

    /** Index into the payload arrays of meta/SysEx event {@code i}, or -1 for a channel message. */
    private int payloadIndex(int i) {
        int status = messages[i] & 0xFF;
        if (status != 0xFF && status != 0xF0 && status != 0xF7) {
            return -1;
        }
        int a = java.util.Arrays.binarySearch(payloadEvents, 0, payloadCount, i);
        return a < 0 ? -1 : a;
    }

    /** Offset of the payload of a meta or SysEx event in {@link #source()}; -1 for channel messages. */
    public int payloadOffset(int i) {
        int a = payloadIndex(i);
        return a < 0 ? -1 : payloadOffsets[a];
    }

    /** Length of the payload of a meta or SysEx event; 0 for channel messages. */
    public int payloadLength(int i) {
        int a = payloadIndex(i);
        return a < 0 ? 0 : payloadLengths[a];
    }

    /** Unsigned payload byte {@code k} of meta/SysEx event {@code i}. */
    public int payloadByte(int i, int k) {
        if (k < 0 || k >= payloadLength(i)) {
            throw new IndexOutOfBoundsException("event " + i + " payload byte " + k);
        }
        return source[payloadOffsets[payloadIndex(i)] + k] & 0xFF;
    }

    /** A copy of the payload of a meta or SysEx event. */
    public byte[] payload(int i) {
        int a = payloadIndex(i);
        if (a < 0) {
            return new byte[0];
        }
        byte[] out = new byte[payloadLengths[a]];
        System.arraycopy(source, payloadOffsets[a], out, 0, out.length);
        return out;
    }

    /** Text of a text-like meta event (types 1..15), decoded as ISO-8859-1 (what most files use). */
    public String metaText(int i) {
        int a = payloadIndex(i);
        if (a < 0) {
            return "";
        }
        return new String(source, payloadOffsets[a], payloadLengths[a], java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The raw bytes the file was read from; payloads point into it. Do not modify. */
    public byte[] source() {
        return source;
    }

    /** Repairs made while reading, in the order they were made. Empty for a clean file. */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    /** Largest tick of any event (including End of Track) over all tracks. */
    public long lastTick() {
        long max = 0;
        for (int t = 0; t < trackCount(); t++) {
            int end = trackEnd(t);
            if (end > trackStart(t)) {
                max = Math.max(max, tick(end - 1));
            }
        }
        return max;
    }
}
