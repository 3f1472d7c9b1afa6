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
                new FuzzCampaign.Options(2_000, 5, 2, Duration.ofSeconds(2), Duration.ofSeconds(1), out));

        // when
        FuzzCampaign.Report r = campaign.run(null);

        // then
        assertThat(r.inputs()).isEqualTo(2_000);
        assertThat(r.readOk() + r.formatErrors()).isEqualTo(2_000);
        assertThat(r.readOk()).isGreaterThan(500);
        assertThat(r.formatErrors()).isGreaterThan(50);
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
        // given: every 40th analysis throws, the 100th never returns on its own
        AtomicInteger calls = new AtomicInteger();
        FilePipeline pipeline = new FilePipeline(analysis -> {
            int n = calls.incrementAndGet();
            if (n == 100) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (n % 40 == 0) {
                throw new IllegalStateException("planted bug " + n);
            }
        });
        FuzzCampaign campaign = new FuzzCampaign(new Mutator(FuzzSeeds.all(), 6), pipeline,
                new FuzzCampaign.Options(600, 6, 1, Duration.ofMillis(1500), Duration.ofMillis(1500), out));

        // when
        FuzzCampaign.Report r = campaign.run(null);

        // then
        assertThat(r.inputs()).isEqualTo(600);
        assertThat(r.timeouts()).as("the planted hang (and, on a loaded machine, perhaps a slow input)").isBetween(1L, 3L);
        assertThat(r.crashes()).isGreaterThanOrEqualTo(5);
        assertThat(r.readOk() + r.formatErrors() + r.crashes() + r.timeouts()).isEqualTo(600);
        assertThat(r.crashSignatures()).hasSize(1);
        assertThat(r.crashSignatures().keySet().iterator().next()).startsWith("java.lang.IllegalStateException at");
        FuzzCampaign.Finding crash = r.findings().stream().filter(f -> f.kind().equals("crash")).findFirst().orElseThrow();
        assertThat(Files.readAllBytes(crash.saved())).isEqualTo(new Mutator(FuzzSeeds.all(), 6).input(crash.index()).bytes());
        assertThat(Files.readString(crash.saved().resolveSibling("crash-" + crash.index() + ".txt")))
                .contains("planted bug", "recipe: ", "at com.midicenter.library.fuzz");
        FuzzCampaign.Finding hang = r.findings().stream().filter(f -> f.kind().equals("timeout")).findFirst().orElseThrow();
        assertThat(Files.readString(hang.saved().resolveSibling("timeout-" + hang.index() + ".txt")))
                .contains("still running after 1500 ms");
    }
}
