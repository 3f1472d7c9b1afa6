package com.midicenter.bench;

import com.midicenter.core.analysis.ChordAnalyzer;
import com.midicenter.core.analysis.DrumAnalyzer;
import com.midicenter.core.analysis.Hints;
import com.midicenter.core.analysis.InstrumentAnalyzer;
import com.midicenter.core.analysis.KeyAnalyzer;
import com.midicenter.core.analysis.KeyResult;
import com.midicenter.core.analysis.MusicAnalyzer;
import com.midicenter.core.analysis.Notes;
import com.midicenter.core.analysis.ShapeAnalyzer;
import com.midicenter.core.analysis.SummaryAnalyzer;
import com.midicenter.core.analysis.TempoAnalyzer;
import com.midicenter.core.analysis.Timeline;
import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.core.corpus.GeneratedFile;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.music.MusicalKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Each analyser on its own, over {@value #FILES} readable files of the generated loop-pack corpus (seed 42), parsed
 * beforehand; plus the whole {@link MusicAnalyzer} from bytes. Score = files per second, one thread.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar AnalyzerBenchmark} (add {@code -prof gc} for bytes allocated
 * per file: divide {@code gc.alloc.rate.norm} by {@value #FILES}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class AnalyzerBenchmark {

    static final int FILES = 2000;

    private byte[][] bytes;
    private MidiFile[] files;
    private Notes[] notes;
    private Timeline[] timelines;
    private MusicalKey[] keys;
    private final MidiReader reader = new MidiReader();
    private final SummaryAnalyzer summaries = new SummaryAnalyzer();
    private final TempoAnalyzer tempos = new TempoAnalyzer();
    private final KeyAnalyzer keyAnalyzer = new KeyAnalyzer();
    private final ChordAnalyzer chords = new ChordAnalyzer();
    private final DrumAnalyzer drums = new DrumAnalyzer();
    private final InstrumentAnalyzer instruments = new InstrumentAnalyzer();
    private final ShapeAnalyzer shapes = new ShapeAnalyzer();
    private final MusicAnalyzer music = new MusicAnalyzer();

    @Setup
    public void generate() {
        CorpusGenerator generator = new CorpusGenerator(42);
        List<byte[]> read = new ArrayList<>(FILES);
        for (int i = 0; read.size() < FILES; i++) {
            GeneratedFile f = generator.file(i);
            try {
                reader.read(f.bytes());
                read.add(f.bytes());
            } catch (MidiFormatException e) {
                // corrupt on purpose: not analysed
            }
        }
        bytes = read.toArray(new byte[0][]);
        files = new MidiFile[FILES];
        notes = new Notes[FILES];
        timelines = new Timeline[FILES];
        keys = new MusicalKey[FILES];
        for (int i = 0; i < FILES; i++) {
            try {
                files[i] = reader.read(bytes[i]);
            } catch (MidiFormatException e) {
                throw new IllegalStateException(e);
            }
            notes[i] = Notes.of(files[i]);
            timelines[i] = Timeline.of(files[i]);
            KeyResult k = keyAnalyzer.analyze(files[i], notes[i], null);
            keys[i] = k.key();
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public void notes(Blackhole bh) {
        for (MidiFile f : files) {
            bh.consume(Notes.of(f));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public void timeline(Blackhole bh) {
        for (MidiFile f : files) {
            bh.consume(Timeline.of(f));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public void summary(Blackhole bh) {
        for (MidiFile f : files) {
            bh.consume(summaries.summarize(f, null));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public void tempo(Blackhole bh) {
        for (int i = 0; i < FILES; i++) {
            bh.consume(tempos.analyze(timelines[i], notes[i], null, false));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public void key(Blackhole bh) {
        for (int i = 0; i < FILES; i++) {
            bh.consume(keyAnalyzer.analyze(files[i], notes[i], null));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public void chords(Blackhole bh) {
        for (int i = 0; i < FILES; i++) {
            bh.consume(chords.analyze(notes[i], timelines[i], keys[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public void drums(Blackhole bh) {
        for (int i = 0; i < FILES; i++) {
            bh.consume(drums.analyze(notes[i], timelines[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public void instruments(Blackhole bh) {
        for (int i = 0; i < FILES; i++) {
            bh.consume(instruments.analyze(files[i], notes[i], List.of()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public void shape(Blackhole bh) {
        for (int i = 0; i < FILES; i++) {
            bh.consume(shapes.analyze(notes[i], timelines[i]));
        }
    }

    /** Read + every analyser: what {@code analyze} does per file before storing. */
    @Benchmark
    @OperationsPerInvocation(FILES)
    public void fullAnalysisFromBytes(Blackhole bh) throws MidiFormatException {
        for (byte[] b : bytes) {
            bh.consume(music.analyze(reader.read(b), Hints.NONE));
        }
    }
}
