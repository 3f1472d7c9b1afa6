package com.midicenter.app;

import static com.midicenter.app.CliIT.json;
import static com.midicenter.app.CliIT.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.app.CliIT.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tag}, {@code fav}, {@code rate} and {@code collection} end to end, in process, against a real embedded
 * library: each command's JSON, its refusals (one line on stderr, exit 2; gone: exit 1), and {@code search} seeing
 * the change. Each test works on its own files and words.
 */
class CurationCliIT {

    private static final Pattern HIT = Pattern.compile("\"id\":(\\d+),\"path\":\"([^\"]+)\"");

    @TempDir
    static Path tmp;

    static String home;
    static final List<String> ids = new ArrayList<>();
    static final List<String> paths = new ArrayList<>();

    @BeforeAll
    static void library() {
        Path corpus = tmp.resolve("corpus");
        home = tmp.resolve("home").toString();
        assertThat(run("generate", "--files", "60", "--out", corpus.toString(), "--seed", "27").exit()).isZero();
        Run imported = run("import", "--analyze", "--home", home, "--json", corpus.toString());
        assertThat(imported.exit()).as(imported.err()).isBetween(0, 1); // 1: the corrupt files
        Run all = run("search", "--home", home, "--json", "--sort", "name", "--limit", "30");
        Matcher m = HIT.matcher(all.out());
        while (m.find()) {
            ids.add(m.group(1));
            paths.add(m.group(2));
        }
        assertThat(ids).hasSize(30);
    }

    static Run cli(String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.add("--home");
        full.add(home);
        return run(full.toArray(new String[0]));
    }

    static long total(String... searchArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("search", "--json"));
        args.addAll(List.of(searchArgs));
        Run r = cli(args.toArray(new String[0]));
        assertThat(r.exit()).as(r.err()).isZero();
        return Long.parseLong(json(r.out().strip()).get("total"));
    }

    @Test
    void tag_addRenameMergeRemove_jsonAndSearchAgree() throws Exception {
        // when: by path and by id
        Run added = cli("tag", "add", "cliwarm", paths.get(0), ids.get(1), "--json");
        // then
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out().strip()).isEqualTo("{\"tag\":\"cliwarm\",\"changed\":2,\"files\":[" + ids.get(0) + ","
                + ids.get(1) + "]}");
        assertThat(total("--tag", "cliwarm")).isEqualTo(2);

        // when: every file of a search
        Run bySearch = cli("tag", "add", "cliseed", "--search=--tag cliwarm", "--json");
        assertThat(json(bySearch.out().strip())).containsEntry("changed", "2").containsEntry("search", "--tag cliwarm");
        Run renamed = cli("tag", "rename", "cliwarm", "clihot", "--json");
        assertThat(json(renamed.out().strip())).containsEntry("files", "2").containsEntry("to", "clihot");
        assertThat(total("--tag", "clihot")).isEqualTo(2);
        assertThat(total("--tag", "cliwarm")).isZero();
        cli("tag", "add", "cliseed", ids.get(2));
        Run merged = cli("tag", "merge", "cliseed", "clihot", "--json");
        assertThat(json(merged.out().strip())).containsEntry("added", "1");
        assertThat(total("--tag", "clihot")).isEqualTo(3);
        assertThat(total("--tag", "cliseed")).isZero();

        // list, complete, cloud
        assertThat(cli("tag", "list", "--json").out()).contains("{\"category\":\"user\",\"name\":\"clihot\",\"files\":3}")
                .doesNotContain("cliseed");
        assertThat(cli("tag", "complete", "CLIH", "--json").out().strip())
                .isEqualTo("{\"tags\":[{\"category\":\"user\",\"name\":\"clihot\",\"files\":3}]}");
        assertThat(cli("tag", "cloud", "--search=--tag clihot", "--json").out())
                .contains("{\"category\":\"user\",\"name\":\"clihot\",\"files\":3}");

        // when
        Run removed = cli("tag", "remove", "clihot", ids.get(0), ids.get(1), "--json");
        // then
        assertThat(json(removed.out().strip())).containsEntry("changed", "2");
        assertThat(total("--tag", "clihot")).isEqualTo(1);
    }

    @Test
    void tag_automaticOrUnknown_refusedWithOneLine() {
        // given: an automatic tag of the library
        Matcher m = Pattern.compile("\"category\":\"(?!user\")[^\"]+\",\"name\":\"([^\"]+)\"")
                .matcher(cli("tag", "cloud", "--json").out());
        assertThat(m.find()).isTrue();
        String automatic = m.group(1);
        // when
        Run remove = cli("tag", "remove", automatic, ids.get(3));
        Run rename = cli("tag", "rename", automatic, "mine", "--json");
        Run unknown = cli("tag", "merge", "nosuchtag", "other");
        Run neither = cli("tag", "add", "x");
        Run gone = cli("tag", "add", "x", "/no/such/file.mid");
        // then
        assertThat(remove.exit()).isEqualTo(2);
        assertThat(remove.err()).startsWith("midicenter tag remove: '" + automatic + "' is an automatic tag")
                .contains("cannot be removed");
        assertThat(rename.exit()).isEqualTo(2);
        assertThat(rename.err()).contains("cannot be renamed");
        assertThat(rename.out()).isEmpty();
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no user tag 'nosuchtag'");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err().strip()).isEqualTo("midicenter tag add: not in the library: /no/such/file.mid");
    }

    @Test
    void favAndRate_onAndOff_searchFiltersFollow() throws Exception {
        // when
        Run fav = cli("fav", paths.get(5), ids.get(6), "--json");
        // then
        assertThat(fav.exit()).as(fav.err()).isZero();
        assertThat(fav.out().strip()).isEqualTo("{\"favorite\":true,\"files\":[" + ids.get(5) + "," + ids.get(6) + "]}");
        assertThat(total("--favorite")).isEqualTo(2);
        assertThat(json(cli("fav", ids.get(5), "--off", "--json").out().strip())).containsEntry("favorite", "false");
        assertThat(total("--favorite")).isEqualTo(1);

        // when
        Run rate = cli("rate", ids.get(7), paths.get(8), "5", "--json");
        // then
        assertThat(rate.out().strip()).isEqualTo("{\"rating\":5,\"files\":[" + ids.get(7) + "," + ids.get(8) + "]}");
        assertThat(total("--rating", "5")).isEqualTo(2);
        assertThat(cli("rate", ids.get(7), "none", "--json").out().strip())
                .isEqualTo("{\"rating\":null,\"files\":[" + ids.get(7) + "]}");
        assertThat(total("--rating", "5")).isEqualTo(1);
        Run bad = cli("rate", ids.get(7), "7");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("1 to 5 or none, not '7'");
        assertThat(cli("fav", "987654321").exit()).isEqualTo(1);
    }

    @Test
    void collection_manualAndSmart_endToEnd() throws Exception {
        // manual
        Run created = cli("collection", "create", "Gig", "--json");
        assertThat(json(created.out().strip())).containsEntry("name", "Gig").containsEntry("kind", "manual")
                .containsEntry("items", "0");
        Run added = cli("collection", "add", "Gig", ids.get(10), ids.get(11), paths.get(12), "--json");
        assertThat(added.out().strip()).isEqualTo("{\"collection\":\"Gig\",\"added\":3}");
        Run moved = cli("collection", "move", "Gig", ids.get(12), "1", "--json");
        assertThat(moved.out().strip()).isEqualTo("{\"collection\":\"Gig\",\"order\":[" + ids.get(12) + ","
                + ids.get(10) + "," + ids.get(11) + "]}");
        assertThat(json(cli("collection", "remove", "Gig", ids.get(10), "--json").out().strip()))
                .containsEntry("removed", "1");
        Run shown = cli("collection", "show", "Gig", "--json");
        assertThat(shown.out()).contains("\"files\":[{\"position\":1,\"id\":" + ids.get(12) + ",\"path\":\""
                + paths.get(12) + "\"},{\"position\":2,\"id\":" + ids.get(11) + ",");

        // smart: a saved search, live
        cli("tag", "add", "gigtag", ids.get(13), ids.get(14));
        Run saved = cli("collection", "save-search", "Gig tags", "--search=--tag gigtag --sort name", "--json");
        assertThat(saved.exit()).as(saved.err()).isZero();
        assertThat(json(saved.out().strip())).containsEntry("kind", "smart").containsEntry("search",
                "tag=gigtag\nsort=name\n");
        cli("tag", "add", "gigtag", ids.get(15));
        Run smart = cli("collection", "show", "Gig tags", "--json");
        assertThat(smart.out()).contains("\"result\":{\"total\":3,").contains("\"id\":" + ids.get(15) + ",");
        Run refused = cli("collection", "add", "Gig tags", ids.get(16));
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("saved search");

        Run list = cli("collection", "list", "--json");
        assertThat(list.out()).contains("\"name\":\"Gig\",\"kind\":\"manual\"", "\"name\":\"Gig tags\",\"kind\":\"smart\"");
        assertThat(cli("collection", "delete", "Gig", "--json").out().strip()).isEqualTo("{\"deleted\":\"Gig\"}");
        Run gone = cli("collection", "show", "Gig");
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err().strip()).isEqualTo("midicenter collection show: there is no collection 'Gig'");
        assertThat(cli("collection", "create", "Gig tags").exit()).isEqualTo(2);
    }

    @Test
    void searchCollection_inItsOrderFilteredAndRemembered() throws Exception {
        // given: five files in an order of their own
        cli("collection", "create", "Set list");
        cli("collection", "add", "Set list", ids.get(24), ids.get(20), ids.get(22), ids.get(21), ids.get(23));
        cli("collection", "move", "Set list", ids.get(23), "2");
        cli("collection", "create", "Empty crate");
        cli("collection", "save-search", "Smart crate", "--search=--tag house");

        // when
        Run inOrder = cli("search", "--collection", "Set list", "--json", "--limit", "3");
        Run byName = cli("search", "--collection", "Set list", "--sort", "name", "--json", "--limit", "10");
        Run desc = cli("search", "--collection", "Set list", "--desc", "--json");
        Run gone = cli("search", "--collection", "No such list");
        Run smart = cli("search", "--collection", "Smart crate");
        Run noCollection = cli("search", "--sort", "position");
        Run recent = cli("collection", "recent", "--json");

        // then
        assertThat(inOrder.exit()).as(inOrder.err()).isZero();
        assertThat(hitIds(inOrder.out())).containsExactly(ids.get(24), ids.get(23), ids.get(20));
        assertThat(json(inOrder.out().strip())).containsEntry("total", "5").containsKey("next");
        Run next = cli("search", "--collection", "Set list", "--json", "--limit", "3", "--after",
                json(inOrder.out().strip()).get("next"));
        assertThat(hitIds(next.out())).containsExactly(ids.get(22), ids.get(21));
        assertThat(hitIds(byName.out())).containsExactlyInAnyOrder(ids.get(20), ids.get(21), ids.get(22),
                ids.get(23), ids.get(24)).isNotEqualTo(hitIds(inOrder.out()));
        assertThat(hitIds(desc.out())).containsExactly(ids.get(21), ids.get(22), ids.get(20), ids.get(23),
                ids.get(24));
        assertThat(total("--collection", "Empty crate")).isZero();
        assertThat(total("--collection", "Set list", "--bpm", "390-400")).isZero();
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err().strip()).isEqualTo("midicenter search: there is no collection 'No such list'");
        assertThat(smart.exit()).isEqualTo(2);
        assertThat(smart.err()).contains("saved search");
        assertThat(noCollection.exit()).isEqualTo(2);
        assertThat(noCollection.err()).contains("--collection");
        assertThat(recent.out()).contains("{\"search\":\"collection=").contains("sort=name\\ncollection=");
    }

    private static List<String> hitIds(String out) {
        List<String> found = new ArrayList<>();
        Matcher m = HIT.matcher(out);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void collectionRecent_searchesRun_newestFirst() {
        // given
        cli("search", "recentword one", "--bpm", "100-140");
        cli("search", "recentword two");
        // when
        Run recent = cli("collection", "recent", "--json");
        // then
        assertThat(recent.exit()).isZero();
        String out = recent.out();
        assertThat(out).contains("{\"search\":\"text=recentword two\\n\"");
        assertThat(out.indexOf("recentword two")).isLessThan(out.indexOf("text=recentword one\\nbpm=100-140\\n"));
    }
}
