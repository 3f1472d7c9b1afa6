package com.midicenter.browser.results;

import com.midicenter.core.music.MusicalKey;

import java.util.List;
import java.util.Locale;

/** How the results table spells values: the way producers read them. All methods take {@code null} for "unknown". */
public final class Cells {

    private Cells() {
    }

    /** {@code keyCode = tonic * 2 + (minor ? 1 : 0)} spelled, e.g. {@code 13} is {@code F#m}; {@code ""} when unknown. */
    public static String key(Integer keyCode) {
        if (keyCode == null || keyCode < 0 || keyCode > 23) {
            return "";
        }
        return new MusicalKey(keyCode / 2, keyCode % 2 == 1).name();
    }

    /** {@code 120}, {@code 92.5}; {@code ""} when unknown. */
    public static String bpm(Double bpm) {
        if (bpm == null || bpm.isNaN()) {
            return "";
        }
        double rounded = Math.round(bpm * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded)
                : String.format(Locale.ROOT, "%.1f", rounded);
    }

    /** Minutes and seconds, {@code 0:08}, {@code 3:41}, {@code 1:02:03}; {@code ""} when unknown. */
    public static String duration(Double durationSec) {
        if (durationSec == null || durationSec.isNaN() || durationSec < 0) {
            return "";
        }
        long s = Math.round(durationSec);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** {@code 4}; {@code ""} when unknown. */
    public static String bars(Integer bars) {
        return bars == null ? "" : Integer.toString(bars);
    }

    /** {@code ★★★} for a rating of 3 (1 to 5); {@code ""} when unrated. */
    public static String rating(Integer rating) {
        return rating == null || rating < 1 ? "" : "★".repeat(Math.min(rating, 5));
    }

    /** {@code bass, keys}. */
    public static String instruments(List<String> instruments) {
        return instruments == null ? "" : String.join(", ", instruments);
    }

    public static String text(String s) {
        return s == null ? "" : s;
    }
}
