package com.midicenter.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.core.corpus.FileKind;
import com.midicenter.core.corpus.GeneratedFile;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiReader;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single-threaded files per second of each analyser on corpus loops (1-16 bars), notes and timeline prepared
 * beforehand. A rough figure printed for the report, not a benchmark (JMH is for that); the bound asserted is
 * loose so a busy shared machine does not fail the build.
 */
class AnalyzerThroughputTest {

    private static final List<MidiFile> FILES = new ArrayList<>();
    private static final List<Notes> NOTES = new ArrayList<>();
    private static final List<Timeline> TIMELINES = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        CorpusGenerator generator = new CorpusGenerator(20240917L, 1);
        MidiReader reader = new MidiReader();
        for (int i = 0; FILES.size() < 2000; i++) {
            GeneratedFile g = generator.file(i);
            if (g.truth().kind() == FileKind.VALID) {
                MidiFile f = reader.read(g.bytes());
                FILES.add(f);
                NOTES.add(Notes.of(f));
                TIMELINES.add(Timeline.of(f));
            }
        }
    }

    private static double filesPerSecond(ToLongFunction<Integer> analyse) {
        long sink = 0;
        for (int round = 0; round < 20; round++) { // warm-up
            for (int k = 0; k < FILES.size(); k++) {
                sink += analyse.applyAsLong(k);
            }
        }
        int rounds = 20;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < FILES.size(); k++) {
                sink += analyse.applyAsLong(k);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(sink).isNotZero();
        return rounds * FILES.size() / seconds;
    }

    @Test
    void analyze_corpusLoops_wellAboveTenThousandFilesPerSecond() {
        // given
        DrumAnalyzer drums = new DrumAnalyzer();
        InstrumentAnalyzer instruments = new InstrumentAnalyzer();
        ShapeAnalyzer shapes = new ShapeAnalyzer();
        List<String> words = List.of("bass");
        // when
        double drumRate = filesPerSecond(k -> drums.analyze(NOTES.get(k), TIMELINES.get(k)).swingPercent() + 1);
        double instrumentRate = filesPerSecond(
                k -> instruments.analyze(FILES.get(k), NOTES.get(k), words).channels().size() + 1);
        double shapeRate = filesPerSecond(k -> shapes.analyze(NOTES.get(k), TIMELINES.get(k)).rhythmPrint() | 1);
        // then
        System.out.printf("throughput, one thread, %d corpus loops: drums %.0f files/s, instruments %.0f files/s,"
                + " shape %.0f files/s%n", FILES.size(), drumRate, instrumentRate, shapeRate);
        assertThat(drumRate).isGreaterThan(10_000);
        assertThat(instrumentRate).isGreaterThan(10_000);
        assertThat(shapeRate).isGreaterThan(10_000);
    }
}
