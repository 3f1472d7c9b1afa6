package com.midicenter.core.corpus;

import java.util.List;
import java.util.Objects;

/**
 * One row of {@code ground-truth.csv}: what a corpus file is and what is in it, by construction.
 *
 * <p>The musical columns ({@code part} to {@code swing}) describe the loop the generator composed. For a
 * duplicate they are the original's. For a corrupt file they describe the loop as it was before it was
 * damaged; only for {@link CorruptKind#eventsIntact()} kinds does the damaged file still hold all of it.
 *
 * @param path               path relative to the corpus folder, {@code /}-separated
 * @param kind               valid, duplicate or corrupt
 * @param duplicateOf        for a duplicate, the path of the earlier valid file it copies byte for byte; else ""
 * @param corruptKind        how a corrupt file was damaged; null for the other kinds (empty in the CSV)
 * @param recoverable        for a corrupt file, whether the lenient reader still reads it (with warnings);
 *                           false for the other kinds (empty in the CSV)
 * @param vendor             the vendor folder the file sits in, "" when it sits at the corpus root
 * @param pack               the pack folder the file sits in, "" for loose files
 * @param category           the category the pack files the loop under ({@code Drums}, {@code Keys}, {@code 808s}...),
 *                           whether or not the pack's layout has category folders
 * @param part               the musical part
 * @param format             SMF format, 0 or 1
 * @param ppq                ticks per quarter note
 * @param tracks             MTrk chunks (format 1: a conductor track first, then one track per part or drum group)
 * @param bpm                the loop's true tempo in quarter notes per minute (e.g. 124 or 92.5), whatever the file says
 * @param bpmInMeta          the file has a Set Tempo event with the true tempo (at tick 0, the only one)
 * @param bpmInName          the file name contains the true tempo
 * @param metaTempoIsDefault the file's only Set Tempo event says 120 BPM but the true tempo differs (the name has it)
 * @param key                the key, e.g. {@code Am}, {@code F#}, {@code Bbm} (spelling: see {@link MusicKey});
 *                           "" for drum parts
 * @param keyInName          the file name contains the key (possibly spelled enharmonically, e.g. {@code A#m} for {@code Bbm})
 * @param keySignatureEvent  the key a Key Signature event states, "" when there is none; {@code C} when it is the
 *                           misleading C-major default some software writes whatever the key
 * @param meter              e.g. {@code 4/4}, {@code 6/8}
 * @param meterInMeta        the file has a Time Signature event with the meter
 * @param bars               loop length in bars; every track's End of Track sits exactly at the loop end
 * @param hasDrums           the file has notes on channel 10 (index 9)
 * @param programs           General MIDI programs of the program-change events, in part order (may be empty)
 * @param instrument         per part, in part order: the GM family of the part's instrument ({@code bass},
 *                           {@code synth pad}, ...) or {@code drums}; set even when the file has no program change
 * @param chords             one chord symbol per bar for chord, pad, arp and full parts (e.g. {@code Am F C G},
 *                           {@code Cmaj7}, {@code Bm7b5}, {@code Csus4}, {@code C/E}); empty for the others
 * @param notes              note-on events with velocity &gt; 0
 * @param swing              swing of sixteenths in percent, MPC style: 50 is straight, 66 is triplet feel
 * @param seed               the per-file seed everything about the file was drawn from (CSV: 16 hex digits)
 */
public record GroundTruth(String path, FileKind kind, String duplicateOf, CorruptKind corruptKind, boolean recoverable,
                          String vendor, String pack, String category, Part part, int format, int ppq, int tracks,
                          double bpm, boolean bpmInMeta, boolean bpmInName, boolean metaTempoIsDefault, String key,
                          boolean keyInName, String keySignatureEvent, String meter, boolean meterInMeta, int bars,
                          boolean hasDrums, List<Integer> programs, List<String> instrument, List<String> chords,
                          int notes, int swing, long seed) {

    public GroundTruth {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(keySignatureEvent, "keySignatureEvent");
        Objects.requireNonNull(meter, "meter");
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("path=" + path);
        }
        if ((kind == FileKind.DUPLICATE) == duplicateOf.isEmpty()) {
            throw new IllegalArgumentException("kind=" + kind + " duplicateOf=" + duplicateOf);
        }
        if ((kind == FileKind.CORRUPT) != (corruptKind != null)) {
            throw new IllegalArgumentException("kind=" + kind + " corruptKind=" + corruptKind);
        }
        if (recoverable != (corruptKind != null && corruptKind.recoverable())) {
            throw new IllegalArgumentException("recoverable=" + recoverable + " corruptKind=" + corruptKind);
        }
        if (format < 0 || format > 2 || ppq <= 0 || tracks <= 0 || !(bpm > 0) || bars <= 0 || notes < 0) {
            throw new IllegalArgumentException("format=" + format + " ppq=" + ppq + " tracks=" + tracks + " bpm=" + bpm
                    + " bars=" + bars + " notes=" + notes);
        }
        if (swing < 50 || swing > 75) {
            throw new IllegalArgumentException("swing=" + swing);
        }
        programs = List.copyOf(programs);
        instrument = List.copyOf(instrument);
        chords = List.copyOf(chords);
        if (!chords.isEmpty() && chords.size() != bars) {
            throw new IllegalArgumentException("chords=" + chords + " for bars=" + bars);
        }
    }
}
