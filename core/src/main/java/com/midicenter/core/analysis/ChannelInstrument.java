package com.midicenter.core.analysis;

import java.util.Objects;

/**
 * The instrument one MIDI channel plays.
 *
 * @param channel   1-based MIDI channel (10 is drums)
 * @param program   the channel's first GM program 0..127, or -1 when it has no program change
 * @param family    GM family of the program ({@link GeneralMidi#family}); without a program the family of program 0,
 *                  what a GM synth plays; {@code "Drums"} on channel 10
 * @param category  producer category, one of {@link InstrumentAnalyzer#CATEGORIES}
 * @param trackName name of the track that holds the channel's notes, or {@code null}
 */
public record ChannelInstrument(int channel, int program, String family, String category, String trackName) {

    public ChannelInstrument {
        if (channel < 1 || channel > 16 || program < -1 || program > 127) {
            throw new IllegalArgumentException("channel=" + channel + " program=" + program);
        }
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(category, "category");
        if (!InstrumentAnalyzer.CATEGORIES.contains(category)) {
            throw new IllegalArgumentException("category=" + category);
        }
    }
}
