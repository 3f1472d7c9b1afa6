package com.midicenter.persistence.mapper;

/**
 * The tallies of an import run, each at least 0.
 *
 * @param scanned    candidate files looked at
 * @param imported   new contents stored
 * @param duplicates new paths of contents already stored
 * @param unchanged  paths already stored with the same size and modification time
 * @param errors     files that could not be read
 * @param missing    stored paths no longer found under the run's roots
 */
public record ImportRunCounts(long scanned, long imported, long duplicates, long unchanged, long errors, long missing) {

    public ImportRunCounts {
        if (scanned < 0 || imported < 0 || duplicates < 0 || unchanged < 0 || errors < 0 || missing < 0) {
            throw new IllegalArgumentException("counts must be >= 0: scanned=" + scanned + ", imported=" + imported + ", duplicates="
                    + duplicates + ", unchanged=" + unchanged + ", errors=" + errors + ", missing=" + missing);
        }
    }
}
