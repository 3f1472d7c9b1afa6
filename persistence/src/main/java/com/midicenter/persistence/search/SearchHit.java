package com.midicenter.persistence.search;

import java.time.OffsetDateTime;
import java.util.List;

/** One result row. {@code sortValue} (as text) and {@code contentId} make the cursor of the next page. */
public record SearchHit(long contentId, String path, String name, String vendor, String pack, Double bpm,
                        Integer keyCode, String meter, Integer bars, Double durationSec, List<String> instruments,
                        boolean hasDrums, boolean favorite, Integer rating, String state, OffsetDateTime addedAt,
                        Double rank, Integer distance, String sortValue) {

    public SearchHit {
        instruments = instruments == null ? List.of() : List.copyOf(instruments);
    }

    /** The same hit with the file's favourite and rating as they are now. */
    public SearchHit withMarks(boolean newFavorite, Integer newRating) {
        return new SearchHit(contentId, path, name, vendor, pack, bpm, keyCode, meter, bars, durationSec, instruments,
                hasDrums, newFavorite, newRating, state, addedAt, rank, distance, sortValue);
    }

    /** This row with the rank, distance and sort value of the search that found it. */
    public SearchHit ranked(Double rank, Integer distance, String sortValue) {
        return new SearchHit(contentId, path, name, vendor, pack, bpm, keyCode, meter, bars, durationSec, instruments,
                hasDrums, favorite, rating, state, addedAt, rank, distance, sortValue);
    }
}
