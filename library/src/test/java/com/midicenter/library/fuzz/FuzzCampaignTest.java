package com.midicenter.library.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign's own machinery: outcome counts, crashes and hangs saved with their stack traces, hung workers replaced. */
class FuzzCampaignTest {

    @TempDir
    Path out;

    @Test
    void run_cleanPipeline_countsEveryInputAndSavesNothing() throws Exception {
        // given
        FuzzCampaign campaign = new FuzzCampaign(new Mutator(FuzzSeeds.all(), 5), new FilePipeline(),
                new FuzzCampaign.Options(800, 5, 2, Duration.ofSeconds(2), Duration.ofSeconds(1), out));

        // when
        FuzzCampaign.Report r = campaign.run(null);

        // then
        assertThat(r.inputs()).isEqualTo(800);
        assertThat(r.readOk() + r.formatErrors()).isEqualTo(800);
        assertThat(r.readOk()).isGreaterThan(200);
        assertThat(r.formatErrors()).isGreaterThan(20);
        assertThat(r.crashes()).isZero();
        assertThat(r.timeouts()).isZero();
        assertThat(r.slowest()).hasSize(10);
        assertThat(r.maxAllocatedBytes()).isPositive();
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void run_pipelineThatThrowsAndHangs_savesCrashesAndTimeoutsAndReplacesTheWorker() throws Exception {
        // given: every 40th analysis throws, the 100th spins until interrupted
        AtomicInteger calls = new AtomicInteger();
        FilePipeline pipeline = new FilePipeline(analysis -> {
            int n = calls.incrementAndGet();
            if (n == 100) {
                spinUntilInterrupted(); // an endless loop, as a real hang would be: CPU-bound
            } else if (n % 40 == 0) {
                throw new IllegalStateException("planted bug " + n);
            }
        });
        FuzzCampaign campaign = new FuzzCampaign(new Mutator(FuzzSeeds.all(), 6), pipeline,
                new FuzzCampaign.Options(300, 6, 1, Duration.ofMillis(1500), Duration.ofMillis(1500), out));

        // when
        FuzzCampaign.Report r = campaign.run(null);

        // then
        assertThat(r.inputs()).isEqualTo(300);
        assertThat(r.timeouts()).as("the planted hang (limits are in CPU time)").isEqualTo(1);
        assertThat(r.crashes()).isGreaterThanOrEqualTo(3);
        assertThat(r.readOk() + r.formatErrors() + r.crashes() + r.timeouts()).isEqualTo(300);
        assertThat(r.crashSignatures()).hasSize(1);
        assertThat(r.crashSignatures().keySet().iterator().next()).startsWith("java.lang.IllegalStateException at");
        FuzzCampaign.Finding crash = r.findings().stream().filter(f -> f.kind().equals("crash")).findFirst().orElseThrow();
        assertThat(Files.readAllBytes(crash.saved())).isEqualTo(new Mutator(FuzzSeeds.all(), 6).input(crash.index()).bytes());
        assertThat(Files.readString(crash.saved().resolveSibling("crash-" + crash.index() + ".txt")))
                .contains("planted bug", "recipe: ", "at com.midicenter.library.fuzz");
        FuzzCampaign.Finding hang = r.findings().stream().filter(f -> f.kind().equals("timeout")).findFirst().orElseThrow();
        assertThat(Files.readString(hang.saved().resolveSibling("timeout-" + hang.index() + ".txt")))
                .contains("limit 1500 ms");
    }

    private static volatile long spins;

    private static void spinUntilInterrupted() {
        while (!Thread.currentThread().isInterrupted()) {
            spins++;
        }
    }
}
