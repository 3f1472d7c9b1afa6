package com.midicenter.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.core.corpus.CorpusSummary;
import com.midicenter.core.corpus.FileKind;
import com.midicenter.core.corpus.GroundTruth;
import com.midicenter.core.corpus.GroundTruthCsv;
import com.midicenter.core.corpus.Part;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DrumAnalyzer} against the labelled corpus: drums present, swing, fills. Prints the measured figures. */
class DrumAnalyzerCorpusTest {

    static final long SEED = 20240917L;
    static final int FILES = 3000;

    @TempDir
    static Path dir;
    static List<GroundTruth> rows;
    static final List<MidiFile> FILES_READ = new ArrayList<>();
    static final List<GroundTruth> TRUTHS = new ArrayList<>();

    private final DrumAnalyzer analyzer = new DrumAnalyzer();

    @BeforeAll
    static void generate() throws Exception {
        CorpusSummary summary = new CorpusGenerator(SEED).generate(FILES, dir, null);
        rows = GroundTruthCsv.read(summary.groundTruthCsv());
        MidiReader reader = new MidiReader();
        for (GroundTruth t : rows) {
            if (t.kind() == FileKind.VALID) {
                FILES_READ.add(reader.read(dir.resolve(t.path())));
                TRUTHS.add(t);
            }
        }
    }

    @Test
    void analyze_corpus_hasDrumsExactAndSwingWithinThreePoints() {
        // given
        int hasDrumsRight = 0;
        double swingError = 0;
        int swingFiles = 0;
        double swungError = 0;
        int swungFiles = 0;
        int exact = 0;
        List<String> worst = new ArrayList<>();
        // when
        for (int k = 0; k < TRUTHS.size(); k++) {
            GroundTruth t = TRUTHS.get(k);
            MidiFile f = FILES_READ.get(k);
            DrumResult r = analyzer.analyze(Notes.of(f), Timeline.of(f));
            if (r.hasDrums() == t.hasDrums()) {
                hasDrumsRight++;
            }
            if (t.hasDrums()) {
                int error = Math.abs(r.swingPercent() - t.swing());
                swingError += error;
                swingFiles++;
                exact += error == 0 ? 1 : 0;
                if (t.swing() > 50) {
                    swungError += error;
                    swungFiles++;
                }
                if (error > 3 && worst.size() < 15) {
                    worst.add(t.path() + " truth=" + t.swing() + " measured=" + r.swingPercent() + " ppq=" + t.ppq());
                }
            }
        }
        double mae = swingError / swingFiles;
        // then
        System.out.printf("drums corpus seed=%d files=%d valid=%d: has_drums %d/%d; swing MAE %.2f points over %d drum"
                        + " files (%d exact), %.2f over %d swung ones%n", SEED, FILES, TRUTHS.size(), hasDrumsRight,
                TRUTHS.size(), mae, swingFiles, exact, swungError / swungFiles, swungFiles);
        worst.forEach(w -> System.out.println("  swing off: " + w));
        assertThat(hasDrumsRight).isEqualTo(TRUTHS.size());
        assertThat(mae).isLessThanOrEqualTo(3.0);
    }

    @Test
    void analyze_corpus_fillPartsEndInAFillAndGroovesHaveNoneElsewhere() {
        // given
        int fillParts = 0;
        int fillFound = 0;
        int grooves = 0;
        int falseFills = 0;
        List<String> misses = new ArrayList<>();
        // when
        for (int k = 0; k < TRUTHS.size(); k++) {
            GroundTruth t = TRUTHS.get(k);
            if (!t.hasDrums()) {
                continue;
            }
            MidiFile f = FILES_READ.get(k);
            DrumResult r = analyzer.analyze(Notes.of(f), Timeline.of(f));
            if (t.part() == Part.FILL) {
                fillParts++;
                boolean ok = r.fillBars().equals(List.of(t.bars()))
                        && r.role() == (t.bars() == 1 ? DrumRole.FILL : DrumRole.GROOVE_WITH_FILL);
                fillFound += ok ? 1 : 0;
                if (!ok && misses.size() < 10) {
                    misses.add("missed " + t.path() + " " + r);
                }
            } else {
                // grooves: a fill can only be in the last bar of a drum loop or kit of 4 bars or more
                grooves++;
                boolean allowed = (t.part() == Part.DRUMS || t.part() == Part.FULL) && t.bars() >= 4;
                boolean wrong = allowed ? r.fillBars().stream().anyMatch(b -> b != t.bars()) : !r.fillBars().isEmpty();
                falseFills += wrong ? 1 : 0;
                if (wrong && misses.size() < 20) {
                    misses.add("false " + t.path() + " " + r);
                }
            }
        }
        // then
        System.out.printf("drums corpus fills: %d/%d fill parts found; %d/%d grooves with a fill where none can be%n",
                fillFound, fillParts, falseFills, grooves);
        misses.forEach(m -> System.out.println("  " + m));
        assertThat(fillFound).isGreaterThanOrEqualTo((int) (0.95 * fillParts));
        assertThat(falseFills).isLessThanOrEqualTo((int) (0.02 * grooves));
    }
}
