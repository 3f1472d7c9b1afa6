package com.midicenter.browser;

import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;

/**
 * What the browser needs from the library: one page of a search. {@code SearchService::search} in the app; a fake in
 * unit tests; later the plugin's connection to the library.
 *
 * <p>[any thread] Called from the browser's executor threads, possibly concurrently; never on the EDT.
 */
@FunctionalInterface
public interface Searcher {

    /**
     * @throws com.midicenter.library.search.SearchException when the request cannot be understood (its message is
     *                                                      shown to the user as it is)
     */
    SearchResult search(SearchRequest request);
}
