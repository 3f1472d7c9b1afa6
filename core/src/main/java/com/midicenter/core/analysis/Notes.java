package com.midicenter.core.analysis;

import com.midicenter.core.midi.MidiFile;

import java.util.Arrays;

/**
 * The notes of a file, paired from note-on and note-off events across all tracks, ordered by start tick:
 * primitive arrays, no object per note.
 *
 * <p>Pairing: a note-off (or note-on with velocity 0) ends the sounding note of its channel and key; a
 * note-on of a key that is already sounding ends the earlier note there; notes still sounding at the end
 * end at the file's last tick (at least one tick after they start). At most {@link #MAX_NOTES} notes are read.
 */
public final class Notes {

    /** Notes read at most (hostile files); a long song file has a few ten thousand. */
    public static final int MAX_NOTES = 1 << 20;

    private static final Notes EMPTY = new Notes(0, new long[0], new long[0], new byte[0], new byte[0], new byte[0],
            new short[0]);

    private final int count;
    private final long[] starts;
    private final long[] ends;
    private final byte[] pitches;
    private final byte[] velocities;
    private final byte[] channels;
    private final short[] tracks;

    private Notes(int count, long[] starts, long[] ends, byte[] pitches, byte[] velocities, byte[] channels,
                  short[] tracks) {
        this.count = count;
        this.starts = starts;
        this.ends = ends;
        this.pitches = pitches;
        this.velocities = velocities;
        this.channels = channels;
        this.tracks = tracks;
    }

    public static Notes of(MidiFile file) {
        int events = 0;
        for (int i = 0; i < file.eventCount(); i++) {
            int command = file.command(i);
            if (command == 0x90 || command == 0x80) {
                events++;
            }
        }
        if (events == 0) {
            return EMPTY;
        }
        events = Math.min(events, 2 * MAX_NOTES);
        // global order: tick, then note-offs before note-ons, then file order
        long[] keys = new long[events];
        int n = 0;
        boolean sorted = true;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < file.eventCount() && n < events; i++) {
            int command = file.command(i);
            if (command != 0x90 && command != 0x80) {
                continue;
            }
            long tick = Math.min(file.tick(i), (1L << 41) - 1);
            long key = (tick << 22) | ((file.isNoteOn(i) ? 1L : 0L) << 21) | n;
            sorted &= key >= previous;
            previous = key;
            keys[n++] = key;
        }
        int[] index = new int[n];
        n = 0;
        for (int i = 0; i < file.eventCount() && n < index.length; i++) {
            int command = file.command(i);
            if (command == 0x90 || command == 0x80) {
                index[n++] = i;
            }
        }
        if (!sorted) {
            Arrays.sort(keys, 0, n);
        }
        int capacity = Math.min(MAX_NOTES, n);
        long[] starts = new long[capacity];
        long[] ends = new long[capacity];
        byte[] pitches = new byte[capacity];
        byte[] velocities = new byte[capacity];
        byte[] channels = new byte[capacity];
        short[] tracks = new short[capacity];
        int[] open = new int[16 * 128];
        Arrays.fill(open, -1);
        int[] trackOf = trackIndex(file);
        int count = 0;
        long lastTick = file.lastTick();
        for (int k = 0; k < n; k++) {
            int e = index[(int) (keys[k] & 0x1FFFFF)];
            long tick = keys[k] >>> 22;
            int slot = (file.channel(e) << 7) | file.data1(e);
            int sounding = open[slot];
            if (sounding >= 0) {
                ends[sounding] = Math.max(tick, starts[sounding]);
                open[slot] = -1;
            }
            if (file.isNoteOn(e) && count < capacity) {
                starts[count] = tick;
                ends[count] = -1;
                pitches[count] = (byte) file.data1(e);
                velocities[count] = (byte) file.data2(e);
                channels[count] = (byte) file.channel(e);
                tracks[count] = (short) trackOf[e];
                open[slot] = count;
                count++;
            }
        }
        for (int i = 0; i < count; i++) {
            if (ends[i] < 0) {
                ends[i] = Math.max(starts[i] + 1, Math.min(lastTick, (1L << 41) - 1));
            }
        }
        return new Notes(count, starts, ends, pitches, velocities, channels, tracks);
    }

    private static int[] trackIndex(MidiFile file) {
        int[] trackOf = new int[file.eventCount()];
        for (int t = 0; t < file.trackCount(); t++) {
            Arrays.fill(trackOf, file.trackStart(t), file.trackEnd(t), Math.min(t, Short.MAX_VALUE));
        }
        return trackOf;
    }

    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public long start(int i) {
        return starts[i];
    }

    public long end(int i) {
        return ends[i];
    }

    /** Length in ticks, at least 0. */
    public long length(int i) {
        return ends[i] - starts[i];
    }

    public int pitch(int i) {
        return pitches[i];
    }

    public int velocity(int i) {
        return velocities[i];
    }

    /** 0-based MIDI channel (9 is the GM drum channel). */
    public int channel(int i) {
        return channels[i];
    }

    public boolean isDrum(int i) {
        return channels[i] == GeneralMidi.DRUM_CHANNEL;
    }

    public int track(int i) {
        return tracks[i];
    }
}
