package com.midicenter.browser.filters;

/**
 * The filters of a search (SPEC §2), each removable on its own. The tempo's half/double option and the key's
 * "compatible keys" option belong to {@link #BPM} and {@link #KEY}: they mean nothing without them.
 */
public enum Filter {
    BPM("bpm"),
    KEY("key"),
    METER("meter"),
    BARS("bars"),
    DURATION("duration"),
    INSTRUMENT("instrument"),
    DRUMS("drums"),
    TAG("tag"),
    VENDOR("vendor"),
    PACK("pack"),
    FAVORITE("favorite"),
    RATING("rating"),
    STATE("state");

    private final String id;

    Filter(String id) {
        this.id = id;
    }

    /** The filter's name in {@link FilterState#format()} (never changes: stored between runs). */
    public String id() {
        return id;
    }
}
