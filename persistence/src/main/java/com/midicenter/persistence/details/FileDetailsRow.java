package com.midicenter.persistence.details;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One content with everything stored about it in {@code content}, {@code file_meta}, {@code analysis_job} and
 * {@code user_mark}, as {@link FileDetailsMapper#details} reads it. Analysis fields are null (lists: null) before
 * the file is analysed; structural ones (format, tracks, ppq, notes...) come with the import.
 *
 * <p>Filled by MyBatis through its fields; read-only afterwards. Not thread-safe until published.
 */
public final class FileDetailsRow {

    /** The content. */
    private long contentId;
    /** SHA-256 of the bytes, 64 lower-case hex digits. */
    private String sha256;
    /** Size of the content in bytes. */
    private long sizeBytes;
    /** When the content was first imported. */
    private OffsetDateTime addedAt;
    /** Pending, running, done or failed; null without a job. */
    private String analysisState;
    /** Why the analysis failed, else null. */
    private String analysisError;
    /** Analysis attempts so far; null without a job. */
    private Integer analysisAttempts;
    /** Marked favourite. */
    private boolean favorite;
    /** 1..5 stars, or null. */
    private Integer rating;
    /** Analyser version of the stored analysis, null before analysis. */
    private Integer analyzerVersion;
    /** When it was analysed, null before analysis. */
    private OffsetDateTime analyzedAt;
    /** SMF format 0, 1 or 2. */
    private Integer format;
    /** Tracks in the file. */
    private Integer tracks;
    /** Ticks per quarter note. */
    private Integer ppq;
    /** Duration in seconds. */
    private Double durationSec;
    /** Bars. */
    private Integer bars;
    /** A loop (whole bars, repeating). */
    private Boolean loop;
    /** Track names. */
    private List<String> trackNames;
    /** What the reader repaired. */
    private List<String> warnings;
    /** Tempo in beats per minute. */
    private Double bpm;
    /** Meta, filename, estimated or default. */
    private String bpmSource;
    /** 0..1. */
    private Double bpmConfidence;
    /** Tempo changes in the file. */
    private Integer tempoChanges;
    /** Tempo map: where each tempo starts, in seconds. */
    private List<Double> tempoSeconds;
    /** Tempo map: each tempo, in BPM. */
    private List<Double> tempoBpms;
    /** Main meter, e.g. 4/4. */
    private String meter;
    /** Where the meter came from. */
    private String meterSource;
    /** Meter map, e.g. 4/4@1. */
    private List<String> meters;
    /** Key, e.g. F#m; null for drum-only files. */
    private String key;
    /** Tonic * 2 + 1 for minor. */
    private Integer keyCode;
    /** 0..1. */
    private Double keyConfidence;
    /** Second most likely key. */
    private String keyRunnerUp;
    /** Notes, filename, key_signature or none. */
    private String keySource;
    /** Camelot code, e.g. 8A. */
    private String camelot;
    /** Collapsed progression, e.g. Am F C G. */
    private String chords;
    /** Chord of each bar. */
    private List<String> chordsPerBar;
    /** Notes. */
    private Integer notes;
    /** Notes per bar. */
    private Double notesPerBar;
    /** Lowest MIDI note. */
    private Integer pitchMin;
    /** Highest MIDI note. */
    private Integer pitchMax;
    /** Lowest velocity. */
    private Integer velocityMin;
    /** Highest velocity. */
    private Integer velocityMax;
    /** Mean velocity. */
    private Double velocityMean;
    /** Most notes sounding at once. */
    private Integer polyphonyMax;
    /** Notes on the grid. */
    private Boolean quantized;
    /** Mean offset from the grid in milliseconds. */
    private Double grooveOffsetMs;
    /** Has drum notes (channel 10). */
    private Boolean hasDrums;
    /** Kit pieces played. */
    private List<String> drumPieces;
    /** Hits per piece, in DrumPiece order. */
    private List<Integer> drumCounts;
    /** Drum hits per bar. */
    private Double drumHitsPerBar;
    /** Swing in MPC percent (50 straight). */
    private Integer swing;
    /** Ghost notes. */
    private Integer ghostNotes;
    /** Bars with fills. */
    private List<Integer> fillBars;
    /** None, groove, fill or groove_with_fill. */
    private String drumRole;
    /** MIDI channels used, as the import stores them. */
    private List<Integer> channels;
    /** GM programs. */
    private List<Integer> programs;
    /** GM families. */
    private List<String> families;
    /** Producer categories (bass, keys, pad...). */
    private List<String> instruments;
    /** Rhythm fingerprint. */
    private Long rhythmPrint;
    /** Pitch fingerprint. */
    private Long pitchPrint;

    public long contentId() {
        return contentId;
    }

    public String sha256() {
        return sha256;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public OffsetDateTime addedAt() {
        return addedAt;
    }

    public String analysisState() {
        return analysisState;
    }

    public String analysisError() {
        return analysisError;
    }

    public Integer analysisAttempts() {
        return analysisAttempts;
    }

    public boolean favorite() {
        return favorite;
    }

    public Integer rating() {
        return rating;
    }

    public Integer analyzerVersion() {
        return analyzerVersion;
    }

    public OffsetDateTime analyzedAt() {
        return analyzedAt;
    }

    public Integer format() {
        return format;
    }

    public Integer tracks() {
        return tracks;
    }

    public Integer ppq() {
        return ppq;
    }

    public Double durationSec() {
        return durationSec;
    }

    public Integer bars() {
        return bars;
    }

    public Boolean loop() {
        return loop;
    }

    public List<String> trackNames() {
        return trackNames;
    }

    public List<String> warnings() {
        return warnings;
    }

    public Double bpm() {
        return bpm;
    }

    public String bpmSource() {
        return bpmSource;
    }

    public Double bpmConfidence() {
        return bpmConfidence;
    }

    public Integer tempoChanges() {
        return tempoChanges;
    }

    public List<Double> tempoSeconds() {
        return tempoSeconds;
    }

    public List<Double> tempoBpms() {
        return tempoBpms;
    }

    public String meter() {
        return meter;
    }

    public String meterSource() {
        return meterSource;
    }

    public List<String> meters() {
        return meters;
    }

    public String key() {
        return key;
    }

    public Integer keyCode() {
        return keyCode;
    }

    public Double keyConfidence() {
        return keyConfidence;
    }

    public String keyRunnerUp() {
        return keyRunnerUp;
    }

    public String keySource() {
        return keySource;
    }

    public String camelot() {
        return camelot;
    }

    public String chords() {
        return chords;
    }

    public List<String> chordsPerBar() {
        return chordsPerBar;
    }

    public Integer notes() {
        return notes;
    }

    public Double notesPerBar() {
        return notesPerBar;
    }

    public Integer pitchMin() {
        return pitchMin;
    }

    public Integer pitchMax() {
        return pitchMax;
    }

    public Integer velocityMin() {
        return velocityMin;
    }

    public Integer velocityMax() {
        return velocityMax;
    }

    public Double velocityMean() {
        return velocityMean;
    }

    public Integer polyphonyMax() {
        return polyphonyMax;
    }

    public Boolean quantized() {
        return quantized;
    }

    public Double grooveOffsetMs() {
        return grooveOffsetMs;
    }

    public Boolean hasDrums() {
        return hasDrums;
    }

    public List<String> drumPieces() {
        return drumPieces;
    }

    public List<Integer> drumCounts() {
        return drumCounts;
    }

    public Double drumHitsPerBar() {
        return drumHitsPerBar;
    }

    public Integer swing() {
        return swing;
    }

    public Integer ghostNotes() {
        return ghostNotes;
    }

    public List<Integer> fillBars() {
        return fillBars;
    }

    public String drumRole() {
        return drumRole;
    }

    public List<Integer> channels() {
        return channels;
    }

    public List<Integer> programs() {
        return programs;
    }

    public List<String> families() {
        return families;
    }

    public List<String> instruments() {
        return instruments;
    }

    public Long rhythmPrint() {
        return rhythmPrint;
    }

    public Long pitchPrint() {
        return pitchPrint;
    }
}
