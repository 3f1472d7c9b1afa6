package com.midicenter.library.search;

import com.midicenter.persistence.search.FacetCount;
import com.midicenter.persistence.search.SearchHit;

import java.util.List;

/**
 * One page of results.
 *
 * @param total          matches: exact up to {@link SearchService#EXACT_TOTAL}, estimated beyond
 * @param totalEstimated true when {@code total} is an estimate
 * @param fuzzy          the text matched no words, so names were matched by similarity (typos)
 * @param next           cursor of the next page, {@code null} on the last
 */
public record SearchResult(long total, boolean totalEstimated, boolean fuzzy, double tookMs, List<SearchHit> hits,
                           String next, List<FacetCount> facets) {

    public SearchResult {
        hits = List.copyOf(hits);
        facets = List.copyOf(facets);
    }
}
