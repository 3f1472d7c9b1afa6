package com.midicenter.library.search;

import com.midicenter.persistence.search.SearchCriteria.Sort;

/**
 * A search as the user writes it (CLI options, a line of {@code --batch}, the UI's fields). Strings are parsed and
 * checked by {@link SearchService}; a bad value gives a {@link SearchException} with a clear message.
 *
 * @param text       words to find (prefix match, typo tolerant), or {@code null}
 * @param bpm        {@code 120} or {@code 118-126}, or {@code null}
 * @param halfDouble also match half and double the tempo
 * @param key        {@code Am}, {@code F#m}, {@code Eb}, {@code 8A} (Camelot), or {@code null}
 * @param compatible also the harmonically compatible keys (relative, ±1 on the Camelot wheel)
 * @param bars       {@code 4} or {@code 4-8}
 * @param duration   seconds, {@code 0-30}
 * @param state      {@code done} or {@code failed}, or {@code null} for both
 * @param cursor     the {@code next} cursor of the previous page, or {@code null}
 * @param similarTo  a path or content id: files like that one instead of a text search
 */
public record SearchRequest(String text, String bpm, boolean halfDouble, String key, boolean compatible, String meter,
                            String bars, String duration, String instrument, Boolean drums, String tag, String vendor,
                            String pack, boolean favorite, Integer minRating, String state, Sort sort,
                            boolean descending, int limit, String cursor, boolean facets, String similarTo) {

    public static SearchRequest text(String text) {
        return new SearchRequest(text, null, false, null, false, null, null, null, null, null, null, null, null, false,
                null, null, null, false, 50, null, false, null);
    }

    /** The same search from the first page, with {@code limit}, {@code cursor} and {@code facets} as given. */
    public SearchRequest page(int limit, String cursor, boolean facets) {
        return new SearchRequest(text, bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag,
                vendor, pack, favorite, minRating, state, sort, descending, limit, cursor, facets, similarTo);
    }

    /** Files like {@code id} (a path or content id) with the same filters and sort, instead of the text. */
    public SearchRequest similarTo(String id) {
        return new SearchRequest(null, bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag,
                vendor, pack, favorite, minRating, state, sort, descending, limit, null, false, id);
    }
}
