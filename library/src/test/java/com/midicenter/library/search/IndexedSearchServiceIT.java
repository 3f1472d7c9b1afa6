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

    @AfterAll
    static void closeTheIndex() {
        search.close();
    }
}
