package com.midicenter.core.analysis;

import java.util.List;
import java.util.Objects;

/**
 * What a MIDI file is, as far as it can be told without deep musical analysis: structure, timing,
 * notes and instruments. Produced by {@link SummaryAnalyzer}; printed by {@code info}.
 *
 * @param format        SMF format 0, 1 or 2
 * @param tracks        tracks read
 * @param ppq           ticks per quarter note, 0 for SMPTE time
 * @param durationSec   length in seconds, integrated over the tempo map (to the last event)
 * @param bars          whole bars, integrated over the meter map (a tail shorter than 1/16 bar is not counted)
 * @param bpm           duration-weighted tempo; {@code null} when nothing says what it is
 * @param bpmSource     where {@code bpm} came from
 * @param tempoChanges  number of tempo events that change the tempo after the first
 * @param meter         first time signature, e.g. {@code "6/8"}; {@code "4/4"} when none ({@code meterSource} says so)
 * @param meterSource   {@code META} or {@code DEFAULT}
 * @param meterChanges  number of time-signature events that change the meter after the first
 * @param notes         note-ons with velocity &gt; 0
 * @param pitchMin      lowest pitched note (drums excluded unless only drums), -1 without notes
 * @param pitchMax      highest, -1 without notes
 * @param velocityMean  mean note-on velocity, 0 without notes
 * @param polyphonyMax  most notes sounding at once
 * @param hasDrums      notes on MIDI channel 10
 * @param channels      1-based MIDI channels that play notes, ascending
 * @param programs      GM programs (0..127) set by program changes on channels that play pitched notes
 * @param instruments   GM families of the channels that play notes (channel 10 is "Drums")
 * @param trackNames    non-empty track names in track order
 * @param warnings      repairs the reader made, as text
 */
public record MidiSummary(int format, int tracks, int ppq, double durationSec, int bars, Double bpm,
                          BpmSource bpmSource, int tempoChanges, String meter, MeterSource meterSource,
                          int meterChanges, int notes, int pitchMin, int pitchMax, double velocityMean,
                          int polyphonyMax, boolean hasDrums, List<Integer> channels, List<Integer> programs,
                          List<String> instruments, List<String> trackNames, List<String> warnings) {

    /** Where a tempo came from. */
    public enum BpmSource { META, FILENAME, ESTIMATED, DEFAULT }

    /** Where a meter came from. */
    public enum MeterSource { META, DEFAULT }

    public MidiSummary {
        Objects.requireNonNull(bpmSource, "bpmSource");
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(meterSource, "meterSource");
        if (durationSec < 0 || bars < 0 || notes < 0) {
            throw new IllegalArgumentException("durationSec=" + durationSec + " bars=" + bars + " notes=" + notes);
        }
        if ((bpm == null) != (bpmSource == BpmSource.DEFAULT)) {
            throw new IllegalArgumentException("bpm=" + bpm + " with source " + bpmSource);
        }
        channels = List.copyOf(channels);
        programs = List.copyOf(programs);
        instruments = List.copyOf(instruments);
        trackNames = List.copyOf(trackNames);
        warnings = List.copyOf(warnings);
    }
}
