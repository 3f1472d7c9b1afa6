package com.midicenter.core.midi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a valid Standard MIDI File in memory: tracks of events at absolute ticks, written with
 * delta times, optional running status, and an End of Track on every track.
 *
 * <p>Events at the same tick keep the order they were added in. Not thread-safe.
 *
 * <pre>{@code
 * SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
 * SmfBuilder.Track t = smf.addTrack().trackName("Bass").tempoBpm(0, 120).timeSignature(0, 4, 4);
 * t.note(0, 0, 45, 100, 480);
 * byte[] bytes = smf.toBytes();
 * }</pre>
 */
public final class SmfBuilder {

    /** The largest delta time a 4-byte variable-length quantity can hold. */
    static final long MAX_DELTA = 0x0FFF_FFFFL;

    private final int format;
    private final Division division;
    private final List<Track> tracks = new ArrayList<>();
    private boolean runningStatus = true;

    public SmfBuilder(int format, Division division) {
        if (format < 0 || format > 2) {
            throw new IllegalArgumentException("format=" + format);
        }
        this.format = format;
        this.division = java.util.Objects.requireNonNull(division, "division");
        if (division.isSmpte() ? division.smpteFps() > 128 || division.ticksPerFrame() > 0xFF
                : division.ticksPerQuarter() > 0x7FFF) {
            throw new IllegalArgumentException("division does not fit the 16-bit header field: " + division);
        }
    }

    /** Whether channel messages use running status (default true; real files mix both). */
    public SmfBuilder runningStatus(boolean on) {
        this.runningStatus = on;
        return this;
    }

    public Track addTrack() {
        Track t = new Track();
        tracks.add(t);
        return t;
    }

    public int trackCount() {
        return tracks.size();
    }

    /** Encodes the file. The builder can be changed and encoded again afterwards. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        writeAscii(out, "MThd");
        write32(out, 6);
        write16(out, format);
        write16(out, tracks.size());
        write16(out, division.encoded());
        for (Track t : tracks) {
            byte[] data = t.encode(runningStatus);
            writeAscii(out, "MTrk");
            write32(out, data.length);
            out.write(data, 0, data.length);
        }
        return out.toByteArray();
    }

    /**
     * Re-encodes a parsed file (all tracks and events, with End of Track ensured) as a clean SMF.
     *
     * <p>Where two consecutive events of a track are more than 0x0FFFFFFF ticks apart (possible when the reader
     * skipped broken events in between), empty text events (FF 01 00) are inserted every 0x0FFFFFFF ticks so
     * that every event keeps its tick.
     */
    public static byte[] rewrite(MidiFile file) {
        return rewrite(file, new Editor() { });
    }

    /**
     * How {@link #rewrite(MidiFile, Editor)} writes each event of a parsed file: the defaults copy it unchanged.
     * {@link MidiTransform} overrides one of them.
     */
    interface Editor {
        /** Called once per track before its events; may add events (e.g. a tempo at tick 0). */
        default void beforeTrack(MidiFile file, int track, Track out) {
        }

        /** Packed channel message of event {@code i}: {@code status | data1 << 8 | data2 << 16}. */
        default int channelMessage(MidiFile file, int i) {
            return file.status(i) | file.data1(i) << 8 | file.data2(i) << 16;
        }

        /** Payload of meta or SysEx event {@code i}. */
        default byte[] payload(MidiFile file, int i) {
            return file.payload(i);
        }
    }

    /** {@link #rewrite(MidiFile)} with each event passed through {@code editor}. */
    static byte[] rewrite(MidiFile file, Editor editor) {
        SmfBuilder smf = new SmfBuilder(file.format(), file.division());
        for (int t = 0; t < file.trackCount(); t++) {
            Track track = smf.addTrack();
            editor.beforeTrack(file, t, track);
            long previous = 0;
            for (int i = file.trackStart(t); i < file.trackEnd(t); i++) {
                while (file.tick(i) - previous > MAX_DELTA) {
                    previous += MAX_DELTA;
                    track.meta(previous, 0x01, new byte[0]);
                }
                previous = file.tick(i);
                int status = file.status(i);
                if (status == 0xFF) {
                    // not meta(): the reader keeps meta types above 127, which meta() refuses
                    track.add(file.tick(i), 0xFF | (file.metaType(i) << 8), editor.payload(file, i));
                } else if (status == 0xF0 || status == 0xF7) {
                    track.sysex(file.tick(i), status, editor.payload(file, i));
                } else {
                    int m = editor.channelMessage(file, i);
                    track.channelMessage(file.tick(i), m & 0xFF, (m >>> 8) & 0xFF, (m >>> 16) & 0xFF);
                }
            }
        }
        return smf.toBytes();
    }

    /** One track's events. */
    public static final class Track {
        private long[] ticks = new long[64];
        private int[] messages = new int[64];
        private final List<byte[]> payloads = new ArrayList<>();
        private int[] payloadIndex = new int[64];
        private int size;

        private Track() {
        }

        private Track add(long tick, int message, byte[] payload) {
            if (tick < 0) {
                throw new IllegalArgumentException("tick=" + tick);
            }
            if (size == ticks.length) {
                int cap = size * 2;
                ticks = Arrays.copyOf(ticks, cap);
                messages = Arrays.copyOf(messages, cap);
                payloadIndex = Arrays.copyOf(payloadIndex, cap);
            }
            ticks[size] = tick;
            messages[size] = message;
            if (payload != null) {
                payloadIndex[size] = payloads.size();
                payloads.add(payload);
            } else {
                payloadIndex[size] = -1;
            }
            size++;
            return this;
        }

        /** A channel message; {@code status} 0x80..0xEF includes the channel. */
        public Track channelMessage(long tick, int status, int data1, int data2) {
            if (status < 0x80 || status > 0xEF) {
                throw new IllegalArgumentException("status=" + status);
            }
            if (data1 < 0 || data1 > 127 || data2 < 0 || data2 > 127) {
                throw new IllegalArgumentException("data1=" + data1 + " data2=" + data2);
            }
            return add(tick, status | (data1 << 8) | (data2 << 16), null);
        }

        public Track noteOn(long tick, int channel, int key, int velocity) {
            return channelMessage(tick, 0x90 | checkChannel(channel), key, velocity);
        }

        public Track noteOff(long tick, int channel, int key) {
            return channelMessage(tick, 0x80 | checkChannel(channel), key, 0);
        }

        /** A note-on at {@code tick} and its note-off {@code durationTicks} later. */
        public Track note(long tick, int channel, int key, int velocity, long durationTicks) {
            if (durationTicks <= 0) {
                throw new IllegalArgumentException("durationTicks=" + durationTicks);
            }
            noteOn(tick, channel, key, velocity);
            return noteOff(tick + durationTicks, channel, key);
        }

        public Track programChange(long tick, int channel, int program) {
            return channelMessage(tick, 0xC0 | checkChannel(channel), program, 0);
        }

        public Track controlChange(long tick, int channel, int controller, int value) {
            return channelMessage(tick, 0xB0 | checkChannel(channel), controller, value);
        }

        public Track pitchBend(long tick, int channel, int value14) {
            return channelMessage(tick, 0xE0 | checkChannel(channel), value14 & 0x7F, (value14 >> 7) & 0x7F);
        }

        public Track meta(long tick, int type, byte[] data) {
            if (type < 0 || type > 127) {
                throw new IllegalArgumentException("type=" + type);
            }
            return add(tick, 0xFF | (type << 8), data.clone());
        }

        /** A meta event of any type 0..255 as a parsed file may hold it (the reader keeps types above 127). */
        Track anyMeta(long tick, int type, byte[] data) {
            if (type < 0 || type > 255) {
                throw new IllegalArgumentException("type=" + type);
            }
            return add(tick, 0xFF | (type << 8), data.clone());
        }

        public Track sysex(long tick, int status, byte[] data) {
            if (status != 0xF0 && status != 0xF7) {
                throw new IllegalArgumentException("status=" + status);
            }
            return add(tick, status, data.clone());
        }

        public Track trackName(String name) {
            return meta(0, 0x03, name.getBytes(StandardCharsets.ISO_8859_1));
        }

        public Track text(long tick, String text) {
            return meta(tick, 0x01, text.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Tempo in microseconds per quarter note. */
        public Track tempo(long tick, int microsPerQuarter) {
            if (microsPerQuarter <= 0 || microsPerQuarter > 0xFFFFFF) {
                throw new IllegalArgumentException("microsPerQuarter=" + microsPerQuarter);
            }
            return meta(tick, 0x51, new byte[] {(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8),
                (byte) microsPerQuarter});
        }

        public Track tempoBpm(long tick, double bpm) {
            return tempo(tick, (int) Math.round(60_000_000.0 / bpm));
        }

        public Track timeSignature(long tick, int numerator, int denominator) {
            int power = Integer.numberOfTrailingZeros(denominator);
            if (numerator <= 0 || numerator > 255 || Integer.bitCount(denominator) != 1 || power > 6) {
                throw new IllegalArgumentException("meter=" + numerator + "/" + denominator);
            }
            return meta(tick, 0x58, new byte[] {(byte) numerator, (byte) power, 24, 8});
        }

        /** @param sharpsOrFlats -7..7 (negative: flats) @param minor true for a minor key */
        public Track keySignature(long tick, int sharpsOrFlats, boolean minor) {
            if (sharpsOrFlats < -7 || sharpsOrFlats > 7) {
                throw new IllegalArgumentException("sharpsOrFlats=" + sharpsOrFlats);
            }
            return meta(tick, 0x59, new byte[] {(byte) sharpsOrFlats, (byte) (minor ? 1 : 0)});
        }

        /** Number of events added so far (End of Track not counted unless added explicitly). */
        public int size() {
            return size;
        }

        private static int checkChannel(int channel) {
            if (channel < 0 || channel > 15) {
                throw new IllegalArgumentException("channel=" + channel);
            }
            return channel;
        }

        byte[] encode(boolean useRunningStatus) {
            // stable sort by tick (a packed tick << 24 | index key overflowed above tick 2^39 or 2^24 events)
            int[] order = new int[size];
            long lastTick = 0;
            boolean hasEot = false;
            boolean sorted = true;
            for (int i = 0; i < size; i++) {
                order[i] = i;
                sorted &= i == 0 || ticks[i] >= ticks[i - 1];
                lastTick = Math.max(lastTick, ticks[i]);
            }
            if (!sorted) {
                order = java.util.stream.IntStream.range(0, size).boxed()
                        .sorted(java.util.Comparator.comparingLong(i -> ticks[i]))
                        .mapToInt(Integer::intValue).toArray();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(size * 3 + 8);
            long previous = 0;
            int running = 0;
            for (int i : order) {
                int m = messages[i];
                int status = m & 0xFF;
                if (hasEot) {
                    break; // nothing may follow End of Track
                }
                writeVlq(out, ticks[i] - previous);
                previous = ticks[i];
                if (status == 0xFF) {
                    int type = (m >>> 8) & 0xFF;
                    byte[] data = payloads.get(payloadIndex[i]);
                    out.write(0xFF);
                    out.write(type);
                    writeVlq(out, data.length);
                    out.write(data, 0, data.length);
                    running = 0;
                    hasEot = type == 0x2F;
                } else if (status == 0xF0 || status == 0xF7) {
                    byte[] data = payloads.get(payloadIndex[i]);
                    out.write(status);
                    writeVlq(out, data.length);
                    out.write(data, 0, data.length);
                    running = 0;
                } else {
                    if (!useRunningStatus || status != running) {
                        out.write(status);
                    }
                    running = status;
                    out.write((m >>> 8) & 0x7F);
                    if ((status & 0xE0) != 0xC0) {
                        out.write((m >>> 16) & 0x7F);
                    }
                }
            }
            if (!hasEot) {
                writeVlq(out, lastTick - previous);
                out.write(0xFF);
                out.write(0x2F);
                out.write(0);
            }
            return out.toByteArray();
        }
    }

    static void writeVlq(ByteArrayOutputStream out, long value) {
        if (value < 0 || value > MAX_DELTA) {
            throw new IllegalArgumentException("delta=" + value + " does not fit a 4-byte variable-length quantity");
        }
        int v = (int) value;
        if (v >= 1 << 21) {
            out.write(0x80 | (v >>> 21));
        }
        if (v >= 1 << 14) {
            out.write(0x80 | ((v >>> 14) & 0x7F));
        }
        if (v >= 1 << 7) {
            out.write(0x80 | ((v >>> 7) & 0x7F));
        }
        out.write(v & 0x7F);
    }

    private static void writeAscii(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes, 0, bytes.length);
    }

    private static void write32(ByteArrayOutputStream out, long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
    }

    private static void write16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
