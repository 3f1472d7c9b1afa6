package com.midicenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in process, against a real embedded library under a temporary home. */
class CliIT {

    @TempDir
    Path tmp;

    /** Output and exit code of one command. */
    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Top-level scalar fields of a one-line JSON object. */
    static Map<String, String> json(String line) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = ReportJson.FACTORY.createParser(line)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
                    p.skipChildren();
                    fields.put(name, "[...]");
                } else {
                    fields.put(name, p.getValueAsString());
                }
            }
        }
        return fields;
    }

    @Test
    void generateInfoImportStats_endToEnd_countsAgree() throws Exception {
        // given
        Path corpus = tmp.resolve("corpus");
        Path home = tmp.resolve("home");
        Run generated = run("generate", "--files", "400", "--out", corpus.toString(), "--seed", "7", "--json");
        assertThat(generated.exit()).isZero();
        Map<String, String> g = json(generated.out().strip());
        int valid = Integer.parseInt(g.get("valid"));
        int duplicates = Integer.parseInt(g.get("duplicates"));
        int corrupt = Integer.parseInt(g.get("corrupt"));
        assertThat(valid + duplicates + corrupt).isEqualTo(400);

        // when
        Run info = run("info", "--json", corpus.toString());
        Run imported = run("import", "--home", home.toString(), "--json", corpus.toString());
        Run again = run("import", "--home", home.toString(), "--json", corpus.toString());
        Run analyzed = run("analyze", "--home", home.toString(), "--json");
        Run analyzedAgain = run("analyze", "--home", home.toString(), "--json");
        Run stats = run("stats", "--home", home.toString(), "--json");
        Run status = run("db", "status", "--home", home.toString(), "--json");

        // then: info prints one line per MIDI file; unreadable ones carry an error and make the exit code 1
        assertThat(info.lines()).hasSize(400);
        long infoErrors = info.lines().stream().filter(l -> l.contains("\"error\"")).count();
        assertThat(infoErrors).isGreaterThan(0).isLessThanOrEqualTo(corrupt);
        assertThat(info.exit()).isEqualTo(1);

        assertThat(imported.exit()).as(imported.err()).isEqualTo(1); // the corrupt files
        Map<String, String> first = json(imported.out().strip());
        assertThat(Long.parseLong(first.get("scanned"))).isEqualTo(400);
        assertThat(Long.parseLong(first.get("errors"))).isEqualTo(infoErrors);
        assertThat(Long.parseLong(first.get("imported")) + Long.parseLong(first.get("duplicates"))
                + Long.parseLong(first.get("errors"))).isEqualTo(400);
        assertThat(Long.parseLong(first.get("duplicates"))).isGreaterThanOrEqualTo(duplicates);
        assertThat(first).containsKeys("seconds", "files_per_second", "unchanged");

        Map<String, String> second = json(again.out().strip());
        assertThat(second.get("unchanged")).isEqualTo("400");
        assertThat(second.get("imported")).isEqualTo("0");

        Map<String, String> a = json(analyzed.out().strip());
        assertThat(analyzed.exit()).as(analyzed.err()).isZero();
        assertThat(a.get("analyzed")).isEqualTo(first.get("imported"));
        assertThat(a.get("failed")).isEqualTo("0");
        assertThat(a).containsKeys("seconds", "files_per_second");
        assertThat(json(analyzedAgain.out().strip()).get("analyzed")).isEqualTo("0");

        Map<String, String> s = json(stats.out().strip());
        assertThat(s.get("analysed")).isEqualTo(first.get("imported"));
        assertThat(s.get("files")).isEqualTo(first.get("imported"));
        assertThat(Long.parseLong(s.get("locations"))).isEqualTo(400 - infoErrors);
        assertThat(s.get("errors")).isEqualTo(String.valueOf(infoErrors));
        assertThat(Long.parseLong(s.get("database_bytes"))).isPositive();

        Map<String, String> st = json(status.out().strip());
        assertThat(st.get("up_to_date")).isEqualTo("true");
        assertThat(status.exit()).isZero();
    }

    @Test
    void info_notMidiAndMissingPaths_clearErrorsAndExitCode() throws Exception {
        // given
        Path text = Files.writeString(tmp.resolve("notes.mid"), "just text");
        // when
        Run r = run("info", "--json", text.toString(), tmp.resolve("nope.mid").toString());
        // then
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).hasSize(2);
        assertThat(r.out()).contains("no MThd header found").contains("no such file or folder");
    }

    @Test
    void version_andHelp_printAndExitZero() {
        assertThat(run("--version").out()).startsWith("MIDI Software Center ");
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("info", "generate", "demo", "import", "analyze", "worker", "stats", "db");
        assertThat(run("import", "--help").out()).contains("--db-url", "--home");
    }

    @Test
    void stats_poolSizeOnEmbeddedHome_opensTheLibrary() throws Exception {
        // given: --pool-size used to pass no server settings to the embedded server ("midicenter: settings")
        Path home = tmp.resolve("pool-home");
        // when
        Run r = run("stats", "--home", home.toString(), "--pool-size", "7", "--json");
        // then
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(json(r.out().strip()).get("files")).isEqualTo("0");
    }

    @Test
    void importWithAnalyze_backgroundAnalysis_everyImportedFileAnalysed() throws Exception {
        // given
        Path corpus = tmp.resolve("bg-corpus");
        Path home = tmp.resolve("bg-home");
        assertThat(run("generate", "--files", "600", "--out", corpus.toString(), "--seed", "11").exit()).isZero();
        // when
        Run r = run("import", "--analyze", "--home", home.toString(), "--json", corpus.toString());
        Run info = run("info", "--json", corpus.resolve("ground-truth.csv").getParent().toString());
        Run stats = run("stats", "--home", home.toString(), "--json");
        Path queries = tmp.resolve("queries.txt");
        java.nio.file.Files.writeString(queries, String.join("\n", "bass --limit 5", "--bpm 118-126 --sort bpm",
                "\"x'); DROP TABLE content; --\" \"&|!:*\" 🎹 back\\\\slash", "--bpm fast", "--key 8A --compatible --facets"));
        Run batch = run("search", "--home", home.toString(), "--batch", queries.toString());
        Run one = run("search", "--home", home.toString(), "--json", "drum", "--drums", "--limit", "3");
        // then
        List<String> lines = batch.lines();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains("\"total\":", "\"took_ms\":", "\"results\":[{");
        assertThat(json(lines.get(1)).get("total_estimated")).isEqualTo("false");
        assertThat(lines.get(2)).doesNotContain("\"error\"");
        assertThat(json(lines.get(3)).get("error")).contains("--bpm");
        assertThat(lines.get(4)).contains("\"facets\":[");
        assertThat(batch.exit()).isEqualTo(1); // the one bad line
        assertThat(one.exit()).isZero();
        assertThat(json(one.out().strip()).get("total")).isNotEqualTo("0");
        assertThat(one.out()).contains("\"has_drums\":true").doesNotContain("\"has_drums\":false");
        assertThat(run("stats", "--home", home.toString(), "--json").out()).contains("\"analysed_share\":1.0");
        String out = r.out().strip();
        assertThat(out).startsWith("{\"import\":{").contains("\"analysis\":{");
        Map<String, String> imported = json(out.substring(out.indexOf(":{") + 1, out.indexOf("},\"analysis\"") + 1));
        Map<String, String> analysed = json(out.substring(out.indexOf("\"analysis\":") + 11, out.length() - 1));
        assertThat(analysed.get("analyzed")).isEqualTo(imported.get("imported"));
        assertThat(analysed.get("failed")).isEqualTo("0");
        assertThat(json(stats.out().strip()).get("analysed_share")).isEqualTo("1.0");
        assertThat(info.out()).contains("\"key\":", "\"chords\":", "\"drums\":{", "\"instruments\":[");
    }
}
