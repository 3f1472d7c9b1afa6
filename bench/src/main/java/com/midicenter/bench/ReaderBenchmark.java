package com.midicenter.bench;

import com.midicenter.core.analysis.SummaryAnalyzer;
import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.core.corpus.GeneratedFile;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;
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

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;

/**
 * Our reader against {@code javax.sound.midi.MidiSystem.getSequence} on the same in-memory bytes:
 * {@value #FILES} valid files of the generated loop-pack corpus (seed 42). Score = files per second.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ReaderBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReaderBenchmark {

    static final int FILES = 2000;

    private byte[][] corpus;
    private final MidiReader reader = new MidiReader();
    private final SummaryAnalyzer analyzer = new SummaryAnalyzer();

    @Setup
    public void generate() throws Exception {
        CorpusGenerator generator = new CorpusGenerator(42);
        List<byte[]> files = new ArrayList<>(FILES);
        for (int i = 0; files.size() < FILES; i++) {
            GeneratedFile f = generator.file(i);
            // only files both readers accept: javax.sound.midi has no repairs
            try {
                MidiSystem.getSequence(new ByteArrayInputStream(f.bytes()));
                reader.read(f.bytes());
                files.add(f.bytes());
            } catch (InvalidMidiDataException | MidiFormatException | java.io.IOException e) {
                // skip corrupt
            }
        }
        corpus = files.toArray(new byte[0][]);
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public void midicenterReader(Blackhole bh) throws MidiFormatException {
        for (byte[] bytes : corpus) {
            MidiFile f = reader.read(bytes);
            bh.consume(f.eventCount());
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public void midicenterReaderAndSummary(Blackhole bh) throws MidiFormatException {
        for (byte[] bytes : corpus) {
            bh.consume(analyzer.summarize(reader.read(bytes), null));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public void javaxSoundMidi(Blackhole bh) throws Exception {
        for (byte[] bytes : corpus) {
            Sequence s = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
            bh.consume(s.getTracks().length);
        }
    }
}
