package com.midicenter.core.analysis;

import com.midicenter.core.analysis.MidiSummary.BpmSource;
import com.midicenter.core.analysis.MidiSummary.MeterSource;
import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.ParseWarning;
import com.midicenter.core.tags.FilenameHints;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Computes a {@link MidiSummary}: tempo and meter maps, duration, bars, note statistics, polyphony,
 * drums and GM instruments. Works on the primitive event arrays of {@link MidiFile}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SummaryAnalyzer {

    /** Tempo the SMF standard assumes when a file has no tempo event: 120 BPM. */
    public static final int DEFAULT_MICROS_PER_QUARTER = 500_000;

    static final double BAR_TAIL_TOLERANCE = 1.0 / 16;

    /**
     * @param file     a parsed file
     * @param fileName its name (or path), used for the tempo written in it; may be {@code null}
     */
    public MidiSummary summarize(MidiFile file, String fileName) {
        TempoMap tempo = TempoMap.of(file);
        long lastTick = file.lastTick();
        Division division = file.division();

        // tempo and its source
        OptionalDouble nameBpm = fileName == null ? OptionalDouble.empty() : FilenameHints.bpm(fileName);
        Double bpm;
        BpmSource source;
        if (tempo.size() > 0) {
            double metaBpm = round2(tempo.weightedBpm(lastTick));
            boolean softwareDefault = tempo.distinctValues() == 1 && tempo.micros(0) == DEFAULT_MICROS_PER_QUARTER;
            OptionalDouble strong = fileName == null ? OptionalDouble.empty() : FilenameHints.strongBpm(fileName);
            if (softwareDefault && strong.isPresent() && Math.abs(strong.getAsDouble() - 120.0) > 0.01) {
                bpm = strong.getAsDouble();
                source = BpmSource.FILENAME;
            } else {
                bpm = metaBpm;
                source = BpmSource.META;
            }
        } else if (nameBpm.isPresent()) {
            bpm = nameBpm.getAsDouble();
            source = BpmSource.FILENAME;
        } else {
            bpm = null;
            source = BpmSource.DEFAULT;
        }
        double durationSec = division.isSmpte()
                ? lastTick / division.smpteTicksPerSecond()
                : tempo.seconds(lastTick, division.ticksPerQuarter());

        // meter map and bars
        MeterMap meters = MeterMap.of(file);
        int bars = division.isSmpte() ? 0 : meters.bars(lastTick, division.ticksPerQuarter());

        // notes, channels, programs, drums
        int noteOnCount = 0;
        int noteEvents = 0;
        long velocitySum = 0;
        int pitchedMin = 128;
        int pitchedMax = -1;
        int anyMin = 128;
        int anyMax = -1;
        int channelNotes = 0; // bit per channel
        int[] firstProgram = new int[16];
        Arrays.fill(firstProgram, -1);
        TreeSet<Integer> programs = new TreeSet<>();
        List<String> trackNames = new ArrayList<>();
        for (int t = 0; t < file.trackCount(); t++) {
            for (int i = file.trackStart(t); i < file.trackEnd(t); i++) {
                int status = file.status(i);
                if (status == 0xFF) {
                    if (file.metaType(i) == 0x03 && file.payloadLength(i) > 0) {
                        String name = file.metaText(i).strip();
                        if (!name.isEmpty() && trackNames.size() < 64) {
                            trackNames.add(name);
                        }
                    }
                    continue;
                }
                int command = status & 0xF0;
                int channel = status & 0x0F;
                if (command == 0x90 || command == 0x80) {
                    noteEvents++;
                    if (command == 0x90 && file.data2(i) > 0) {
                        int key = file.data1(i);
                        noteOnCount++;
                        velocitySum += file.data2(i);
                        channelNotes |= 1 << channel;
                        anyMin = Math.min(anyMin, key);
                        anyMax = Math.max(anyMax, key);
                        if (channel != GeneralMidi.DRUM_CHANNEL) {
                            pitchedMin = Math.min(pitchedMin, key);
                            pitchedMax = Math.max(pitchedMax, key);
                        }
                    }
                } else if (command == 0xC0) {
                    if (firstProgram[channel] < 0) {
                        firstProgram[channel] = file.data1(i);
                    }
                    if (channel != GeneralMidi.DRUM_CHANNEL) {
                        programs.add(file.data1(i));
                    }
                }
            }
        }
        boolean hasDrums = (channelNotes & (1 << GeneralMidi.DRUM_CHANNEL)) != 0;
        List<Integer> channels = new ArrayList<>();
        TreeSet<String> families = new TreeSet<>();
        List<Integer> programsOnNoteChannels = new ArrayList<>();
        for (int ch = 0; ch < 16; ch++) {
            if ((channelNotes & (1 << ch)) == 0) {
                continue;
            }
            channels.add(ch + 1);
            if (ch == GeneralMidi.DRUM_CHANNEL) {
                families.add(GeneralMidi.DRUMS);
            } else {
                families.add(GeneralMidi.family(Math.max(0, firstProgram[ch])));
            }
        }
        for (int p : programs) {
            programsOnNoteChannels.add(p);
        }
        int pitchMin = pitchedMax >= 0 ? pitchedMin : (anyMax >= 0 ? anyMin : -1);
        int pitchMax = pitchedMax >= 0 ? pitchedMax : anyMax;
        double velocityMean = noteOnCount == 0 ? 0 : round2((double) velocitySum / noteOnCount);
        int polyphony = noteEvents == 0 ? 0 : maxPolyphony(file, noteEvents);

        List<String> warnings = new ArrayList<>(file.warnings().size());
        for (ParseWarning w : file.warnings()) {
            warnings.add(w.toString());
        }
        return new MidiSummary(file.format(), file.trackCount(), file.ppq(), round3(durationSec), bars, bpm, source,
                tempo.changes(), meters.first(), meters.size() > 0 ? MeterSource.META : MeterSource.DEFAULT,
                meters.changes(), noteOnCount, pitchMin, pitchMax, velocityMean, polyphony, hasDrums, channels,
                programsOnNoteChannels, new ArrayList<>(families), trackNames, warnings);
    }

    /** Most (channel, key) pairs sounding at once; note-offs sort before note-ons at the same tick. */
    static int maxPolyphony(MidiFile file, int noteEvents) {
        long[] keys = new long[noteEvents];
        int n = 0;
        // the count only needs ticks ascending with note-offs before note-ons at one tick; a single-track loop
        // is written that way already, and then the sort is skipped
        boolean ordered = true;
        long previous = -1;
        for (int i = 0; i < file.eventCount(); i++) {
            int command = file.command(i);
            if (command != 0x90 && command != 0x80) {
                continue;
            }
            boolean on = file.isNoteOn(i);
            long tick = Math.min(file.tick(i), (1L << 50) - 1);
            long order = (tick << 1) | (on ? 1L : 0L);
            ordered &= order >= previous;
            previous = order;
            keys[n++] = (tick << 12) | ((on ? 1L : 0L) << 11) | ((long) file.channel(i) << 7) | file.data1(i);
        }
        if (!ordered) {
            Arrays.sort(keys, 0, n);
        }
        byte[] active = new byte[16 * 128];
        int sounding = 0;
        int max = 0;
        for (int k = 0; k < n; k++) {
            int slot = (int) (keys[k] & 0x7FF);
            if ((keys[k] & (1L << 11)) != 0) {
                if (active[slot]++ == 0) {
                    sounding++;
                    max = Math.max(max, sounding);
                }
                if (active[slot] == Byte.MAX_VALUE) {
                    active[slot]--; // hostile files: cap the re-trigger count
                }
            } else if (active[slot] > 0 && --active[slot] == 0) {
                sounding--;
            }
        }
        return max;
    }

    /** Tempo or meter events beyond this many are ignored (hostile files); real files have a few dozen. */
    static final int MAX_MAP_EVENTS = (1 << 20) - 1;

    /** Indexes 0..n-1 ordered by tick, equal ticks kept in index (file) order. */
    static int[] stableOrderByTick(long[] ticks, int n) {
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (Math.min(ticks[i], (1L << 43) - 1) << 20) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & 0xFFFFF);
        }
        return order;
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
