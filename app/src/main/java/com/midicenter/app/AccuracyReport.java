package com.midicenter.app;

import com.midicenter.core.analysis.ChordSymbols;
import com.midicenter.core.analysis.KeyAnalyzer;
import com.midicenter.core.corpus.FileKind;
import com.midicenter.core.corpus.GroundTruth;
import com.midicenter.core.corpus.GroundTruthCsv;
import com.midicenter.core.music.MusicalKey;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.mapper.AnalysedFile;
import com.midicenter.persistence.mapper.StatsMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares what {@code analyze} stored with the corpus's ground truth: key (exact and MIREX-weighted), tempo where
 * the file or its name states it, meter where declared, drums, chords per bar. Valid files only.
 */
final class AccuracyReport {

    private long keyFiles;
    private long keyExact;
    private double mirex;
    private long tempoFiles;
    private long tempoRight;
    private long meterFiles;
    private long meterRight;
    private long drumFiles;
    private long drumRight;
    private long chordBars;
    private long chordRight;
    private long matched;

    static AccuracyReport measure(Database db, Path corpus) throws IOException {
        Map<String, GroundTruth> truth = new HashMap<>();
        String root = corpus.toAbsolutePath().normalize() + "/";
        for (GroundTruth t : GroundTruthCsv.read(corpus.resolve("ground-truth.csv"))) {
            if (t.kind() == FileKind.VALID) {
                truth.put(root + t.path(), t);
            }
        }
        AccuracyReport report = new AccuracyReport();
        String after = "";
        while (true) {
            String from = after;
            List<AnalysedFile> page = db.inTransaction("accuracy",
                    s -> s.getMapper(StatsMapper.class).analysedFiles(from, 5000));
            if (page.isEmpty()) {
                break;
            }
            for (AnalysedFile f : page) {
                GroundTruth t = truth.get(f.path());
                if (t != null) {
                    report.add(t, f);
                }
            }
            after = page.get(page.size() - 1).path();
        }
        return report;
    }

    private void add(GroundTruth t, AnalysedFile f) {
        matched++;
        if (t.part().isTonal() && !t.key().isEmpty()) {
            keyFiles++;
            MusicalKey truthKey = MusicalKey.parse(t.key()).orElseThrow();
            MusicalKey found = f.key() == null ? null : MusicalKey.parse(f.key()).orElse(null);
            if (found != null && found.sameAs(truthKey)) {
                keyExact++;
            }
            mirex += found == null ? 0 : KeyAnalyzer.mirexScore(truthKey, found);
        }
        if (t.bpmInMeta() || t.bpmInName()) {
            tempoFiles++;
            if (f.bpm() != null && Math.abs(f.bpm() - t.bpm()) < 0.01) {
                tempoRight++;
            }
        }
        if (t.meterInMeta()) {
            meterFiles++;
            if (t.meter().equals(f.meter())) {
                meterRight++;
            }
        }
        drumFiles++;
        if (t.hasDrums() == f.hasDrums()) {
            drumRight++;
        }
        List<String> chords = t.chords();
        for (int b = 0; b < chords.size(); b++) {
            chordBars++;
            if (b < f.chordsPerBar().size() && ChordSymbols.same(chords.get(b), f.chordsPerBar().get(b))) {
                chordRight++;
            }
        }
    }

    private static String share(long right, long total) {
        return total == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f %% (%,d of %,d)", 100.0 * right / total, right, total);
    }

    void print(String corpusName) {
        System.out.println("| accuracy (" + corpusName + ", " + String.format(Locale.ROOT, "%,d", matched)
                + " valid files, stored results) | measured | target |");
        System.out.println("|---|---|---|");
        System.out.println("| key exact (tonic and mode), tonal parts | " + share(keyExact, keyFiles) + " | >= 95 % |");
        System.out.printf(Locale.ROOT, "| key MIREX weighted score | %.4f | report |%n", keyFiles == 0 ? 0 : mirex / keyFiles);
        System.out.println("| tempo where a tempo event or the name states it | " + share(tempoRight, tempoFiles) + " | 100 % |");
        System.out.println("| meter where a time signature declares it | " + share(meterRight, meterFiles) + " | 100 % |");
        System.out.println("| has_drums | " + share(drumRight, drumFiles) + " | 100 % |");
        System.out.println("| chords: bars labelled correctly | " + share(chordRight, chordBars) + " | >= 90 % |");
    }
}
