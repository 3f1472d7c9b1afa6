package com.midicenter.library.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * Runs inputs {@code 0..inputs-1} of a {@link Mutator} through a {@link FilePipeline} on {@code threads} named
 * daemon threads, with a per-input time limit enforced by a watchdog: an input that has used more CPU time than the
 * limit (or ten times the limit and at least a minute in wall-clock time: a thread blocked, not computing) is counted as a timeout, saved, its thread interrupted and
 * abandoned, and a fresh worker takes over (when more than {@link #MAX_ABANDONED} abandoned threads are still
 * running, the campaign stops early and says so). Limits are in CPU time because on a shared machine the wall-clock
 * time of an input says more about the neighbours than about the input; both are reported.
 *
 * <p>Every crash (unchecked exception or {@link Error}, see {@link FilePipeline}), timeout and input slower than
 * the slow threshold is written to the output folder as {@code <kind>-<index>.mid} with a {@code .txt} beside it
 * (recipe, name, time, stack trace); at most {@link #MAX_SAVED_PER_KIND} of each kind. Memory per input is measured
 * as the bytes the worker thread allocated while running it ({@code com.sun.management.ThreadMXBean}).
 */
public final class FuzzCampaign {

    /** Threads stuck on an input the campaign tolerates before it stops. */
    static final int MAX_ABANDONED = 8;
    /** Files saved per finding kind; the counts go on. */
    static final int MAX_SAVED_PER_KIND = 200;
    private static final int SLOWEST_KEPT = 10;
    private static final long WALL_LIMIT_NANOS = 60_000_000_000L;

    /**
     * What to run.
     *
     * @param budget wall-clock time after which no new input is started (the report says how many ran), or null
     */
    public record Options(long inputs, long seed, int threads, Duration limit, Duration slow, Path out, Duration budget) {

        public Options(long inputs, long seed, int threads, Duration limit, Duration slow, Path out) {
            this(inputs, seed, threads, limit, slow, out, null);
        }

        public Options {
            if (inputs < 0 || threads < 1 || threads > 64) {
                throw new IllegalArgumentException("inputs=" + inputs + " threads=" + threads);
            }
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(slow, "slow");
            if (limit.isNegative() || limit.isZero() || slow.compareTo(limit) > 0) {
                throw new IllegalArgumentException("limit=" + limit + " slow=" + slow);
            }
        }
    }

    /** One input worth a look: a crash, a timeout or a slow input ({@code millis} of CPU time). */
    public record Finding(String kind, long index, long millis, int bytes, String recipe, String detail, Path saved) {
    }

    /** One of the slowest inputs: CPU time and wall-clock time. */
    public record Timed(long index, long nanos, long wallNanos, int bytes, String recipe) {
    }

    /**
     * The figures of a run.
     *
     * @param maxAllocatedBytes    the most bytes one input allocated (reader + analysis), and which input
     * @param maxAllocatedPerByte  the largest ratio of allocated bytes to input size (inputs of 1 KiB or more)
     * @param crashSignatures      distinct crashes (exception and first frame) with their counts
     */
    public record Report(long inputs, long readOk, long formatErrors, long crashes, long timeouts, long slow,
                         double seconds, boolean stoppedEarly, boolean outOfTime, List<Timed> slowest, List<Finding> findings,
                         long maxAllocatedBytes, long maxAllocatedIndex, double maxAllocatedPerByte,
                         long maxInputBytes, Map<String, Long> crashSignatures) {

        public double inputsPerSecond() {
            return seconds <= 0 ? 0 : inputs / seconds;
        }
    }

    private final Mutator mutator;
    private final FilePipeline pipeline;
    private final Options options;

    public FuzzCampaign(Mutator mutator, FilePipeline pipeline, Options options) {
        this.mutator = Objects.requireNonNull(mutator, "mutator");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A worker's current input: index and start, or -1 when idle. */
    private static final class Slot {
        volatile long index = -1;
        volatile long startNanos;
        volatile long startCpuNanos;
        volatile boolean abandoned;
        volatile long threadId;
        final PriorityQueue<Timed> slowest = new PriorityQueue<>(Comparator.comparingLong(Timed::nanos));
        long maxAllocated;
        long maxAllocatedIndex = -1;
        double maxPerByte;
        long maxInputBytes;
    }

    private final AtomicLong next = new AtomicLong();
    private final LongAdder done = new LongAdder();
    private final LongAdder readOk = new LongAdder();
    private final LongAdder formatErrors = new LongAdder();
    private final LongAdder crashes = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder slow = new LongAdder();
    private final List<Finding> findings = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> saved = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> signatures = new ConcurrentHashMap<>();
    private final List<Slot> slots = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger threadNumber = new AtomicInteger();

    /**
     * Runs the campaign.
     *
     * @param progress called about every 200 ms from the calling thread with the inputs done so far; may be null
     * @throws InterruptedException if the calling thread is interrupted (the workers are interrupted too)
     */
    public Report run(LongConsumer progress) throws InterruptedException, IOException {
        if (options.out() != null) {
            Files.createDirectories(options.out());
        }
        long start = System.nanoTime();
        long budgetEnd = options.budget() == null ? Long.MAX_VALUE : start + options.budget().toNanos();
        boolean outOfTime = false;
        List<Thread> live = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            live.add(startWorker());
        }
        List<Thread> abandonedThreads = new ArrayList<>();
        boolean stoppedEarly = false;
        long limitNanos = options.limit().toNanos();
        java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try {
            while (true) {
                live.removeIf(t -> !t.isAlive());
                if (live.isEmpty()) {
                    break;
                }
                Thread.sleep(100);
                if (progress != null) {
                    progress.accept(done.sum());
                }
                long now = System.nanoTime();
                if (now - budgetEnd > 0 && !outOfTime) {
                    outOfTime = true;
                    next.set(Long.MAX_VALUE / 2);
                }
                for (int i = 0; i < slots.size(); i++) {
                    Slot slot = slots.get(i);
                    long index = slot.index;
                    if (index < 0 || slot.abandoned) {
                        continue;
                    }
                    long wall = now - slot.startNanos;
                    long used = cpu.getThreadCpuTime(slot.threadId) - slot.startCpuNanos;
                    if ((used > limitNanos || wall > Math.max(10 * limitNanos, WALL_LIMIT_NANOS)) && slot.index == index) {
                        slot.abandoned = true;
                        timeouts.increment();
                        done.increment();
                        record("timeout", index, used / 1_000_000, "still running after " + used / 1_000_000
                                + " ms of CPU (" + wall / 1_000_000 + " ms wall clock); limit "
                                + options.limit().toMillis() + " ms", null);
                        Thread stuck = threadOf(slot);
                        if (stuck != null) {
                            stuck.interrupt();
                            abandonedThreads.add(stuck);
                        }
                        abandonedThreads.removeIf(t -> !t.isAlive());
                        if (abandonedThreads.size() > MAX_ABANDONED) {
                            stoppedEarly = true;
                            next.set(Long.MAX_VALUE / 2);
                        } else {
                            live.add(startWorker());
                        }
                    }
                }
                if (stoppedEarly) {
                    live.removeIf(t -> slotOf(t) != null && slotOf(t).abandoned);
                }
            }
        } catch (InterruptedException e) {
            next.set(Long.MAX_VALUE / 2);
            for (Thread t : live) {
                t.interrupt();
            }
            throw e;
        }
        if (progress != null) {
            progress.accept(done.sum());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return report(seconds, stoppedEarly, outOfTime);
    }

    private final Map<Thread, Slot> slotByThread = new ConcurrentHashMap<>();

    private Thread threadOf(Slot slot) {
        for (Map.Entry<Thread, Slot> e : slotByThread.entrySet()) {
            if (e.getValue() == slot) {
                return e.getKey();
            }
        }
        return null;
    }

    private Slot slotOf(Thread t) {
        return slotByThread.get(t);
    }

    private Thread startWorker() {
        Slot slot = new Slot();
        slots.add(slot);
        Thread t = new Thread(() -> work(slot), "midicenter-fuzz-" + threadNumber.incrementAndGet());
        t.setDaemon(true);
        slot.threadId = t.getId();
        slotByThread.put(t, slot);
        t.start();
        return t;
    }

    private void work(Slot slot) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        boolean allocation = threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled();
        long slowNanos = options.slow().toNanos();
        while (!slot.abandoned) {
            long index = next.getAndIncrement();
            if (index >= options.inputs()) {
                return;
            }
            Mutator.Input input = mutator.input(index);
            long allocatedBefore = allocation ? threads.getCurrentThreadAllocatedBytes() : 0;
            slot.startCpuNanos = threads.getCurrentThreadCpuTime();
            slot.startNanos = System.nanoTime();
            slot.index = index;
            FilePipeline.Outcome outcome = pipeline.run(input.bytes(), input.folders(), input.fileName());
            long wallNanos = System.nanoTime() - slot.startNanos;
            long nanos = threads.getCurrentThreadCpuTime() - slot.startCpuNanos;
            slot.index = -1;
            if (slot.abandoned) {
                return; // the watchdog counted it as a timeout and replaced this thread
            }
            long allocated = allocation ? threads.getCurrentThreadAllocatedBytes() - allocatedBefore : 0;
            done.increment();
            switch (outcome.kind()) {
                case READ_OK -> readOk.increment();
                case FORMAT_ERROR -> formatErrors.increment();
                default -> {
                    crashes.increment();
                    signatures.computeIfAbsent(signature(outcome.crash()), k -> new LongAdder()).increment();
                    record("crash", index, nanos / 1_000_000, outcome.detail(), outcome.crash());
                }
            }
            if (nanos > slowNanos) {
                slow.increment();
                record("slow", index, nanos / 1_000_000, outcome.kind() + " " + outcome.detail() + "; "
                        + wallNanos / 1_000_000 + " ms wall clock", null);
            }
            slot.slowest.add(new Timed(index, nanos, wallNanos, input.bytes().length, input.recipe()));
            if (slot.slowest.size() > SLOWEST_KEPT) {
                slot.slowest.poll();
            }
            if (allocated > slot.maxAllocated) {
                slot.maxAllocated = allocated;
                slot.maxAllocatedIndex = index;
            }
            if (input.bytes().length >= 1024) {
                slot.maxPerByte = Math.max(slot.maxPerByte, (double) allocated / input.bytes().length);
            }
            slot.maxInputBytes = Math.max(slot.maxInputBytes, input.bytes().length);
        }
    }

    /** Exception class and the first frame of ours (or the first frame) where it was thrown. */
    static String signature(Throwable t) {
        StackTraceElement at = null;
        for (StackTraceElement e : t.getStackTrace()) {
            if (at == null) {
                at = e;
            }
            if (e.getClassName().startsWith("com.midicenter.")) {
                at = e;
                break;
            }
        }
        return t.getClass().getName() + (at == null ? "" : " at " + at);
    }

    private void record(String kind, long index, long millis, String detail, Throwable crash) {
        Mutator.Input input = mutator.input(index);
        Path file = null;
        if (options.out() != null
                && saved.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet() <= MAX_SAVED_PER_KIND) {
            file = options.out().resolve(kind + "-" + index + ".mid");
            try {
                Files.write(file, input.bytes());
                StringWriter text = new StringWriter();
                PrintWriter w = new PrintWriter(text);
                w.printf("kind: %s%ninput: %d of campaign seed %d%nrecipe: %s%nname: %s%nfolders: %s%nbytes: %d%n"
                                + "millis: %d%ndetail: %s%n", kind, index, options.seed(), input.recipe(),
                        input.fileName(), input.folders(), input.bytes().length, millis, detail);
                if (crash != null) {
                    crash.printStackTrace(w);
                }
                w.flush();
                Files.writeString(file.resolveSibling(kind + "-" + index + ".txt"), text.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                detail = detail + " (not saved: " + e.getMessage() + ")";
                file = null;
            }
        }
        if (findings.size() < 10_000) {
            findings.add(new Finding(kind, index, millis, input.bytes().length, input.recipe(), detail, file));
        }
    }

    private Report report(double seconds, boolean stoppedEarly, boolean outOfTime) {
        PriorityQueue<Timed> all = new PriorityQueue<>(Comparator.comparingLong(Timed::nanos).reversed());
        long maxAllocated = 0;
        long maxAllocatedIndex = -1;
        double maxPerByte = 0;
        long maxInput = 0;
        for (Slot s : slots) {
            all.addAll(s.slowest);
            if (s.maxAllocated > maxAllocated) {
                maxAllocated = s.maxAllocated;
                maxAllocatedIndex = s.maxAllocatedIndex;
            }
            maxPerByte = Math.max(maxPerByte, s.maxPerByte);
            maxInput = Math.max(maxInput, s.maxInputBytes);
        }
        List<Timed> slowest = new ArrayList<>();
        while (!all.isEmpty() && slowest.size() < SLOWEST_KEPT) {
            slowest.add(all.poll());
        }
        Map<String, Long> sigs = new TreeMap<>();
        signatures.forEach((k, v) -> sigs.put(k, v.sum()));
        List<Finding> found;
        synchronized (findings) {
            found = List.copyOf(findings);
        }
        return new Report(done.sum(), readOk.sum(), formatErrors.sum(), crashes.sum(), timeouts.sum(), slow.sum(), seconds,
                stoppedEarly, outOfTime, slowest, found, maxAllocated, maxAllocatedIndex, maxPerByte, maxInput, sigs);
    }
}
