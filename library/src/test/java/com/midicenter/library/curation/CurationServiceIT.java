package com.midicenter.library.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.library.analysis.AnalysisListener;
import com.midicenter.library.analysis.AnalysisOptions;
import com.midicenter.library.analysis.AnalysisService;
import com.midicenter.library.details.FileDetails.TagSource;
import com.midicenter.library.details.FileDetailsService;
import com.midicenter.library.importing.ImportListener;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportService;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.curation.CollectionItemRow;
import com.midicenter.persistence.curation.CollectionRow;
import com.midicenter.persistence.curation.RecentSearchRow;
import com.midicenter.persistence.curation.TagCount;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.search.SearchCriteria.Sort;
import com.midicenter.persistence.search.SearchHit;
import com.midicenter.persistence.testing.SharedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tags across files, collections and recent searches against a real generated, imported and analysed library. Each
 * test uses its own files ({@link #file(int)}) and tag words, so the order of the tests does not matter; search is
 * the SQL path (no in-memory index), so it sees every committed change at once.
 */
class CurationServiceIT {

    private static final int FILES = 60;

    @TempDir
    static Path tmp;

    static Database db;
    static SearchService search;
    static TagService tags;
    static CollectionService collections;
    static FileDetailsService details;
    /** Analysed contents, ascending. */
    static final List<Long> analysed = new ArrayList<>();

    @BeforeAll
    static void buildLibrary() throws Exception {
        db = SharedDatabase.get();
        SharedDatabase.truncate("content", "location", "file_meta", "analysis_job", "tag", "file_tag", "user_mark",
                "import_run", "import_error", "archive_file", "search_doc", "collection", "collection_item",
                "recent_search");
        Path root = tmp.resolve("corpus");
        new CorpusGenerator(20_261_127L).generate(FILES, root, null);
        new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                .run(List.of(root), new AtomicBoolean(), ImportListener.NONE);
        new AnalysisService(db.dataSource(), db.sqlSessionFactory(), AnalysisOptions.defaults())
                .run(new AtomicBoolean(), AnalysisListener.NONE);
        search = new SearchService(db.sqlSessionFactory());
        tags = new TagService(db.sqlSessionFactory(), search);
        collections = new CollectionService(db.sqlSessionFactory(), search);
        details = new FileDetailsService(db.sqlSessionFactory());
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT content_id FROM search_doc WHERE state = 'done'"
                     + " ORDER BY content_id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                analysed.add(rs.getLong(1));
            }
        }
        assertThat(analysed).hasSizeGreaterThan(40);
    }

    static long file(int n) {
        return analysed.get(n);
    }

    static SearchRequest byTag(String tag) {
        return new SearchRequest(null, null, false, null, false, null, null, null, null, null, tag, null, null, false,
                null, null, Sort.NAME, false, 100, null, false, null);
    }

    static Set<Long> found(SearchRequest r) {
        Set<Long> ids = new HashSet<>();
        for (SearchHit h : search.search(r).hits()) {
            ids.add(h.contentId());
        }
        return ids;
    }

    /** A tag name the import gave from a path (category part, genre, vendor...). */
    static String automaticTag() {
        return details.details(file(0)).orElseThrow().tags().stream().filter(t -> t.source() == TagSource.PATH)
                .findFirst().orElseThrow().name();
    }

    // ---------------------------------------------------------------- tags

    @Test
    void addAndRemove_manyFiles_searchSeesTagThenNot() {
        // given
        List<Long> ids = List.of(file(0), file(1), file(2));
        // when
        int added = tags.add(ids, "Warmpad");
        // then: the tag filter and the words both find them
        assertThat(added).isEqualTo(3);
        assertThat(found(byTag("warmpad"))).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(found(SearchRequest.text("warmpad"))).containsAll(ids);
        // when
        int removed = tags.remove(List.of(file(0), file(1)), "WARMPAD");
        // then
        assertThat(removed).isEqualTo(2);
        assertThat(found(byTag("warmpad"))).containsExactly(file(2));
        assertThat(tags.remove(List.of(file(0)), "warmpad")).isZero();
    }

    @Test
    void addToSearch_everyMatch_getsTheTagOnce() {
        // given
        tags.add(List.of(file(3), file(4), file(5)), "seedA");
        // when
        int added = tags.addToSearch(byTag("seedA"), "derivedA");
        int again = tags.addToSearch(byTag("seedA"), "derivedA");
        int removed = tags.removeFromSearch(byTag("seedA").page(1, null, false), "derivedA");
        // then: all pages of the search, not just the first
        assertThat(added).isEqualTo(3);
        assertThat(again).isZero();
        assertThat(removed).isEqualTo(3);
        assertThat(found(byTag("derivedA"))).isEmpty();
    }

    @Test
    void rename_userTag_searchFindsNewNameOnly() {
        // given
        tags.add(List.of(file(6), file(7)), "oldname");
        // when
        int files = tags.rename("OldName", "Newname");
        // then
        assertThat(files).isEqualTo(2);
        assertThat(found(byTag("newname"))).containsExactlyInAnyOrder(file(6), file(7));
        assertThat(found(byTag("oldname"))).isEmpty();
        assertThat(found(SearchRequest.text("newname"))).contains(file(6), file(7));
        assertThat(tags.userTags("newn", 10)).extracting(TagCount::name, TagCount::files)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Newname", 2L));
        // a change of case only is a rename of the same tag
        assertThat(tags.rename("newname", "NEWNAME")).isEqualTo(2);
    }

    @Test
    void rename_toAnExistingTagOrAnAutomaticOne_refused() {
        // given
        tags.add(List.of(file(8)), "taken1");
        tags.add(List.of(file(9)), "taken2");
        String automatic = automaticTag();
        // when / then
        assertThatThrownBy(() -> tags.rename("taken1", "TAKEN2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exists already").hasMessageContaining("merge");
        assertThatThrownBy(() -> tags.rename(automatic, "mine")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("automatic tag").hasMessageContaining("cannot be renamed");
        assertThatThrownBy(() -> tags.rename("nosuchtag", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no user tag 'nosuchtag'");
        assertThatThrownBy(() -> tags.rename("taken1", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(found(byTag("taken1"))).containsExactly(file(8));
    }

    @Test
    void merge_aIntoB_filesOfAGetBAndAIsGone() {
        // given
        tags.add(List.of(file(10), file(11)), "mergeA");
        tags.add(List.of(file(11), file(12)), "mergeB");
        // when
        int added = tags.merge("mergea", "MergeB");
        // then
        assertThat(added).isEqualTo(1);
        assertThat(found(byTag("mergeB"))).containsExactlyInAnyOrder(file(10), file(11), file(12));
        assertThat(found(byTag("mergeA"))).isEmpty();
        assertThat(tags.userTags("merge", 10)).extracting(TagCount::name).containsExactly("mergeB");
        assertThat(details.details(file(10)).orElseThrow().tags()).extracting(t -> t.name()).contains("mergeB")
                .doesNotContain("mergeA");
    }

    @Test
    void merge_andRemove_automaticTagOrSameTag_refused() {
        // given
        tags.add(List.of(file(13)), "solo");
        String automatic = automaticTag();
        // when / then
        assertThatThrownBy(() -> tags.merge(automatic, "solo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("automatic tag").hasMessageContaining("cannot be merged");
        assertThatThrownBy(() -> tags.merge("solo", automatic)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("automatic tag");
        assertThatThrownBy(() -> tags.merge("solo", "SOLO")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same tag");
        assertThatThrownBy(() -> tags.remove(List.of(file(0)), automatic))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be removed");
        assertThat(found(byTag("solo"))).containsExactly(file(13));
    }

    @Test
    void autocompleteAndCloud_countFilesOfEveryKind() {
        // given
        tags.add(List.of(file(14), file(15), file(16)), "cloudy");
        tags.add(List.of(file(14)), "cloudless");
        String automatic = automaticTag();
        // when
        List<TagCount> completed = tags.autocomplete("CLOU", 10);
        List<TagCount> auto = tags.autocomplete(automatic.substring(0, 1), 1000);
        List<TagCount> cloud = tags.cloud(byTag("cloudy"), 50);
        // then
        assertThat(completed).extracting(TagCount::name, TagCount::files).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cloudy", 3L), org.assertj.core.groups.Tuple.tuple("cloudless", 1L));
        assertThat(auto).anySatisfy(t -> {
            assertThat(t.name()).isEqualTo(automatic);
            assertThat(t.category()).isNotEqualTo("user");
            assertThat(t.files()).isPositive();
        });
        assertThat(cloud.get(0).files()).isEqualTo(3); // every match has it: none can be more frequent
        assertThat(cloud).contains(new TagCount("user", "cloudy", 3));
        assertThat(cloud).isSortedAccordingTo((a, b) -> Long.compare(b.files(), a.files()));
        assertThat(cloud).contains(new TagCount("user", "cloudless", 1));
        assertThat(cloud).anySatisfy(t -> assertThat(t.category()).isNotEqualTo("user"));
        assertThatThrownBy(() -> tags.autocomplete(" ", 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cloud_oneNameOfSeveralKinds_oneEntryCountingEachFileOnce() {
        // given: an automatic tag's name (one of file 41's, not the one other tests use) also given as your tag (in
        // capitals) to one of three files
        String other = automaticTag();
        String automatic = details.details(file(41)).orElseThrow().tags().stream()
                .filter(t -> t.source() == TagSource.PATH && !t.name().equalsIgnoreCase(other))
                .reduce((a, b) -> b).orElseThrow().name();
        List<Long> three = List.of(file(40), file(41), file(42));
        tags.add(three, "nimbus");
        tags.add(List.of(file(41)), automatic.toUpperCase(java.util.Locale.ROOT));
        Set<Long> carrying = new java.util.HashSet<>(found(byTag(automatic))); // the filter a click on it sets
        carrying.retainAll(three);

        // when
        List<TagCount> cloud = tags.cloud(byTag("nimbus"), 50);

        // then: one entry, shown as yours, counting the files the tag filter finds among them
        List<TagCount> named = cloud.stream().filter(t -> t.name().equalsIgnoreCase(automatic)).toList();
        assertThat(named).hasSize(1);
        assertThat(named.get(0).category()).isEqualTo("user");
        assertThat(named.get(0).files()).isEqualTo(carrying.size()).isBetween(1L, 3L);
        assertThat(cloud).extracting(t -> t.name().toLowerCase(java.util.Locale.ROOT)).doesNotHaveDuplicates();
        tags.remove(List.of(file(41)), automatic.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void searchMatches_moreThanMax_bulkRefusedCloudTakesTheFirst() {
        // given: every analysed file
        SearchRequest every = byTag(null);
        // when / then: read 7 at a time, every page is followed
        assertThat(SearchMatches.collect(search, every, 1_000, true, 7)).containsExactlyInAnyOrderElementsOf(analysed);
        assertThat(SearchMatches.all(search, every, 1_000)).hasSameSizeAs(analysed);
        assertThat(SearchMatches.first(search, every, 5)).hasSize(5);
        assertThatThrownBy(() -> SearchMatches.all(search, every, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 5 files");
        assertThat(tags.cloud(every, 3)).hasSize(3);
    }

    // ---------------------------------------------------------------- collections

    @Test
    void manualCollection_addMoveRemove_keepsOrderAndDensePositions() {
        // given
        CollectionRow created = collections.create(" Set list ");
        // when
        int added = collections.add("Set list", List.of(file(20), file(21), file(22)));
        int again = collections.add("Set list", List.of(file(21), file(23)));
        collections.move("Set list", file(23), 1);
        int removed = collections.remove("Set list", List.of(file(21)));
        List<CollectionItemRow> items = collections.items("Set list");
        // then
        assertThat(created.name()).isEqualTo("Set list");
        assertThat(created.kind()).isEqualTo("manual");
        assertThat(added).isEqualTo(3);
        assertThat(again).isEqualTo(1);
        assertThat(removed).isEqualTo(1);
        assertThat(items).extracting(CollectionItemRow::contentId).containsExactly(file(23), file(20), file(22));
        assertThat(items).extracting(CollectionItemRow::position).containsExactly(1, 2, 3);
        assertThat(items).allSatisfy(i -> assertThat(i.path()).endsWith(".mid"));
        assertThat(collections.get("Set list").items()).isEqualTo(3);
        // moving past the end makes it last
        collections.move("Set list", file(23), 99);
        assertThat(collections.items("Set list")).extracting(CollectionItemRow::contentId)
                .containsExactly(file(20), file(22), file(23));
        // when
        collections.delete("Set list");
        // then
        assertThat(collections.list()).extracting(CollectionRow::name).doesNotContain("Set list");
        assertThatThrownBy(() -> collections.items("Set list")).isInstanceOf(CurationException.class)
                .hasMessageContaining("no collection 'Set list'");
        assertThat(details.details(file(20))).isPresent();
    }

    @Test
    void moveBefore_severalFiles_moveAsABlockInTheirOrder() {
        // given: 30..35 in order
        collections.create("Crate");
        collections.add("Crate", List.of(file(30), file(31), file(32), file(33), file(34), file(35)));

        // when: 34 and 31 (given in that order, and one not in the crate) dragged onto the gap before 30
        int moved = collections.moveBefore("Crate", List.of(file(34), file(31), file(36)), file(30));

        // then: as a block in the crate's order, positions dense
        assertThat(moved).isEqualTo(2);
        List<CollectionItemRow> items = collections.items("Crate");
        assertThat(items).extracting(CollectionItemRow::contentId)
                .containsExactly(file(31), file(34), file(30), file(32), file(33), file(35));
        assertThat(items).extracting(CollectionItemRow::position).containsExactly(1, 2, 3, 4, 5, 6);

        // when: onto the end, and between two others
        collections.moveBefore("Crate", List.of(file(31)), null);
        collections.moveBefore("Crate", List.of(file(30), file(35)), file(33));

        // then
        assertThat(collections.items("Crate")).extracting(CollectionItemRow::contentId)
                .containsExactly(file(34), file(32), file(30), file(35), file(33), file(31));

        // a gap next to a moved file itself, or a file not in the crate, is refused and changes nothing
        assertThatThrownBy(() -> collections.moveBefore("Crate", List.of(file(32)), file(32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before itself");
        assertThatThrownBy(() -> collections.moveBefore("Crate", List.of(file(32)), file(36)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in 'Crate'");
        assertThat(collections.items("Crate")).extracting(CollectionItemRow::contentId)
                .containsExactly(file(34), file(32), file(30), file(35), file(33), file(31));
        collections.delete("Crate");
    }

    @Test
    void collections_badRequests_refusedWithoutChange() {
        // given
        collections.create("Refusals");
        collections.saveSearch("Refusals smart", byTag("nothing-here"));
        // when / then
        assertThatThrownBy(() -> collections.create("Refusals")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exists already");
        assertThatThrownBy(() -> collections.add("Refusals smart", List.of(file(24))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("saved search");
        assertThatThrownBy(() -> collections.add("Refusals", List.of(file(24), 987_654_321L)))
                .isInstanceOf(CurationException.class).hasMessageContaining("987654321");
        assertThatThrownBy(() -> collections.move("Refusals", file(24), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in 'Refusals'");
        assertThatThrownBy(() -> collections.move("Refusals", file(24), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position=0");
        assertThatThrownBy(() -> collections.create("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> collections.savedSearch("Refusals", 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manual");
        assertThat(collections.items("Refusals")).isEmpty();
    }

    @Test
    void smartCollection_results_followTheLibraryLive() {
        // given
        tags.add(List.of(file(30), file(31)), "livetag");
        CollectionRow smart = collections.saveSearch("Live", byTag("livetag"));
        // when
        long before = collections.results("Live", 50, null).total();
        tags.add(List.of(file(32)), "livetag");
        details.setFavorite(file(32), true);
        long after = collections.results("Live", 50, null).total();
        // then
        assertThat(smart.kind()).isEqualTo("smart");
        assertThat(smart.query()).contains("tag=livetag").contains("sort=name");
        assertThat(before).isEqualTo(2);
        assertThat(after).isEqualTo(3);
        assertThat(collections.results("Live", 50, null).hits()).extracting(SearchHit::contentId)
                .contains(file(30), file(31), file(32));
        assertThat(collections.savedSearch("Live", 7)).isEqualTo(byTag("livetag").page(7, null, false));
    }

    @Test
    void recentSearches_keepTheLast50_newestFirst() {
        // given
        for (int i = 0; i < 55; i++) {
            collections.recordSearch(SearchRequest.text("query " + i));
        }
        // when
        collections.recordSearch(SearchRequest.text("query 10"));
        List<RecentSearchRow> recent = collections.recentSearches();
        // then
        assertThat(recent).hasSize(50);
        assertThat(recent.get(0).query()).isEqualTo("text=query 10\n");
        assertThat(recent.get(1).query()).isEqualTo("text=query 54\n");
        assertThat(recent).extracting(RecentSearchRow::query).doesNotContain("text=query 0\n", "text=query 4\n").contains("text=query 5\n");
        assertThat(SearchText.parse(recent.get(0).query(), 50)).isEqualTo(SearchRequest.text("query 10"));
    }

    @Test
    void searchText_everyField_roundTrips() {
        // given
        SearchRequest r = new SearchRequest(" deep\\bass\n=x", "118-126", true, "Am", true, "6/8", "4-8", "0-30", "bass",
                Boolean.FALSE, "my tag", "Loop Co", "Pack: One", true, 3, "done", Sort.BPM, true, 20, null, false,
                null, 42L, true);
        SearchRequest inOrder = SearchRequest.text(null).inCollection(7L).sorted(Sort.POSITION, false).page(20, null,
                false);
        // when
        String text = SearchText.format(r);
        // then
        assertThat(SearchText.parse(text, 20)).isEqualTo(r);
        assertThat(text).contains("collection=42\n").contains("hideDuplicates=true\n");
        assertThat(SearchText.parse(SearchText.format(inOrder), 20)).isEqualTo(inOrder);
        assertThat(SearchText.format(inOrder)).isEqualTo("sort=position\ncollection=7\n");
        assertThatThrownBy(() -> SearchText.parse("collection=seven", 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seven");
        assertThatThrownBy(() -> SearchText.parse("colour=red", 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colour");
    }
}
