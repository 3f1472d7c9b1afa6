package com.midicenter.library.search;

import static org.assertj.core.api.Assertions.assertThat;

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
