package com.midicenter.core.analysis;

import com.midicenter.core.music.MusicalKey;

import java.util.Locale;

/**
 * Chord symbols as {@link ChordAnalyzer} writes them and the generated corpus' ground truth spells them:
 * root, quality suffix, and {@code /bass} for an inversion ({@code Am}, {@code Cmaj7}, {@code Bm7b5},
 * {@code Csus4}, {@code C/E}); {@code N} for no chord.
 *
 * <p>Spelling: roots and basses use the sharp names {@code C C# D D# E F F# G G# A A# B} in keys with sharps
 * or none, the flat names {@code C Db D Eb E F Gb G Ab A Bb B} in keys with flats; a key's accidentals are
 * those of its signature with the fewest, the six-accidental ties taking sharps ({@code F#}, {@code D#m}). So
 * {@code Ebm} (as {@link MusicalKey#name()} spells it) spells its chords with sharps, like the corpus. With no
 * key, each pitch class has one default spelling ({@link #DEFAULT_NAMES}).
 *
 * <p>{@link #normalize(String)} rewrites a symbol with sharp names and one spelling per quality, so symbols
 * that differ only enharmonically ({@code Bbm7/Db} and {@code A#m7/C#}) compare equal as strings.
 */
public final class ChordSymbols {

    /** The symbol of a window with no pitched notes. */
    public static final String NO_CHORD = "N";

    static final String[] SHARP_NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    static final String[] FLAT_NAMES = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};
    /** Spelling of a chord root when the key is unknown: the usual choice of lead sheets. */
    static final String[] DEFAULT_NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

    /** Sharps (positive) or flats (negative) of the signature of the major/minor key on each tonic. */
    private static final int[] MAJOR_SIGNATURE = {0, -5, 2, -3, 4, -1, 6, 1, -4, 3, -2, 5};
    private static final int[] MINOR_SIGNATURE = {-3, 4, -1, 6, 1, -4, 3, -2, 5, 0, -5, 2};

    /** Quality suffixes accepted by {@link #normalize}, with the canonical suffix each maps to. */
    private static final String[][] SUFFIX_ALIASES = {
        {"", ""}, {"maj", ""}, {"M", ""}, {"m", "m"}, {"min", "m"}, {"-", "m"}, {"dim", "dim"}, {"o", "dim"},
        {"°", "dim"}, {"aug", "aug"}, {"+", "aug"}, {"sus2", "sus2"}, {"sus4", "sus4"}, {"sus", "sus4"},
        {"maj7", "maj7"}, {"M7", "maj7"}, {"Δ7", "maj7"}, {"7", "7"}, {"dom7", "7"}, {"m7", "m7"}, {"min7", "m7"},
        {"-7", "m7"}, {"m7b5", "m7b5"}, {"ø", "m7b5"}, {"ø7", "m7b5"}, {"dim7", "dim7"}, {"o7", "dim7"},
        {"°7", "dim7"}, {"6", "6"}, {"m6", "m6"}, {"min6", "m6"},
    };

    private ChordSymbols() {
    }

    /** True when chords in {@code key} are spelled with flats (see the class comment); false for a null key. */
    public static boolean usesFlats(MusicalKey key) {
        if (key == null) {
            return false;
        }
        return (key.minor() ? MINOR_SIGNATURE[key.tonic()] : MAJOR_SIGNATURE[key.tonic()]) < 0;
    }

    /** The names of the 12 pitch classes in {@code key}'s spelling ({@link #DEFAULT_NAMES} for a null key). */
    static String[] names(MusicalKey key) {
        if (key == null) {
            return DEFAULT_NAMES;
        }
        return usesFlats(key) ? FLAT_NAMES : SHARP_NAMES;
    }

    /** The name of pitch class {@code pc} (taken mod 12) in {@code key}'s spelling; {@code key} may be null. */
    public static String noteName(int pc, MusicalKey key) {
        return names(key)[Math.floorMod(pc, 12)];
    }

    /**
     * The symbol with sharp names and canonical suffixes ({@code Bbmin7/Db} becomes {@code A#m7/C#}); a slash
     * bass equal to the root is dropped. {@code N}, empty and unparseable text come back trimmed, unchanged.
     */
    public static String normalize(String symbol) {
        String s = symbol == null ? "" : symbol.strip();
        int root = rootPc(s, 0);
        if (root < 0) {
            return s;
        }
        int rootLength = accidental(s, 1) ? 2 : 1;
        int slash = s.indexOf('/', rootLength);
        String suffix = slash < 0 ? s.substring(rootLength) : s.substring(rootLength, slash);
        String canonical = null;
        for (String[] alias : SUFFIX_ALIASES) {
            if (alias[0].equals(suffix)) {
                canonical = alias[1];
                break;
            }
        }
        if (canonical == null) {
            return s;
        }
        String out = SHARP_NAMES[root].concat(canonical);
        if (slash >= 0) {
            String bassText = s.substring(slash + 1).strip();
            int bass = rootPc(bassText, 0);
            if (bass < 0 || bassText.length() != (accidental(bassText, 1) ? 2 : 1)) {
                return s;
            }
            if (bass != root) {
                out = out + "/" + SHARP_NAMES[bass];
            }
        }
        return out;
    }

    /** True when the two symbols name the same chord, spelling aside. */
    public static boolean same(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    private static boolean accidental(String s, int at) {
        return s.length() > at && (s.charAt(at) == '#' || s.charAt(at) == 'b' || s.charAt(at) == '♯'
                || s.charAt(at) == '♭');
    }

    /** Pitch class of the note name at {@code at} ({@code C}, {@code F#}, {@code Bb}), or -1. */
    private static int rootPc(String s, int at) {
        if (s.length() <= at) {
            return -1;
        }
        int pc = switch (s.toUpperCase(Locale.ROOT).charAt(at)) {
            case 'C' -> 0;
            case 'D' -> 2;
            case 'E' -> 4;
            case 'F' -> 5;
            case 'G' -> 7;
            case 'A' -> 9;
            case 'B' -> 11;
            default -> -1;
        };
        if (pc < 0 || !Character.isUpperCase(s.charAt(at))) {
            return -1;
        }
        if (accidental(s, at + 1)) {
            char c = s.charAt(at + 1);
            pc += c == '#' || c == '♯' ? 1 : -1;
        }
        return Math.floorMod(pc, 12);
    }
}
