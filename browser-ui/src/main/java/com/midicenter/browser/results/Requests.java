package com.midicenter.browser.results;

import com.midicenter.library.search.SearchRequest;

/** The {@link SearchRequest}s the browser sends: a first page for the typed text, then the pages after a cursor. */
public final class Requests {

    private Requests() {
    }

    /** The first page of {@code limit} rows for the typed text (blank: the whole library, by name). */
    public static SearchRequest firstPage(String text, int limit) {
        String t = text == null || text.isBlank() ? null : text.strip();
        return new SearchRequest(t, null, false, null, false, null, null, null, null, null, null, null, null, false,
                null, null, null, false, limit, null, false, null);
    }

    /** The same search, the page after {@code cursor} ({@code null}: the first page), without facets. */
    public static SearchRequest page(SearchRequest r, String cursor) {
        return r.page(r.limit(), cursor, false);
    }
}
