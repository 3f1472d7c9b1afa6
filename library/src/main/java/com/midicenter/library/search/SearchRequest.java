package com.midicenter.library.search;

import com.midicenter.persistence.search.SearchCriteria.Sort;

/**
 * A search as the user writes it (CLI options, a line of {@code --batch}, the UI's fields). Strings are parsed and
 * checked by {@link SearchService}; a bad value gives a {@link SearchException} with a clear message.
 *
 * @param text           words to find (prefix match, typo tolerant), or {@code null}
 * @param bpm            {@code 120} or {@code 118-126}, or {@code null}
 * @param halfDouble     also match half and double the tempo
 * @param key            {@code Am}, {@code F#m}, {@code Eb}, {@code 8A} (Camelot), or {@code null}
 * @param compatible     also the harmonically compatible keys (relative, ±1 on the Camelot wheel)
 * @param bars           {@code 4} or {@code 4-8}
 * @param duration       seconds, {@code 0-30}
 * @param state          {@code done} or {@code failed}, or {@code null} for both
 * @param sort           the order, or {@code null}: relevance with words; else the collection's order
 *                       ({@link Sort#POSITION}) with a {@code collection}; else name
 * @param cursor         the {@code next} cursor of the previous page, or {@code null}
 * @param similarTo      a path or content id: files like that one instead of a text search
 * @param collection     only the files of this manual collection (its id), or {@code null}; {@link Sort#POSITION}
 *                       (and relevance without words) orders them as the collection does
 * @param hideDuplicates leave out the files the musical duplicate scan found to play the same notes as an older one
 *                       (each group's keeper stays)
 */
public record SearchRequest(String text, String bpm, boolean halfDouble, String key, boolean compatible, String meter,
                            String bars, String duration, String instrument, Boolean drums, String tag, String vendor,
                            String pack, boolean favorite, Integer minRating, String state, Sort sort,
                            boolean descending, int limit, String cursor, boolean facets, String similarTo,
                            Long collection, boolean hideDuplicates) {

    /** A search of the whole library (no collection, duplicates shown): the form before collections. */
    public SearchRequest(String text, String bpm, boolean halfDouble, String key, boolean compatible, String meter,
                         String bars, String duration, String instrument, Boolean drums, String tag, String vendor,
                         String pack, boolean favorite, Integer minRating, String state, Sort sort,
                         boolean descending, int limit, String cursor, boolean facets, String similarTo) {
        this(text, bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag, vendor, pack,
                favorite, minRating, state, sort, descending, limit, cursor, facets, similarTo, null, false);
    }

    public static SearchRequest text(String text) {
        return new SearchRequest(text, null, false, null, false, null, null, null, null, null, null, null, null, false,
                null, null, null, false, 50, null, false, null, null, false);
    }

    /** The same search from the first page, with {@code limit}, {@code cursor} and {@code facets} as given. */
    public SearchRequest page(int limit, String cursor, boolean facets) {
        return new SearchRequest(text, bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag,
                vendor, pack, favorite, minRating, state, sort, descending, limit, cursor, facets, similarTo,
                collection, hideDuplicates);
    }

    /** Files like {@code id} (a path or content id) with the same filters and sort, instead of the text. */
    public SearchRequest similarTo(String id) {
        return new SearchRequest(null, bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag,
                vendor, pack, favorite, minRating, state, sort, descending, limit, null, false, id, collection,
                hideDuplicates);
    }

    /** The same search within the manual collection {@code collectionId} ({@code null}: the whole library), page 1. */
    public SearchRequest inCollection(Long collectionId) {
        return new SearchRequest(text, bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag,
                vendor, pack, favorite, minRating, state, sort, descending, limit, null, facets, similarTo,
                collectionId, hideDuplicates);
    }

    /** The same search with musical duplicates hidden or shown, from the first page. */
    public SearchRequest hidingDuplicates(boolean hide) {
        return new SearchRequest(text, bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag,
                vendor, pack, favorite, minRating, state, sort, descending, limit, null, facets, similarTo, collection,
                hide);
    }

    /** The same search in another order, from the first page. */
    public SearchRequest sorted(Sort sort, boolean descending) {
        return new SearchRequest(text, bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag,
                vendor, pack, favorite, minRating, state, sort, descending, limit, null, facets, similarTo, collection,
                hideDuplicates);
    }
}
