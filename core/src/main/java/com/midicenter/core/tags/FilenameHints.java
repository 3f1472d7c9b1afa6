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

    /** Any delimited number. */
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9A-Za-z#.])\\d+(?:\\.\\d+)?(?![0-9A-Za-z.])");
    /** A key right after a number, joined the loop-pack way: {@code _F#m}, {@code  Am}, {@code _C_major}. */
    private static final Pattern KEY_AFTER =
            Pattern.compile("[_ ][A-G][#b]?(?:m|min|maj|minor|major|[_ ](?:minor|major))?(?![A-Za-z0-9#])");

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
        double v = find(fileName);
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(Math.abs(v));
    }

    /**
     * The tempo written in a file name when the name leaves no doubt that it is a tempo: an explicit {@code bpm}
     * marker, the last of several bare numbers ({@code TP_Perc_72_154}), or a bare number followed by a key the
     * loop-pack way ({@code DH_Bass_124_F#m}). Any other single bare number ({@code keys_141},
     * {@code Melody 100 - G#m}) may just as well be the loop's index: it names the tempo of a file that has no
     * tempo event, but does not overrule one.
     */
    public static OptionalDouble strongBpm(String fileName) {
        double v = find(fileName);
        return Double.isNaN(v) || v < 0 ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The tempo, negative when it is weak (a single bare number), NaN when there is none. */
    private static double find(String fileName) {
        String name = baseName(fileName);
        if (!hasDigit(name)) {
            return Double.NaN;
        }
        if (containsBpm(name)) {
            OptionalDouble explicit = first(BPM_SUFFIX.matcher(name));
            if (explicit.isPresent()) {
                return explicit.getAsDouble();
            }
            explicit = first(BPM_PREFIX.matcher(name));
            if (explicit.isPresent()) {
                return explicit.getAsDouble();
            }
        }
        // several bare numbers (RG_Chords_62_90_D_major, TP_Perc_72_154): packs number loops first and put the tempo
        // last, so the last candidate wins
        double found = Double.NaN;
        int candidates = 0;
        boolean keyAfter = false;
        Matcher bare = BARE_TEMPO.matcher(name);
        while (bare.find()) {
            if (afterIndexWord(name, bare.start())) {
                continue;
            }
            double v = Double.parseDouble(bare.group(1));
            if (v >= MIN_BPM && v <= MAX_BPM) {
                found = v;
                candidates++;
                keyAfter = KEY_AFTER.matcher(name).region(bare.end(), name.length()).lookingAt();
            }
        }
        if (candidates != 1 || keyAfter) {
            return found;
        }
        // one tempo-like number: sure only in the pack conventions index_tempo (POP_Drums_43_124, the tempo the last
        // of several numbers) and tempo_key (DH_Bass_124_F#m)
        Matcher numbers = NUMBER.matcher(name);
        int count = 0;
        String last = null;
        while (numbers.find()) {
            if (!afterVolume(name, numbers.start())) { // "Vol 2" belongs to the pack name, not to the file
                count++;
                last = numbers.group();
            }
        }
        boolean tempoLast = last != null && Double.parseDouble(last) == found;
        return count >= 2 && tempoLast ? found : -found;
    }

    /** A number right after words such as "Loop", "Pattern", "Part", "Vol" is an index, not a tempo. */
    private static boolean afterIndexWord(String name, int start) {
        String before = name.substring(0, start).toLowerCase(java.util.Locale.ROOT).stripTrailing();
        int cut = before.length();
        while (cut > 0 && " _.-".indexOf(before.charAt(cut - 1)) >= 0) {
            cut--;
        }
        before = before.substring(0, cut);
        return before.endsWith("loop") || before.endsWith("pattern") || before.endsWith("part")
                || before.endsWith("no") || before.endsWith("take") || before.endsWith("vol")
                || before.endsWith("volume") || before.endsWith("#") || before.endsWith("track");
    }

    private static boolean afterVolume(String name, int start) {
        String before = name.substring(0, start).toLowerCase(java.util.Locale.ROOT).stripTrailing();
        return before.endsWith("vol") || before.endsWith("vol.") || before.endsWith("volume");
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
        // an extension is short and starts with a letter: "Fill 91.5BPM" keeps its tempo when called twice
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.length() - dot <= 5 && dot + 1 < name.length() && Character.isLetter(name.charAt(dot + 1))) {
            name = name.substring(0, dot);
        }
        return name;
    }
}
