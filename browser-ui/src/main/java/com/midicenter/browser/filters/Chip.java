package com.midicenter.browser.filters;

import java.util.Objects;

/**
 * One active filter as the user sees it above the results, e.g. {@code Am}, {@code 120–126 BPM}, {@code ★ 4+}.
 *
 * @param filter the filter it shows
 * @param label  what the chip says
 */
public record Chip(Filter filter, String label) {

    public Chip {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(label, "label");
    }

    /** {@code state} without this chip's filter (the other filters and the options stay). */
    public FilterState removeFrom(FilterState state) {
        return state.without(filter);
    }
}
