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
 * What the library sidebar needs from the library: the collections (list, create, rename, delete, save a search),
 * the files of manual ones (add, remove, move), and the recent searches (list, record).
 * {@link #of(CollectionService)} in the app; a fake in unit tests.
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
     * @param id     a manual collection's id (what a search within it names: {@link SearchRequest#inCollection}),
     *               or {@code null}
     */
    record Entry(String name, boolean smart, long items, SearchRequest search, Long id) {
        public Entry {
            Objects.requireNonNull(name, "name");
        }

        /** Without an id (it cannot be opened). */
        public Entry(String name, boolean smart, long items, SearchRequest search) {
            this(name, smart, items, search, null);
        }
    }

    /** All collections, by name. */
    List<Entry> collections();

    /** Recent searches, newest first. */
    List<SearchRequest> recentSearches();

    /** Appends the files to the manual collection; returns how many were not in it yet. */
    int add(String collection, Collection<Long> contentIds);

    /** Creates an empty manual collection (a name taken is an {@link IllegalArgumentException} saying so). */
    void create(String name);

    /** Stores {@code request} as a smart collection (its page is not kept). */
    void saveSearch(String name, SearchRequest request);

    /** Renames a manual or smart collection. */
    void rename(String from, String to);

    /** Deletes the collection (never its files). */
    void delete(String name);

    /** Takes the files out of the manual collection; returns how many were in it. */
    int remove(String collection, Collection<Long> contentIds);

    /** Moves the file to {@code position} (1-based; past the end: last) in the manual collection. */
    void move(String collection, long contentId, int position);

    /**
     * Moves the files as a block, in their order in the collection, to just before {@code beforeId} ({@code null}:
     * the end) in the manual collection; returns how many moved.
     */
    int moveBefore(String collection, Collection<Long> contentIds, Long beforeId);

    /** Remembers the search as the newest recent one (the store the CLI's {@code search} writes too). */
    void recordSearch(SearchRequest request);

    /** The library's collection service as a source; stored searches this version cannot read are left out. */
    static CollectionsSource of(CollectionService service) {
        Objects.requireNonNull(service, "service");
        return new CollectionsSource() {
            @Override
            public List<Entry> collections() {
                List<Entry> out = new ArrayList<>();
                for (CollectionRow c : service.list()) {
                    boolean smart = "smart".equals(c.kind());
                    out.add(new Entry(c.name(), smart, c.items(), smart ? parseOrNull(c.query()) : null,
                            smart ? null : c.id()));
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

            @Override
            public void create(String name) {
                service.create(name);
            }

            @Override
            public void saveSearch(String name, SearchRequest request) {
                service.saveSearch(name, request);
            }

            @Override
            public void rename(String from, String to) {
                service.rename(from, to);
            }

            @Override
            public void delete(String name) {
                service.delete(name);
            }

            @Override
            public int remove(String collection, Collection<Long> contentIds) {
                return service.remove(collection, contentIds);
            }

            @Override
            public void move(String collection, long contentId, int position) {
                service.move(collection, contentId, position);
            }

            @Override
            public int moveBefore(String collection, Collection<Long> contentIds, Long beforeId) {
                return service.moveBefore(collection, contentIds, beforeId);
            }

            @Override
            public void recordSearch(SearchRequest request) {
                service.recordSearch(request);
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
