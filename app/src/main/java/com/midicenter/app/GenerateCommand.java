package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.core.corpus.CorpusSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code midicenter generate}: a realistic, labelled loop-pack library for tests, benchmarks and the demo. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a realistic, deterministic loop-pack library (vendor/pack/category folders, drums,",
            "bass, chords, melodies, duplicates and a few corrupt files) plus ground-truth.csv."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--files", required = true, description = "number of files")
    int files;

    @Option(names = "--out", required = true, description = "target folder (new or empty)")
    Path out;

    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--force", description = "write into a folder that is not empty")
    boolean force;

    @Option(names = "--json", description = "print a JSON summary on stdout")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (files < 1) {
            System.err.println("midicenter generate: --files must be at least 1, was " + files);
            return 2;
        }
        if (!force && Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    System.err.println("midicenter generate: " + out + " is not empty; choose a new folder or add --force");
                    return 2;
                }
            }
        }
        long start = System.nanoTime();
        CorpusSummary summary;
        try (ProgressBar bar = new ProgressBar(System.err, "generate", files, !json || files >= 10_000)) {
            summary = new CorpusGenerator(seed).generate(files, out, bar::update);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            System.out.println(json(summary, seconds));
        } else {
            System.out.printf(Locale.ROOT, "%,d files (%,d valid, %,d duplicates, %,d corrupt), %,d bytes in %.2f s"
                    + " (%,.0f files/s)%nground truth: %s%n", summary.files(), summary.valid(), summary.duplicates(),
                    summary.corrupt(), summary.bytes(), seconds, summary.files() / Math.max(seconds, 1e-9),
                    summary.groundTruthCsv());
        }
        return 0;
    }

    static String json(CorpusSummary s, double seconds) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("files", s.files());
            g.writeNumberField("valid", s.valid());
            g.writeNumberField("duplicates", s.duplicates());
            g.writeNumberField("corrupt", s.corrupt());
            g.writeNumberField("bytes", s.bytes());
            g.writeNumberField("seconds", Math.round(seconds * 1000) / 1000.0);
            g.writeNumberField("files_per_second", Math.round(s.files() / Math.max(seconds, 1e-9)));
            g.writeStringField("ground_truth", s.groundTruthCsv().toAbsolutePath().toString());
            g.writeEndObject();
        }
        return w.toString();
    }
}
