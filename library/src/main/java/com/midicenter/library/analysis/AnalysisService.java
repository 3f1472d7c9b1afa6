package com.midicenter.library.analysis;

import com.midicenter.core.analysis.Hints;
import com.midicenter.core.analysis.MusicAnalysis;
import com.midicenter.core.analysis.MusicAnalyzer;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.persistence.analysis.AnalysisQueue;
import com.midicenter.persistence.analysis.AnalysisRow;
import com.midicenter.persistence.analysis.AnalysisWriter;
import com.midicenter.persistence.analysis.ClaimedJob;
import com.midicenter.persistence.analysis.FailedJob;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Analyses the library's pending files: {@code threads} analysis threads claim batches of jobs from the shared
 * queue ({@code FOR UPDATE SKIP LOCKED} leases), read each file where the import found it, analyse it, and hand
 * the batch to one writer thread through a bounded queue (backpressure: at most {@code threads} batches wait).
 * Memory is bounded by threads × batch size results plus one file per thread, whatever the library size.
 *
 * <p>Any number of these, in any number of processes and machines, can run against one database: each job is
 * analysed by the worker holding its lease, and a worker's results are stored only while it still holds it. A
 * worker killed at any moment (kill -9) gives its jobs back as soon as the server has closed its session (its liveness
 * lock ends with it, see {@link AnalysisWriter}): the next claim of any worker, or the next run, does them. A worker
 * that hangs with its connection open holds them until the lease expires.
 *
 * <p>Thread-safe; each {@link #run} uses its own threads and pooled connections (threads + 1).
 */
public final class AnalysisService {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisService.class);
    private static final Batch END = new Batch(List.of(), List.of(), 0);

    private final DataSource dataSource;
    private final SqlSessionFactory sessions;
    private final AnalysisOptions options;
    private final MusicAnalyzer analyzer = new MusicAnalyzer();

    public AnalysisService(DataSource dataSource, SqlSessionFactory sessions, AnalysisOptions options) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.options = options;
    }

    private record Batch(List<AnalysisRow> rows, List<FailedJob> failures, long bytes) {
    }

    /** Jobs pending plus running in the whole queue (all workers), for a progress total. */
    public long outstanding() {
        var counts = queue().counts();
        return counts.pending() + counts.running();
    }

    /** Queues again files an older analyser version did; returns how many. */
    public int requeueOutdated() {
        return queue().requeueOlderThan(MusicAnalyzer.VERSION);
    }

    private AnalysisQueue queue() {
        return new AnalysisQueue(sessions, options.worker(), options.lease().toMillis() / 1000.0);
    }

    /**
     * Analyses until nothing is pending (or, with {@code keepPolling}, until cancelled).
     *
     * @param cancel   set to true from any thread to stop; unfinished jobs are given back to the queue
     * @param listener progress
     * @throws AnalysisException when the database fails; batches stored before stay
     */
    public AnalysisResult run(AtomicBoolean cancel, AnalysisListener listener) {
        long start = System.nanoTime();
        AnalysisQueue queue = queue();
        AtomicLong analyzed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        AtomicLong pending = new AtomicLong(-1);
        AtomicLong maxBatchBytes = new AtomicLong();
        AtomicLong maxBatchAllocated = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        BlockingQueue<Batch> toWriter = new ArrayBlockingQueue<>(options.threads());

        // opened before the first claim: it holds the worker's liveness lock, which keeps this run's leases its own
        // while it lives and hands them back as soon as it dies (see AnalysisWriter)
        AnalysisWriter opened;
        try {
            opened = new AnalysisWriter(dataSource, sessions, options.worker(), MusicAnalyzer.VERSION);
        } catch (SQLException | RuntimeException e) {
            throw new AnalysisException("analysis stopped: the database failed: " + e.getMessage(), e);
        }
        if (!opened.holdsWorkerLock()) {
            LOG.info("another session holds the liveness lock of worker {}; its leases end with their lease time",
                    options.worker());
        }
        queue.expireLeases();
        Thread writer = new Thread(() -> {
            try (AnalysisWriter out = opened) {
                int finished = 0;
                while (finished < options.threads()) {
                    Batch batch = toWriter.take();
                    if (batch == END) {
                        finished++;
                        continue;
                    }
                    AnalysisWriter.Written written = out.write(batch.rows(), batch.failures());
                    analyzed.addAndGet(written.stored());
                    failed.addAndGet(written.failed());
                    dropped.addAndGet(written.dropped());
                    listener.progress(analyzed.get(), failed.get(), pending.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException | RuntimeException e) {
                failure.compareAndSet(null, e);
                stop.set(true);
                drain(toWriter);
            }
        }, "analysis-writer");
        writer.start();

        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            Thread worker = new Thread(() -> work(queue, cancel, stop, toWriter, pending, maxBatchBytes,
                    maxBatchAllocated, failure),
                    "analysis-" + t);
            workers.add(worker);
            worker.start();
        }
        boolean interrupted = false;
        for (Thread worker : workers) {
            interrupted |= join(worker);
        }
        interrupted |= join(writer);
        boolean cancelled = cancel.get() || interrupted;
        if (cancelled || failure.get() != null) {
            try {
                queue.release(); // what this run claimed but did not store goes back at once, not after the lease
            } catch (RuntimeException e) {
                if (failure.get() != null) { // the database failed: the run's failure says so already
                    LOG.info("could not give unfinished analysis jobs back; they return when their lease expires: {}", e.toString());
                } else {
                    LOG.warn("could not give unfinished analysis jobs back; they return when their lease expires: {}",
                            e.toString());
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable error = failure.get();
        if (error != null) {
            throw new AnalysisException("analysis stopped: the database failed: " + error.getMessage(), error);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new AnalysisResult(analyzed.get(), failed.get(), dropped.get(), seconds, maxBatchBytes.get(),
                maxBatchAllocated.get(), cancelled);
    }

    private void work(AnalysisQueue queue, AtomicBoolean cancel, AtomicBoolean stop, BlockingQueue<Batch> toWriter,
                      AtomicLong pending, AtomicLong maxBatchBytes, AtomicLong maxBatchAllocated,
                      AtomicReference<Throwable> failure) {
        MidiReader reader = new MidiReader();
        try (LocationReader files = new LocationReader(options.maxFileBytes(), 512L << 20)) {
            while (!cancel.get() && !stop.get()) {
                List<ClaimedJob> jobs = queue.claim(options.batchSize());
                if (jobs.isEmpty()) {
                    if (queue.expireLeases() > 0) {
                        continue;
                    }
                    if (!options.keepPolling()) {
                        pending.set(0);
                        break;
                    }
                    pending.set(0);
                    sleep(options.pollInterval().toMillis(), cancel);
                    continue;
                }
                long allocatedBefore = allocatedBytes();
                List<AnalysisRow> rows = new ArrayList<>(jobs.size());
                List<FailedJob> failures = new ArrayList<>();
                long biggestFile = 0;
                for (ClaimedJob job : jobs) {
                    if (cancel.get() || stop.get()) {
                        break;
                    }
                    biggestFile = Math.max(biggestFile, analyzeOne(job, reader, files, rows, failures));
                }
                long bytes = biggestFile + AnalysisRows.estimatedBytes(rows);
                maxBatchBytes.accumulateAndGet(bytes, Math::max);
                if (allocatedBefore >= 0) {
                    long allocated = allocatedBytes() - allocatedBefore;
                    maxBatchAllocated.accumulateAndGet(allocated, Math::max);
                }
                if (cancel.get() || stop.get()) {
                    break; // the unfinished batch is released: its jobs go back to pending
                }
                toWriter.put(new Batch(rows, failures, bytes));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            stop.set(true);
        } finally {
            try {
                toWriter.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Analyses one job into {@code rows} or {@code failures}; returns the bytes read. */
    private long analyzeOne(ClaimedJob job, MidiReader reader, LocationReader files, List<AnalysisRow> rows,
                            List<FailedJob> failures) {
        if (job.paths().isEmpty()) {
            failures.add(new FailedJob(job.contentId(), "no location of this file is known"));
            return 0;
        }
        byte[] bytes = null;
        String path = null;
        List<String> problems = new ArrayList<>(1);
        for (String candidate : job.paths()) {
            try {
                bytes = files.read(candidate);
                path = candidate;
                break;
            } catch (NoSuchFileException e) {
                problems.add(candidate + ": no such file");
            } catch (AccessDeniedException e) {
                problems.add(candidate + ": permission denied");
            } catch (IOException | RuntimeException e) {
                problems.add(candidate + ": " + e.getMessage());
            }
        }
        if (bytes == null) {
            failures.add(new FailedJob(job.contentId(), "cannot read: " + String.join("; ", problems)));
            return 0;
        }
        try {
            MidiFile file = reader.read(bytes);
            String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf("!/") + 1) + 1);
            MusicAnalysis analysis = analyzer.analyze(file, Hints.ofTags(name, job.tags()));
            rows.add(AnalysisRows.of(job.contentId(), analysis));
        } catch (MidiFormatException e) {
            failures.add(new FailedJob(job.contentId(), e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("analysis of {} failed", path, e);
            failures.add(new FailedJob(job.contentId(), "could not be analysed: " + e));
        }
        return bytes.length;
    }

    /** Bytes this thread allocated so far (HotSpot), or -1 where the JVM cannot tell. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean hotspot
                && hotspot.isThreadAllocatedMemorySupported() && hotspot.isThreadAllocatedMemoryEnabled()) {
            return hotspot.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    private static void sleep(long millis, AtomicBoolean cancel) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (!cancel.get() && System.currentTimeMillis() < until) {
            Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
        }
    }

    private static void drain(BlockingQueue<Batch> queue) {
        // the writer failed: keep taking so analysis threads blocked on put() see the stop flag
        Thread drainer = new Thread(() -> {
            try {
                while (true) {
                    queue.poll(1, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "analysis-drain");
        drainer.setDaemon(true);
        drainer.start();
    }

    private static boolean join(Thread thread) {
        try {
            thread.join();
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
