package com.midicenter.core.analysis;

/** What a drum part is for, as {@link DrumAnalyzer} tells it from its bars. */
public enum DrumRole {
    /** No drum notes. */
    NONE,
    /** Repeating bars without a fill. */
    GROOVE,
    /** Every bar is a fill (typically a one-bar fill loop). */
    FILL,
    /** Groove bars and at least one fill bar. */
    GROOVE_WITH_FILL
}
