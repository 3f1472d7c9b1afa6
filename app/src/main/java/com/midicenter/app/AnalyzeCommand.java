package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.library.analysis.AnalysisOptions;
import com.midicenter.library.analysis.AnalysisResult;
import com.midicenter.library.analysis.AnalysisService;
import com.midicenter.persistence.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code midicenter analyze}: the musical analysis of every file not analysed yet (or by an older analyser). */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyses every file of the library not analysed yet, or analysed by an older analyser version:",
            "tempo, key, meter, chords, drums, instruments, shape. Several 'analyze' or 'worker' processes, on this or",
            "other machines, can share one database. Ctrl+C stops after the current batch; run again to continue.",
            "Exit code 0 when every file was analysed, 1 when some failed (their reasons are stored)."})
final class AnalyzeCommand implements Callable<Integer> {

    /** What an analysis run did, possibly made of several runs (background during import, then the rest). */
    record Outcome(long analyzed, long failed, double seconds, long maxBatchBytes, boolean cancelled) {

        static Outcome of(AnalysisResult r) {
            return new Outcome(r.analyzed(), r.failed(), r.seconds(), r.maxBatchBytes(), r.cancelled());
        }

        Outcome plus(Outcome o) {
            return new Outcome(analyzed + o.analyzed, failed + o.failed, seconds + o.seconds,
                    Math.max(maxBatchBytes, o.maxBatchBytes), cancelled || o.cancelled);
        }

        double filesPerSecond() {
            return seconds <= 0 ? 0 : (analyzed + failed) / seconds;
        }
    }

    @Mixin
    DatabaseOptions database;

    @Option(names = "--threads", description = "analysis threads (default: one per core)")
    Integer threads;

    @Option(names = "--batch", description = "files per claim and per database transaction (default: ${DEFAULT-VALUE})")
    int batch = 500;

    @Option(names = "--json", description = "print the summary as JSON on stdout")
    boolean json;

    @Option(names = "--lease", paramLabel = "SECONDS", description = "how long a claimed batch stays this run's; a run"
            + " that dies without giving its files back (e.g. the database server stopped) holds them this long"
            + " (default: ${DEFAULT-VALUE})")
    int leaseSeconds = 120;

    @Override
    public Integer call() throws IOException {
        if (leaseSeconds < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--lease must be at least 1: " + leaseSeconds);
        }
        AnalysisOptions options = AnalysisOptions.defaults().withBatchSize(batch).withLease(java.time.Duration.ofSeconds(leaseSeconds));
        if (threads != null) {
            options = options.withThreads(threads);
        }
        Outcome outcome;
        try (CancelOnSignal signal = new CancelOnSignal("analyze"); Database db = database.open()) {
            db.migrate();
            outcome = run(db, options, signal.flag());
        }
        if (json) {
            System.out.println(json(outcome));
        } else {
            print(outcome);
        }
        return outcome.failed() > 0 ? 1 : 0;
    }

    /** Analyses everything outstanding with a progress bar on stderr. */
    static Outcome run(Database db, AnalysisOptions options, AtomicBoolean cancel) {
        AnalysisService service = new AnalysisService(db.dataSource(), db.sqlSessionFactory(), options);
        service.requeueOutdated();
        long total = service.outstanding();
        try (ProgressBar bar = new ProgressBar(System.err, "analyze", total, true)) {
            return Outcome.of(service.run(cancel, (analyzed, failed, pending) -> bar.update(analyzed + failed)));
        }
    }

    static void print(Outcome o) {
        System.out.printf(Locale.ROOT, "%s%,d files analysed, %,d failed, in %.2f s (%,.0f files/s)%n",
                o.cancelled() ? "CANCELLED: " : "", o.analyzed(), o.failed(), o.seconds(), o.filesPerSecond());
    }

    static String json(Outcome o) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("analyzed", o.analyzed());
            g.writeNumberField("failed", o.failed());
            g.writeBooleanField("cancelled", o.cancelled());
            g.writeNumberField("seconds", Math.round(o.seconds() * 1000) / 1000.0);
            g.writeNumberField("files_per_second", Math.round(o.filesPerSecond()));
            g.writeNumberField("max_batch_bytes", o.maxBatchBytes());
            g.writeEndObject();
        }
        return w.toString();
    }
}
