package com.midicenter.persistence.mapper;

/**
 * Size and health of a library at one moment.
 *
 * @param files             distinct contents (byte-identical files count once)
 * @param locations         paths where a content is present now (missing ones excluded)
 * @param duplicates        present paths beyond the first of each content: {@code locations} minus the contents with
 *                          at least one present path
 * @param importErrors      paths whose latest import failed
 * @param analysisJobs      contents queued for analysis in any state
 * @param analysisDone      of those, analysed
 * @param analysisFailed    of those, failed
 * @param databaseSizeBytes size of the whole database on disk, in bytes
 */
public record LibraryStats(long files, long locations, long duplicates, long importErrors, long analysisJobs, long analysisDone,
                           long analysisFailed, long databaseSizeBytes) {

    public LibraryStats {
        if (files < 0 || locations < 0 || duplicates < 0 || importErrors < 0 || analysisJobs < 0 || analysisDone < 0
                || analysisFailed < 0 || databaseSizeBytes < 0) {
            throw new IllegalArgumentException("counts must be >= 0: " + describe(files, locations, duplicates, importErrors,
                    analysisJobs, analysisDone, analysisFailed, databaseSizeBytes));
        }
    }

    /** Share of analysis jobs that are done, 0..1; 0 when there are no jobs. */
    public double analysedShare() {
        return analysisJobs == 0 ? 0.0 : (double) analysisDone / analysisJobs;
    }

    private static String describe(long... values) {
        return java.util.Arrays.toString(values);
    }
}
