package com.midicenter.library.curation;

import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.search.SearchHit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every file a search finds, page by page, for the operations on "every file of this search". */
final class SearchMatches {

    private static final int PAGE = 1_000;

    private SearchMatches() {
    }

    /**
     * The content ids of all matches of {@code request} (its page fields ignored), in its order.
     *
     * @throws IllegalArgumentException when the search found only names that look alike (typo-tolerant matches are
     *                                  fine to look at, not to edit in bulk) or more than {@code max} files
     */
    static List<Long> all(SearchService search, SearchRequest request, int max) {
        return collect(search, request, max, true, PAGE);
    }

    /** The content ids of the first {@code max} matches of {@code request}, typo-tolerant ones included. */
    static List<Long> first(SearchService search, SearchRequest request, int max) {
        return collect(search, request, max, false, PAGE);
    }

    /** {@code pageSize}: matches read per search call (a parameter so that tests can make many pages). */
    static List<Long> collect(SearchService search, SearchRequest request, int max, boolean strict, int pageSize) {
        Set<Long> ids = new LinkedHashSet<>();
        String cursor = null;
        do {
            SearchResult page = search.search(request.page(pageSize, cursor, false));
            if (strict && page.fuzzy()) {
                throw new IllegalArgumentException("the search finds no file with all its words, only names that look"
                        + " alike; spell the words out to edit its files");
            }
            for (SearchHit h : page.hits()) {
                if (ids.size() == max) {
                    if (strict) {
                        throw new IllegalArgumentException("the search finds more than " + max
                                + " files; narrow it down");
                    }
                    return new ArrayList<>(ids);
                }
                ids.add(h.contentId());
            }
            cursor = request.similarTo() == null ? page.next() : null;
        } while (cursor != null);
        return new ArrayList<>(ids);
    }
}
