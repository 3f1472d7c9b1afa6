package com.midicenter.library.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.persistence.search.SearchCriteria.Sort;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every test of {@link SearchServiceIT} again, answered from the in-memory index ({@link SearchService#indexed}) over
 * the same generated library: the index must find, count, sort, page and facet as the ground truth (and the SQL)
 * says.
 */
class IndexedSearchServiceIT extends SearchServiceIT {

    @BeforeAll
    static void useTheIndex() throws InterruptedException {
        search = SearchService.indexed(db);
        assertThat(search.index().orElseThrow().awaitReady(Duration.ofSeconds(60))).isTrue();
        assertThat(search.index().orElseThrow().size()).isGreaterThan(1000);
    }

    @org.junit.jupiter.api.Test
    void facets_byMembersAndByBitSets_agree() {
        SearchIndex snapshot = search.index().orElseThrow().current();
        for (var criteria : java.util.List.of(
                criteria(java.util.List.of(), null),
                criteria(java.util.List.of(new com.midicenter.persistence.search.SearchCriteria.BpmRange(100, 130)), null),
                criteria(java.util.List.of(), "bass"))) {
            // when
            SearchIndex.Matches matches = snapshot.match(criteria, java.util.List.of());
            var byMembers = snapshot.facets(matches, true);
            var byBitSets = snapshot.facets(matches, false);

            // then
            assertThat(byMembers).isNotEmpty().isEqualTo(byBitSets);
        }
    }

    @org.junit.jupiter.api.Test
    void collectionSearches_sqlAndIndex_giveTheSameRowsTotalsAndFacets() {
        // given
        java.util.List<Long> order = new java.util.ArrayList<>();
        long id = collection("Parity sql index", order);
        SearchService sql = new SearchService(db.sqlSessionFactory());
        for (SearchRequest r : java.util.List.of(
                SearchRequest.text(null).inCollection(id),
                SearchRequest.text(null).inCollection(id).sorted(Sort.POSITION, true),
                SearchRequest.text(null).inCollection(id).sorted(Sort.BPM, false),
                SearchRequest.text(null).inCollection(id).sorted(Sort.KEY, true),
                new SearchRequest(null, "80-130", true, null, false, null, null, null, null, Boolean.FALSE, null, null,
                        null, false, null, null, null, false, 50, null, false, null, id, false),
                // a filter's range on the sort key itself (SQL bounds the walk of the sort index with it)
                new SearchRequest(null, "80-130", true, null, false, null, null, null, null, null, null, null,
                        null, false, null, null, Sort.BPM, false, 50, null, false, null, id, false),
                new SearchRequest(null, "90-125", false, null, false, null, null, null, null, null, null, null,
                        null, false, null, null, Sort.BPM, true, 50, null, false, null, id, false),
                new SearchRequest(null, null, false, null, false, null, "2-8", "1-30", null, null, null, null,
                        null, false, null, null, Sort.BARS, false, 50, null, false, null, id, false),
                new SearchRequest(null, null, false, null, false, null, "2-16", "1-30", null, null, null, null,
                        null, false, null, null, Sort.DURATION, true, 50, null, false, null, id, false))) {
            for (int limit : new int[] {7, 50}) {
                // when
                java.util.List<java.util.List<Long>> fromSql = pageIds(sql, r.page(limit, null, true));
                java.util.List<java.util.List<Long>> fromIndex = pageIds(search, r.page(limit, null, true));
                SearchResult sqlFirst = sql.search(r.page(limit, null, true));
                SearchResult indexFirst = search.search(r.page(limit, null, true));

                // then
                assertThat(fromIndex).as("%s", r).isEqualTo(fromSql);
                assertThat(fromSql.stream().mapToInt(java.util.List::size).sum()).as("%s", r)
                        .isEqualTo(sqlFirst.total()).isGreaterThan(10);
                assertThat(indexFirst.total()).as("%s", r).isEqualTo(sqlFirst.total());
                assertThat(withoutTags(indexFirst.facets())).as("%s", r).isEqualTo(withoutTags(sqlFirst.facets()));
            }
        }
        // an empty collection: nothing, in both
        var collections = new com.midicenter.library.curation.CollectionService(db.sqlSessionFactory(), sql);
        if (collections.list().stream().anyMatch(c -> c.name().equals("Parity empty"))) {
            collections.delete("Parity empty");
        }
        long empty = collections.create("Parity empty").id();
        for (SearchService service : java.util.List.of(sql, search)) {
            SearchResult none = service.search(SearchRequest.text(null).inCollection(empty).page(50, null, true));
            assertThat(none.total()).isZero();
            assertThat(none.hits()).isEmpty();
        }
    }

    /** Every page of a search, as the content ids of each page. */
    private static java.util.List<java.util.List<Long>> pageIds(SearchService service, SearchRequest first) {
        java.util.List<java.util.List<Long>> pages = new java.util.ArrayList<>();
        SearchRequest r = first;
        while (true) {
            SearchResult result = service.search(r);
            pages.add(result.hits().stream().map(com.midicenter.persistence.search.SearchHit::contentId).toList());
            if (result.next() == null) {
                return pages;
            }
            r = r.page(r.limit(), result.next(), false);
        }
    }

    /** Facets by facet and value (tags left out: the SQL names only part and genre tags, the index may differ). */
    private static java.util.Map<String, Long> withoutTags(java.util.List<com.midicenter.persistence.search.FacetCount> facets) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        facets.stream().filter(f -> !f.facet().equals("tag")).forEach(f -> out.put(f.facet() + "=" + f.value(), f.count()));
        return out;
    }

    private static com.midicenter.persistence.search.SearchCriteria criteria(
            java.util.List<com.midicenter.persistence.search.SearchCriteria.BpmRange> bpm, String instrument) {
        return new com.midicenter.persistence.search.SearchCriteria(null, null, bpm, java.util.List.of(), null, null,
                null, null, null, instrument, null, null, null, null, false, null, null,
                com.midicenter.persistence.search.SearchCriteria.Sort.NAME, false, 20, null, null);
    }

    @AfterAll
    static void closeTheIndex() {
        search.close();
    }
}
