package com.midicenter.library.details;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything the library knows about one file (one content, wherever it was seen): what the details pane shows.
 * Immutable; lists are copies and never null (empty when unknown). Analysis values are null before the file is
 * analysed, and for a failed one (then {@link #analysisError} says why); the structural ones (format, tracks, ppq,
 * notes, channels...) come with the import.
 *
 * @param contentId       the content's id
 * @param sha256          SHA-256 of the bytes, 64 lower-case hex digits
 * @param sizeBytes       size of the content in bytes
 * @param addedAt         when it was first imported
 * @param analysisState   where its analysis stands
 * @param analysisError   why the analysis failed, else null
 * @param analyzerVersion version of the analyser that wrote the analysis, null before analysis
 * @param analyzedAt      when it was analysed, null before analysis
 * @param file            structure: format, tracks, ppq, duration, bars, loop, track names
 * @param tempo           tempo and meter, with their maps
 * @param harmony         key and chords
 * @param notes           note statistics
 * @param drums           drum analysis
 * @param instruments     channels, programs, families, categories
 * @param warnings        what the reader repaired
 * @param locations       where it was seen; present ones first, the first is the one search shows
 * @param tags            path tags of all locations and its own (analysis, user), by source, category and name
 * @param favorite        marked favourite
 * @param rating          1..5 stars, or null
 * @param parent          the file this one was split from ({@code split --import}), or null
 * @param children        the parts split from this file and imported, by part number
 */
public record FileDetails(long contentId, String sha256, long sizeBytes, OffsetDateTime addedAt,
                          AnalysisState analysisState, String analysisError, Integer analyzerVersion,
                          OffsetDateTime analyzedAt, FileInfo file, Tempo tempo, Harmony harmony, NoteStats notes,
                          Drums drums, Instruments instruments, List<String> warnings, List<Location> locations,
                          List<Tag> tags, boolean favorite, Integer rating, Related parent,
                          List<Related> children) {

    public FileDetails {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(analysisState, "analysisState");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tempo, "tempo");
        Objects.requireNonNull(harmony, "harmony");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(drums, "drums");
        Objects.requireNonNull(instruments, "instruments");
        warnings = copy(warnings);
        locations = copy(locations);
        tags = copy(tags);
        children = copy(children);
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("rating must be 1..5 or null: rating=" + rating);
        }
    }

    /** Details of a file that is no split part and has none (the form before split parts were linked). */
    public FileDetails(long contentId, String sha256, long sizeBytes, OffsetDateTime addedAt,
                       AnalysisState analysisState, String analysisError, Integer analyzerVersion,
                       OffsetDateTime analyzedAt, FileInfo file, Tempo tempo, Harmony harmony, NoteStats notes,
                       Drums drums, Instruments instruments, List<String> warnings, List<Location> locations,
                       List<Tag> tags, boolean favorite, Integer rating) {
        this(contentId, sha256, sizeBytes, addedAt, analysisState, analysisError, analyzerVersion, analyzedAt, file,
                tempo, harmony, notes, drums, instruments, warnings, locations, tags, favorite, rating, null, List.of());
    }

    /**
     * A file linked to this one: its original or one of its parts.
     *
     * @param name   the file name of its first location, or {@code #id} when none is known
     * @param partNo the part's number within the original (1-based)
     */
    public record Related(long contentId, String name, int partNo) {
        public Related {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The file name of the first location (the one search shows), or {@code #id} if none is known. */
    public String name() {
        return locations.isEmpty() ? "#" + contentId : locations.get(0).fileName();
    }

    /** The path of the first location, or null if none is known. */
    public String path() {
        return locations.isEmpty() ? null : locations.get(0).path();
    }

    /** The user's tags (the removable ones). */
    public List<Tag> userTags() {
        return tags.stream().filter(Tag::removable).toList();
    }

    /** Where the analysis of a file stands. */
    public enum AnalysisState {
        /** No analysis job (should not happen for imported files). */
        NONE,
        PENDING,
        RUNNING,
        DONE,
        FAILED;

        static AnalysisState of(String state) {
            return state == null ? NONE : valueOf(state.toUpperCase(Locale.ROOT));
        }
    }

    /** Where a tag came from. */
    public enum TagSource {
        /** From a location's folders and file name (import). */
        PATH,
        /** From the analysis. */
        ANALYSIS,
        /** Given by the user: the only ones the user can remove. */
        USER;

        static TagSource of(String source) {
            return valueOf(source.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * A tag of the file.
     *
     * @param category part, genre, vendor, pack, key, bpm, bars, meter, user...
     * @param name     the word
     * @param source   where it came from
     */
    public record Tag(String category, String name, TagSource source) {
        public Tag {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
        }

        /** Only user tags can be removed. */
        public boolean removable() {
            return source == TagSource.USER;
        }
    }

    /**
     * A place the file was seen.
     *
     * @param path      absolute path; archive members as {@code archive.zip!/inner/file.mid}
     * @param fileName  last path element
     * @param container the file on disk holding it (the outermost archive), null for plain files
     * @param vendor    vendor derived from the path, or null
     * @param pack      pack derived from the path, or null
     * @param sizeBytes size in bytes
     * @param mtimeMs   modification time, ms since the epoch
     * @param missing   the last import of its root did not find it
     */
    public record Location(String path, String fileName, String container, String vendor, String pack, long sizeBytes,
                           long mtimeMs, boolean missing) {
        public Location {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(fileName, "fileName");
        }
    }

    /**
     * Structure of the file.
     *
     * @param format      SMF format 0, 1 or 2
     * @param tracks      tracks in the file
     * @param ppq         ticks per quarter note
     * @param durationSec duration in seconds
     * @param bars        bars
     * @param loop        a loop (whole bars that repeat), null before analysis
     * @param trackNames  track names
     */
    public record FileInfo(Integer format, Integer tracks, Integer ppq, Double durationSec, Integer bars, Boolean loop,
                           List<String> trackNames) {
        public FileInfo {
            trackNames = copy(trackNames);
        }
    }

    /**
     * One entry of the tempo map.
     *
     * @param seconds where the tempo starts, in seconds from the start
     * @param bpm     the tempo in beats per minute
     */
    public record TempoChange(double seconds, double bpm) {
    }

    /**
     * Tempo and meter.
     *
     * @param bpm           tempo in beats per minute
     * @param bpmSource     meta, filename, estimated or default
     * @param bpmConfidence 0..1
     * @param tempoChanges  tempo changes in the file
     * @param tempoMap      the tempo map
     * @param meter         main meter, e.g. {@code 4/4}
     * @param meterSource   where the meter came from
     * @param meters        the meter map, e.g. {@code 4/4@1}
     */
    public record Tempo(Double bpm, String bpmSource, Double bpmConfidence, Integer tempoChanges,
                        List<TempoChange> tempoMap, String meter, String meterSource, List<String> meters) {
        public Tempo {
            tempoMap = copy(tempoMap);
            meters = copy(meters);
        }
    }

    /**
     * Key and chords.
     *
     * @param key           e.g. {@code F#m}; null for drum-only files
     * @param keyConfidence 0..1
     * @param keyRunnerUp   second most likely key
     * @param keySource     notes, filename, key_signature or none
     * @param camelot       e.g. {@code 8A}
     * @param chords        collapsed progression, e.g. {@code Am F C G}
     * @param chordsPerBar  chord of each bar
     */
    public record Harmony(String key, Double keyConfidence, String keyRunnerUp, String keySource, String camelot,
                          String chords, List<String> chordsPerBar) {
        public Harmony {
            chordsPerBar = copy(chordsPerBar);
        }
    }

    /**
     * Note statistics.
     *
     * @param notes          notes in the file
     * @param notesPerBar    notes per bar
     * @param pitchMin       lowest MIDI note
     * @param pitchMax       highest MIDI note
     * @param velocityMin    lowest velocity
     * @param velocityMax    highest velocity
     * @param velocityMean   mean velocity
     * @param polyphonyMax   most notes sounding at once
     * @param quantized      notes on the grid
     * @param grooveOffsetMs mean offset from the grid, in milliseconds
     */
    public record NoteStats(Integer notes, Double notesPerBar, Integer pitchMin, Integer pitchMax, Integer velocityMin,
                            Integer velocityMax, Double velocityMean, Integer polyphonyMax, Boolean quantized,
                            Double grooveOffsetMs) {
    }

    /**
     * Drums (channel 10).
     *
     * @param hasDrums   drum notes present
     * @param pieces     kit pieces played
     * @param counts     hits per piece, in {@code DrumPiece} order
     * @param hitsPerBar drum hits per bar
     * @param swing      swing in MPC percent (50 straight), null without drums
     * @param ghostNotes ghost notes
     * @param fillBars   bars with fills
     * @param role       none, groove, fill or groove_with_fill
     */
    public record Drums(Boolean hasDrums, List<String> pieces, List<Integer> counts, Double hitsPerBar, Integer swing,
                        Integer ghostNotes, List<Integer> fillBars, String role) {
        public Drums {
            pieces = copy(pieces);
            counts = copy(counts);
            fillBars = copy(fillBars);
        }
    }

    /**
     * Instruments.
     *
     * @param channels   1-based MIDI channels that play notes
     * @param programs   GM programs (0..127)
     * @param families   GM families of the channels
     * @param categories producer categories (bass, keys, pad...)
     */
    public record Instruments(List<Integer> channels, List<Integer> programs, List<String> families,
                              List<String> categories) {
        public Instruments {
            channels = copy(channels);
            programs = copy(programs);
            families = copy(families);
            categories = copy(categories);
        }
    }

    /** An unmodifiable copy; null becomes empty; null elements are dropped (a stored array may hold them). */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
