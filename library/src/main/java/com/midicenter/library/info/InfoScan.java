package com.midicenter.library.info;

import com.midicenter.core.analysis.Hints;
import com.midicenter.core.analysis.MusicAnalyzer;
import com.midicenter.core.tags.PathTagger;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.library.scan.MidiFileWalker;
import com.midicenter.library.scan.ScanCandidate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Reads and summarises MIDI files and folders in parallel, without a database (the {@code info} command).
 *
 * <p>Memory stays bounded whatever the number of files: the folder walk feeds a bounded queue, so at most
 * {@code threads * 2 + queue} files are in flight; results are handed to the consumer as they are ready
 * (from worker threads, in completion order), never collected.
 */
public final class InfoScan {

    /** Counts of one run. */
    public record Stats(long files, long failed, long withWarnings, long skipped, double seconds) {
        public double filesPerSecond() {
            return seconds <= 0 ? 0 : files / seconds;
        }
    }

    private final int threads;
    private final MidiReader reader;
    private final MusicAnalyzer analyzer;
    private final PathTagger tagger = new PathTagger();
    private final MidiFileWalker walker = new MidiFileWalker();

    public InfoScan(int threads, MidiReader reader, MusicAnalyzer analyzer) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads=" + threads);
        }
        this.threads = threads;
        this.reader = reader;
        this.analyzer = analyzer;
    }

    /**
     * Reads every MIDI file under {@code roots}.
     *
     * @param out receives one report per file; called concurrently from worker threads, so it must be thread-safe
     * @throws InterruptedException if the calling thread is interrupted; workers are stopped first
     */
    public Stats run(List<Path> roots, Consumer<FileReport> out) throws InterruptedException {
        long start = System.nanoTime();
        LongAdder files = new LongAdder();
        LongAdder failed = new LongAdder();
        LongAdder warned = new LongAdder();
        LongAdder skipped = new LongAdder();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 64), namedDaemons("midicenter-info-"),
                new ThreadPoolExecutor.CallerRunsPolicy());
        Consumer<FileReport> counting = report -> {
            files.increment();
            if (report instanceof FileReport.Failed) {
                failed.increment();
            } else if (!((FileReport.Read) report).summary().warnings().isEmpty()) {
                warned.increment();
            }
            out.accept(report);
        };
        try {
            walker.walk(roots,
                    candidate -> pool.execute(() -> {
                        FileReport report = readOne(candidate);
                        if (report == null) {
                            skipped.increment();
                        } else {
                            counting.accept(report);
                        }
                    }),
                    (path, reason) -> counting.accept(new FileReport.Failed(path, reason,
                            MidiFormatException.Reason.UNREADABLE, 0)));
        } finally {
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.DAYS)) {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Stats(files.sum(), failed.sum(), warned.sum(), skipped.sum(), seconds);
    }

    /** Reads one candidate; {@code null} when a file found by walking turns out not to be MIDI. */
    public FileReport readOne(ScanCandidate candidate) {
        Path path = candidate.path();
        try {
            if (!candidate.midiExtension() && !candidate.explicit() && !looksLikeMidi(path)) {
                return null;
            }
            MidiFile file = reader.read(path);
            return new FileReport.Read(path, analyzer.analyze(file, hints(path)));
        } catch (MidiFormatException e) {
            return new FileReport.Failed(path, e.getMessage(), e.reason(), e.offset());
        } catch (IOException e) {
            return new FileReport.Failed(path, "cannot read: " + e.getMessage(), MidiFormatException.Reason.UNREADABLE, 0);
        } catch (RuntimeException e) {
            // analysers must not take the batch down; the file is reported, the rest goes on
            return new FileReport.Failed(path, "analysis failed: " + e, MidiFormatException.Reason.UNREADABLE, 0);
        }
    }

    /** What the path says: the file name and up to three folders above it (pack, category...). */
    private Hints hints(Path path) {
        List<String> folders = new java.util.ArrayList<>(3);
        Path dir = path.toAbsolutePath().getParent();
        for (int i = 0; i < 3 && dir != null && dir.getFileName() != null; i++, dir = dir.getParent()) {
            folders.add(0, dir.getFileName().toString());
        }
        String name = path.getFileName().toString();
        return Hints.of(name, tagger.tag(folders, name));
    }

    private static boolean looksLikeMidi(Path path) throws IOException {
        byte[] head = new byte[4096];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return MidiReader.sniff(head, n);
    }

    static ThreadFactory namedDaemons(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
