package com.midicenter.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    private static final int FILES = 600;

    @TempDir
    Path tmp;

    @Test
    void generate_sameSeedTwice_writesByteIdenticalFilesAndCsv() throws IOException {
        // given
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        // when
        CorpusSummary first = new CorpusGenerator(5L).generate(FILES, a, null);
        CorpusSummary second = new CorpusGenerator(5L).generate(FILES, b, null);
        // then
        assertThat(Files.readAllBytes(second.groundTruthCsv())).isEqualTo(Files.readAllBytes(first.groundTruthCsv()));
        assertThat(listing(b)).isEqualTo(listing(a));
        for (String file : listing(a)) {
            assertThat(Files.readAllBytes(b.resolve(file))).as(file).isEqualTo(Files.readAllBytes(a.resolve(file)));
        }
        assertThat(second.bytes()).isEqualTo(first.bytes());
    }

    @Test
    void generate_differentThreadCounts_writeTheSameCorpus() throws IOException {
        // given
        Path one = tmp.resolve("one");
        Path three = tmp.resolve("three");
        // when
        new CorpusGenerator(9L, 1).generate(FILES, one, null);
        new CorpusGenerator(9L, 3).generate(FILES, three, null);
        // then
        assertThat(Files.readAllBytes(three.resolve("ground-truth.csv")))
                .isEqualTo(Files.readAllBytes(one.resolve("ground-truth.csv")));
        for (String file : listing(one)) {
            assertThat(Files.readAllBytes(three.resolve(file))).as(file).isEqualTo(Files.readAllBytes(one.resolve(file)));
        }
    }

    @Test
    void file_anyIndex_equalsWhatGenerateWrote() throws IOException {
        // given
        CorpusGenerator generator = new CorpusGenerator(11L);
        CorpusSummary summary = generator.generate(FILES, tmp, null);
        List<GroundTruth> rows = GroundTruthCsv.read(summary.groundTruthCsv());
        for (int i = 0; i < FILES; i++) {
            // when
            GeneratedFile file = generator.file(i);
            // then
            assertThat(file.truth()).isEqualTo(rows.get(i));
            assertThat(file.relativePath()).isEqualTo(rows.get(i).path());
            assertThat(file.bytes()).as(file.relativePath()).isEqualTo(Files.readAllBytes(tmp.resolve(file.relativePath())));
        }
    }

    @Test
    void generate_smallerCorpus_isThePrefixOfALargerOne() throws IOException {
        // given
        CorpusGenerator generator = new CorpusGenerator(13L);
        // when
        List<GroundTruth> small = GroundTruthCsv.read(generator.generate(100, tmp.resolve("s"), null).groundTruthCsv());
        List<GroundTruth> large = GroundTruthCsv.read(generator.generate(300, tmp.resolve("l"), null).groundTruthCsv());
        // then
        assertThat(large.subList(0, 100)).isEqualTo(small);
    }

    @Test
    void generate_differentSeeds_differentCorpora() {
        // given / when
        GeneratedFile a = new CorpusGenerator(1L).file(0);
        GeneratedFile b = new CorpusGenerator(2L).file(0);
        // then
        assertThat(a).isNotEqualTo(b);
        assertThat(a).isEqualTo(new CorpusGenerator(1L).file(0));
    }

    @Test
    void generate_withProgress_reportsIncreasingCountsEndingAtTheTotal() throws IOException {
        // given
        List<Integer> reported = new ArrayList<>();
        // when
        CorpusSummary summary = new CorpusGenerator(3L).generate(5000, tmp, reported::add);
        // then
        assertThat(reported).isSorted().doesNotHaveDuplicates().last().isEqualTo(5000);
        assertThat(reported.size()).isGreaterThan(1);
        assertThat(summary.files()).isEqualTo(5000);
        assertThat(summary.valid() + summary.duplicates() + summary.corrupt()).isEqualTo(5000);
        assertThat(summary.bytes()).isEqualTo(totalSize(tmp) - Files.size(summary.groundTruthCsv()));
    }

    @Test
    void generate_zeroFiles_writesOnlyTheCsvHeader() throws IOException {
        // given / when
        CorpusSummary summary = new CorpusGenerator(3L).generate(0, tmp, null);
        // then
        assertThat(Files.readString(summary.groundTruthCsv())).isEqualTo(GroundTruthCsv.HEADER);
        assertThat(summary).isEqualTo(new CorpusSummary(0, 0, 0, 0, 0, tmp.resolve("ground-truth.csv")));
    }

    @Test
    void generate_negativeFileCount_throwsIllegalArgument() {
        assertThatThrownBy(() -> new CorpusGenerator(3L).generate(-1, tmp, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("files=-1");
    }

    @Test
    void file_negativeIndex_throwsIllegalArgument() {
        assertThatThrownBy(() -> new CorpusGenerator(3L).file(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index=-1");
    }

    @Test
    void constructor_zeroThreads_throwsIllegalArgument() {
        assertThatThrownBy(() -> new CorpusGenerator(3L, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads=0");
    }

    @Test
    void generate_outIsAFile_throwsIOException() throws IOException {
        // given
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        // when / then
        assertThatThrownBy(() -> new CorpusGenerator(3L).generate(10, file, null)).isInstanceOf(IOException.class);
    }

    @Test
    void file_bytes_areDefensiveCopies() {
        // given
        GeneratedFile file = new CorpusGenerator(3L).file(7);
        // when
        file.bytes()[0] ^= 0x7F;
        // then
        assertThat(file).isEqualTo(new CorpusGenerator(3L).file(7));
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        }
    }

    private static long totalSize(Path root) throws IOException {
        long total = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
        }
        return total;
    }
}
