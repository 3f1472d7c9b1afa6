package com.midicenter.core.corpus;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Generates a deterministic, realistic, labelled loop-pack library: {@code Vendor/Pack/Category/file.mid}
 * folders of drum, bass, chord, pad, melody, lead, arp and construction-kit loops in all 24 keys, with the
 * naming habits, meta-event gaps, duplicates and broken files of real collections, and a ground-truth CSV
 * ({@link GroundTruth}, {@link GroundTruthCsv}).
 *
 * <p>Determinism: file {@code i} depends only on the seed and {@code i} (its generator is seeded with a mix
 * of both), so the same seed and file count give byte-identical files and CSV whatever the thread count,
 * {@link #file(int)} returns exactly what {@link #generate} writes, and a corpus of {@code n} files is the
 * first {@code n} files of any larger one.
 *
 * <p>Shares, by construction: about 2% corrupt ({@link CorruptKind}) and 5% duplicates, decided file by
 * file (a few less duplicates among the very first files, which have fewer originals to copy); the rest
 * valid. Decided pack by pack, so only true over many packs (tens of thousands of files): about 30% format
 * 0, 10% not in 4/4, 85% of files with a Set Tempo event and 3% with a misleading 120 BPM one.
 *
 * <p>Speed: file contents cost about 10 µs each once the JIT has warmed up; writing is bound by how fast
 * the file system creates small files. Memory does not grow with the corpus size.
 *
 * <p>Thread-safe: an instance holds its seed, thread count and small caches; {@link #generate} runs on its
 * own short-lived pool of named daemon threads.
 */
public final class CorpusGenerator {

    static final double CORRUPT_SHARE = 0.02;
    static final double DUPLICATE_SHARE = 0.05;
    /** Files per unit of work handed to the pool; the CSV is written chunk by chunk, in index order. */
    private static final int CHUNK = 2048;
    private static final int BATCH = 32;
    private static final int DUPLICATE_WINDOW = 20_000;
    /** Folders known to exist; files come pack by pack, so a small cache catches nearly every repeat. */
    private static final int FOLDER_CACHE = 4096;
    private static final String[] EXTENSIONS = {".midi", ".mid", ".MID", ".kar", ".rmi"};

    private final long seed;
    private final int threads;
    private final PackPlanner planner;
    private final ThreadLocal<Pack> lastPack = new ThreadLocal<>();

    /** A generator using up to 8 threads (no more than the machine has) to write files. */
    public CorpusGenerator(long seed) {
        this(seed, Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
    }

    /** @param threads worker threads for {@link #generate}, 1..64; the output does not depend on it */
    public CorpusGenerator(long seed, int threads) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads=" + threads);
        }
        this.seed = seed;
        this.threads = threads;
        this.planner = new PackPlanner(seed);
    }

    /**
     * Writes {@code files} files under {@code out} plus {@code out/ground-truth.csv}. Folders are created as
     * needed; files already there at the same paths are overwritten, nothing else is touched. Memory use does
     * not grow with {@code files}.
     *
     * @param progress called on the calling thread with the number of files written so far, after every
     *                 few thousand files and at the end; may be null
     * @throws IOException          if a file or folder cannot be written
     * @throws InterruptedIOException if the calling thread is interrupted (its interrupt flag is set again)
     */
    public CorpusSummary generate(int files, Path out, IntConsumer progress) throws IOException {
        if (files < 0) {
            throw new IllegalArgumentException("files=" + files);
        }
        Objects.requireNonNull(out, "out");
        Files.createDirectories(out);
        Path csv = out.resolve("ground-truth.csv");
        Set<String> folders = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads, namedDaemons());
        int valid = 0;
        int duplicates = 0;
        int corrupt = 0;
        long bytes = 0;
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(GroundTruthCsv.HEADER);
            Chunk pending = files > 0 ? submit(pool, 0, Math.min(files, CHUNK), out, folders) : null;
            for (int start = 0; start < files; start += CHUNK) {
                Chunk chunk = pending;
                chunk.await();
                int nextStart = start + CHUNK;
                pending = nextStart < files
                        ? submit(pool, nextStart, Math.min(files - nextStart, CHUNK), out, folders) : null;
                for (int k = 0; k < chunk.rows.length; k++) {
                    GroundTruth t = chunk.rows[k];
                    GroundTruthCsv.write(w, t);
                    bytes += chunk.sizes[k];
                    switch (t.kind()) {
                        case VALID -> valid++;
                        case DUPLICATE -> duplicates++;
                        default -> corrupt++;
                    }
                }
                if (progress != null) {
                    progress.accept(start + chunk.rows.length);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new CorpusSummary(files, valid, duplicates, corrupt, bytes, csv);
    }

    /** The {@code index}-th file's path, bytes and ground truth, without touching the disk. */
    public GeneratedFile file(int index) {
        Produced p = produce(index);
        return new GeneratedFile(p.truth.path(), p.bytes, p.truth);
    }

    /** A file's content and truth; internal, so the hot path does not copy bytes. */
    private record Produced(byte[] bytes, GroundTruth truth) {
    }

    Produced produce(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index=" + index);
        }
        long fileSeed = Seeds.fileSeed(seed, index);
        SplittableRandom r = new SplittableRandom(fileSeed);
        double u = r.nextDouble();
        PackPlanner.Located at = locate(index);
        if (u < CORRUPT_SHARE) {
            return corrupt(at, fileSeed, r);
        }
        if (u < CORRUPT_SHARE + DUPLICATE_SHARE) {
            Produced d = duplicate(index, at, fileSeed, r);
            if (d != null) {
                return d;
            }
        }
        return valid(at, fileSeed, r);
    }

    /**
     * The pack of file {@code index}. Files are produced in runs of consecutive indexes, so the last pack each
     * thread saw is reused when it still covers the index (packs are immutable; the cache only saves work).
     */
    private PackPlanner.Located locate(int index) {
        Pack last = lastPack.get();
        if (last != null && index >= last.start() && index < last.start() + last.size()) {
            return new PackPlanner.Located(last, index - last.start() + 1);
        }
        PackPlanner.Located at = planner.locate(index);
        lastPack.set(at.pack());
        return at;
    }

    /** True when file {@code index} is valid because of its first draw (so it can be copied by a duplicate). */
    private boolean validByDraw(int index) {
        return new SplittableRandom(Seeds.fileSeed(seed, index)).nextDouble() >= CORRUPT_SHARE + DUPLICATE_SHARE;
    }

    private Produced valid(PackPlanner.Located at, long fileSeed, SplittableRandom r) {
        Pack pack = at.pack();
        LoopComposer.Loop loop = LoopComposer.compose(pack, at.seq(), r);
        String name = loop.baseName() + loop.extension();
        double u = r.nextDouble();
        String path;
        String vendor = pack.vendor();
        String packName = pack.name();
        if (u < 0.008) {
            path = String.join("", vendor, "/", pack.name(), " - ", name);
            packName = "";
        } else if (u < 0.011) {
            path = String.join(" - ", vendor, pack.name(), name);
            vendor = "";
            packName = "";
        } else {
            path = String.join("/", vendor, pack.name(), loop.folder().concat(name));
        }
        byte[] bytes = loop.extension().equals(".rmi") ? Rmid.wrap(loop.smf()) : loop.smf();
        return new Produced(bytes, truth(path, FileKind.VALID, "", null, vendor, packName, loop.musical(), fileSeed));
    }

    /**
     * A copy of an earlier valid file: the file {@code duplicateStride} before it in the same pack, put in the
     * pack's {@code Bonus} folder under its own name (unique: the stride is fixed per pack), or a file from up
     * to 20,000 indexes back, put there as {@code name (n).ext} with this file's number {@code n}.
     */
    private Produced duplicate(int index, PackPlanner.Located at, long fileSeed, SplittableRandom r) {
        Pack pack = at.pack();
        int original = index - pack.duplicateStride();
        boolean samePack = original >= pack.start() && r.nextDouble() < 0.6 && validByDraw(original);
        if (!samePack) {
            original = -1;
            for (int tries = 0; tries < 8 && index > 0; tries++) {
                int candidate = index - 1 - r.nextInt(Math.min(index, DUPLICATE_WINDOW));
                if (validByDraw(candidate)) {
                    original = candidate;
                    break;
                }
            }
            if (original < 0) {
                return null;
            }
        }
        Produced copy = produce(original);
        String originalPath = copy.truth.path();
        String name = originalPath.substring(originalPath.lastIndexOf('/') + 1);
        if (!samePack) {
            String ext = extensionOf(name);
            name = String.join("", name.substring(0, name.length() - ext.length()), " (", Integer.toString(at.seq()), ")", ext);
        }
        String path = String.join("/", pack.vendor(), pack.name(), "Bonus", name);
        GroundTruth o = copy.truth;
        GroundTruth t = new GroundTruth(path, FileKind.DUPLICATE, originalPath, null, false, pack.vendor(), pack.name(),
                o.category(), o.part(), o.format(), o.ppq(), o.tracks(), o.bpm(), o.bpmInMeta(), o.bpmInName(),
                o.metaTempoIsDefault(), o.key(), o.keyInName(), o.keySignatureEvent(), o.meter(), o.meterInMeta(),
                o.bars(), o.hasDrums(), o.programs(), o.instrument(), o.chords(), o.notes(), o.swing(), fileSeed);
        return new Produced(copy.bytes, t);
    }

    private Produced corrupt(PackPlanner.Located at, long fileSeed, SplittableRandom r) {
        Pack pack = at.pack();
        LoopComposer.Loop loop = LoopComposer.compose(pack, at.seq(), r);
        String ext = loop.extension().equals(".rmi") ? pack.extension() : loop.extension();
        String path = String.join("/", pack.vendor(), pack.name(), String.join("", loop.folder(), loop.baseName(), ext));
        CorruptKind kind = Corruptor.kind(r);
        byte[] bytes = Corruptor.corrupt(kind, loop.smf(), r);
        return new Produced(bytes, truth(path, FileKind.CORRUPT, "", kind, pack.vendor(), pack.name(), loop.musical(),
                fileSeed));
    }

    private static GroundTruth truth(String path, FileKind kind, String duplicateOf, CorruptKind corrupt, String vendor,
                                     String pack, Musical m, long seed) {
        return new GroundTruth(path, kind, duplicateOf, corrupt, corrupt != null && corrupt.recoverable(), vendor, pack,
                m.category(), m.part(), m.format(), m.ppq(), m.tracks(), m.bpm(), m.bpmInMeta(), m.bpmInName(),
                m.metaTempoIsDefault(), m.key(), m.keyInName(), m.keySignatureEvent(), m.meter(), m.meterInMeta(),
                m.bars(), m.hasDrums(), m.programs(), m.instrument(), m.chords(), m.notes(), m.swing(), seed);
    }

    static String extensionOf(String name) {
        for (String ext : EXTENSIONS) {
            if (name.endsWith(ext)) {
                return ext;
            }
        }
        return "";
    }

    /** One chunk of files being written by the pool. */
    private static final class Chunk {
        final GroundTruth[] rows;
        final int[] sizes;
        final List<Future<?>> futures = new ArrayList<>();

        Chunk(int n) {
            rows = new GroundTruth[n];
            sizes = new int[n];
        }

        void await() throws IOException {
            try {
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                throw new InterruptedIOException("corpus generation interrupted");
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                Throwable cause = e.getCause();
                if (cause instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IOException(cause);
            }
        }
    }

    private Chunk submit(ExecutorService pool, int start, int n, Path out, Set<String> folders) {
        Chunk chunk = new Chunk(n);
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            chunk.futures.add(pool.submit(() -> {
                int from;
                while ((from = next.getAndAdd(BATCH)) < n) {
                    for (int k = from; k < Math.min(n, from + BATCH); k++) {
                        Produced p = produce(start + k);
                        write(out, folders, p.truth.path(), p.bytes);
                        chunk.rows[k] = p.truth;
                        chunk.sizes[k] = p.bytes.length;
                    }
                }
                return null;
            }));
        }
        return chunk;
    }

    private static void write(Path out, Set<String> folders, String relative, byte[] bytes) {
        try {
            int slash = relative.lastIndexOf('/');
            if (slash > 0) {
                String folder = relative.substring(0, slash);
                if (!folders.contains(folder)) {
                    Files.createDirectories(out.resolve(folder));
                    if (folders.size() >= FOLDER_CACHE) {
                        folders.clear(); // stay memory-flat; creating a folder again is only a wasted check
                    }
                    folders.add(folder);
                }
            }
            Files.write(out.resolve(relative), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThreadFactory namedDaemons() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "corpus-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
