package com.midicenter.library.curation;

import com.midicenter.library.search.SearchRequest;
import com.midicenter.persistence.search.SearchCriteria.Sort;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * A search's stored text form, for smart collections and recent searches: one {@code field=value} line per field the
 * search sets (properties syntax, fixed order), e.g. {@code text=deep bass\nbpm=118-126\nfavorite=true}; a search
 * within a manual collection has {@code collection=ID} (its id: a renamed collection is still found). The page
 * ({@code limit}, {@code cursor}, {@code facets}) is not part of it: the same search always has the same text.
 */
public final class SearchText {

    private SearchText() {
    }

    /** [any thread] The text form of {@code r}. */
    public static String format(SearchRequest r) {
        StringBuilder b = new StringBuilder();
        put(b, "text", blankToNull(r.text()));
        put(b, "bpm", r.bpm());
        put(b, "halfDouble", r.halfDouble() ? "true" : null);
        put(b, "key", r.key());
        put(b, "compatible", r.compatible() ? "true" : null);
        put(b, "meter", r.meter());
        put(b, "bars", r.bars());
        put(b, "duration", r.duration());
        put(b, "instrument", r.instrument());
        put(b, "drums", r.drums() == null ? null : r.drums().toString());
        put(b, "tag", r.tag());
        put(b, "vendor", r.vendor());
        put(b, "pack", r.pack());
        put(b, "favorite", r.favorite() ? "true" : null);
        put(b, "minRating", r.minRating() == null ? null : r.minRating().toString());
        put(b, "state", r.state());
        put(b, "sort", r.sort() == null ? null : r.sort().name().toLowerCase(Locale.ROOT));
        put(b, "descending", r.descending() ? "true" : null);
        put(b, "similarTo", r.similarTo());
        put(b, "collection", r.collection() == null ? null : r.collection().toString());
        put(b, "hideDuplicates", r.hideDuplicates() ? "true" : null);
        return b.toString();
    }

    /**
     * [any thread] The search written by {@link #format}, first page of {@code limit} results, no facets.
     *
     * @throws IllegalArgumentException when the text names an unknown field or a bad value
     */
    public static SearchRequest parse(String text, int limit) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text == null ? "" : text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a stored search: " + e.getMessage(), e);
        }
        for (String name : p.stringPropertyNames()) {
            if (!FIELDS.contains("," + name + ",")) {
                throw new IllegalArgumentException("a stored search has no field '" + name + "'; it has" + FIELDS);
            }
        }
        Sort sort = null;
        if (p.getProperty("sort") != null) {
            try {
                sort = Sort.valueOf(p.getProperty("sort").strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sort is one of relevance, name, bpm, key, bars, duration, added,"
                        + " rating, position; not '" + p.getProperty("sort") + "'", e);
            }
        }
        Integer minRating;
        try {
            minRating = p.getProperty("minRating") == null ? null : Integer.valueOf(p.getProperty("minRating").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("minRating is 1 to 5: '" + p.getProperty("minRating") + "'", e);
        }
        Long collection;
        try {
            collection = p.getProperty("collection") == null ? null : Long.valueOf(p.getProperty("collection").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("collection is a collection's id: '" + p.getProperty("collection") + "'",
                    e);
        }
        String drums = p.getProperty("drums");
        return new SearchRequest(p.getProperty("text"), p.getProperty("bpm"), flag(p, "halfDouble"),
                p.getProperty("key"), flag(p, "compatible"), p.getProperty("meter"), p.getProperty("bars"),
                p.getProperty("duration"), p.getProperty("instrument"), drums == null ? null : Boolean.valueOf(drums),
                p.getProperty("tag"), p.getProperty("vendor"), p.getProperty("pack"), flag(p, "favorite"), minRating,
                p.getProperty("state"), sort, flag(p, "descending"), limit, null, false, p.getProperty("similarTo"),
                collection, flag(p, "hideDuplicates"));
    }

    private static final String FIELDS = ",text,bpm,halfDouble,key,compatible,meter,bars,duration,instrument,drums,tag,"
            + "vendor,pack,favorite,minRating,state,sort,descending,similarTo,collection,hideDuplicates,";

    private static boolean flag(Properties p, String name) {
        return Boolean.parseBoolean(p.getProperty(name, "false").strip());
    }

    private static void put(StringBuilder b, String name, String value) {
        if (value == null) {
            return;
        }
        b.append(name).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\f' -> b.append("\\f");
                case ' ' -> b.append(i == 0 ? "\\ " : " ");
                default -> b.append(c);
            }
        }
        b.append('\n');
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
