package com.midicenter.core.analysis;

import java.util.List;

/**
 * The instruments of a file. Produced by {@link InstrumentAnalyzer}.
 *
 * @param channels   one entry per channel that plays notes, by channel
 * @param categories the distinct producer categories of those channels, sorted
 */
public record InstrumentResult(List<ChannelInstrument> channels, List<String> categories) {

    public InstrumentResult {
        channels = List.copyOf(channels);
        categories = List.copyOf(categories);
    }
}
