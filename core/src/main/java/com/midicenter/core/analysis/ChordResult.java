package com.midicenter.core.analysis;

import java.util.List;
import java.util.Objects;

/**
 * The chords {@link ChordAnalyzer} found.
 *
 * @param perBar      one symbol per bar of the timeline ({@link ChordSymbols#NO_CHORD} for bars without pitched notes)
 * @param perBeat     one symbol per beat, bar after bar: the bar's chord, or the beat's own where the harmony
 *                    changes within the bar
 * @param progression the bar chords with consecutive repeats collapsed and {@code N} dropped, at most
 *                    {@link ChordAnalyzer#MAX_PROGRESSION} chords, space-separated ({@code Am F C G}); "" when none
 */
public record ChordResult(List<String> perBar, List<String> perBeat, String progression) {

    public ChordResult {
        perBar = List.copyOf(perBar);
        perBeat = List.copyOf(perBeat);
        Objects.requireNonNull(progression, "progression");
    }
}
