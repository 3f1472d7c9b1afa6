package com.midicenter.core.roll;

import com.midicenter.core.analysis.ChordAnalyzer;
import com.midicenter.core.analysis.ChordResult;
import com.midicenter.core.analysis.ChordSymbols;
import com.midicenter.core.analysis.DrumPiece;
import com.midicenter.core.analysis.GeneralMidi;
import com.midicenter.core.analysis.KeyAnalyzer;
import com.midicenter.core.analysis.Notes;
import com.midicenter.core.analysis.Timeline;
import com.midicenter.core.midi.MidiFile;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a piano roll draws and a previewer plays of one file: its notes in start order, its bars, the chord of each
 * bar and its drum keys, with tick-to-seconds through the tempo map. Immutable, primitive arrays only, safe to
 * share between threads (built on a worker thread, handed to the EDT).
 *
 * <p>Built from the analysis rather than re-derived: notes are {@link Notes} (paired across tracks), bars are the
 * {@link Timeline}'s (meter map, at most {@link Timeline#MAX_BARS}), chord labels are {@link ChordAnalyzer}'s
 * per-bar symbols spelled in the key {@link KeyAnalyzer} finds, drum pieces are {@link DrumPiece}s of the General
 * MIDI drum map. A channel is drums when it is the GM drum channel (10), as the analysers decide.
 *
 * <p>Bounded for huge files: at most {@code maxNotes} notes are kept (the earliest ones), and
 * {@link #isTruncated()} says so; {@link #totalNotes()} is how many the file has (up to {@link Notes#MAX_NOTES}).
 */
public final class NoteRoll {

    /** Notes kept by {@link #of(MidiFile)}: far more than any song file, and about 2.6 MB of arrays. */
    public static final int DEFAULT_MAX_NOTES = 100_000;

    private static final int DEFAULT_MICROS_PER_QUARTER = 500_000;
    private static final NoteRoll EMPTY = new NoteRoll();

    private final int ppq;
    private final boolean smpte;
    private final double smpteTicksPerSecond;
    private final int trackCount;
    private final int count;
    private final int totalNotes;
    private final long[] starts;
    private final long[] ends;
    private final byte[] pitches;
    private final byte[] velocities;
    private final byte[] channels;
    private final short[] tracks;
    private final long maxNoteTicks;
    private final int minPitch;
    private final int maxPitch;
    private final long[] barStarts; // barCount + 1 entries
    private final byte[] barNumerators;
    private final byte[] barDenominators;
    private final boolean barsTruncated;
    private final String[] chords; // per bar, "" for no chord
    private final int drumChannels; // bit per channel
    private final int pitchedNotes;
    private final int drumNotes;
    private final int[] drumKeys; // lane -> key, ordered by piece then key
    private final byte[] laneOfKey; // key -> lane, -1 unused
    private final long[] tempoTicks;
    private final int[] tempoMicros;
    private final double[] tempoSeconds;
    private final byte[] programs; // per channel, -1 none

    private NoteRoll() {
        ppq = 480;
        smpte = false;
        smpteTicksPerSecond = 0;
        trackCount = 0;
        count = 0;
        totalNotes = 0;
        starts = new long[0];
        ends = new long[0];
        pitches = new byte[0];
        velocities = new byte[0];
        channels = new byte[0];
        tracks = new short[0];
        maxNoteTicks = 0;
        minPitch = -1;
        maxPitch = -1;
        barStarts = new long[] {0, 4L * ppq};
        barNumerators = new byte[] {4};
        barDenominators = new byte[] {4};
        barsTruncated = false;
        chords = new String[] {""};
        drumChannels = 1 << GeneralMidi.DRUM_CHANNEL;
        pitchedNotes = 0;
        drumNotes = 0;
        drumKeys = new int[0];
        laneOfKey = new byte[128];
        Arrays.fill(laneOfKey, (byte) -1);
        tempoTicks = new long[0];
        tempoMicros = new int[0];
        tempoSeconds = new double[0];
        programs = new byte[16];
        Arrays.fill(programs, (byte) -1);
    }

    private NoteRoll(MidiFile file, int maxNotes) {
        Timeline timeline = Timeline.of(file);
        Notes notes = Notes.of(file);
        this.ppq = timeline.ppq();
        this.smpte = timeline.isSmpte();
        this.smpteTicksPerSecond = smpte ? file.division().smpteTicksPerSecond() : 0;
        this.trackCount = file.trackCount();
        this.totalNotes = notes.count();
        this.count = Math.min(maxNotes, notes.count());
        this.starts = new long[count];
        this.ends = new long[count];
        this.pitches = new byte[count];
        this.velocities = new byte[count];
        this.channels = new byte[count];
        this.tracks = new short[count];
        this.drumChannels = 1 << GeneralMidi.DRUM_CHANNEL;
        long longest = 0;
        int low = 128;
        int high = -1;
        int drums = 0;
        int[] keyHits = new int[128];
        for (int i = 0; i < count; i++) {
            starts[i] = notes.start(i);
            ends[i] = notes.end(i);
            pitches[i] = (byte) notes.pitch(i);
            velocities[i] = (byte) notes.velocity(i);
            channels[i] = (byte) notes.channel(i);
            tracks[i] = (short) notes.track(i);
            longest = Math.max(longest, ends[i] - starts[i]);
            if ((drumChannels & (1 << channels[i])) != 0) {
                drums++;
                keyHits[notes.pitch(i)]++;
            } else {
                low = Math.min(low, notes.pitch(i));
                high = Math.max(high, notes.pitch(i));
            }
        }
        this.maxNoteTicks = longest;
        this.minPitch = high < 0 ? -1 : low;
        this.maxPitch = high;
        this.drumNotes = drums;
        this.pitchedNotes = count - drums;
        this.drumKeys = drumKeysInLaneOrder(keyHits);
        this.laneOfKey = new byte[128];
        Arrays.fill(laneOfKey, (byte) -1);
        for (int lane = 0; lane < drumKeys.length; lane++) {
            laneOfKey[drumKeys[lane]] = (byte) lane;
        }

        int bars = timeline.barCount();
        this.barStarts = new long[bars + 1];
        this.barNumerators = new byte[bars];
        this.barDenominators = new byte[bars];
        for (int b = 0; b <= bars; b++) {
            barStarts[b] = timeline.barStart(b);
        }
        for (int b = 0; b < bars; b++) {
            barNumerators[b] = (byte) Math.min(127, timeline.numerator(b));
            barDenominators[b] = (byte) Math.min(64, timeline.denominator(b));
        }
        this.barsTruncated = bars == Timeline.MAX_BARS && timeline.barStart(bars) < file.lastTick();

        this.chords = new String[bars];
        if (pitchedNotes == 0) {
            Arrays.fill(chords, "");
        } else {
            ChordResult result = new ChordAnalyzer().analyze(notes, timeline,
                    new KeyAnalyzer().analyze(file, notes, null).key());
            for (int b = 0; b < bars; b++) {
                String symbol = b < result.perBar().size() ? result.perBar().get(b) : ChordSymbols.NO_CHORD;
                chords[b] = ChordSymbols.NO_CHORD.equals(symbol) ? "" : symbol;
            }
        }

        int tempos = smpte ? 0 : timeline.tempoCount();
        this.tempoTicks = new long[tempos];
        this.tempoMicros = new int[tempos];
        this.tempoSeconds = new double[tempos];
        for (int k = 0; k < tempos; k++) {
            tempoTicks[k] = timeline.tempoTick(k);
            tempoMicros[k] = timeline.tempoMicros(k);
            tempoSeconds[k] = timeline.seconds(tempoTicks[k]);
        }
        this.programs = firstPrograms(file);
    }

    /** The roll of {@code file} with at most {@link #DEFAULT_MAX_NOTES} notes. */
    public static NoteRoll of(MidiFile file) {
        return of(file, DEFAULT_MAX_NOTES);
    }

    /** The roll of {@code file} with at most {@code maxNotes} (&ge; 0) notes, the earliest ones. */
    public static NoteRoll of(MidiFile file, int maxNotes) {
        Objects.requireNonNull(file, "file");
        if (maxNotes < 0) {
            throw new IllegalArgumentException("maxNotes=" + maxNotes);
        }
        return new NoteRoll(file, maxNotes);
    }

    /** A roll without notes: one empty 4/4 bar at 480 PPQ. */
    public static NoteRoll empty() {
        return EMPTY;
    }

    /** Drum keys that sound, ordered by {@link DrumPiece} (kick first) and then by key. */
    private static int[] drumKeysInLaneOrder(int[] keyHits) {
        int used = 0;
        for (int hits : keyHits) {
            used += hits > 0 ? 1 : 0;
        }
        long[] sortable = new long[used];
        int n = 0;
        for (int key = 0; key < 128; key++) {
            if (keyHits[key] > 0) {
                sortable[n++] = (long) DrumPiece.of(key).ordinal() << 8 | key;
            }
        }
        Arrays.sort(sortable);
        int[] keys = new int[used];
        for (int i = 0; i < used; i++) {
            keys[i] = (int) (sortable[i] & 0xFF);
        }
        return keys;
    }

    private static byte[] firstPrograms(MidiFile file) {
        byte[] programs = new byte[16];
        Arrays.fill(programs, (byte) -1);
        long[] at = new long[16];
        Arrays.fill(at, Long.MAX_VALUE);
        for (int i = 0; i < file.eventCount(); i++) {
            if (file.command(i) == 0xC0 && file.tick(i) < at[file.channel(i)]) {
                at[file.channel(i)] = file.tick(i);
                programs[file.channel(i)] = (byte) file.data1(i);
            }
        }
        return programs;
    }

    // ---- notes

    /** Notes kept, at most the {@code maxNotes} asked for. */
    public int noteCount() {
        return count;
    }

    /** Notes in the file (as far as {@link Notes} reads), kept or not. */
    public int totalNotes() {
        return totalNotes;
    }

    /** True when the file has more notes than were kept; the later ones are missing. */
    public boolean isTruncated() {
        return count < totalNotes;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Start tick of note {@code i}; notes are in start order. */
    public long start(int i) {
        return starts[i];
    }

    /** End tick of note {@code i}, at least its start. */
    public long end(int i) {
        return ends[i];
    }

    /** MIDI key 0..127 (for a drum note: the GM drum key). */
    public int pitch(int i) {
        return pitches[i];
    }

    public int velocity(int i) {
        return velocities[i];
    }

    /** 0-based MIDI channel. */
    public int channel(int i) {
        return channels[i];
    }

    /** Index of the file track the note is in. */
    public int track(int i) {
        return tracks[i];
    }

    /** True when note {@code i} is on a drum channel. */
    public boolean isDrum(int i) {
        return (drumChannels & (1 << channels[i])) != 0;
    }

    /** Tracks in the file (notes' {@link #track(int)} are below this). */
    public int trackCount() {
        return trackCount;
    }

    /** The longest note in ticks: notes sounding at tick t started after {@code t - maxNoteTicks()}. */
    public long maxNoteTicks() {
        return maxNoteTicks;
    }

    /** Index of the first note starting at or after {@code tick} ({@link #noteCount()} when none). */
    public int firstNoteAtOrAfter(long tick) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < tick) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Lowest key of the pitched (non-drum) notes, -1 when there are none. */
    public int minPitch() {
        return minPitch;
    }

    /** Highest key of the pitched (non-drum) notes, -1 when there are none. */
    public int maxPitch() {
        return maxPitch;
    }

    public int pitchedNoteCount() {
        return pitchedNotes;
    }

    public int drumNoteCount() {
        return drumNotes;
    }

    // ---- drums

    /** True when {@code channel} (0-based) plays drums. */
    public boolean isDrumChannel(int channel) {
        return channel >= 0 && channel < 16 && (drumChannels & (1 << channel)) != 0;
    }

    public boolean hasDrums() {
        return drumNotes > 0;
    }

    /** True when every note is a drum note (and there is at least one): a drum file, drawn as drum lanes. */
    public boolean isDrumsOnly() {
        return drumNotes > 0 && pitchedNotes == 0;
    }

    /** Drum lanes: one per GM drum key that sounds. */
    public int drumLaneCount() {
        return drumKeys.length;
    }

    /** The GM drum key of lane {@code lane}; lanes are ordered by {@link DrumPiece} (kick first), then key. */
    public int drumLaneKey(int lane) {
        return drumKeys[lane];
    }

    /** The GM name of lane {@code lane}'s key, e.g. {@code "Closed Hi-Hat"}. */
    public String drumLaneName(int lane) {
        return GmDrumKeys.name(drumKeys[lane]);
    }

    /** The drum piece lane {@code lane} plays. */
    public DrumPiece drumLanePiece(int lane) {
        return DrumPiece.of(drumKeys[lane]);
    }

    /** The lane of drum key {@code key}, -1 when no drum note plays it. */
    public int drumLaneOf(int key) {
        return key >= 0 && key < 128 ? laneOfKey[key] : -1;
    }

    // ---- bars and chords

    /** Ticks per quarter note (for SMPTE files: ticks per half second, see {@link Timeline#ppq()}). */
    public int ppq() {
        return ppq;
    }

    /** Bars laid out, at least 1. */
    public int barCount() {
        return barStarts.length - 1;
    }

    /** First tick of bar {@code bar} (0-based); {@code barStart(barCount())} is where the last bar ends. */
    public long barStart(int bar) {
        return barStarts[bar];
    }

    public int barNumerator(int bar) {
        return barNumerators[bar];
    }

    public int barDenominator(int bar) {
        return barDenominators[bar];
    }

    /** Ticks of one beat of bar {@code bar}. */
    public long beatTicks(int bar) {
        return Math.max(1, (long) ppq * 4 / barDenominators[bar]);
    }

    /** True when the file is longer than the {@link Timeline#MAX_BARS} bars laid out. */
    public boolean barsTruncated() {
        return barsTruncated;
    }

    /** Length in ticks: the end of the last bar (the file's last event falls within it). */
    public long lengthTicks() {
        return barStarts[barStarts.length - 1];
    }

    /** The bar {@code tick} falls in, clamped to the bars laid out. */
    public int barOf(long tick) {
        int i = Arrays.binarySearch(barStarts, 0, barStarts.length - 1, tick);
        int bar = i >= 0 ? i : -i - 2;
        return Math.max(0, Math.min(barCount() - 1, bar));
    }

    /** The chord symbol of bar {@code bar} ({@code Am}, {@code C/E}), {@code ""} when it has no pitched notes. */
    public String chord(int bar) {
        return chords[bar];
    }

    // ---- time

    /** Seconds from the start to {@code tick}, through the tempo map (120 BPM before the first tempo event). */
    public double seconds(long tick) {
        if (smpte) {
            return tick / smpteTicksPerSecond;
        }
        int k = lastTempoAtOrBefore(tick);
        if (k < 0) {
            return tick * (double) DEFAULT_MICROS_PER_QUARTER / ppq / 1e6;
        }
        return tempoSeconds[k] + (tick - tempoTicks[k]) * (double) tempoMicros[k] / ppq / 1e6;
    }

    /** The tick at {@code seconds} (&ge; 0) from the start: the inverse of {@link #seconds(long)}, rounded down. */
    public long tickAt(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("seconds=" + seconds);
        }
        if (smpte) {
            return (long) Math.floor(seconds * smpteTicksPerSecond + 1e-9);
        }
        int k = -1;
        for (int lo = 0, hi = tempoSeconds.length - 1; lo <= hi; ) {
            int mid = (lo + hi) >>> 1;
            if (tempoSeconds[mid] <= seconds) {
                k = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (k < 0) {
            return (long) Math.floor(seconds * 1e6 * ppq / DEFAULT_MICROS_PER_QUARTER + 1e-9);
        }
        return tempoTicks[k] + (long) Math.floor((seconds - tempoSeconds[k]) * 1e6 * ppq / tempoMicros[k] + 1e-9);
    }

    /** Seconds of the whole roll, to the end of the last bar. */
    public double durationSeconds() {
        return seconds(lengthTicks());
    }

    /** BPM in force at {@code tick} (120 before the first tempo event and for SMPTE files). */
    public double bpmAt(long tick) {
        int k = smpte ? -1 : lastTempoAtOrBefore(tick);
        return 60_000_000.0 / (k < 0 ? DEFAULT_MICROS_PER_QUARTER : tempoMicros[k]);
    }

    /** Tempo events (several at one tick merged). */
    public int tempoCount() {
        return tempoTicks.length;
    }

    public long tempoTick(int k) {
        return tempoTicks[k];
    }

    public int tempoMicros(int k) {
        return tempoMicros[k];
    }

    public boolean isSmpte() {
        return smpte;
    }

    /** The first program change of {@code channel} (0-based), -1 when it has none. */
    public int program(int channel) {
        return programs[channel];
    }

    private int lastTempoAtOrBefore(long tick) {
        int found = -1;
        for (int lo = 0, hi = tempoTicks.length - 1; lo <= hi; ) {
            int mid = (lo + hi) >>> 1;
            if (tempoTicks[mid] <= tick) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
