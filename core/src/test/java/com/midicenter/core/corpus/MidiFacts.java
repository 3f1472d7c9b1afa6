package com.midicenter.core.corpus;

import com.midicenter.core.midi.MidiFile;

import java.util.ArrayList;
import java.util.List;

/** What a test needs to know about a parsed file, read straight from the events. */
record MidiFacts(int noteOns, List<int[]> notes, List<Integer> tempos, List<String> meters, List<int[]> keySignatures,
                 List<Integer> programs, boolean drumNotes) {

    /** {@code notes}: {tick, channel, key} of every note-on with velocity &gt; 0, track by track. */
    static MidiFacts of(MidiFile f) {
        int noteOns = 0;
        List<int[]> notes = new ArrayList<>();
        List<Integer> tempos = new ArrayList<>();
        List<String> meters = new ArrayList<>();
        List<int[]> keys = new ArrayList<>();
        List<Integer> programs = new ArrayList<>();
        boolean drums = false;
        for (int i = 0; i < f.eventCount(); i++) {
            if (f.isNoteOn(i)) {
                noteOns++;
                notes.add(new int[] {(int) f.tick(i), f.channel(i), f.data1(i)});
                drums |= f.channel(i) == 9;
            } else if (f.isMeta(i) && f.metaType(i) == 0x51) {
                tempos.add((f.payloadByte(i, 0) << 16) | (f.payloadByte(i, 1) << 8) | f.payloadByte(i, 2));
            } else if (f.isMeta(i) && f.metaType(i) == 0x58) {
                meters.add(f.payloadByte(i, 0) + "/" + (1 << f.payloadByte(i, 1)));
            } else if (f.isMeta(i) && f.metaType(i) == 0x59) {
                keys.add(new int[] {(byte) f.payloadByte(i, 0), f.payloadByte(i, 1)});
            } else if (!f.isMeta(i) && !f.isSysex(i) && f.command(i) == 0xC0) {
                programs.add(f.data1(i));
            }
        }
        return new MidiFacts(noteOns, notes, tempos, meters, keys, programs, drums);
    }

    /** The name of the key a key signature event states, in the corpus spelling. */
    static String keyName(int[] keySignature) {
        for (int k = 0; k < 24; k++) {
            MusicKey key = MusicKey.of(k);
            if (key.sharpsOrFlats() == keySignature[0] && key.minor() == (keySignature[1] == 1)) {
                return key.name();
            }
        }
        throw new AssertionError("no key with signature " + keySignature[0] + "/" + keySignature[1]);
    }

    /** Ticks per bar of a meter such as {@code 6/8}. */
    static long barTicks(int ppq, String meter) {
        String[] p = meter.split("/");
        return (long) ppq * 4 * Integer.parseInt(p[0]) / Integer.parseInt(p[1]);
    }

    /** Pitch classes of a chord symbol such as {@code Bbm7b5} or {@code C/E}; element 0 is the bass. */
    static int[] chordPitchClasses(String symbol) {
        String s = symbol;
        int slash = s.indexOf('/');
        String bassName = slash < 0 ? null : s.substring(slash + 1);
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        int rootLength = s.length() > 1 && (s.charAt(1) == '#' || s.charAt(1) == 'b') ? 2 : 1;
        int root = MusicKey.parse(s.substring(0, rootLength)).orElseThrow().tonic();
        String suffix = s.substring(rootLength);
        Chord.Quality quality = null;
        for (Chord.Quality q : Chord.Quality.values()) {
            if (q.suffix().equals(suffix)) {
                quality = q;
            }
        }
        if (quality == null) {
            throw new AssertionError("unknown chord suffix in " + symbol);
        }
        int[] pcs = new int[quality.size() + 1];
        pcs[0] = bassName == null ? root : MusicKey.parse(bassName).orElseThrow().tonic();
        for (int i = 0; i < quality.size(); i++) {
            pcs[i + 1] = (root + quality.interval(i)) % 12;
        }
        return pcs;
    }
}
