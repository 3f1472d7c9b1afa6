package com.midicenter.app;

import static com.midicenter.app.CliIT.json;
import static com.midicenter.app.CliIT.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.app.CliIT.Run;
import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.persistence.db.Database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL and tsquery metacharacters through every text input of the command line (and so of the services behind it),
 * against a real embedded library: search text and every text filter, {@code --after} cursors, {@code --similar}
 * references, tag add/rename/merge/remove/list/complete/cloud, collections (manual and saved searches), export
 * name templates and targets. Each value either works literally (a tag {@code a'b} is stored and found as
 * {@code a'b}; a vendor folder named {@code '; DROP TABLE content; --} is found by {@code --vendor}) or is refused
 * with one clear line (exit 1 or 2) — never an SQL error or a stack trace — and afterwards every table of the
 * library is still there with the same files.
 */
class InjectionCliIT {

    /** The hostile values: SQL and tsquery syntax, quoting, wildcards, unicode, emoji, NUL, very long. */
    static final List<String> HOSTILE = List.of("'", "\"", "\\", ";", "--", "/*", "*/", "%", "_", "&", "|", "!", ":*",
            "<->", "(", ")", "a'b", "x\" OR \"1\"=\"1", "'; DROP TABLE content; --", "%' OR '1'='1", "bass & !drums | (",
            "a:* <-> b", "$1", "${user}", "#{id}", "\\x00", "a\u0000b", "Ünïcødé ß", "🥁🎹", "\t\n", " ", "",
            "x".repeat(5000));

    /** The nastiest of them, for the inputs a parser checks before any SQL (keys, meters, cursors...). */
    static final List<String> FEW = List.of("'", "\\", "--", "%", ":*", "<->", "a'b", "'; DROP TABLE content; --",
            "bass & !drums | (", "a\u0000b", "🥁🎹", "x".repeat(5000));

    /** What must never reach the user: SQL errors, driver exceptions, stack traces. */
    private static final Pattern LEAK = Pattern.compile(
            "(?i)SQLException|PSQLException|PersistenceException|syntax error|ERROR:|at (com|org|java)\\.|Exception:|"
                    + "tsquery|MyBatis|SQL state");

    @TempDir
    static Path tmp;

    static String home;
    static Database held;
    static final List<String> ids = new ArrayList<>();
    static Map<String, Long> tablesBefore;

    static final String EVIL_VENDOR = "'; DROP TABLE content; --";
    static final String EVIL_PACK = "a'b \"q\" %_ \\ 🥁";

    @BeforeAll
    static void library() throws Exception {
        Path corpus = tmp.resolve("corpus");
        home = tmp.resolve("home").toString();
        assertThat(run("generate", "--files", "30", "--out", corpus.toString(), "--seed", "11").exit()).isZero();
        // a vendor and pack whose names are SQL
        Path evil = corpus.resolve(EVIL_VENDOR).resolve(EVIL_PACK).resolve("Bass");
        Files.createDirectories(evil);
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(96));
        smf.addTrack().trackName("'); DELETE FROM tag; --").tempoBpm(0, 124)
                .note(0, 0, 45, 90, 96).note(96, 0, 48, 90, 96).note(192, 0, 52, 90, 96);
        Files.write(evil.resolve("Evil Bass 124bpm Am.mid"), smf.toBytes());
        Run imported = run("import", "--analyze", "--home", home, "--json", corpus.toString());
        assertThat(imported.exit()).as(imported.err()).isBetween(0, 1);
        // held for the whole class: each command attaches to the running server instead of starting it
        held = Database.embedded(Path.of(home));
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(cli("search", "--json", "--sort", "name", "--limit", "5").out());
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).hasSize(5);
        tablesBefore = tables();
    }

    @AfterAll
    static void close() {
        if (held != null) {
            held.close();
        }
    }

    /** Runs a command on the library; {@code --home} goes before a {@code --} (after which all is positional). */
    static Run cli(String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        int end = full.indexOf("--");
        full.add(end < 0 ? full.size() : end, "--home=" + home);
        return run(full.toArray(new String[0]));
    }

    /**
     * Works (0), or refused / not found with a short message (2 / 1); no SQL or stack trace either way. A value the
     * command-line parser refuses (not a number...) gets picocli's message and the usage: also exit 2, no SQL.
     */
    static Run clean(String what, Run r) {
        assertThat(r.exit()).as("%s: exit %d, stderr %s", what, r.exit(), r.err()).isBetween(0, 2);
        assertThat(r.err()).as(what).doesNotContainPattern(LEAK);
        assertThat(r.out()).as(what).doesNotContainPattern(LEAK);
        if (r.exit() != 0) {
            assertThat(r.err().strip()).as("%s: one clear line", what).isNotEmpty();
            if (!r.err().contains("\nUsage: midicenter")) {
                assertThat(r.err().strip().lines().count()).as(what + ": " + r.err()).isLessThanOrEqualTo(3);
            }
        }
        return r;
    }

    /** The tables user text must never change (imports and analysis do; searches, tags and collections do not). */
    static final List<String> LIBRARY = List.of("content", "location", "file_meta", "search_doc", "analysis_job",
            "import_run", "import_error", "archive_file", "flyway_schema_history");

    static void assertLibraryIntact() throws SQLException {
        Map<String, Long> now = tables();
        assertThat(now.keySet()).as("tables").isEqualTo(tablesBefore.keySet());
        for (String table : LIBRARY) {
            assertThat(now.get(table)).as(table).isEqualTo(tablesBefore.get(table));
        }
    }

    /** Every table of the library's schema with its row count (the counts that user text must not change). */
    static Map<String, Long> tables() throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = held.dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + name.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    out.put(name, rs.getLong(1));
                }
            }
        }
        return out;
    }

    @Test
    void search_hostileTextAndEveryTextFilter_worksOrRefusedCleanly() throws Exception {
        for (String h : HOSTILE) {
            // the free-text inputs that reach SQL as values: words, tag, vendor, pack (attached: "--" is a value)
            clean("search <" + shortly(h) + "> + filters", cli("search", "--json", "--facets", "--tag=" + h,
                    "--vendor=" + h, "--pack=" + h, "--", h));
        }
        for (String h : FEW) {
            for (String option : List.of("--key", "--meter", "--instrument", "--state", "--sort", "--bpm", "--bars",
                    "--duration", "--after", "--similar")) {
                clean("search " + option + " <" + shortly(h) + ">", cli("search", option + "=" + h));
            }
            clean("search --after <" + shortly(h) + "> --sort name", cli("search", "--after=" + h, "--sort=name"));
        }
        // and a search --batch file of them all (one query per line, shell quoted)
        Path batch = tmp.resolve("batch.txt");
        StringBuilder lines = new StringBuilder();
        for (String h : HOSTILE) {
            if (!h.contains("\n") && !h.contains("\u0000")) {
                lines.append('\'').append(h.replace("'", "'\\''")).append("' --tag '").append(h.replace("'", "'\\''"))
                        .append("'\n");
            }
        }
        Files.writeString(batch, lines, StandardCharsets.UTF_8);
        clean("search --batch", cli("search", "--batch", batch.toString()));
        assertLibraryIntact();
    }

    @Test
    void search_vendorAndPackThatAreSql_foundLiterally() throws Exception {
        // when
        Run byVendor = clean("vendor", cli("search", "--vendor", EVIL_VENDOR, "--json"));
        Run byPack = clean("pack", cli("search", "--pack", EVIL_PACK, "--json"));
        Run byWords = clean("words", cli("search", "Evil Bass", "--json"));

        // then
        assertThat(byVendor.exit()).isZero();
        assertThat(json(byVendor.out().strip())).containsEntry("total", "1");
        assertThat(byVendor.out()).contains("Evil Bass 124bpm Am.mid");
        assertThat(json(byPack.out().strip())).containsEntry("total", "1");
        assertThat(byWords.out()).contains("Evil Bass 124bpm Am.mid");
        assertThat(clean("track name", cli("search", "--json", "--", "evil")).out()).contains("Evil Bass");
        assertLibraryIntact();
    }

    @Test
    void tag_hostileNames_storedAndFoundLiterallyOrRefused() throws Exception {
        int stored = 0;
        for (String h : HOSTILE) {
            boolean few = FEW.contains(h);
            String what = "tag <" + shortly(h) + ">";
            Run added = clean(what + " add", cli("tag", "add", "--json", "--", h, ids.get(0)));
            if (added.exit() != 0) {
                continue; // refused (empty, too long, control characters): the message was checked
            }
            stored++;
            String name = json(added.out().strip()).get("tag");
            assertThat(name).as(what).isEqualTo(h.strip());
            // found as itself, by search (an automatic tag of the same name may find more) and by the listing
            Run found = clean(what + " search", cli("search", "--json", "--limit=100", "--tag=" + name));
            if (name.startsWith("-") && found.exit() == 2) {
                // picocli takes no option value that looks like an option ("--tag=--"): its refusal, no SQL
                assertThat(found.err()).as(what).contains("Expected parameter for option '--tag'");
            } else {
                assertThat(found.out()).as("%s: %s", what, found.err()).contains("\"id\":" + ids.get(0) + ",");
            }
            assertThat(clean(what + " list", cli("tag", "list", "--json", "--limit", "1000")).out()).as(what)
                    .contains(jsonString(name));
            if (few) {
                clean(what + " complete", cli("tag", "complete", "--json", "--", name));
                clean(what + " list prefix", cli("tag", "list", "--json", "--prefix=" + name));
                clean(what + " cloud", cli("tag", "cloud", "--search=--tag " + shellQuote(name), "--json"));
                clean(what + " add by search", cli("tag", "add", "--search=--tag " + shellQuote(name), "--json", "--", name));
            }
            // renamed, merged into another, removed
            Run renamed = clean(what + " rename", cli("tag", "rename", "--json", "--", name, name + " 2"));
            if (renamed.exit() == 0 && few) {
                clean(what + " merge", cli("tag", "add", "merge-target", ids.get(1)));
                Run merged = clean(what + " merge", cli("tag", "merge", "--json", "--", name + " 2", "merge-target"));
                assertThat(merged.exit()).as(what).isZero();
                Run merge = clean(what, cli("search", "--tag", "merge-target", "--json", "--limit=100"));
                assertThat(merge.out()).as(what).contains("\"id\":" + ids.get(0) + ",", "\"id\":" + ids.get(1) + ",");
                clean(what + " remove", cli("tag", "remove", "merge-target", "--search=--tag merge-target", "--json"));
            } else {
                clean(what + " remove", cli("tag", "remove", "--json", "--", renamed.exit() == 0 ? name + " 2" : name,
                        ids.get(0)));
            }
            // unknown names refused cleanly
            if (few) {
                clean(what + " merge unknown", cli("tag", "merge", "--", h + "-nosuch", h));
                clean(what + " rename unknown", cli("tag", "rename", "--", h + "-nosuch", "x"));
            }
        }
        assertThat(stored).as("hostile tag names stored literally").isGreaterThanOrEqualTo(20);
        assertLibraryIntact();
    }

    @Test
    void collections_hostileNamesAndSavedSearches_workLiterallyOrRefused() throws Exception {
        int created = 0;
        for (String h : HOSTILE) {
            boolean few = FEW.contains(h);
            String what = "collection <" + shortly(h) + ">";
            Run create = clean(what + " create", cli("collection", "create", "--json", "--", h));
            if (create.exit() == 0) {
                created++;
                clean(what + " add", cli("collection", "add", "--json", "--", h, ids.get(2), ids.get(3)));
                if (few) {
                    clean(what + " move", cli("collection", "move", "--json", "--", h, ids.get(3), "1"));
                    clean(what + " remove", cli("collection", "remove", "--json", "--", h, ids.get(2)));
                }
                Run show = clean(what + " show", cli("collection", "show", "--json", "--", h));
                assertThat(show.out()).as(what).contains("\"id\":" + ids.get(3) + ",");
                clean(what + " delete", cli("collection", "delete", "--json", "--", h));
            }
            if (few) {
                // a saved search whose name and search are hostile
                Run saved = clean(what + " save-search", cli("collection", "save-search", "--json", "--search="
                        + shellQuote(h) + " --tag " + shellQuote(h) + " --vendor " + shellQuote(h), "--", "s " + h));
                if (saved.exit() == 0) {
                    clean(what + " show saved", cli("collection", "show", "--json", "--", "s " + h));
                    clean(what + " delete saved", cli("collection", "delete", "--", "s " + h));
                }
                clean(what + " unbalanced search", cli("collection", "save-search", "--search=" + h, "--", "u " + h));
                clean(what + " show missing", cli("collection", "show", "--", h + "-missing"));
            }
        }
        clean("collection list", cli("collection", "list", "--json"));
        clean("collection recent", cli("collection", "recent", "--json"));
        assertThat(created).as("hostile collection names created").isGreaterThanOrEqualTo(20);
        assertLibraryIntact();
    }

    @Test
    void curation_hostileFileReferences_refusedCleanly() throws Exception {
        for (String h : FEW) {
            String what = "<" + shortly(h) + ">";
            clean("fav " + what, cli("fav", "--", h));
            clean("rate " + what, cli("rate", "--", h, "3"));
            clean("rate value " + what, cli("rate", "--", ids.get(4), h));
            clean("tag add file " + what, cli("tag", "add", "--", "ok", h));
            clean("export id " + what, cli("export", "--id=" + h, "--to", tmp.resolve("x").toString()));
        }
        assertLibraryIntact();
    }

    @Test
    void export_hostileTemplatesAndSearch_writeOnlyInsideTheTarget() throws Exception {
        Path root = tmp.resolve("exports");
        int n = 0;
        for (String h : FEW) {
            if (h.contains("\u0000")) {
                continue; // not a possible path on any file system: picocli hands it over, Path refuses it (checked below)
            }
            Path folder = root.resolve("f" + n);
            Path zip = root.resolve("z" + n + ".zip");
            n++;
            String what = "export <" + shortly(h) + ">";
            clean(what + " folder", cli("export", "--vendor=" + EVIL_VENDOR, "--to", folder.toString(), "--name="
                    + h + "{name}" + h, "--json", "--", h));
            clean(what + " template", cli("export", "--id", ids.get(0), "--to", folder.toString(), "--name="
                    + "../" + h + "/{vendor}/{pack}/../../{name}" + h, "--json"));
            clean(what + " zip", cli("export", "--vendor=" + EVIL_VENDOR, "--to", zip.toString(), "--name="
                    + "/" + h + "\\..\\{vendor}/{pack}", "--json"));
        }
        // a NUL in a path cannot reach the file system: picocli's own refusal of the value, exit 2
        Run nul = cli("export", "--id", ids.get(0), "--to", root + "/a\u0000b");
        assertThat(nul.exit()).isEqualTo(2);
        assertThat(nul.err()).startsWith("Invalid value for option '--to'").doesNotContain("PSQLException", "SQLException");
        // then: nothing but the chosen folders and zips under the export root, and each folder flat
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                Path rel = root.relativize(p);
                assertThat(rel.getNameCount()).as("%s", rel).isLessThanOrEqualTo(2);
                if (rel.getNameCount() == 2) {
                    assertThat(Files.isRegularFile(p)).as("%s", rel).isTrue();
                }
            }
        }
        try (Stream<Path> top = Files.list(tmp)) {
            assertThat(top.map(p -> p.getFileName().toString()).toList()).isSubsetOf("corpus", "home", "exports",
                    "batch.txt", "x");
        }
        assertLibraryIntact();
    }

    private static String shortly(String h) {
        return h.length() > 20 ? h.substring(0, 5) + "...(" + h.length() + ")" : h.replace("\u0000", "\\0");
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String jsonString(String s) throws IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        try (var g = ReportJson.FACTORY.createGenerator(w)) {
            g.writeString(s);
        }
        return w.toString();
    }
}
