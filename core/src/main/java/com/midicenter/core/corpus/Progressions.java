package com.midicenter.core.corpus;

import com.midicenter.core.corpus.Chord.Quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Four-chord progressions in Roman numerals, all starting on the tonic chord so the key is unambiguous.
 *
 * <p>Token syntax: numeral {@code I..VII} (upper case major, lower case minor triad) on the degree of the
 * key's natural scale (so {@code V} in minor is the harmonic-minor dominant), then an optional suffix
 * {@code o} (diminished), {@code 7} (dominant 7th after an upper-case numeral, minor 7th after a lower-case
 * one), {@code maj7}, {@code m7b5}, {@code sus2}, {@code sus4}, then an optional inversion {@code /3} or
 * {@code /5}.
 */
final class Progressions {

    private static final String[] MAJOR_TRIADS = {
        "I V vi IV", "I IV V IV", "I vi IV V", "I IV vi V", "I iii IV V", "I V IV V", "I ii IV V", "I IV I V",
        "I vi ii V", "I V/3 vi IV", "I IV/3 V I", "Isus4 I IV V", "I Vsus4 vi IV", "I ii/3 V I", "Isus2 IV vi V",
        "I V vi iii", "I IV/5 I V",
    };
    private static final String[] MAJOR_SEVENTHS = {
        "Imaj7 vi7 ii7 V7", "Imaj7 IVmaj7 ii7 V7", "Imaj7 iii7 vi7 V7", "Imaj7 ii7 V7 Imaj7", "Imaj7 IVmaj7 iii7 vi7",
        "Imaj7 ii7 iii7 IVmaj7", "Imaj7 IVmaj7 Imaj7 V7", "Imaj7 vi7 ii7 Vsus4",
    };
    private static final String[] MINOR_TRIADS = {
        "i VI III VII", "i iv VII III", "i VII VI VII", "i iv v i", "i VI iv V", "i iv VI V", "i VI VII i",
        "i iv i V", "isus4 i VI VII", "i VI/3 III VII", "i VII/3 VI V", "i iio V i", "i III VII iv", "isus2 VI III VII",
    };
    private static final String[] MINOR_SEVENTHS = {
        "i7 iv7 VII7 IIImaj7", "i7 VImaj7 iv7 V7", "i7 iv7 v7 i7", "i7 iim7b5 V7 i7", "i7 VImaj7 IIImaj7 VII7",
        "i7 iv7 i7 V7", "i7 v7 VImaj7 iv7",
    };

    private Progressions() {
    }

    /**
     * One chord per bar for {@code bars} bars: a four-chord progression from the table for the key's mode,
     * cut to 1 or 2 bars or repeated (sometimes with a second progression in the last four bars).
     */
    static List<Chord> perBar(MusicKey key, boolean sevenths, int bars, SplittableRandom r) {
        String[] table = key.minor() ? (sevenths ? MINOR_SEVENTHS : MINOR_TRIADS)
                : (sevenths ? MAJOR_SEVENTHS : MAJOR_TRIADS);
        List<Chord> a = parse(key, table[r.nextInt(table.length)]);
        List<Chord> b = r.nextInt(10) < 3 ? parse(key, table[r.nextInt(table.length)]) : a;
        List<Chord> out = new ArrayList<>(bars);
        for (int bar = 0; bar < bars; bar++) {
            boolean lastPhrase = bars >= 8 && bar >= bars - 4;
            out.add((lastPhrase ? b : a).get(bar % 4));
        }
        return out;
    }

    /** Parsed progressions, by key number (0..23) and progression text; filled lazily, racy but idempotent. */
    private static final List<Map<String, List<Chord>>> PARSED = IntStream.range(0, 24)
            .<Map<String, List<Chord>>>mapToObj(k -> new ConcurrentHashMap<>()).toList();

    static List<Chord> parse(MusicKey key, String progression) {
        return PARSED.get(key.tonic() + (key.minor() ? 12 : 0)).computeIfAbsent(progression, p -> parseUncached(key, p));
    }

    private static List<Chord> parseUncached(MusicKey key, String progression) {
        String[] tokens = progression.split(" ");
        List<Chord> chords = new ArrayList<>(tokens.length);
        for (String t : tokens) {
            chords.add(chord(key, t));
        }
        return List.copyOf(chords);
    }

    static Chord chord(MusicKey key, String token) {
        int inversion = 0;
        String t = token;
        if (t.endsWith("/3") || t.endsWith("/5")) {
            inversion = t.endsWith("/3") ? 1 : 2;
            t = t.substring(0, t.length() - 2);
        }
        int n = 0;
        while (n < t.length() && "IViv".indexOf(t.charAt(n)) >= 0) {
            n++;
        }
        String numeral = t.substring(0, n);
        String suffix = t.substring(n);
        boolean upper = Character.isUpperCase(numeral.charAt(0));
        int degree = switch (numeral.toUpperCase(java.util.Locale.ROOT)) {
            case "I" -> 0;
            case "II" -> 1;
            case "III" -> 2;
            case "IV" -> 3;
            case "V" -> 4;
            case "VI" -> 5;
            case "VII" -> 6;
            default -> throw new IllegalArgumentException("numeral " + token);
        };
        Quality quality = switch (suffix) {
            case "" -> upper ? Quality.MAJOR : Quality.MINOR;
            case "o" -> Quality.DIMINISHED;
            case "7" -> upper ? Quality.DOMINANT7 : Quality.MINOR7;
            case "maj7" -> Quality.MAJOR7;
            case "m7b5" -> Quality.HALF_DIMINISHED7;
            case "sus2" -> Quality.SUS2;
            case "sus4" -> Quality.SUS4;
            default -> throw new IllegalArgumentException("suffix " + token);
        };
        return new Chord(key.degree(degree), quality, inversion);
    }

    /** Every progression of every table, for tests. */
    static List<String> all() {
        List<String> all = new ArrayList<>();
        for (String[] table : new String[][] {MAJOR_TRIADS, MAJOR_SEVENTHS, MINOR_TRIADS, MINOR_SEVENTHS}) {
            all.addAll(List.of(table));
        }
        return all;
    }

    /** True when {@code progression} belongs to a minor table. */
    static boolean isMinor(String progression) {
        return List.of(MINOR_TRIADS).contains(progression) || List.of(MINOR_SEVENTHS).contains(progression);
    }
}
