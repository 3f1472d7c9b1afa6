package com.midicenter.app;

import com.midicenter.library.fuzz.FilePipeline;
import com.midicenter.library.fuzz.FuzzCampaign;
import com.midicenter.library.fuzz.FuzzSeeds;
import com.midicenter.library.fuzz.Mutator;
import com.midicenter.library.info.FileReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code midicenter bench fuzz}: a mutation fuzz campaign over the reader and every analyser, each input also
 * written as the {@code info} JSON line (so the whole of what {@code info} does to a file is exercised). Prints the
 * outcome counts, throughput, the slowest inputs, peak heap and the most one input allocated; crashing, timed-out
 * and slow inputs are saved under {@code --out} with their stack traces. A benchmark, not a test: the test suite
 * runs the saved inputs ({@code library}'s {@code FuzzCorpusTest}) and a short property run.
 */
final class FuzzBench {

    private FuzzBench() {
    }

    static int run(long inputs, long seed, int threads, Duration limit, Duration slow, Path out, Duration budget,
                   PrintStream stdout) throws IOException, InterruptedException {
        List<FuzzSeeds.Seed> seeds = FuzzSeeds.all();
        Path where = Path.of("fuzz-input.mid");
        FilePipeline pipeline = new FilePipeline(analysis -> ReportJson.line(new FileReport.Read(where, analysis)));
        FuzzCampaign campaign = new FuzzCampaign(new Mutator(seeds, seed), pipeline,
                new FuzzCampaign.Options(inputs, seed, threads, limit, slow, out, budget));
        FuzzCampaign.Report r;
        long peak;
        long live;
        try (HeapWatch heap = new HeapWatch(); ProgressBar bar = new ProgressBar(System.err, "fuzz", inputs, true)) {
            r = campaign.run(bar::update);
            peak = heap.peakHeapBytes();
            live = heap.maxLiveHeapBytes();
        }
        stdout.printf(Locale.ROOT, "fuzz campaign: %,d inputs from %d seeds (seed %d), %d threads, %d cores, limit %d ms"
                        + " of CPU per input, Java %s%n", r.inputs(), seeds.size(), seed, threads,
                Runtime.getRuntime().availableProcessors(), limit.toMillis(), System.getProperty("java.version"));
        stdout.println("| inputs | seconds | inputs/s | read ok | clean format error | crash | timeout | slow (> "
                + slow.toMillis() + " ms CPU) | heap max / peak / live after GC | most allocated by one input | max"
                + " allocated / input byte (inputs >= 1 KiB) | largest input |");
        stdout.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        stdout.printf(Locale.ROOT, "| %,d | %.1f | %,.0f | %,d | %,d | %,d | %,d | %,d | %d / %d / %d MB | %,.1f MB"
                        + " (input %d) | %,.0f | %,d bytes |%n", r.inputs(), r.seconds(), r.inputsPerSecond(), r.readOk(),
                r.formatErrors(), r.crashes(), r.timeouts(), r.slow(), HeapWatch.maxHeapBytes() >> 20, peak >> 20,
                live >> 20, r.maxAllocatedBytes() / 1e6, r.maxAllocatedIndex(), r.maxAllocatedPerByte(),
                r.maxInputBytes());
        if (r.outOfTime()) {
            stdout.printf(Locale.ROOT, "OUT OF TIME: stopped after --max-minutes with %,d of %,d inputs run%n", r.inputs(),
                    inputs);
        }
        if (r.stoppedEarly()) {
            stdout.println("STOPPED EARLY: more than 8 threads hung on inputs");
        }
        stdout.println("slowest inputs:");
        for (FuzzCampaign.Timed t : r.slowest()) {
            stdout.printf(Locale.ROOT, "  %8.1f ms CPU (%8.1f ms wall)  input %d (%,d bytes): %s%n", t.nanos() / 1e6,
                    t.wallNanos() / 1e6, t.index(), t.bytes(), t.recipe());
        }
        if (!r.crashSignatures().isEmpty()) {
            stdout.println("crashes by signature:");
            for (Map.Entry<String, Long> e : r.crashSignatures().entrySet()) {
                stdout.printf(Locale.ROOT, "  %,8d  %s%n", e.getValue(), e.getKey());
            }
        }
        if (!r.findings().isEmpty()) {
            stdout.println("findings (first 20 of " + r.findings().size() + ", saved under " + out + "):");
            r.findings().stream().limit(20).forEach(f -> stdout.printf(Locale.ROOT, "  %s input %d (%d ms, %,d bytes):"
                    + " %s; %s%n", f.kind(), f.index(), f.millis(), f.bytes(), f.recipe(), f.detail()));
        }
        return r.crashes() + r.timeouts() > 0 ? 1 : 0;
    }
}
