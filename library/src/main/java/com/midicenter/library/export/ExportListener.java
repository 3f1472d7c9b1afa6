package com.midicenter.library.export;

/** Progress of an export, called on the exporting thread after each file. */
@FunctionalInterface
public interface ExportListener {

    ExportListener NONE = (done, total) -> { };

    /** {@code done} files of {@code total} handled (copied or failed). */
    void progress(int done, int total);
}
