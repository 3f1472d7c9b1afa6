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
import com.midicenter.core.music.MusicalKey;
import com.midicenter.core.tags.PathTagger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key and chord accuracy over a generated, labelled corpus. Prints the figures quoted in the javadoc of
 * {@link KeyAnalyzer} and {@link ChordAnalyzer}.
 */
class HarmonyCorpusTest {

    static final long SEED = 20240601L;
    static final int FILES = 3000;

    @TempDir
    static Path dir;
    static final List<Sample> tonal = new ArrayList<>();

    /** One readable tonal valid file with what production would know about it. */
    record Sample(GroundTruth truth, MusicalKey key, MidiFile file, Notes notes, MusicalKey nameKey) {
    }

    @BeforeAll
    static void generate() throws Exception {
        CorpusSummary summary = new CorpusGenerator(SEED, 2).generate(FILES, dir, null);
        MidiReader reader = new MidiReader();
        PathTagger tagger = new PathTagger();
        for (GroundTruth t : GroundTruthCsv.read(summary.groundTruthCsv())) {
            if (t.kind() != FileKind.VALID || !t.part().isTonal()) {
                continue;
            }
            MidiFile file = reader.read(dir.resolve(t.path()));
            List<String> parts = List.of(t.path().split("/"));
            MusicalKey nameKey = tagger.tag(parts.subList(0, parts.size() - 1), parts.get(parts.size() - 1)).key();
            tonal.add(new Sample(t, MusicalKey.parse(t.key()).orElseThrow(), file, Notes.of(file), nameKey));
        }
    }

    @Test
    void analyze_generatedCorpus_findsTheKeyOfAtLeast95PercentOfTonalFiles() {
        // given
        KeyAnalyzer analyzer = new KeyAnalyzer();
        // when
        Score notesOnly = score(analyzer, false);
        Score production = score(analyzer, true);
        // then
        System.out.printf(Locale.ROOT, "key, %d tonal valid files of %d (seed %d), name key in %d%n", tonal.size(),
                FILES, SEED, tonal.stream().filter(s -> s.nameKey() != null).count());
        tonal.stream().filter(s -> !s.key().equals(analyzer.analyze(s.file(), s.notes(), s.nameKey()).key())).limit(12)
                .forEach(s -> System.out.println("  miss " + s.truth().part() + " " + s.truth().bars() + " bars, truth "
                        + s.key() + ", name " + s.nameKey() + ": " + analyzer.analyze(s.file(), s.notes(), s.nameKey())));
        System.out.println("  without name key (key signature still counts): " + notesOnly);
        System.out.println("  production (name key when the name has one):    " + production);
        assertThat(production.exact()).as("exact key with the name key and key signature").isGreaterThanOrEqualTo(0.95);
        // a rough single-threaded rate (no assertion: the machine is shared), after a warm-up round
        long analysed = 0;
        long startNanos = 0;
        for (int round = 0; round < 30; round++) {
            if (round == 10) {
                startNanos = System.nanoTime();
                analysed = 0;
            }
            for (Sample s : tonal) {
                analysed += analyzer.analyze(s.file(), s.notes(), s.nameKey()).key() == null ? 0 : 1;
            }
        }
        System.out.printf(Locale.ROOT, "  rate: %.0f files/s (notes already paired)%n",
                analysed / ((System.nanoTime() - startNanos) / 1e9));
    }

    @Test
    void analyze_generatedCorpus_measuresEachKeyProfile() {
        for (KeyAnalyzer.Profile p : KeyAnalyzer.Profile.values()) {
            for (double[] knobs : new double[][] {{0, 0}, {1, 0}, {0, 0.6}, {1, 0.6}}) {
                // given
                KeyAnalyzer analyzer = new KeyAnalyzer(new KeyAnalyzer.Settings(p, knobs[0], knobs[1]));
                // when
                Score notesOnly = score(analyzer, false);
                Score production = score(analyzer, true);
                // then
                System.out.printf(Locale.ROOT, "%-18s bass %.1f first %.2f  notes only %s | production %s%n", p,
                        knobs[0], knobs[1], notesOnly, production);
                assertThat(notesOnly.exact()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void analyze_generatedCorpus_labelsAtLeast90PercentOfBarsWithTheRightChord() {
        // given
        KeyAnalyzer keys = new KeyAnalyzer();
        ChordAnalyzer chords = new ChordAnalyzer();
        Map<Part, int[]> byPart = new EnumMap<>(Part.class);
        int right = 0;
        int spelledRight = 0;
        int total = 0;
        int files = 0;
        int misaligned = 0;
        List<String> misses = new ArrayList<>();
        for (Sample s : tonal) {
            List<String> truth = s.truth().chords();
            if (truth.isEmpty()) {
                continue;
            }
            files++;
            // when
            MusicalKey key = keys.analyze(s.file(), s.notes(), s.nameKey()).key();
            ChordResult result = chords.analyze(s.notes(), Timeline.of(s.file()), key);
            // then (bars the timeline lays out differently from the truth count as wrong)
            int[] counts = byPart.computeIfAbsent(s.truth().part(), p -> new int[2]);
            misaligned += result.perBar().size() != truth.size() ? truth.size() : 0;
            for (int b = 0; b < truth.size(); b++) {
                String found = b < result.perBar().size() ? result.perBar().get(b) : "";
                boolean same = ChordSymbols.same(found, truth.get(b));
                right += same ? 1 : 0;
                spelledRight += found.equals(truth.get(b)) ? 1 : 0;
                counts[0] += same ? 1 : 0;
                counts[1]++;
                total++;
                if (!same && misses.size() < 10) {
                    misses.add(s.truth().path() + " bar " + b + ": " + found + " for " + truth.get(b));
                }
            }
        }
        double accuracy = right / (double) total;
        System.out.printf(Locale.ROOT, "chords, %d files, %d bars: %.4f right (%.4f spelled exactly as the truth)%n",
                files, total, accuracy, spelledRight / (double) total);
        System.out.printf(Locale.ROOT, "  %d bars in files whose timeline has another bar count (no meter event)%n",
                misaligned);
        byPart.forEach((p, c) -> System.out.printf(Locale.ROOT, "  %-6s %5d bars %.4f%n", p, c[1], c[0] / (double) c[1]));
        misses.forEach(m -> System.out.println("  miss " + m));
        assertThat(accuracy).isGreaterThanOrEqualTo(0.90);
    }

    private static Score score(KeyAnalyzer analyzer, boolean production) {
        int exact = 0;
        double mirex = 0;
        Map<Part, int[]> byPart = new EnumMap<>(Part.class);
        for (Sample s : tonal) {
            KeyResult r = analyzer.analyze(s.file(), s.notes(), production ? s.nameKey() : null);
            boolean ok = s.key().equals(r.key());
            exact += ok ? 1 : 0;
            mirex += KeyAnalyzer.mirexScore(s.key(), r.key());
            int[] c = byPart.computeIfAbsent(s.truth().part(), p -> new int[2]);
            c[0] += ok ? 1 : 0;
            c[1]++;
        }
        return new Score(exact / (double) tonal.size(), mirex / tonal.size(), byPart);
    }

    record Score(double exact, double mirex, Map<Part, int[]> byPart) {
        @Override
        public String toString() {
            StringBuilder parts = new StringBuilder();
            byPart.forEach((p, c) -> parts.append(String.format(Locale.ROOT, " %s %.3f", p.csvName(), c[0] / (double) c[1])));
            return String.format(Locale.ROOT, "exact %.4f mirex %.4f [%s ]", exact, mirex, parts.toString().strip());
        }
    }
}
