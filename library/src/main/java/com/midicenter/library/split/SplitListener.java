package com.midicenter.library.split;

/** Progress of a split, called on the splitting thread after each part is written. */
@FunctionalInterface
public interface SplitListener {

    SplitListener NONE = (done, total) -> { };

    /** {@code done} parts of {@code total} written. */
    void progress(int done, int total);
}
