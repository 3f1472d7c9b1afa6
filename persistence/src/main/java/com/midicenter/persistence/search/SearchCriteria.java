package com.midicenter.persistence.search;

import java.util.List;
import java.util.Objects;

/**
 * One search, as SQL sees it. Every value is bound as a parameter; {@code tsquery} is built from word characters
 * only ({@code bass:* & 808:*}), never from raw user text.
 *
 * @param tsquery    full-text query in {@code to_tsquery('simple', ...)} syntax, or {@code null}
 * @param fuzzy      lower-cased text for trigram matching of names (typos), or {@code null}
 * @param bpmRanges  allowed BPM ranges (several for half/double time); empty: any
 * @param keyCodes   allowed keys (tonic * 2 + 1 for minor); empty: any
 * @param sort       what to order by
 * @param descending order direction (relevance is always best first)
 * @param afterValue keyset cursor: the sort value of the last row of the previous page (as text), or {@code null}
 * @param afterId    keyset cursor: its content id
 * @param collectionId   only the contents of this (manual) collection, or {@code null}
 * @param hideDuplicates leave out the contents {@code musical_duplicate} holds for another keeper
 */
public record SearchCriteria(String tsquery, String fuzzy, List<BpmRange> bpmRanges, List<Integer> keyCodes, String meter,
                             Integer barsMin, Integer barsMax, Double durationMin, Double durationMax,
                             String instrument, Boolean drums, String tag, String vendor, String pack,
                             boolean favorite, Integer minRating, String state, Sort sort, boolean descending,
                             int limit, String afterValue, Long afterId, Long collectionId,
                             boolean hideDuplicates) {

    /**
     * Sort orders; each has an index or a filter that keeps it cheap. {@code POSITION} is a manual collection's own
     * order and needs {@code collectionId}.
     */
    public enum Sort { RELEVANCE, NAME, BPM, KEY, BARS, DURATION, ADDED, RATING, POSITION }

    /** Inclusive BPM range. */
    public record BpmRange(double lo, double hi) {
    }

    public SearchCriteria {
        Objects.requireNonNull(sort, "sort");
        bpmRanges = List.copyOf(bpmRanges);
        keyCodes = List.copyOf(keyCodes);
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("bpmRanges=" + bpmRanges + " limit=" + limit);
        }
        if (sort == Sort.POSITION && collectionId == null) {
            throw new IllegalArgumentException("sort=POSITION needs a collection: collectionId=null");
        }
    }

    /** A search of the whole library, duplicates shown. */
    public SearchCriteria(String tsquery, String fuzzy, List<BpmRange> bpmRanges, List<Integer> keyCodes, String meter,
                          Integer barsMin, Integer barsMax, Double durationMin, Double durationMax,
                          String instrument, Boolean drums, String tag, String vendor, String pack,
                          boolean favorite, Integer minRating, String state, Sort sort, boolean descending,
                          int limit, String afterValue, Long afterId) {
        this(tsquery, fuzzy, bpmRanges, keyCodes, meter, barsMin, barsMax, durationMin, durationMax, instrument, drums,
                tag, vendor, pack, favorite, minRating, state, sort, descending, limit, afterValue, afterId, null,
                false);
    }

    /**
     * The lowest value of the sort key the filters allow, or {@code null}: with a tempo, bars or duration filter and
     * the same sort, {@code sortExpression() >= sortLow()} (implied by the filter, since a filtered row has a value)
     * bounds the walk of the sort's index. Without it the planner walks that index from its start and filters: a
     * tempo range sorted by tempo read half of a million-file library (1.7 s) before its first row.
     */
    public Number sortLow() {
        return switch (sort) {
            case BPM -> hasBpm() ? (Number) bpmRanges.stream().mapToDouble(BpmRange::lo).min().orElseThrow() : null;
            case BARS -> barsMin; // an integer, compared as the integer index is
            case DURATION -> durationMin;
            default -> null;
        };
    }

    /** The highest value of the sort key the filters allow, or {@code null} (see {@link #sortLow()}). */
    public Number sortHigh() {
        return switch (sort) {
            case BPM -> hasBpm() ? (Number) bpmRanges.stream().mapToDouble(BpmRange::hi).max().orElseThrow() : null;
            case BARS -> barsMax;
            case DURATION -> durationMax;
            default -> null;
        };
    }

    /** Ordered as the collection is: joins its items ({@code i}). */
    public boolean byPosition() {
        return sort == Sort.POSITION;
    }

    /**
     * The SQL expression of the sort key (fixed strings chosen here, never user text). Each is indexed with
     * {@code content_id} exactly as written here (V5 name and added, V7 the others): change one, change its index.
     */
    public String sortExpression() {
        return switch (sort) {
            case RELEVANCE, NAME -> "lower(d.name)"; // relevance without text: by name
            case BPM -> "coalesce(d.bpm, 100000)";
            case KEY -> "coalesce(d.key_code, 100)";
            case BARS -> "coalesce(d.bars, 1000000)";
            case DURATION -> "coalesce(d.duration_sec, 1000000)";
            case ADDED -> "d.added_at";
            case RATING -> "coalesce(d.rating, 0)";
            case POSITION -> "i.position"; // collection_item's (collection_id, position) index
        };
    }

    /**
     * The SQL type the cursor value is cast to: the type of {@link #sortExpression()} itself. Tempo and duration are
     * {@code real} columns; compared with a {@code double precision} cursor they are widened (7.742 becomes
     * 7.7420001...), so the keyset condition would repeat or skip the rows of the page boundary's value.
     */
    public String sortType() {
        return switch (sort) {
            case RELEVANCE, NAME -> "text";
            case ADDED -> "timestamptz";
            case KEY, BARS, RATING, POSITION -> "integer";
            case BPM, DURATION -> "real";
        };
    }

    /** Relevance is best first; the others follow {@code descending}. */
    public boolean backwards() {
        return relevance() || descending;
    }

    /** Ordered by relevance: needs a text query. */
    public boolean relevance() {
        return sort == Sort.RELEVANCE && tsquery != null;
    }

    public boolean hasBpm() {
        return !bpmRanges.isEmpty();
    }

    public boolean hasKeys() {
        return !keyCodes.isEmpty();
    }
}
