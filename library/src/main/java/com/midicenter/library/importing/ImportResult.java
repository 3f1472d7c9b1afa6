package com.midicenter.library.importing;

/**
 * Counts of one import run. {@code scanned = imported + duplicates + unchanged + errors}.
 *
 * @param runId      the import_run row
 * @param scanned    MIDI files (and archive members) looked at
 * @param imported   files whose content was new to the library
 * @param duplicates files whose content the library already had: stored as another location
 * @param unchanged  files skipped because their size and modification time had not changed
 * @param errors     files that could not be read (recorded with their reason)
 * @param missing    files stored earlier under these roots that are gone now
 * @param seconds    wall time
 * @param cancelled  true when the run was stopped before the end (what was stored stays)
 */
public record ImportResult(long runId, long scanned, long imported, long duplicates, long unchanged, long errors,
                           long missing, double seconds, boolean cancelled) {

    public double filesPerSecond() {
        return seconds <= 0 ? 0 : scanned / seconds;
    }
}
