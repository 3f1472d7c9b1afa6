package com.midicenter.core.corpus;

import java.util.List;
import java.util.Objects;

/**
 * The musical half of a ground-truth row: what the composer put into a loop. Column meanings are documented
 * on {@link GroundTruth}.
 */
record Musical(Part part, String category, int format, int ppq, int tracks, double bpm, boolean bpmInMeta,
               boolean bpmInName, boolean metaTempoIsDefault, String key, boolean keyInName,
               String keySignatureEvent, String meter, boolean meterInMeta, int bars, boolean hasDrums,
               List<Integer> programs, List<String> instrument, List<String> chords, int notes, int swing) {

    Musical {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(keySignatureEvent, "keySignatureEvent");
        Objects.requireNonNull(meter, "meter");
        programs = List.copyOf(programs);
        instrument = List.copyOf(instrument);
        chords = List.copyOf(chords);
    }
}
