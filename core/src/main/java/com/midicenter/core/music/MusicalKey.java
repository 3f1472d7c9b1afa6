package com.midicenter.core.music;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key: tonic pitch class and mode. Spelled the way producers read it ({@code F#m}, {@code Eb}) and as a
 * Camelot code ({@code 11B}, {@code 8A}).
 *
 * @param tonic pitch class 0..11 (0 = C)
 * @param minor true for minor, false for major
 */
public record MusicalKey(int tonic, boolean minor) {

    private static final String[] MAJOR_NAMES = {"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    private static final String[] MINOR_NAMES = {"Cm", "C#m", "Dm", "Ebm", "Em", "Fm", "F#m", "Gm", "G#m", "Am", "Bbm", "Bm"};
    /** Camelot number of each major tonic (B side); the relative minor has the same number (A side). */
    private static final int[] CAMELOT_MAJOR = {8, 3, 10, 5, 12, 7, 2, 9, 4, 11, 6, 1};

    private static final Pattern NAME = Pattern.compile(
            "(?i)^\\s*([a-g])\\s*(#|♯|b|♭|-?sharp|-?flat)?\\s*(m|min|minor|maj|major|M)?\\s*$");
    private static final Pattern CAMELOT = Pattern.compile("(?i)^\\s*(1[0-2]|[1-9])\\s*([ab])\\s*$");
    private static final int[] LETTER_PC = {9, 11, 0, 2, 4, 5, 7}; // a b c d e f g

    public MusicalKey {
        if (tonic < 0 || tonic > 11) {
            throw new IllegalArgumentException("tonic=" + tonic);
        }
    }

    /** The conventional spelling: sharps or flats as on the Camelot wheel, {@code m} suffix for minor. */
    public String name() {
        return minor ? MINOR_NAMES[tonic] : MAJOR_NAMES[tonic];
    }

    /** Camelot code, e.g. {@code 8A} for A minor, {@code 8B} for C major. */
    public String camelot() {
        int majorTonic = minor ? (tonic + 3) % 12 : tonic;
        return CAMELOT_MAJOR[majorTonic] + (minor ? "A" : "B");
    }

    /** The relative major or minor (same notes). */
    public MusicalKey relative() {
        return minor ? new MusicalKey((tonic + 3) % 12, false) : new MusicalKey((tonic + 9) % 12, true);
    }

    /** Same pitch classes, same key: the 12 sharps/flats spellings of one pitch class compare equal. */
    public boolean sameAs(MusicalKey other) {
        return equals(other);
    }

    /**
     * Parses {@code Am}, {@code A minor}, {@code F#min}, {@code Bb}, {@code Ebmaj}, {@code C sharp minor},
     * or a Camelot code ({@code 8A}). A bare tonic means major.
     */
    public static Optional<MusicalKey> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher camelot = CAMELOT.matcher(text);
        if (camelot.matches()) {
            return Optional.of(fromCamelot(Integer.parseInt(camelot.group(1)),
                    camelot.group(2).equalsIgnoreCase("A")));
        }
        Matcher m = NAME.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int pc = LETTER_PC[Character.toLowerCase(m.group(1).charAt(0)) - 'a'];
        String accidental = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        if (accidental.equals("#") || accidental.equals("♯") || accidental.endsWith("sharp")) {
            pc = (pc + 1) % 12;
        } else if (accidental.equals("b") || accidental.equals("♭") || accidental.endsWith("flat")) {
            pc = (pc + 11) % 12;
        }
        String mode = m.group(3);
        boolean minor = mode != null && (mode.equals("m") || mode.toLowerCase(Locale.ROOT).startsWith("min"));
        return Optional.of(new MusicalKey(pc, minor));
    }

    /** The key of a Camelot code: number 1..12, A side minor, B side major. */
    public static MusicalKey fromCamelot(int number, boolean minorSide) {
        if (number < 1 || number > 12) {
            throw new IllegalArgumentException("camelot number=" + number);
        }
        for (int pc = 0; pc < 12; pc++) {
            if (CAMELOT_MAJOR[pc] == number) {
                MusicalKey major = new MusicalKey(pc, false);
                return minorSide ? major.relative() : major;
            }
        }
        throw new AssertionError(number);
    }

    /** The key as a number: {@code tonic * 2}, plus one for minor (0..23), as the library stores it. */
    public int code() {
        return tonic * 2 + (minor ? 1 : 0);
    }

    /** The key of a {@link #code()}. */
    public static MusicalKey ofCode(int code) {
        if (code < 0 || code > 23) {
            throw new IllegalArgumentException("key code " + code + " is not 0..23");
        }
        return new MusicalKey(code / 2, code % 2 == 1);
    }

    /** Keys a DJ mixes with this one: itself, its relative, its neighbours on the Camelot wheel (same letter, ±1). */
    public java.util.List<MusicalKey> compatible() {
        String c = camelot();
        int number = Integer.parseInt(c.substring(0, c.length() - 1));
        java.util.Set<MusicalKey> keys = new java.util.LinkedHashSet<>();
        keys.add(this);
        keys.add(relative());
        keys.add(fromCamelot((number + 10) % 12 + 1, minor));
        keys.add(fromCamelot(number % 12 + 1, minor));
        return java.util.List.copyOf(keys);
    }

    @Override
    public String toString() {
        return name();
    }
}
