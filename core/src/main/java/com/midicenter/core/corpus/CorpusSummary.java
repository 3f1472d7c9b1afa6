package com.midicenter.core.corpus;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link CorpusGenerator#generate} wrote.
 *
 * @param files          files written (not counting the CSV)
 * @param valid          clean MIDI files
 * @param duplicates     byte-identical copies of earlier files
 * @param corrupt        deliberately damaged files
 * @param bytes          total size of the files written, CSV excluded
 * @param groundTruthCsv the ground-truth file, {@code out/ground-truth.csv}
 */
public record CorpusSummary(int files, int valid, int duplicates, int corrupt, long bytes, Path groundTruthCsv) {

    public CorpusSummary {
        Objects.requireNonNull(groundTruthCsv, "groundTruthCsv");
        if (valid < 0 || duplicates < 0 || corrupt < 0 || bytes < 0 || files != valid + duplicates + corrupt) {
            throw new IllegalArgumentException("files=" + files + " valid=" + valid + " duplicates=" + duplicates
                    + " corrupt=" + corrupt + " bytes=" + bytes);
        }
    }
}
