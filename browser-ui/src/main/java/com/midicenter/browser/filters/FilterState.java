package com.midicenter.browser.filters;

import com.midicenter.core.music.MusicalKey;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.persistence.search.SearchCriteria.Sort;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every filter of a search except its text (SPEC §2), as one immutable value: what the filter panel shows, what the
 * chips above the results list, and what a search request is built from.
 *
 * <p>Values are normalised on the way in (stripped, blank is "no filter", ranges in {@link RangeSyntax}'s canonical
 * form, keys spelled {@code Am}/{@code F#m}/{@code Eb}, instruments lower case, control characters dropped, free text
 * at most {@value #MAX_TEXT} characters); a value the search would refuse is refused here with an
 * {@link IllegalArgumentException} naming it. So two states that filter alike are {@code equals}.
 *
 * <p>{@code halfDouble} and {@code compatible} are options of the tempo and key filters: kept (the check boxes keep
 * their state) but not sent and not "active" without a tempo or key.
 *
 * <p>{@link #format()} and {@link #parse(String)} give a stable text form to remember the last search between runs.
 *
 * @param bpm        {@code 120} or {@code 118-126}, or {@code null}
 * @param halfDouble also half and double the tempo
 * @param key        {@code Am}, {@code Eb}, or {@code null}
 * @param compatible also the harmonically compatible keys
 * @param meter      {@code 6/8}, or {@code null}
 * @param bars       {@code 4} or {@code 4-8}, or {@code null}
 * @param duration   seconds, {@code 0-30}, or {@code null}
 * @param instrument GM family or category, lower case, or {@code null}
 * @param drums      {@code true} with drums, {@code false} without, {@code null} either
 * @param tag        a tag name, or {@code null}
 * @param vendor     a vendor, or {@code null}
 * @param pack       a pack, or {@code null}
 * @param favorite   favourites only
 * @param minRating  1 to 5, or {@code null}
 * @param state      {@code done} (analysed) or {@code failed}, or {@code null} for both
 */
public record FilterState(String bpm, boolean halfDouble, String key, boolean compatible, String meter, String bars,
                          String duration, String instrument, Boolean drums, String tag, String vendor, String pack,
                          boolean favorite, Integer minRating, String state) {

    /** No filter at all. */
    public static final FilterState NONE = new FilterState(null, false, null, false, null, null, null, null, null,
            null, null, null, false, null, null);

    /** Characters kept of a free-text filter (instrument, tag, vendor, pack). */
    public static final int MAX_TEXT = 200;

    private static final Pattern METER = Pattern.compile("\\d{1,2}/\\d{1,2}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    public FilterState {
        bpm = range(RangeSyntax.BPM, bpm, "bpm");
        key = key(key);
        meter = blankToNull(meter);
        if (meter != null && !METER.matcher(meter).matches()) {
            throw new IllegalArgumentException("meter is like 4/4 or 6/8, not '" + meter + "'");
        }
        bars = range(RangeSyntax.BARS, bars, "bars");
        duration = range(RangeSyntax.DURATION, duration, "duration");
        instrument = text(instrument);
        instrument = instrument == null ? null : instrument.toLowerCase(Locale.ROOT);
        tag = text(tag);
        vendor = text(vendor);
        pack = text(pack);
        if (minRating != null && (minRating < 1 || minRating > 5)) {
            throw new IllegalArgumentException("minRating is 1 to 5, not " + minRating);
        }
        state = blankToNull(state);
        if (state != null && !state.equals("done") && !state.equals("failed")) {
            throw new IllegalArgumentException("state is 'done' or 'failed', not '" + state + "'");
        }
    }

    /**
     * The filters of {@code request} (a stored search run again); its text, sort and page apart.
     *
     * @throws IllegalArgumentException when a value is one this panel refuses
     */
    public static FilterState of(SearchRequest request) {
        return new FilterState(request.bpm(), request.halfDouble(), request.key(), request.compatible(),
                request.meter(), request.bars(), request.duration(), request.instrument(), request.drums(),
                request.tag(), request.vendor(), request.pack(), request.favorite(), request.minRating(),
                request.state());
    }

    // ---- changing one filter -------------------------------------------------------------------------------------

    /** @param range {@code 120}, {@code 118-126}, {@code 118–126}; null or blank: no tempo filter */
    public FilterState withBpm(String range) {
        return new FilterState(range, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag,
                vendor, pack, favorite, minRating, state);
    }

    public FilterState withHalfDouble(boolean on) {
        return new FilterState(bpm, on, key, compatible, meter, bars, duration, instrument, drums, tag, vendor, pack,
                favorite, minRating, state);
    }

    /** @param key {@code Am}, {@code F#m}, {@code Eb}, {@code 8A}; null or blank: any key */
    public FilterState withKey(String key) {
        return new FilterState(bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag, vendor,
                pack, favorite, minRating, state);
    }

    public FilterState withCompatible(boolean on) {
        return new FilterState(bpm, halfDouble, key, on, meter, bars, duration, instrument, drums, tag, vendor, pack,
                favorite, minRating, state);
    }

    public FilterState withMeter(String meter) {
        return new FilterState(bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag, vendor,
                pack, favorite, minRating, state);
    }

    public FilterState withBars(String range) {
        return new FilterState(bpm, halfDouble, key, compatible, meter, range, duration, instrument, drums, tag,
                vendor, pack, favorite, minRating, state);
    }

    /** @param range seconds, {@code 0-30} */
    public FilterState withDuration(String range) {
        return new FilterState(bpm, halfDouble, key, compatible, meter, bars, range, instrument, drums, tag, vendor,
                pack, favorite, minRating, state);
    }

    public FilterState withInstrument(String instrument) {
        return new FilterState(bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag, vendor,
                pack, favorite, minRating, state);
    }

    /** @param drums {@code true} with drums, {@code false} without, {@code null} either */
    public FilterState withDrums(Boolean drums) {
        return new FilterState(bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag, vendor,
                pack, favorite, minRating, state);
    }

    public FilterState withTag(String tag) {
        return new FilterState(bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag, vendor,
                pack, favorite, minRating, state);
    }

    public FilterState withVendor(String vendor) {
        return new FilterState(bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag, vendor,
                pack, favorite, minRating, state);
    }

    public FilterState withPack(String pack) {
        return new FilterState(bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag, vendor,
                pack, favorite, minRating, state);
    }

    public FilterState withFavorite(boolean only) {
        return new FilterState(bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag, vendor,
                pack, only, minRating, state);
    }

    /** @param minRating 1 to 5, or {@code null} for any */
    public FilterState withMinRating(Integer minRating) {
        return new FilterState(bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag, vendor,
                pack, favorite, minRating, state);
    }

    /** @param state {@code done}, {@code failed}, or {@code null} for both */
    public FilterState withState(String state) {
        return new FilterState(bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums, tag, vendor,
                pack, favorite, minRating, state);
    }

    /** This state without {@code filter} (the half/double and compatible options stay as they are). */
    public FilterState without(Filter filter) {
        return switch (filter) {
            case BPM -> withBpm(null);
            case KEY -> withKey(null);
            case METER -> withMeter(null);
            case BARS -> withBars(null);
            case DURATION -> withDuration(null);
            case INSTRUMENT -> withInstrument(null);
            case DRUMS -> withDrums(null);
            case TAG -> withTag(null);
            case VENDOR -> withVendor(null);
            case PACK -> withPack(null);
            case FAVORITE -> withFavorite(false);
            case RATING -> withMinRating(null);
            case STATE -> withState(null);
        };
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** Whether {@code filter} narrows the search. */
    public boolean isActive(Filter filter) {
        return switch (filter) {
            case BPM -> bpm != null;
            case KEY -> key != null;
            case METER -> meter != null;
            case BARS -> bars != null;
            case DURATION -> duration != null;
            case INSTRUMENT -> instrument != null;
            case DRUMS -> drums != null;
            case TAG -> tag != null;
            case VENDOR -> vendor != null;
            case PACK -> pack != null;
            case FAVORITE -> favorite;
            case RATING -> minRating != null;
            case STATE -> state != null;
        };
    }

    /** No filter narrows the search (the options without their filter do not count). */
    public boolean isEmpty() {
        return chips().isEmpty();
    }

    /** One chip per active filter, in {@link Filter} order. */
    public List<Chip> chips() {
        List<Chip> chips = new ArrayList<>();
        for (Filter f : Filter.values()) {
            if (isActive(f)) {
                chips.add(new Chip(f, label(f)));
            }
        }
        return chips;
    }

    private String label(Filter f) {
        return switch (f) {
            case BPM -> RangeSyntax.display(bpm) + " BPM" + (halfDouble ? " (½×, 2×)" : "");
            case KEY -> key + (compatible ? " + compatible" : "");
            case METER -> meter;
            case BARS -> RangeSyntax.display(bars) + (bars.equals("1") ? " bar" : " bars");
            case DURATION -> RangeSyntax.display(duration) + " s";
            case INSTRUMENT -> "Instrument: " + instrument;
            case DRUMS -> drums ? "Drums" : "No drums";
            case TAG -> "Tag: " + tag;
            case VENDOR -> "Vendor: " + vendor;
            case PACK -> "Pack: " + pack;
            case FAVORITE -> "Favourites";
            case RATING -> minRating == 5 ? "★ 5" : "★ " + minRating + "+";
            case STATE -> state.equals("done") ? "Analysed" : "Failed analysis";
        };
    }

    /**
     * The first page of a search for {@code text} (null or blank: everything) with these filters.
     *
     * @param sort       null: relevance with text, name without
     * @param descending ignored by relevance (best first)
     * @param limit      rows of the page, 1 to 1000
     * @param facets     also count the values of the matches (key, tempo, meter, instrument, vendor, tag)
     */
    public SearchRequest toRequest(String text, Sort sort, boolean descending, int limit, boolean facets) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit=" + limit);
        }
        String t = text == null || text.isBlank() ? null : text.strip();
        return new SearchRequest(t, bpm, bpm != null && halfDouble, key, key != null && compatible, meter, bars,
                duration, instrument, drums, tag, vendor, pack, favorite, minRating, state, sort, descending, limit,
                null, facets, null);
    }

    // ---- text form -----------------------------------------------------------------------------------------------

    /**
     * A stable text form, e.g. {@code bpm=118-126&half=1&key=Am&vendor=Loop%20Masters}: {@code name=value} pairs in
     * {@link Filter} order, values URL-encoded (UTF-8), only what differs from {@link #NONE}; {@code ""} for none.
     */
    public String format() {
        List<String> parts = new ArrayList<>();
        add(parts, Filter.BPM.id(), bpm);
        add(parts, "half", halfDouble ? "1" : null);
        add(parts, Filter.KEY.id(), key);
        add(parts, "compatible", compatible ? "1" : null);
        add(parts, Filter.METER.id(), meter);
        add(parts, Filter.BARS.id(), bars);
        add(parts, Filter.DURATION.id(), duration);
        add(parts, Filter.INSTRUMENT.id(), instrument);
        add(parts, Filter.DRUMS.id(), drums == null ? null : drums ? "yes" : "no");
        add(parts, Filter.TAG.id(), tag);
        add(parts, Filter.VENDOR.id(), vendor);
        add(parts, Filter.PACK.id(), pack);
        add(parts, Filter.FAVORITE.id(), favorite ? "1" : null);
        add(parts, Filter.RATING.id(), minRating == null ? null : minRating.toString());
        add(parts, Filter.STATE.id(), state);
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /**
     * The state {@link #format()} wrote; a part that is unknown, malformed or holds a value this version refuses is
     * left out (the rest still applies), so a damaged or newer text never fails. Null gives {@link #NONE}.
     */
    public static FilterState parse(String text) {
        FilterState s = NONE;
        if (text == null) {
            return s;
        }
        for (String part : text.split("&", 64)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = part.substring(0, eq);
            String value;
            try {
                value = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                continue; // a broken %-escape
            }
            try {
                s = with(s, name, value).orElse(s);
            } catch (IllegalArgumentException e) {
                // a value this version refuses: that filter is left out
            }
        }
        return s;
    }

    private static Optional<FilterState> with(FilterState s, String name, String v) {
        return Optional.ofNullable(switch (name) {
            case "bpm" -> s.withBpm(v);
            case "half" -> s.withHalfDouble(v.equals("1"));
            case "key" -> s.withKey(v);
            case "compatible" -> s.withCompatible(v.equals("1"));
            case "meter" -> s.withMeter(v);
            case "bars" -> s.withBars(v);
            case "duration" -> s.withDuration(v);
            case "instrument" -> s.withInstrument(v);
            case "drums" -> v.equals("yes") ? s.withDrums(true) : v.equals("no") ? s.withDrums(false) : null;
            case "tag" -> s.withTag(v);
            case "vendor" -> s.withVendor(v);
            case "pack" -> s.withPack(v);
            case "favorite" -> s.withFavorite(v.equals("1"));
            case "rating" -> v.matches("[1-5]") ? s.withMinRating(Integer.parseInt(v)) : null;
            case "state" -> s.withState(v);
            default -> null;
        });
    }

    // ---- normalising ---------------------------------------------------------------------------------------------

    private static String range(RangeSyntax syntax, String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return syntax.canonical(text).orElseThrow(() -> new IllegalArgumentException(
                name + " takes a number or a range like 118-126 within bounds, not '" + text + "'"));
    }

    private static String key(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > 20) {
            throw new IllegalArgumentException("key is like Am, F#m, Eb or 8A, not '" + text + "'");
        }
        return MusicalKey.parse(text).map(MusicalKey::name).orElseThrow(
                () -> new IllegalArgumentException("key is like Am, F#m, Eb or 8A, not '" + text + "'"));
    }

    private static String text(String s) {
        if (s == null) {
            return null;
        }
        // through UTF-8 and back: a lone surrogate becomes '?' here, not in the stored text form
        String t = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        t = CONTROL.matcher(t).replaceAll("").strip();
        if (t.length() > MAX_TEXT) {
            int end = Character.isHighSurrogate(t.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
            t = t.substring(0, end).strip();
        }
        return t.isEmpty() ? null : t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
