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

    static Run cli(String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.add("--home");
        full.add(home);
        return run(full.toArray(new String[0]));
    }

    /** Works (0), or refused / not found with a short message (2 / 1); no SQL or stack trace either way. */
    static Run clean(String what, Run r) {
        assertThat(r.exit()).as("%s: exit %d, stderr %s", what, r.exit(), r.err()).isBetween(0, 2);
        assertThat(r.err()).as(what).doesNotContainPattern(LEAK);
        assertThat(r.out()).as(what).doesNotContainPattern(LEAK);
        if (r.exit() != 0) {
            assertThat(r.err().strip()).as("%s: one clear line", what).isNotEmpty();
            assertThat(r.err().strip().lines().count()).as(what + ": " + r.err()).isLessThanOrEqualTo(3);
        }
        return r;
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
            for (String[] args : List.of(new String[] {"search", h, "--json"}, new String[] {"search", h, "--facets", "--json"},
                    new String[] {"search", "--key", h}, new String[] {"search", "--meter", h},
                    new String[] {"search", "--tag", h}, new String[] {"search", "--vendor", h},
                    new String[] {"search", "--pack", h}, new String[] {"search", "--instrument", h},
                    new String[] {"search", "--state", h}, new String[] {"search", "--sort", h},
                    new String[] {"search", "--bpm", h}, new String[] {"search", "--bars", h},
                    new String[] {"search", "--duration", h}, new String[] {"search", "--after", h, "--sort", "name"},
                    new String[] {"search", "--after", h}, new String[] {"search", "--similar", h})) {
                clean(String.join(" ", args).replace(h, "<" + shortly(h) + ">"), cli(args));
            }
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
        assertThat(json(byPack.out().strip())).containsEntry("total", "1");
        assertThat(byWords.out()).contains("Evil Bass 124bpm Am.mid");
        assertThat(tables()).isEqualTo(tablesBefore);
    }

    @Test
    void tag_hostileNames_storedAndFoundLiterallyOrRefused() throws Exception {
        int stored = 0;
        for (String h : HOSTILE) {
            String what = "tag <" + shortly(h) + ">";
            Run added = clean(what + " add", cli("tag", "add", h, ids.get(0), "--json"));
            if (added.exit() != 0) {
                continue; // refused (empty, too long, control characters): the message was checked
            }
            stored++;
            String name = json(added.out().strip()).get("tag");
            assertThat(name).as(what).isEqualTo(h.strip());
            // found as itself, by search and by the listings
            Run found = clean(what + " search", cli("search", "--tag", name, "--json"));
            assertThat(json(found.out().strip())).as(what).containsEntry("total", "1");
            assertThat(clean(what + " list", cli("tag", "list", "--json", "--limit", "1000")).out()).as(what)
                    .contains(jsonString(name));
            clean(what + " complete", cli("tag", "complete", name, "--json"));
            clean(what + " list prefix", cli("tag", "list", "--prefix", name, "--json"));
            clean(what + " cloud", cli("tag", "cloud", "--search=--tag " + shellQuote(name), "--json"));
            clean(what + " add by search", cli("tag", "add", name, "--search=--tag " + shellQuote(name), "--json"));
            // renamed, merged into another, removed
            Run renamed = clean(what + " rename", cli("tag", "rename", name, name + " 2", "--json"));
            if (renamed.exit() == 0) {
                clean(what + " merge", cli("tag", "add", "merge-target", ids.get(1)));
                Run merged = clean(what + " merge", cli("tag", "merge", name + " 2", "merge-target", "--json"));
                assertThat(merged.exit()).as(what).isZero();
                assertThat(json(clean(what, cli("search", "--tag", "merge-target", "--json")).out().strip()))
                        .containsEntry("total", "2");
                clean(what + " remove", cli("tag", "remove", "merge-target", ids.get(0), ids.get(1), "--json"));
            } else {
                clean(what + " remove", cli("tag", "remove", name, ids.get(0), "--json"));
            }
            // unknown and automatic names refused cleanly
            clean(what + " merge unknown", cli("tag", "merge", h + "-nosuch", h));
            clean(what + " rename unknown", cli("tag", "rename", h + "-nosuch", "x"));
        }
        assertThat(stored).as("hostile tag names stored literally").isGreaterThanOrEqualTo(20);
        assertThat(tables()).isEqualTo(tablesBefore);
    }

    @Test
    void collections_hostileNamesAndSavedSearches_workLiterallyOrRefused() throws Exception {
        int created = 0;
        for (String h : HOSTILE) {
            String what = "collection <" + shortly(h) + ">";
            Run create = clean(what + " create", cli("collection", "create", h, "--json"));
            if (create.exit() == 0) {
                created++;
                clean(what + " add", cli("collection", "add", h, ids.get(2), ids.get(3), "--json"));
                clean(what + " move", cli("collection", "move", h, ids.get(3), "1", "--json"));
                Run show = clean(what + " show", cli("collection", "show", h, "--json"));
                assertThat(show.out()).as(what).contains("\"id\":" + ids.get(3) + ",");
                clean(what + " remove", cli("collection", "remove", h, ids.get(2), "--json"));
                clean(what + " delete", cli("collection", "delete", h, "--json"));
            }
            // a saved search whose name and search are hostile
            Run saved = clean(what + " save-search", cli("collection", "save-search", "s " + h, "--search",
                    shellQuote(h) + " --tag " + shellQuote(h) + " --vendor " + shellQuote(h), "--json"));
            if (saved.exit() == 0) {
                clean(what + " show saved", cli("collection", "show", "s " + h, "--json"));
                clean(what + " delete saved", cli("collection", "delete", "s " + h));
            }
            clean(what + " unbalanced search", cli("collection", "save-search", "u " + h, "--search", h));
            clean(what + " show missing", cli("collection", "show", h + "-missing"));
        }
        clean("collection list", cli("collection", "list", "--json"));
        clean("collection recent", cli("collection", "recent", "--json"));
        assertThat(created).as("hostile collection names created").isGreaterThanOrEqualTo(20);
        assertThat(tables()).isEqualTo(tablesBefore);
    }

    @Test
    void curation_hostileFileReferences_refusedCleanly() throws Exception {
        for (String h : HOSTILE) {
            String what = "<" + shortly(h) + ">";
            clean("fav " + what, cli("fav", h));
            clean("rate " + what, cli("rate", h, "3"));
            clean("rate value " + what, cli("rate", ids.get(4), h));
            clean("tag add file " + what, cli("tag", "add", "ok", h));
            clean("export id " + what, cli("export", "--id", h, "--to", tmp.resolve("x").toString()));
        }
        assertThat(tables()).isEqualTo(tablesBefore);
    }

    @Test
    void export_hostileTemplatesAndSearch_writeOnlyInsideTheTarget() throws Exception {
        Path root = tmp.resolve("exports");
        int n = 0;
        for (String h : HOSTILE) {
            if (h.contains("\u0000")) {
                continue; // not a possible path on any file system: picocli hands it over, Path refuses it (checked below)
            }
            Path folder = root.resolve("f" + n);
            Path zip = root.resolve("z" + n + ".zip");
            n++;
            String what = "export <" + shortly(h) + ">";
            clean(what + " folder", cli("export", h, "--vendor", EVIL_VENDOR, "--to", folder.toString(), "--name",
                    h + "{name}" + h, "--json"));
            clean(what + " template", cli("export", "--id", ids.get(0), "--to", folder.toString(), "--name",
                    "../" + h + "/{vendor}/{pack}/../../{name}" + h, "--json"));
            clean(what + " zip", cli("export", "--vendor", EVIL_VENDOR, "--to", zip.toString(), "--name",
                    "/" + h + "\\..\\{vendor}/{pack}", "--json"));
        }
        clean("export NUL target", cli("export", "--id", ids.get(0), "--to", root.resolve("a\u0000b").toString()));
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
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString()).toList())
                .containsOnly("corpus", "home", "exports", "batch.txt", "x");
        assertThat(tables()).isEqualTo(tablesBefore);
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
