package com.midicenter.browser.filters;

import java.util.Locale;

/**
 * One item of a filter combo: a filter value and how many results of the current search have it, shown as
 * {@code Am (12,408)}; the "any" item has no value and shows only its label.
 *
 * @param value what the filter is set to ({@code Am}, {@code bass}); {@code null} for "any"
 * @param label what the user reads ({@code Am}, {@code house · genre})
 * @param count results with the value, or -1 for the "any" item
 */
public record FacetItem(String value, String label, long count) {

    /** The "any" item, e.g. {@code Any key}. */
    public static FacetItem any(String label) {
        return new FacetItem(null, label, -1);
    }

    public boolean isAny() {
        return value == null;
    }

    /** {@code Am (12,408)}; the "any" item's label alone. */
    @Override
    public String toString() {
        return count < 0 ? label : String.format(Locale.ROOT, "%s (%,d)", label, count);
    }
}
