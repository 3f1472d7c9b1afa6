package com.midicenter.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how fast 20,000 files are generated and written, and generated in memory: figures to watch, not
 * asserted, because disk speed varies too much between machines and even between runs (creating files right
 * after other tests deleted theirs can be several times slower).
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

    @Test
    void file_20000FilesInMemory_printsFilesPerSecond() {
        // given
        CorpusGenerator generator = new CorpusGenerator(2025L);
        int files = 20_000;
        long bytes = 0;
        // when
        long start = System.nanoTime();
        for (int i = 0; i < files; i++) {
            bytes += generator.file(i).size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // then
        System.out.printf("corpus in memory: %d files (%.1f MB) in %.2f s = %.0f files/s, one thread, no disk%n",
                files, bytes / 1e6, seconds, files / seconds);
        assertThat(bytes).isPositive();
    }
}
