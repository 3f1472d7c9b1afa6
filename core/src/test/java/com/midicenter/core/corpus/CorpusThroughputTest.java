package com.midicenter.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how fast 20,000 files are generated and written (a figure to watch, not asserted: disk speed varies
 * too much between machines and even between runs). The corpus benchmark in {@code bench} reports the real
 * numbers at 100,000 and 1,000,000 files.
 */
class CorpusThroughputTest {

    @TempDir
    Path tmp;

    @Test
    void generate_20000FilesIntoATempFolder_printsFilesPerSecond() throws IOException {
        // given
        CorpusGenerator generator = new CorpusGenerator(2024L);
        int files = 20_000;
        // when
        long start = System.nanoTime();
        CorpusSummary summary = generator.generate(files, tmp, null);
        double seconds = (System.nanoTime() - start) / 1e9;
        // then
        System.out.printf("corpus throughput: %d files (%.1f MB) in %.2f s = %.0f files/s, %d threads, into %s%n",
                files, summary.bytes() / 1e6, seconds, files / seconds, Runtime.getRuntime().availableProcessors(), tmp);
        assertThat(summary.files()).isEqualTo(files);
    }
}
