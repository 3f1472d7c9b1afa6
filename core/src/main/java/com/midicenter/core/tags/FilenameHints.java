package com.midicenter.core.tags;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Musical facts producers write into file names: the tempo ({@code 124bpm}, {@code 124 BPM},
 * {@code BPM124}, {@code DH_Bass_124_Am}).
 *
 * <p>Stateless and thread-safe.
 */
public final class FilenameHints {

    /** Lowest and highest tempo accepted from a name; numbers outside are more likely indexes or years. */
    public static final double MIN_BPM = 40;
    public static final double MAX_BPM = 300;

    private static final Pattern BPM_SUFFIX =
            Pattern.compile("(?i)(?<![0-9.,])(\\d{2,3}(?:[.,]\\d{1,2})?)\\s*[-_ ]?\\s*bpm(?![a-z])");
    private static final Pattern BPM_PREFIX =
            Pattern.compile("(?i)(?<![a-z])bpm\\s*[-_ :=]?\\s*(\\d{2,3}(?:[.,]\\d{1,2})?)(?![0-9])");
    /** A bare two- or three-digit token such as {@code _124_} or {@code _92.5_}: the common loop-pack convention. */
    private static final Pattern BARE_TEMPO =
            Pattern.compile("(?<![0-9A-Za-z#.])((?:1\\d\\d|[6-9]\\d)(?:\\.\\d{1,2})?)(?![0-9A-Za-z.])");

    private FilenameHints() {
    }

    /**
     * The tempo written in a file name, if any. An explicit {@code bpm} marker wins; otherwise a bare
     * delimited number from 60 to 199 that is not a volume or index number (the last one when there are several).
     *
     * @param fileName a file name (directories are ignored if a path is passed)
     * @return beats per minute, or empty when the name says nothing about tempo
     */
    public static OptionalDouble bpm(String fileName) {
        String name = baseName(fileName);
        if (!hasDigit(name)) {
            return OptionalDouble.empty();
        }
        if (containsBpm(name)) {
            OptionalDouble explicit = first(BPM_SUFFIX.matcher(name));
            if (explicit.isPresent()) {
                return explicit;
            }
            explicit = first(BPM_PREFIX.matcher(name));
            if (explicit.isPresent()) {
                return explicit;
            }
        }
        // several bare numbers (RG_Chords_62_90_D_major, TP_Perc_72_154): packs number loops first and put the tempo
        // last, so the last candidate wins
        OptionalDouble found = OptionalDouble.empty();
        Matcher bare = BARE_TEMPO.matcher(name);
        while (bare.find()) {
            // an index-like number right after words such as "Loop", "Pattern", "Part" is not a tempo
            String before = name.substring(0, bare.start()).toLowerCase(java.util.Locale.ROOT).stripTrailing();
            int cut = before.length();
            while (cut > 0 && " _.-".indexOf(before.charAt(cut - 1)) >= 0) {
                cut--;
            }
            before = before.substring(0, cut);
            if (before.endsWith("loop") || before.endsWith("pattern") || before.endsWith("part")
                    || before.endsWith("no") || before.endsWith("take") || before.endsWith("vol")
                    || before.endsWith("volume") || before.endsWith("#") || before.endsWith("track")) {
                continue;
            }
            double v = Double.parseDouble(bare.group(1));
            if (v >= MIN_BPM && v <= MAX_BPM) {
                found = OptionalDouble.of(v);
            }
        }
        return found;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** "bpm" in any case: the explicit patterns cannot match without it. */
    private static boolean containsBpm(String s) {
        for (int i = 0; i + 3 <= s.length(); i++) {
            if ((s.charAt(i) | 0x20) == 'b' && (s.charAt(i + 1) | 0x20) == 'p' && (s.charAt(i + 2) | 0x20) == 'm') {
                return true;
            }
        }
        return false;
    }

    private static OptionalDouble first(Matcher m) {
        while (m.find()) {
            double v = Double.parseDouble(m.group(1).replace(',', '.'));
            if (v >= MIN_BPM && v <= MAX_BPM) {
                return OptionalDouble.of(v);
            }
        }
        return OptionalDouble.empty();
    }

    /** The name without directories and without its extension. */
    static String baseName(String fileName) {
        String name = fileName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.length() - dot <= 5) {
            name = name.substring(0, dot);
        }
        return name;
    }
}
