package com.midicenter.core.analysis;

import com.midicenter.core.midi.MidiFile;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a file plays, independent of how it is written: the SHA-256 of its notes as sorted
 * {@code (start, pitch, duration, channel)} tuples, ticks rescaled to {@value #PPQ} per quarter note. Two files with
 * the same fingerprint play the same notes, whatever their track names, track layout, meta events, running status
 * or resolution. Velocities and tempo are not part of it.
 *
 * <p>SMPTE-timed files are hashed on their raw ticks. Thread-safe (stateless).
 */
public final class NoteFingerprint {

    /** Resolution every file is rescaled to before hashing. */
    public static final int PPQ = 480;

    private NoteFingerprint() {
    }

    /** The fingerprint as 64 lowercase hex digits; files without notes all share one (the hash of nothing). */
    public static String of(MidiFile file) {
        Notes notes = Notes.of(file);
        int n = notes.count();
        int ppq = file.ppq();
        // one sortable long per note: start (41 bits) | pitch (7) | channel (4); duration kept beside it
        long[] keys = new long[n];
        long[] lengths = new long[n];
        for (int i = 0; i < n; i++) {
            long start = Math.min(scale(notes.start(i), ppq), (1L << 41) - 1);
            keys[i] = (start << 11) | ((long) notes.pitch(i) << 4) | notes.channel(i);
            lengths[i] = scale(notes.length(i), ppq);
        }
        long[] order = sortedPairs(keys, lengths);
        MessageDigest sha = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(16);
        for (int i = 0; i < n; i++) {
            buffer.clear();
            buffer.putLong(order[2 * i]).putLong(order[2 * i + 1]);
            sha.update(buffer.array(), 0, 16);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** {@code ticks} at {@code ppq} expressed at {@link #PPQ}, rounded to the nearest tick; raw when ppq is 0. */
    static long scale(long ticks, int ppq) {
        if (ppq <= 0 || ppq == PPQ) {
            return ticks;
        }
        return Math.round(ticks * (double) PPQ / ppq);
    }

    /** Pairs (key, length) sorted by key then length, flattened. */
    private static long[] sortedPairs(long[] keys, long[] lengths) {
        int n = keys.length;
        Integer[] index = new Integer[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        Arrays.sort(index, (a, b) -> keys[a] != keys[b] ? Long.compare(keys[a], keys[b])
                : Long.compare(lengths[a], lengths[b]));
        long[] out = new long[2 * n];
        for (int i = 0; i < n; i++) {
            out[2 * i] = keys[index[i]];
            out[2 * i + 1] = lengths[index[i]];
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
