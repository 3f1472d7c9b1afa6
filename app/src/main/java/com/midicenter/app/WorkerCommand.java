package com.midicenter.app;

import com.midicenter.library.analysis.AnalysisOptions;
import com.midicenter.library.analysis.AnalysisResult;
import com.midicenter.library.analysis.AnalysisService;
import com.midicenter.persistence.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code midicenter worker}: a long-running analysis worker for scale-out. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs an analysis worker until stopped: claims pending files from the (shared) database with",
            "leases, analyses and stores them, then waits for new work. Start one per machine against one PostgreSQL",
            "server (--db-url); the library's paths must be readable on every machine. A worker that dies (even kill -9)",
            "gives its files back as soon as the server closes its session; one that hangs holds them until its",
            "lease expires. Then the other workers take them. Ctrl+C stops after the current batch."})
final class WorkerCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--threads", description = "analysis threads (default: one per core)")
    Integer threads;

    @Option(names = "--batch", description = "files per claim (default: ${DEFAULT-VALUE})")
    int batch = 500;

    @Option(names = "--lease", paramLabel = "SECONDS", description = "claim lease (default: ${DEFAULT-VALUE})")
    int leaseSeconds = 120;

    @Option(names = "--name", description = "worker name in the queue (default: host:pid)")
    String name;

    @Option(names = "--poll", paramLabel = "SECONDS", description = "idle poll interval (default: ${DEFAULT-VALUE})")
    double pollSeconds = 2;

    @Override
    public Integer call() {
        AnalysisOptions options = AnalysisOptions.defaults().withBatchSize(batch).withKeepPolling(true)
                .withLease(Duration.ofSeconds(leaseSeconds)).withPollInterval(Duration.ofMillis((long) (pollSeconds * 1000)));
        if (threads != null) {
            options = options.withThreads(threads);
        }
        if (name != null) {
            options = options.withWorker(name);
        }
        AnalysisResult result;
        try (CancelOnSignal signal = new CancelOnSignal("worker"); Database db = database.open()) {
            db.migrate();
            AnalysisService service = new AnalysisService(db.dataSource(), db.sqlSessionFactory(), options);
            service.requeueOutdated();
            System.err.printf("worker %s: %d threads, waiting for work (Ctrl+C to stop)%n", options.worker(),
                    options.threads());
            try (ProgressBar bar = new ProgressBar(System.err, "worker", 0, true)) {
                result = service.run(signal.flag(), (analyzed, failed, pending) -> bar.update(analyzed + failed));
            }
        }
        System.out.printf(Locale.ROOT, "worker %s stopped: %,d files analysed, %,d failed, in %.0f s%n",
                options.worker(), result.analyzed(), result.failed(), result.seconds());
        return 0;
    }
}
