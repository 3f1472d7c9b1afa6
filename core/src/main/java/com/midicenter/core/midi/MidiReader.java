package com.midicenter.core.midi;

import com.midicenter.core.midi.MidiFormatException.Reason;
import com.midicenter.core.midi.ParseWarning.Kind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fast, lenient Standard MIDI File reader (formats 0, 1, 2 and the RIFF {@code RMID} wrapper).
 *
 * <p>Repairs what producers' files get wrong and reports each repair as a {@link ParseWarning}; throws
 * {@link MidiFormatException} only when nothing usable is there. It never throws an unchecked exception
 * for any input, never loops without consuming input, and never allocates from a length field: memory is
 * bounded by the input size. Events go into primitive arrays ({@link MidiFile}), not one object each.
 *
 * <p>Thread-safe: an instance holds only its configuration.
 */
public final class MidiReader {

    /** Default upper bound on a file's size: 128 MiB, far above any real MIDI file. */
    public static final long DEFAULT_MAX_BYTES = 128L << 20;

    /** At most this many warnings are kept per file; the rest are summarised by one TOO_MANY_WARNINGS. */
    static final int MAX_WARNINGS = 100;

    private final long maxBytes;

    public MidiReader() {
        this(DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes files larger than this are refused with {@link Reason#TOO_LARGE} */
    public MidiReader(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes=" + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Reads a file from disk. I/O failures are reported as {@link Reason#UNREADABLE}. */
    public MidiFile read(Path path) throws MidiFormatException {
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new MidiFormatException(Reason.TOO_LARGE, 0, size + " bytes > limit " + maxBytes);
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException | SecurityException e) {
            throw new MidiFormatException(Reason.UNREADABLE, 0, e.getClass().getSimpleName() + " " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new MidiFormatException(Reason.TOO_LARGE, 0, "not enough memory to read " + path, e);
        }
        return read(bytes);
    }

    /**
     * Parses the bytes of a file. The array is kept by the returned {@link MidiFile} (payloads point into
     * it) and must not be modified afterwards.
     */
    public MidiFile read(byte[] bytes) throws MidiFormatException {
        if (bytes == null || bytes.length == 0) {
            throw new MidiFormatException(Reason.EMPTY, 0, null);
        }
        if (bytes.length > maxBytes) {
            throw new MidiFormatException(Reason.TOO_LARGE, 0, bytes.length + " bytes > limit " + maxBytes);
        }
        try {
            return new Parser(bytes).parse();
        } catch (MidiFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug in this class must not take a batch down: report it as unreadable, with the offset unknown.
            throw new MidiFormatException(Reason.UNREADABLE, 0, "internal reader error " + e, e);
        }
    }

    /** True when the first bytes look like a MIDI file (SMF header, RIFF RMID, or MThd within the first 4 KiB). */
    public static boolean sniff(byte[] head, int length) {
        int n = Math.min(length, head.length);
        if (n >= 12 && is(head, 0, 'R', 'I', 'F', 'F') && is(head, 8, 'R', 'M', 'I', 'D')) {
            return true;
        }
        return indexOf(head, 0, Math.min(n, 4096), 'M', 'T', 'h', 'd') >= 0;
    }

    static boolean is(byte[] b, int p, char c0, char c1, char c2, char c3) {
        return p >= 0 && p + 4 <= b.length && b[p] == c0 && b[p + 1] == c1 && b[p + 2] == c2 && b[p + 3] == c3;
    }

    static int indexOf(byte[] b, int from, int to, char c0, char c1, char c2, char c3) {
        int last = Math.min(to, b.length) - 4;
        for (int p = Math.max(0, from); p <= last; p++) {
            if (b[p] == c0 && b[p + 1] == c1 && b[p + 2] == c2 && b[p + 3] == c3) {
                return p;
            }
        }
        return -1;
    }

    /** One parse; not thread-safe, used once. */
    private static final class Parser {
        private final byte[] b;
        private int end;
        private final List<ParseWarning> warnings = new ArrayList<>(4);
        private boolean warningsTruncated;

        private int count;
        private int[] ticks;
        /** Replaces {@link #ticks} once a tick no longer fits an int (huge delta times). */
        private long[] longTicks;
        private int[] messages;
        private int[] payloadEvents = new int[16];
        private int payloadCount;
        private int[] payloadOffsets = new int[16];
        private int[] payloadLengths = new int[16];
        private final IntList trackStarts = new IntList();

        /** The current track's last event was cut off by the end of its data. */
        private boolean partial;
        // set by readVlq
        private int pos;
        private boolean vlqFailed;

        Parser(byte[] b) {
            this.b = b;
            this.end = b.length;
            // a typical event takes about 3 bytes (1-byte delta, running status)
            int capacity = Math.max(16, Math.min(b.length / 3 + 16, 1 << 20));
            ticks = new int[capacity];
            messages = new int[capacity];
        }

        MidiFile parse() throws MidiFormatException {
            int start = 0;
            if (b.length >= 12 && is(b, 0, 'R', 'I', 'F', 'F') && is(b, 8, 'R', 'M', 'I', 'D')) {
                int p = 12;
                while (p + 8 <= b.length) {
                    long size = le32(p + 4);
                    if (is(b, p, 'd', 'a', 't', 'a')) {
                        start = p + 8;
                        end = (int) Math.min(b.length, start + size);
                        break;
                    }
                    long next = p + 8 + size + (size & 1);
                    if (next > b.length || next <= p) {
                        break;
                    }
                    p = (int) next;
                }
            }
            int hdr = is(b, start, 'M', 'T', 'h', 'd') ? start : indexOf(b, start, end, 'M', 'T', 'h', 'd');
            if (hdr < 0) {
                // a RIFF wrapper whose data chunk is broken: try the whole buffer before giving up
                hdr = indexOf(b, 0, b.length, 'M', 'T', 'h', 'd');
                end = b.length;
                if (hdr < 0) {
                    throw new MidiFormatException(Reason.NOT_MIDI, 0, firstBytes());
                }
            }
            if (hdr != start) {
                warn(Kind.JUNK_BEFORE_HEADER, start, (hdr - start) + " bytes skipped before MThd");
            }
            if (hdr + 14 > end) {
                throw new MidiFormatException(Reason.BAD_HEADER, hdr, "header needs 14 bytes, file has " + (end - hdr));
            }
            long headerLength = be32(hdr + 4);
            int format = be16(hdr + 8);
            int declaredTracks = be16(hdr + 10);
            int divisionWord = be16(hdr + 12);
            int afterHeader;
            if (headerLength == 6) {
                afterHeader = hdr + 14;
            } else if (headerLength > 6 && headerLength <= 256 && hdr + 8 + headerLength <= end
                    && is(b, (int) (hdr + 8 + headerLength), 'M', 'T', 'r', 'k')) {
                afterHeader = (int) (hdr + 8 + headerLength); // longer headers are allowed by the standard
            } else {
                warn(Kind.BAD_HEADER_LENGTH, hdr + 4, "header length " + headerLength + ", read as 6");
                afterHeader = hdr + 14;
            }
            if (format > 2) {
                warn(Kind.UNKNOWN_FORMAT, hdr + 8, "format " + format + " read as 1");
                format = 1;
            }
            Division division = division(divisionWord, hdr + 12);

            int p = afterHeader;
            int tracks = 0;
            while (p + 8 <= end) {
                if (is(b, p, 'M', 'T', 'r', 'k')) {
                    trackStarts.add(count);
                    p = readTrack(p + 8, be32(p + 4));
                    tracks++;
                } else if (is(b, p, 'M', 'T', 'h', 'd')) {
                    warn(Kind.CONCATENATED_FILES, p, "a second MIDI file follows; only the first is read");
                    p = end;
                    break;
                } else if (isChunkId(p) && p + 8 + be32(p + 4) <= end) {
                    warn(Kind.UNKNOWN_CHUNK, p, "chunk '" + new String(b, p, 4, java.nio.charset.StandardCharsets.ISO_8859_1)
                            + "' of " + be32(p + 4) + " bytes skipped");
                    p = (int) (p + 8 + be32(p + 4));
                } else {
                    int next = indexOf(b, p + 1, end, 'M', 'T', 'r', 'k');
                    if (next < 0) {
                        break;
                    }
                    warn(Kind.JUNK_BETWEEN_CHUNKS, p, (next - p) + " bytes skipped");
                    p = next;
                }
            }
            if (p < end && !allZero(p, end)) {
                warn(Kind.TRAILING_DATA, p, (end - p) + " bytes after the last chunk ignored");
            }
            if (tracks == 0) {
                throw new MidiFormatException(Reason.HEADER_ONLY, afterHeader, "no MTrk chunk");
            }
            if (tracks != declaredTracks) {
                warn(Kind.TRACK_COUNT_MISMATCH, hdr + 10, "header declares " + declaredTracks + " tracks, found " + tracks);
            }
            trackStarts.add(count);
            if (warningsTruncated) {
                warnings.add(new ParseWarning(Kind.TOO_MANY_WARNINGS, 0, "further warnings suppressed"));
            }
            return new MidiFile(b, format, declaredTracks, division, count, ticks, longTicks, messages, payloadCount, payloadEvents,
                    payloadOffsets, payloadLengths, trackStarts.toArray(), warnings);
        }

        private Division division(int word, int offset) {
            if ((word & 0x8000) != 0) {
                int fps = -((byte) (word >> 8));
                int tpf = word & 0xFF;
                if ((fps == 24 || fps == 25 || fps == 29 || fps == 30) && tpf > 0) {
                    return Division.smpte(fps, tpf);
                }
                warn(Kind.INVALID_DIVISION, offset, "SMPTE " + fps + " fps x " + tpf + ", read as 480 PPQ");
                return Division.ppq(480);
            }
            if (word == 0) {
                warn(Kind.INVALID_DIVISION, offset, "0 ticks per quarter, read as 480");
                return Division.ppq(480);
            }
            return Division.ppq(word);
        }

        /** Reads one track's events starting at {@code dataStart}; returns where the next chunk should be. */
        private int readTrack(int dataStart, long declaredLength) {
            long declaredEnd = dataStart + declaredLength;
            boolean oversized = declaredEnd > end;
            int limit = oversized ? end : (int) declaredEnd;
            boolean extended = false;
            boolean eot = false;
            partial = false;
            boolean atNextChunk = false;
            boolean warnedRunning = false;
            int running = 0;
            int lastChannelStatus = 0;
            long tick = 0;
            int eventStart = dataStart;
            long tickBefore = 0;
            pos = dataStart;
            ensureCapacity(count + 16);
            while (true) {
                // an event cut off at the limit comes back here with partial set and pos == limit
                if (pos >= limit) {
                    if (!oversized && !extended && limit < end && !isChunkId(limit)) {
                        warn(Kind.WRONG_TRACK_LENGTH, dataStart - 4, "declared " + declaredLength
                                + " bytes but events continue");
                        limit = end;
                        extended = true;
                        if (partial) {
                            // the declared end fell inside an event: read that event again
                            partial = false;
                            pos = eventStart;
                            tick = tickBefore;
                        }
                        continue;
                    }
                    break;
                }
                if ((extended || oversized) && (is(b, pos, 'M', 'T', 'r', 'k') || is(b, pos, 'M', 'T', 'h', 'd'))) {
                    // the declared length is known to be wrong: a chunk header between events ends the track
                    atNextChunk = true;
                    break;
                }
                eventStart = pos;
                tickBefore = tick;
                long delta;
                if (b[pos] >= 0) {
                    delta = b[pos++]; // one-byte delta: by far the most common case
                } else {
                    delta = readVlq(limit);
                    if (vlqFailed) {
                        if (pos >= limit) {
                            partial = true;
                            continue;
                        }
                        warn(Kind.BAD_VARIABLE_LENGTH, pos, "delta time longer than 4 bytes; rest of track skipped");
                        pos = limit;
                        break;
                    }
                }
                tick += delta;
                if (pos >= limit) {
                    partial = true;
                    continue;
                }
                int eventOffset = pos;
                int status = b[pos] & 0xFF;
                if (status >= 0x80) {
                    pos++;
                } else if (running != 0) {
                    status = running;
                } else if (lastChannelStatus != 0) {
                    if (!warnedRunning) {
                        warn(Kind.RUNNING_STATUS_ACROSS_META, pos, "running status used after a meta/SysEx event");
                        warnedRunning = true;
                    }
                    status = lastChannelStatus;
                } else {
                    warn(Kind.INVALID_DATA_BYTE, pos, "data byte 0x" + Integer.toHexString(status) + " without a status; skipped");
                    pos++;
                    continue;
                }
                if (status < 0xF0) {
                    int n = (status & 0xE0) == 0xC0 ? 1 : 2;
                    if (pos + n > limit) {
                        partial = true;
                        pos = limit;
                        continue;
                    }
                    int d1 = b[pos] & 0xFF;
                    int d2 = n == 2 ? b[pos + 1] & 0xFF : 0;
                    if (d1 >= 0x80 || d2 >= 0x80) {
                        warn(Kind.INVALID_DATA_BYTE, pos, "data byte above 127 in a channel message; masked");
                        d1 &= 0x7F;
                        d2 &= 0x7F;
                    }
                    pos += n;
                    running = status;
                    lastChannelStatus = status;
                    add(tick, status | (d1 << 8) | (d2 << 16), -1);
                } else if (status == 0xFF) {
                    if (pos >= limit) {
                        partial = true;
                        continue;
                    }
                    int type = b[pos++] & 0xFF;
                    int len = payloadLength(limit, eventOffset, "meta");
                    if (len == RETRY) {
                        continue;
                    }
                    if (len == STOP) {
                        break;
                    }
                    checkMeta(type, len, eventOffset);
                    add(tick, 0xFF | (type << 8), addPayload(pos, len));
                    pos += len;
                    running = 0;
                    if (type == 0x2F) {
                        eot = true;
                        break;
                    }
                } else if (status == 0xF0 || status == 0xF7) {
                    int len = payloadLength(limit, eventOffset, "SysEx");
                    if (len == RETRY) {
                        continue;
                    }
                    if (len == STOP) {
                        break;
                    }
                    add(tick, status, addPayload(pos, len));
                    pos += len;
                    running = 0;
                } else {
                    int skip = status == 0xF2 ? 2 : (status == 0xF1 || status == 0xF3) ? 1 : 0;
                    warn(Kind.UNEXPECTED_STATUS_BYTE, eventOffset, "system message 0x" + Integer.toHexString(status) + " skipped");
                    pos = Math.min(limit, pos + skip);
                }
            }
            if (!eot) {
                if (atNextChunk) {
                    if (oversized) {
                        warn(Kind.OVERSIZED_TRACK_LENGTH, dataStart - 4, "declared " + declaredLength
                                + " bytes, next chunk after " + (pos - dataStart));
                    }
                    warn(Kind.MISSING_END_OF_TRACK, pos, "no End of Track event");
                    return pos;
                }
                if (partial || oversized) {
                    warn(Kind.TRUNCATED_TRACK, pos, "track ends early; the events before byte " + pos + " were kept");
                } else {
                    warn(Kind.MISSING_END_OF_TRACK, pos, "no End of Track event");
                }
                return Math.max(pos, Math.min(limit, end));
            }
            if (oversized) {
                warn(Kind.OVERSIZED_TRACK_LENGTH, dataStart - 4, "declared " + declaredLength + " bytes, file has "
                        + (end - dataStart));
                return pos;
            }
            if (pos == declaredEnd || extended) {
                return pos;
            }
            // End of Track came before the declared end of the chunk.
            if (is(b, pos, 'M', 'T', 'r', 'k')) {
                // the declared length swallowed the next track chunk (possibly up to the end of the file)
                warn(Kind.WRONG_TRACK_LENGTH, dataStart - 4, "declared " + declaredLength + " bytes, track has "
                        + (pos - dataStart));
                return pos;
            }
            if (declaredEnd == end || isChunkId((int) declaredEnd)) {
                return (int) declaredEnd;
            }
            if (isChunkId(pos)) {
                warn(Kind.WRONG_TRACK_LENGTH, dataStart - 4, "declared " + declaredLength + " bytes, track has "
                        + (pos - dataStart));
                return pos;
            }
            return (int) declaredEnd;
        }

        /** {@link #payloadLength}: the event was cut off; go round the track loop again (it may extend the limit). */
        private static final int RETRY = -1;
        /** {@link #payloadLength}: the rest of the track cannot be read. */
        private static final int STOP = -2;

        /**
         * Reads the length of a meta or SysEx payload at {@link #pos}: the length, or {@link #RETRY} / {@link #STOP}
         * (setting {@link #partial} when the event is cut off).
         */
        private int payloadLength(int limit, int eventOffset, String what) {
            long length = readVlq(limit);
            if (vlqFailed) {
                if (pos >= limit) {
                    partial = true;
                    return RETRY;
                }
                warn(Kind.BAD_VARIABLE_LENGTH, pos, what + " length longer than 4 bytes; rest of track skipped");
                pos = limit;
                return STOP;
            }
            int len = clampLength(length, limit, eventOffset);
            if (len < 0) {
                partial = true;
                if (limit < end) {
                    pos = limit; // the declared end fell inside the payload: extend and read it again
                    return RETRY;
                }
                return STOP;
            }
            return len;
        }

        /**
         * Clamps a meta/SysEx length to the data there is; -1 when the event is cut off at the end of the file, or
         * at a declared track end that no chunk follows (the track is then read on with the limit extended).
         */
        private int clampLength(long length, int limit, int eventOffset) {
            if (pos + length <= limit) {
                return (int) length;
            }
            if (limit == end || !isChunkId(limit)) {
                return -1;
            }
            warn(Kind.BAD_META_LENGTH, eventOffset, "length " + length + " runs past the track; clamped");
            return limit - pos;
        }

        private void checkMeta(int type, int len, int offset) {
            switch (type) {
                case 0x51 -> {
                    if (len != 3) {
                        warn(Kind.BAD_META_LENGTH, offset, "tempo with " + len + " bytes");
                    }
                }
                case 0x58 -> {
                    if (len != 4) {
                        warn(Kind.BAD_META_LENGTH, offset, "time signature with " + len + " bytes");
                    }
                    if (len >= 2 && ((b[pos] & 0xFF) == 0 || (b[pos + 1] & 0xFF) > 6)) {
                        warn(Kind.INVALID_TIME_SIGNATURE, offset, (b[pos] & 0xFF) + "/2^" + (b[pos + 1] & 0xFF));
                    }
                }
                case 0x59 -> {
                    if (len != 2) {
                        warn(Kind.BAD_META_LENGTH, offset, "key signature with " + len + " bytes");
                    }
                    if (len >= 2) {
                        int sf = b[pos];
                        int mode = b[pos + 1] & 0xFF;
                        if (mode > 1 || sf < -7 || sf > 7) {
                            warn(Kind.INVALID_KEY_SIGNATURE, offset, "sharps/flats " + sf + ", mode " + mode);
                        }
                    }
                }
                case 0x2F -> {
                    if (len != 0) {
                        warn(Kind.BAD_META_LENGTH, offset, "End of Track with " + len + " bytes");
                    }
                }
                default -> {
                    // other meta events carry free-form data
                }
            }
        }

        /** Reads a variable-length quantity of at most 4 bytes; sets {@link #vlqFailed} on overflow or truncation. */
        private long readVlq(int limit) {
            vlqFailed = false;
            long value = 0;
            for (int i = 0; i < 4; i++) {
                if (pos >= limit) {
                    vlqFailed = true;
                    return 0;
                }
                int c = b[pos++] & 0xFF;
                value = (value << 7) | (c & 0x7F);
                if ((c & 0x80) == 0) {
                    return value;
                }
            }
            vlqFailed = true;
            return 0;
        }

        /** Appends an event. A meta/SysEx event calls {@link #addPayload} just before, for the same index. */
        private void add(long tick, int message, int payloadIndex) {
            if (count == messages.length) {
                ensureCapacity(count + 1);
            }
            if (longTicks != null) {
                longTicks[count] = tick;
            } else if (tick <= Integer.MAX_VALUE) {
                ticks[count] = (int) tick;
            } else {
                longTicks = new long[messages.length];
                for (int i = 0; i < count; i++) {
                    longTicks[i] = ticks[i];
                }
                longTicks[count] = tick;
                ticks = null;
            }
            messages[count] = message;
            count++;
        }

        private void ensureCapacity(int needed) {
            if (needed > messages.length) {
                int capacity = Math.max(needed, messages.length + (messages.length >> 1) + 16);
                if (longTicks != null) {
                    longTicks = Arrays.copyOf(longTicks, capacity);
                } else {
                    ticks = Arrays.copyOf(ticks, capacity);
                }
                messages = Arrays.copyOf(messages, capacity);
            }
        }

        /** Records the payload of the event about to be added at index {@link #count}. */
        private int addPayload(int offset, int length) {
            if (payloadCount == payloadOffsets.length) {
                int capacity = payloadCount + (payloadCount >> 1) + 16;
                payloadOffsets = Arrays.copyOf(payloadOffsets, capacity);
                payloadLengths = Arrays.copyOf(payloadLengths, capacity);
                payloadEvents = Arrays.copyOf(payloadEvents, capacity);
            }
            payloadOffsets[payloadCount] = offset;
            payloadLengths[payloadCount] = length;
            payloadEvents[payloadCount] = count;
            return payloadCount++;
        }

        private void warn(Kind kind, long offset, String detail) {
            if (warnings.size() < MAX_WARNINGS) {
                warnings.add(new ParseWarning(kind, Math.max(0, offset), detail));
            } else {
                warningsTruncated = true;
            }
        }

        private boolean isChunkId(int p) {
            if (p < 0 || p + 4 > end) {
                return false;
            }
            for (int i = 0; i < 4; i++) {
                int c = b[p + i] & 0xFF;
                boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '_';
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        private boolean allZero(int from, int to) {
            for (int i = from; i < to; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            return true;
        }

        private long be32(int p) {
            return ((b[p] & 0xFFL) << 24) | ((b[p + 1] & 0xFFL) << 16) | ((b[p + 2] & 0xFFL) << 8) | (b[p + 3] & 0xFFL);
        }

        private long le32(int p) {
            return ((b[p + 3] & 0xFFL) << 24) | ((b[p + 2] & 0xFFL) << 16) | ((b[p + 1] & 0xFFL) << 8) | (b[p] & 0xFFL);
        }

        private int be16(int p) {
            return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
        }

        private String firstBytes() {
            StringBuilder sb = new StringBuilder("starts with");
            for (int i = 0; i < Math.min(8, b.length); i++) {
                sb.append(String.format(" %02x", b[i] & 0xFF));
            }
            return sb.toString();
        }
    }

    /** A growable int array, to keep track starts without boxing. */
    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
