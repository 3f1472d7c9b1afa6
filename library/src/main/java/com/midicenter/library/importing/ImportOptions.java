package com.midicenter.library.importing;

/**
 * Limits and sizes of an import. Validated once; immutable.
 *
 * @param threads            worker threads that read, hash and parse (≥ 1)
 * @param batchSize          files per database transaction (≥ 1)
 * @param maxFileBytes       a MIDI file larger than this is recorded as an error, not read
 * @param maxArchiveBytes    total uncompressed bytes one archive may expand to (zip-bomb guard)
 * @param maxNestedZipBytes  a zip inside a zip larger than this (uncompressed) is not opened
 * @param maxArchiveDepth    how deep zips inside zips are opened (1 = only the archive on disk)
 */
public record ImportOptions(int threads, int batchSize, long maxFileBytes, long maxArchiveBytes,
                            long maxNestedZipBytes, int maxArchiveDepth) {

    public ImportOptions {
        if (threads < 1 || batchSize < 1 || maxFileBytes < 1 || maxArchiveBytes < 1 || maxNestedZipBytes < 1
                || maxArchiveDepth < 1) {
            throw new IllegalArgumentException("threads=" + threads + " batchSize=" + batchSize + " maxFileBytes="
                    + maxFileBytes + " maxArchiveBytes=" + maxArchiveBytes + " maxNestedZipBytes=" + maxNestedZipBytes
                    + " maxArchiveDepth=" + maxArchiveDepth);
        }
    }

    /**
     * Sensible defaults for this machine: one reader per core but one (the walking thread reads too when the
     * readers are busy, and the writer and PostgreSQL need a core: on 2 cores this is 8-10 % faster than two
     * readers), 2,000 files per batch, 4 GiB per archive.
     */
    public static ImportOptions defaults() {
        return new ImportOptions(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), 2000, 128L << 20,
                4L << 30, 512L << 20, 3);
    }

    public ImportOptions withThreads(int n) {
        return new ImportOptions(n, batchSize, maxFileBytes, maxArchiveBytes, maxNestedZipBytes, maxArchiveDepth);
    }

    public ImportOptions withBatchSize(int n) {
        return new ImportOptions(threads, n, maxFileBytes, maxArchiveBytes, maxNestedZipBytes, maxArchiveDepth);
    }

    public ImportOptions withMaxArchiveBytes(long n) {
        return new ImportOptions(threads, batchSize, maxFileBytes, n, maxNestedZipBytes, maxArchiveDepth);
    }
}
