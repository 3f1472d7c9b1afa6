package com.midicenter.browser.filters;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The range filters as the user types them ({@code 120}, {@code 118-126}, {@code 118–126}) and as
 * {@link com.midicenter.library.search.SearchService} reads them ({@code 118-126}): the same bounds, so a range this
 * accepts is never refused by the search.
 */
public enum RangeSyntax {
    /** Beats per minute, 20 to 400. */
    BPM(20, 400, false),
    /** Whole bars, 0 to 100,000. */
    BARS(0, 100_000, true),
    /** Seconds, 0 to 10,000,000. */
    DURATION(0, 10_000_000, false);

    private static final Pattern DECIMAL = Pattern.compile(
            "\\s*(\\d{1,9}(?:\\.\\d{1,3})?)\\s*(?:[-–—]\\s*(\\d{1,9}(?:\\.\\d{1,3})?)\\s*)?");
    private static final Pattern WHOLE = Pattern.compile("\\s*(\\d{1,9})\\s*(?:[-–—]\\s*(\\d{1,9})\\s*)?");

    private final double min;
    private final double max;
    private final boolean whole;

    RangeSyntax(double min, double max, boolean whole) {
        this.min = min;
        this.max = max;
        this.whole = whole;
    }

    /**
     * The canonical form of {@code text} ({@code 118-126}, {@code 120}, {@code 92.5}; a range of one value is that
     * value), or empty when it is not a number or range within the bounds with the smaller number first. Null or
     * blank text is empty too: the caller tells "no filter" from "bad text" by {@link String#isBlank()}.
     */
    public Optional<String> canonical(String text) {
        if (text == null || text.length() > 40) {
            return Optional.empty();
        }
        Matcher m = (whole ? WHOLE : DECIMAL).matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal lo = new BigDecimal(m.group(1));
        BigDecimal hi = m.group(2) == null ? lo : new BigDecimal(m.group(2));
        if (lo.compareTo(hi) > 0 || lo.doubleValue() < min || hi.doubleValue() > max) {
            return Optional.empty();
        }
        String l = plain(lo);
        String h = plain(hi);
        return Optional.of(l.equals(h) ? l : l + "-" + h);
    }

    /** Whether {@code text} is a valid range (blank is not). */
    public boolean accepts(String text) {
        return canonical(text).isPresent();
    }

    /** A canonical range for people: {@code 118–126} (en dash). */
    static String display(String canonical) {
        return canonical.replace('-', '–');
    }

    /** Whether a canonical range is a single value. */
    static boolean single(String canonical) {
        return canonical.indexOf('-') < 0;
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }
}
