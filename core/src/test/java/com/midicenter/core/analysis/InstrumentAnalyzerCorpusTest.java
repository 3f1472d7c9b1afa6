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
import com.midicenter.core.tags.PathTagger;
import com.midicenter.core.tags.PathTags;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link InstrumentAnalyzer} against the labelled corpus. The expected categories of a file come from its ground
 * truth: {@code drums} for drum parts; for a tonal part the category of its program
 * ({@link InstrumentAnalyzer#programCategory}) when the file has program changes. When it has none, the file
 * itself does not say which program the generator had in mind, so two figures are kept: strict (the category of
 * the ground-truth GM family) and by part (the family's category or the part's natural one: bass, piano/keys for
 * chords, pad, lead for melodies and leads, pluck for arps).
 */
class InstrumentAnalyzerCorpusTest {

    static final long SEED = 20240917L;
    static final int FILES = 3000;

    private static final Map<String, String> FAMILY_CATEGORY = Map.ofEntries(
            Map.entry("piano", "piano"), Map.entry("chromatic percussion", "keys"), Map.entry("organ", "keys"),
            Map.entry("guitar", "guitar"), Map.entry("bass", "bass"), Map.entry("strings", "strings"),
            Map.entry("ensemble", "strings"), Map.entry("brass", "brass"), Map.entry("reed", "brass"),
            Map.entry("pipe", "lead"), Map.entry("synth lead", "lead"), Map.entry("synth pad", "pad"),
            Map.entry("synth effects", "fx"), Map.entry("ethnic", "pluck"), Map.entry("percussive", "percussion"),
            Map.entry("sound effects", "fx"));

    @TempDir
    static Path dir;
    static final List<MidiFile> FILES_READ = new ArrayList<>();
    static final List<GroundTruth> TRUTHS = new ArrayList<>();
    static final List<List<String>> PATH_WORDS = new ArrayList<>();

    private final InstrumentAnalyzer analyzer = new InstrumentAnalyzer();

    @BeforeAll
    static void generate() throws Exception {
        CorpusSummary summary = new CorpusGenerator(SEED).generate(FILES, dir, null);
        MidiReader reader = new MidiReader();
        PathTagger tagger = new PathTagger();
        for (GroundTruth t : GroundTruthCsv.read(summary.groundTruthCsv())) {
            if (t.kind() == FileKind.VALID) {
                FILES_READ.add(reader.read(dir.resolve(t.path())));
                TRUTHS.add(t);
                List<String> segments = Arrays.asList(t.path().split("/"));
                PathTags tags = tagger.tag(segments.subList(0, segments.size() - 1), segments.get(segments.size() - 1));
                PATH_WORDS.add(new ArrayList<>(new TreeSet<>(tags.parts())));
            }
        }
    }

    @Test
    void analyze_corpus_categoriesMatchGroundTruth() {
        // given
        int withPrograms = 0;
        int withProgramsRight = 0;
        int without = 0;
        int withoutStrict = 0;
        int withoutByPart = 0;
        List<String> misses = new ArrayList<>();
        // when
        for (int k = 0; k < TRUTHS.size(); k++) {
            GroundTruth t = TRUTHS.get(k);
            MidiFile f = FILES_READ.get(k);
            Set<String> actual = new TreeSet<>(analyzer.analyze(f, Notes.of(f), PATH_WORDS.get(k)).categories());
            List<Part> parts = parts(t, f);
            Set<String> strict = new TreeSet<>();
            Set<String> byPart = new TreeSet<>();
            int program = 0;
            for (int p = 0; p < t.instrument().size(); p++) {
                String family = t.instrument().get(p);
                if (family.equals("drums")) {
                    strict.add("drums");
                    byPart.add("drums");
                } else if (!t.programs().isEmpty()) {
                    String c = InstrumentAnalyzer.programCategory(t.programs().get(program++));
                    strict.add(c);
                    byPart.add(c);
                } else {
                    String c = FAMILY_CATEGORY.get(family);
                    strict.add(c);
                    Set<String> options = new TreeSet<>(natural(parts.get(p)));
                    if (t.part() == Part.FULL) {
                        options.addAll(p == 2 ? natural(Part.PAD) : p == 3 ? natural(Part.ARP) : List.of());
                    }
                    options.add(c);
                    byPart.add(options.stream().filter(actual::contains).findFirst().orElse(c));
                }
            }
            boolean right = actual.equals(strict);
            if (!t.programs().isEmpty()) {
                withPrograms++;
                withProgramsRight += right ? 1 : 0;
            } else {
                without++;
                withoutStrict += right ? 1 : 0;
                withoutByPart += actual.equals(byPart) ? 1 : 0;
            }
            if (!actual.equals(byPart) && misses.size() < 25) {
                misses.add(t.path() + " part=" + t.part() + " programs=" + t.programs() + " families=" + t.instrument()
                        + " words=" + PATH_WORDS.get(k) + " expected=" + byPart + " actual="
                        + analyzer.analyze(f, Notes.of(f), PATH_WORDS.get(k)).channels());
            }
        }
        double programAccuracy = (double) withProgramsRight / withPrograms;
        double overallByPart = (double) (withProgramsRight + withoutByPart) / TRUTHS.size();
        double overallStrict = (double) (withProgramsRight + withoutStrict) / TRUTHS.size();
        // then
        System.out.printf("instruments corpus seed=%d files=%d valid=%d: with programs %d/%d (%.1f%%); without"
                        + " programs %d files: %d strict (%.1f%%), %d by part (%.1f%%); overall %.1f%% strict, %.1f%% by"
                        + " part%n", SEED, FILES, TRUTHS.size(), withProgramsRight, withPrograms, 100 * programAccuracy,
                without, withoutStrict, 100.0 * withoutStrict / without, withoutByPart, 100.0 * withoutByPart / without,
                100 * overallStrict, 100 * overallByPart);
        misses.forEach(m -> System.out.println("  " + m));
        assertThat(programAccuracy).isGreaterThanOrEqualTo(0.99);
        assertThat(overallByPart).isGreaterThanOrEqualTo(0.95);
    }

    /** The sub-parts of a file in ground-truth order (a construction kit: drums, bass, chords or pad, melody or arp;
     *  the truth does not say which of the two, so the caller accepts either). */
    private static List<Part> parts(GroundTruth t, MidiFile f) {
        if (t.part() != Part.FULL) {
            return List.of(t.part());
        }
        List<Part> parts = new ArrayList<>(List.of(Part.DRUMS, Part.BASS, Part.CHORDS, Part.MELODY));
        return parts.subList(0, t.instrument().size());
    }

    /** Categories a part is naturally filed under, whatever its program. */
    private static List<String> natural(Part part) {
        return switch (part) {
            case BASS -> List.of("bass");
            case CHORDS -> List.of("piano", "keys");
            case PAD -> List.of("pad");
            case MELODY, LEAD -> List.of("lead");
            case ARP -> List.of("pluck");
            default -> List.of("drums");
        };
    }
}
