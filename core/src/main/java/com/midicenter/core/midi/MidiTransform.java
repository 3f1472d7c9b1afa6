package com.midicenter.core.midi;

import com.midicenter.core.music.MusicalKey;
import java.util.Objects;

/**
 * Edits of a parsed file that a producer asks for when dragging it into a song: a transposition and a tempo. Both
 * return a clean Standard MIDI File (as {@link SmfBuilder#rewrite(MidiFile)}) with the same format, division and
 * tracks, and every event the edit does not concern written unchanged at its tick.
 *
 * <p>Stateless; safe to call from any thread.
 */
public final class MidiTransform {

    /** The GM drum channel (channel 10, index 9): never transposed, its note numbers name instruments. */
    public static final int DRUM_CHANNEL = 9;
    /** Slowest tempo {@link #setTempo} accepts (a tempo meta holds at most 0xFFFFFF µs per quarter). */
    public static final double MIN_BPM = 4.0;
    /** Fastest tempo {@link #setTempo} accepts. */
    public static final double MAX_BPM = 1000.0;

    private static final int TEMPO = 0x51;

    private MidiTransform() {
    }

    /**
     * The file with every note-on, note-off and polyphonic aftertouch of the non-drum channels shifted by
     * {@code semitones}. A note pushed outside 0..127 is folded back into range by whole octaves (its pitch class
     * stays), the same way for its note-on and its note-off.
     *
     * @param semitones -127..127; 0 gives a clean copy
     * @return the bytes of the transposed file
     */
    public static byte[] transpose(MidiFile file, int semitones) {
        Objects.requireNonNull(file, "file");
        if (semitones < -127 || semitones > 127) {
            throw new IllegalArgumentException("semitones=" + semitones + " is not -127..127");
        }
        return SmfBuilder.rewrite(file, new SmfBuilder.Editor() {
            @Override
            public int channelMessage(MidiFile f, int i) {
                int status = f.status(i);
                int command = status & 0xF0;
                boolean pitched = command == 0x80 || command == 0x90 || command == 0xA0;
                if (!pitched || (status & 0x0F) == DRUM_CHANNEL) {
                    return SmfBuilder.Editor.super.channelMessage(f, i);
                }
                return status | fold(f.data1(i) + semitones) << 8 | f.data2(i) << 16;
            }
        });
    }

    /** {@code note} moved by octaves into 0..127. */
    static int fold(int note) {
        int n = note;
        while (n > 127) {
            n -= 12;
        }
        while (n < 0) {
            n += 12;
        }
        return n;
    }

    /**
     * The shortest transposition from {@code from} to {@code to}, -6..+5 semitones (a tritone goes down). A minor file
     * asked into a major key goes to that key's relative minor (a file in A minor to C is 0), and a major file into a
     * minor key to its relative major: the mode of the material is kept.
     */
    public static int semitonesTo(MusicalKey from, MusicalKey to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        MusicalKey target = from.minor() == to.minor() ? to : to.relative();
        int up = Math.floorMod(target.tonic() - from.tonic(), 12);
        return up > 5 ? up - 12 : up;
    }

    /**
     * The file with its first tempo set to {@code bpm} and every later tempo change scaled by the same ratio, so that
     * accelerandos and tempo jumps keep their shape. "First" is the tempo event with the lowest tick (of the earliest
     * track on a tie). A file without any tempo event (120 BPM by the standard) gets one at tick 0 of its first track.
     * Scaled tempos are clamped to what a tempo event can hold.
     *
     * @param bpm quarter notes per minute, {@link #MIN_BPM}..{@link #MAX_BPM}
     * @return the bytes of the re-timed file
     */
    public static byte[] setTempo(MidiFile file, double bpm) {
        Objects.requireNonNull(file, "file");
        if (!(bpm >= MIN_BPM && bpm <= MAX_BPM)) {
            throw new IllegalArgumentException("bpm=" + bpm + " is not " + MIN_BPM + ".." + MAX_BPM);
        }
        int newFirstMicros = (int) Math.round(60_000_000.0 / bpm);
        int first = firstTempo(file);
        if (first < 0) {
            return SmfBuilder.rewrite(file, new SmfBuilder.Editor() {
                @Override
                public void beforeTrack(MidiFile f, int track, SmfBuilder.Track out) {
                    if (track == 0) {
                        out.tempo(0, newFirstMicros);
                    }
                }
            });
        }
        double ratio = (double) newFirstMicros / micros(file, first);
        return SmfBuilder.rewrite(file, new SmfBuilder.Editor() {
            @Override
            public byte[] payload(MidiFile f, int i) {
                byte[] payload = f.payload(i);
                if (!isTempo(f, i)) {
                    return payload;
                }
                long scaled = i == first ? newFirstMicros : Math.round(micros(f, i) * ratio);
                int micros = (int) Math.max(1, Math.min(0xFFFFFF, scaled));
                payload[0] = (byte) (micros >>> 16);
                payload[1] = (byte) (micros >>> 8);
                payload[2] = (byte) micros;
                return payload;
            }
        });
    }

    /** Index of the tempo event with the lowest tick (earliest track on a tie), or -1. */
    private static int firstTempo(MidiFile file) {
        int first = -1;
        for (int i = 0; i < file.eventCount(); i++) {
            if (isTempo(file, i) && (first < 0 || file.tick(i) < file.tick(first))) {
                first = i;
            }
        }
        return first;
    }

    private static boolean isTempo(MidiFile file, int i) {
        return file.isMeta(i) && file.metaType(i) == TEMPO && file.payloadLength(i) >= 3 && micros(file, i) > 0;
    }

    private static int micros(MidiFile file, int i) {
        return file.payloadByte(i, 0) << 16 | file.payloadByte(i, 1) << 8 | file.payloadByte(i, 2);
    }
}
