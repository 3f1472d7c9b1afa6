package com.midicenter.core.midi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Hand assembly of (possibly broken) Standard MIDI File bytes for tests. */
final class SmfBytes {

    private SmfBytes() {
    }

    /** Bytes from unsigned values 0..255. */
    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFF) {
                throw new IllegalArgumentException("not a byte: " + values[i]);
            }
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    static byte[] be32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    static byte[] be16(int v) {
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }

    /** A standard 14-byte MThd chunk. */
    static byte[] header(int format, int tracks, int division) {
        return concat(ascii("MThd"), be32(6), be16(format), be16(tracks), be16(division));
    }

    /** An MThd chunk with a declared length and extra bytes after the six standard ones. */
    static byte[] header(long declaredLength, int format, int tracks, int division, byte[] extra) {
        return concat(ascii("MThd"), be32(declaredLength), be16(format), be16(tracks), be16(division), extra);
    }

    /** Any chunk with its correct length. */
    static byte[] chunk(String id, byte[] data) {
        return concat(ascii(id), be32(data.length), data);
    }

    /** An MTrk chunk with the correct length. */
    static byte[] track(byte[]... events) {
        return chunk("MTrk", concat(events));
    }

    /** An MTrk chunk whose length field says {@code declaredLength}, whatever the data. */
    static byte[] trackWithLength(long declaredLength, byte[]... events) {
        return concat(ascii("MTrk"), be32(declaredLength), concat(events));
    }

    /** Delta 0, End of Track. */
    static byte[] eot() {
        return bytes(0x00, 0xFF, 0x2F, 0x00);
    }

    /** Two quarter notes at PPQ 96 (C4 at 0, D4 at 96, each 96 ticks long), without End of Track: 16 bytes. */
    static byte[] twoNotes() {
        return bytes(
                0x00, 0x90, 0x3C, 0x40,
                0x60, 0x80, 0x3C, 0x00,
                0x00, 0x90, 0x3E, 0x40,
                0x60, 0x80, 0x3E, 0x00);
    }

    /** A clean one-track format-0 file at PPQ 96 holding {@link #twoNotes()}. */
    static byte[] cleanFile() {
        return concat(header(0, 1, 96), track(twoNotes(), eot()));
    }

    static int noteOnCount(MidiFile file) {
        return noteOnTicks(file).size();
    }

    static List<Long> noteOnTicks(MidiFile file) {
        List<Long> ticks = new ArrayList<>();
        for (int i = 0; i < file.eventCount(); i++) {
            if (file.isNoteOn(i)) {
                ticks.add(file.tick(i));
            }
        }
        return ticks;
    }

    static List<Integer> noteOnKeys(MidiFile file) {
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < file.eventCount(); i++) {
            if (file.isNoteOn(i)) {
                keys.add(file.data1(i));
            }
        }
        return keys;
    }

    static List<ParseWarning.Kind> kinds(MidiFile file) {
        return file.warnings().stream().map(ParseWarning::kind).toList();
    }

    /** True when the last event of track {@code t} is an End of Track meta event. */
    static boolean endsWithEot(MidiFile file, int t) {
        int last = file.trackEnd(t) - 1;
        return last >= file.trackStart(t) && file.isMeta(last) && file.metaType(last) == 0x2F;
    }
}
