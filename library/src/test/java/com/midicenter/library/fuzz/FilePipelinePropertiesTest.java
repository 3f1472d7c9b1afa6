package com.midicenter.library.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * A short property run of the fuzz pipeline in the normal test suite: mutated generated and repair-case files
 * (the campaign's own {@link Mutator}, at indexes jqwik picks), and arbitrary bytes behind a valid header, each
 * through the reader and every analyser. 2,500 inputs in seconds; {@code bench fuzz} runs millions.
 */
class FilePipelinePropertiesTest {

    private static final FilePipeline PIPELINE = new FilePipeline();
    private static final Mutator MUTATOR = new Mutator(FuzzSeeds.all(), 20261127L);
    private static final long LIMIT_NANOS = 2_000_000_000L;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    @Property(tries = 800, seed = "20261127")
    void run_mutatedSeedFile_readsOrFailsCleanlyInTime(@ForAll @LongRange(min = 0, max = 1L << 40) long index) {
        // given
        Mutator.Input input = MUTATOR.input(index);

        // when: timed in CPU time (on a busy machine the wall clock measures the neighbours)
        long start = CPU.getCurrentThreadCpuTime();
        FilePipeline.Outcome outcome = PIPELINE.run(input.bytes(), input.folders(), input.fileName());
        long nanos = CPU.getCurrentThreadCpuTime() - start;

        // then
        assertThat(outcome.kind()).as("input %d (%s): %s", index, input.recipe(), outcome.crash())
                .isNotEqualTo(FilePipeline.Outcome.Kind.CRASH);
        assertThat(outcome.events()).isLessThanOrEqualTo(input.bytes().length);
        assertThat(nanos).as("input %d (%s)", index, input.recipe()).isLessThan(LIMIT_NANOS);
    }

    @Property(tries = 1500, seed = "20261127")
    void run_headerThenArbitraryTrackBytes_readsOrFailsCleanly(@ForAll @Size(max = 4096) byte[] track,
                                                                @ForAll int division, @ForAll boolean format0) {
        // given: a header (any division) and one track chunk of arbitrary bytes, its length right
        byte[] input = FuzzSeeds.smf(format0 ? 0 : 1, 1, division & 0xFFFF, FuzzSeeds.chunk("MTrk", track, 0));

        // when
        FilePipeline.Outcome outcome = PIPELINE.run(input, List.of(), "any.mid");

        // then
        assertThat(outcome.kind()).as("%s", outcome.crash()).isEqualTo(FilePipeline.Outcome.Kind.READ_OK);
        assertThat(outcome.events()).isLessThanOrEqualTo(track.length);
    }

    @Property(tries = 300, seed = "20261127")
    void input_sameIndex_sameBytes(@ForAll @LongRange(min = 0, max = 1L << 40) long index) {
        // when
        Mutator.Input a = MUTATOR.input(index);
        Mutator.Input b = new Mutator(List.copyOf(FuzzSeeds.all()), 20261127L).input(index);

        // then: a campaign's findings can be made again from their numbers
        assertThat(a.bytes()).isEqualTo(b.bytes());
        assertThat(a.recipe()).isEqualTo(b.recipe());
    }
}
