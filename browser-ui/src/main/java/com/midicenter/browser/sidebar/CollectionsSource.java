package com.midicenter.browser.sidebar;

import com.midicenter.library.curation.CollectionService;
import com.midicenter.library.curation.SearchText;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.persistence.curation.CollectionRow;
import com.midicenter.persistence.curation.RecentSearchRow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What the library sidebar needs from the library: the collections, the recent searches, and adding files to a manual
 * collection. {@link #of(CollectionService)} in the app; a fake in unit tests.
 *
 * <p>[any thread] Called from the panel's executor threads, never on the EDT. A {@link RuntimeException}'s message is
 * shown to the user as it is.
 */
public interface CollectionsSource {

    /** Rows of a stored search asked for when it is run from the sidebar. */
    int SEARCH_LIMIT = 50;

    /**
     * One collection.
     *
     * @param items  files in a manual collection (0 for a smart one)
     * @param search the smart collection's search, or {@code null} for a manual one (or a stored search this version
     *               cannot read)
     */
    record Entry(String name, boolean smart, long items, SearchRequest search) {
        public Entry {
            Objects.requireNonNull(name, "name");
        }
    }

    /** All collections, by name. */
    List<Entry> collections();

    /** Recent searches, newest first. */
    List<SearchRequest> recentSearches();

    /** Appends the files to the manual collection; returns how many were not in it yet. */
    int add(String collection, Collection<Long> contentIds);

    /** The library's collection service as a source; stored searches this version cannot read are left out. */
    static CollectionsSource of(CollectionService service) {
        Objects.requireNonNull(service, "service");
        return new CollectionsSource() {
            @Override
            public List<Entry> collections() {
                List<Entry> out = new ArrayList<>();
                for (CollectionRow c : service.list()) {
                    boolean smart = "smart".equals(c.kind());
                    out.add(new Entry(c.name(), smart, c.items(), smart ? parseOrNull(c.query()) : null));
                }
                return out;
            }

            @Override
            public List<SearchRequest> recentSearches() {
                List<SearchRequest> out = new ArrayList<>();
                for (RecentSearchRow r : service.recentSearches()) {
                    SearchRequest s = parseOrNull(r.query());
                    if (s != null) {
                        out.add(s);
                    }
                }
                return out;
            }

            @Override
            public int add(String collection, Collection<Long> contentIds) {
                return service.add(collection, contentIds);
            }
        };
    }

    private static SearchRequest parseOrNull(String text) {
        try {
            return SearchText.parse(text, SEARCH_LIMIT);
        } catch (IllegalArgumentException e) {
            return null; // written by another version: not offered
        }
    }
}
