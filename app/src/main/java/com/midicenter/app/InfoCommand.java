package com.midicenter.app;

import com.midicenter.core.analysis.MidiSummary;
import com.midicenter.core.analysis.MusicAnalyzer;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.library.info.FileReport;
import com.midicenter.library.info.InfoScan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code midicenter info}: parse and summarise files without any database. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Reads MIDI files and folders (recursively) and prints what they contain. No database.",
            "Exit code 0 when every file was read (repairs allowed), 1 when any could not be read."})
final class InfoCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = "MIDI files or folders")
    List<Path> paths;

    @Option(names = "--json", description = "one JSON document per file (JSON lines) on stdout")
    boolean json;

    @Option(names = "--threads", description = "worker threads (default: ${DEFAULT-VALUE})")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "no summary line on stderr")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream err = System.err;
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        InfoScan scan = new InfoScan(Math.max(1, threads), new MidiReader(), new MusicAnalyzer());
        if (!json) {
            write(out, TableFormat.header());
        }
        InfoScan.Stats stats = scan.run(paths, report -> {
            String line = json ? ReportJson.line(report) : TableFormat.row(report);
            synchronized (out) {
                write(out, line);
            }
        });
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!quiet) {
            err.printf(Locale.ROOT, "%,d files read, %,d failed, %,d repaired, %,d non-MIDI skipped in %.2f s (%,.0f files/s)%n",
                    stats.files() - stats.failed(), stats.failed(), stats.withWarnings(), stats.skipped(),
                    stats.seconds(), stats.filesPerSecond());
        }
        return stats.failed() > 0 ? 1 : 0;
    }

    private static void write(Writer out, String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The human-readable table. */
    static final class TableFormat {
        private static final String FORMAT = "%-48s %3s %3s %4s %7s %-4s %5s %4s %7s %6s %4s %-5s %s";

        private TableFormat() {
        }

        static String header() {
            return String.format(Locale.ROOT, FORMAT, "FILE", "FMT", "TRK", "PPQ", "BPM", "SRC", "METER", "BARS",
                    "SECONDS", "NOTES", "POLY", "DRUMS", "INSTRUMENTS / ISSUES");
        }

        static String row(FileReport report) {
            String name = shorten(report.path().toString(), 48);
            if (report instanceof FileReport.Failed failed) {
                return String.format(Locale.ROOT, "%-48s ERROR: %s", name, failed.reason());
            }
            MidiSummary s = ((FileReport.Read) report).summary();
            String issues = s.warnings().isEmpty() ? "" : "  (" + s.warnings().size() + " repaired)";
            return String.format(Locale.ROOT, FORMAT, name, s.format(), s.tracks(), s.ppq(),
                    s.bpm() == null ? "-" : String.format(Locale.ROOT, "%.2f", s.bpm()),
                    s.bpmSource().name().substring(0, 4).toLowerCase(Locale.ROOT), s.meter(), s.bars(),
                    String.format(Locale.ROOT, "%.2f", s.durationSec()), s.notes(), s.polyphonyMax(),
                    s.hasDrums() ? "yes" : "no", String.join(", ", s.instruments()) + issues);
        }

        static String shorten(String s, int width) {
            return s.length() <= width ? s : "…" + s.substring(s.length() - width + 1);
        }
    }
}
