package com.midicenter.library.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@code src/test/resources/fuzz-corpus} (inputs a fuzz campaign found slow, and hand-made hostile
 * files: 65535 tracks, huge deltas, tempo 0, PPQ 0, giant meta and sysex lengths, absurd time signatures, note
 * and tempo storms...) through the reader and every analyser: no crash, a result or a clean format error, within
 * the time limit, with allocation and event count bounded by the input size.
 */
class FuzzCorpusTest {

    static final Duration LIMIT = Duration.ofSeconds(2);
    /** Allocation allowed for one file: a fixed part (bar tables of at most 16,384 bars...) plus per input byte. */
    static final long FIXED_BYTES = 32L << 20;
    static final long BYTES_PER_INPUT_BYTE = 100;

    private static final FilePipeline PIPELINE = new FilePipeline();

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(FuzzCorpusTest.class.getResource("/fuzz-corpus").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".mid")).sorted().toList();
        }
        assertThat(files).as("fuzz corpus files").hasSizeGreaterThanOrEqualTo(20);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void pipeline_corpusFile_readsOrFailsCleanlyInTimeAndBoundedMemory(Path file) throws IOException {
        // given
        byte[] bytes = Files.readAllBytes(file);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        // when
        long[] allocated = new long[1];
        FilePipeline.Outcome outcome = assertTimeoutPreemptively(LIMIT, () -> {
            long before = threads.getCurrentThreadAllocatedBytes();
            FilePipeline.Outcome o = PIPELINE.run(bytes, List.of("Vendor", "Pack", "Bass"), file.getFileName().toString());
            allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
            return o;
        });

        // then
        assertThat(outcome.kind()).as("%s: %s", outcome.detail(), outcome.crash()).isNotEqualTo(FilePipeline.Outcome.Kind.CRASH);
        assertThat(outcome.events()).isLessThanOrEqualTo(bytes.length);
        assertThat(allocated[0]).as("bytes allocated for %,d input bytes", bytes.length)
                .isLessThanOrEqualTo(FIXED_BYTES + BYTES_PER_INPUT_BYTE * bytes.length);
    }
}
