package com.midicenter.core.tags;

import com.midicenter.core.music.MusicalKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts tags from where a file sits and what it is called: vendor and pack from the folders, part and
 * genre words from a curated vocabulary with synonyms (not every word), and the tempo, key, bars and meter
 * producers write into names ({@code 124bpm}, {@code F#min}, {@code A minor}, {@code 8 bars}, {@code 6-8}).
 *
 * <p>Stateless and thread-safe.
 */
public final class PathTagger {

    /** Synonym to canonical part word. */
    private static final Map<String, String> PARTS = new HashMap<>();
    /** Synonym (one to three words, space-joined) to canonical genre. */
    private static final Map<String, String> GENRES = new HashMap<>();

    static {
        part("drums", "drum", "drums", "beat", "beats", "groove", "grooves", "drumloop", "drumloops", "kit");
        part("kick", "kick", "kicks", "bd", "bassdrum");
        part("snare", "snare", "snares", "sd", "rimshot", "rim");
        part("clap", "clap", "claps");
        part("hihat", "hat", "hats", "hihat", "hihats", "hh", "hi hat", "hi hats", "closed hat", "open hat");
        part("cymbal", "cymbal", "cymbals", "crash", "ride");
        part("tom", "tom", "toms");
        part("percussion", "perc", "percs", "percussion", "shaker", "shakers", "conga", "congas", "bongo", "bongos");
        part("fill", "fill", "fills", "roll", "rolls", "break", "breaks");
        part("top", "top", "tops", "toploop", "toploops", "top loop", "top loops");
        part("bass", "bass", "basses", "bassline", "basslines", "sub", "808", "808s", "reese");
        part("chords", "chord", "chords", "progression", "progressions", "prog", "progs", "harmony");
        part("melody", "melody", "melodies", "mel", "hook", "hooks", "topline", "toplines", "riff", "riffs", "motif");
        part("lead", "lead", "leads");
        part("pad", "pad", "pads", "atmosphere", "atmos");
        part("arp", "arp", "arps", "arpeggio", "arpeggios", "arpeggiated");
        part("pluck", "pluck", "plucks");
        part("keys", "keys", "rhodes", "wurli", "wurlitzer", "epiano", "e piano", "electric piano", "organ", "organs");
        part("piano", "piano", "pianos");
        part("strings", "string", "strings", "violin", "violins", "cello", "orchestral");
        part("brass", "brass", "horn", "horns", "trumpet", "trumpets", "sax", "saxophone");
        part("guitar", "guitar", "guitars", "gtr");
        part("synth", "synth", "synths");
        part("vocal", "vocal", "vocals", "vox");
        part("fx", "fx", "sfx", "riser", "risers", "impact", "impacts", "sweep");
        part("full", "full", "song", "songs", "construction", "full mix");

        genre("house", "house");
        genre("deep house", "deep house", "deephouse");
        genre("tech house", "tech house", "techhouse");
        genre("progressive house", "progressive house");
        genre("techno", "techno");
        genre("trance", "trance", "psytrance");
        genre("trap", "trap");
        genre("hip hop", "hip hop", "hiphop", "hip-hop", "rap");
        genre("boom bap", "boom bap", "boombap");
        genre("lo-fi", "lofi", "lo fi");
        genre("r&b", "rnb", "r&b", "r n b");
        genre("soul", "soul");
        genre("neo soul", "neo soul", "neosoul");
        genre("jazz", "jazz", "jazzy");
        genre("pop", "pop");
        genre("edm", "edm");
        genre("dubstep", "dubstep");
        genre("drum and bass", "drum and bass", "drum n bass", "dnb", "d&b", "drum & bass");
        genre("jungle", "jungle");
        genre("uk garage", "garage", "ukg", "uk garage", "2step", "2 step");
        genre("afrobeats", "afrobeat", "afrobeats", "afro");
        genre("reggaeton", "reggaeton");
        genre("dancehall", "dancehall");
        genre("funk", "funk", "funky");
        genre("disco", "disco", "nu disco");
        genre("ambient", "ambient", "chillout", "chill");
        genre("cinematic", "cinematic", "film", "score");
        genre("rock", "rock");
        genre("latin", "latin", "salsa");
        genre("future bass", "future bass");
        genre("drill", "drill");
        genre("synthwave", "synthwave", "retrowave");
        genre("breakbeat", "breakbeat", "breakbeats");
        genre("gospel", "gospel");
        genre("rnb", "rnb");
        GENRES.remove("rnb");
        GENRES.put("rnb", "r&b");
    }

    /** ASCII separators between words of a name: white space and {@code _-.()[]{},+/\\|~'"!}. */
    private static final boolean[] SEPARATORS = new boolean[128];
    /** First words of the multi-word vocabulary entries ("deep" of "deep house"): only these start a phrase. */
    private static final Set<String> PHRASE_STARTS = new java.util.HashSet<>();

    static {
        for (char c : " \t\n\r\f\u000b_-.()[]{},+/\\|~'\"!".toCharArray()) {
            SEPARATORS[c] = true;
        }
        for (String phrase : PARTS.keySet()) {
            if (phrase.indexOf(' ') > 0) {
                PHRASE_STARTS.add(phrase.substring(0, phrase.indexOf(' ')));
            }
        }
        for (String phrase : GENRES.keySet()) {
            if (phrase.indexOf(' ') > 0) {
                PHRASE_STARTS.add(phrase.substring(0, phrase.indexOf(' ')));
            }
        }
    }
    private static final Pattern BARS = Pattern.compile("(?i)(?<![0-9])(\\d{1,3})\\s*[-_ ]?\\s*(bars?|b(?=[^a-z]|$))(?![a-z])");
    private static final Pattern METER = Pattern.compile("(?<![0-9])(2|3|4|5|6|7|9|11|12|13|15)\\s*[-_/]\\s*(2|4|8|16)(?![0-9])");
    private static final Pattern KEY_TOKEN = Pattern.compile("(?i)^[a-g](#|b)?(m|min|minor|maj|major)?$");
    private static final Pattern MODE_SUFFIX = Pattern.compile("(?i)(min|maj|minor|major)$");
    private static final Set<String> MODE_WORDS = Set.of("minor", "major", "min", "maj", "m");
    private static final Set<String> ARCHIVE_SUFFIXES = Set.of(".zip", ".7z", ".rar");

    private static void part(String canonical, String... synonyms) {
        for (String s : synonyms) {
            PARTS.put(s, canonical);
        }
    }

    private static void genre(String canonical, String... synonyms) {
        for (String s : synonyms) {
            GENRES.put(s, canonical);
        }
    }

    /**
     * Tags for one file.
     *
     * @param folders  the folders between the import root and the file (archives count as folders), outermost first
     * @param fileName the file name with its extension
     */
    public PathTags tag(List<String> folders, String fileName) {
        return tag(folders(folders), fileName);
    }

    /**
     * What the folders alone say: computed once per folder and reused for every file in it.
     *
     * @param vendor the vendor folder, or {@code null}
     * @param pack   the pack folder, or {@code null}
     * @param parts  part words of the folders (the vendor's excluded)
     * @param genres genre words of the folders (the vendor's excluded)
     */
    public record FolderTags(String vendor, String pack, Set<String> parts, Set<String> genres) {
        public FolderTags {
            parts = Set.copyOf(parts);
            genres = Set.copyOf(genres);
        }
    }

    /** Tags of the folders between the import root and a file, outermost first (archives count as folders). */
    public FolderTags folders(List<String> folders) {
        List<String> cleanFolders = new ArrayList<>(folders.size());
        for (String f : folders) {
            String clean = stripArchiveSuffix(f).strip();
            if (!clean.isEmpty()) {
                cleanFolders.add(clean);
            }
        }

        // vendor / pack: the outer folders that are not themselves category words
        String vendor = null;
        String pack = null;
        List<String> named = new ArrayList<>();
        for (String folder : cleanFolders) {
            if (!isCategoryFolder(folder)) {
                named.add(folder);
            }
        }
        if (named.size() >= 2) {
            vendor = named.get(0);
            pack = named.get(1);
        } else if (named.size() == 1) {
            pack = named.get(0);
        }

        // part and genre words: from every folder but the vendor's (a label name says nothing about the file)
        Set<String> parts = new LinkedHashSet<>();
        Set<String> genres = new LinkedHashSet<>();
        boolean vendorSkipped = false;
        for (String folder : cleanFolders) {
            if (vendor != null && !vendorSkipped && folder.equals(vendor)) {
                vendorSkipped = true;
                continue;
            }
            collectWords(tokens(folder), parts, genres);
        }
        return new FolderTags(vendor, pack, parts, genres);
    }

    /** Tags of a file in folders already tagged by {@link #folders(List)}. */
    public PathTags tag(FolderTags folders, String fileName) {
        String base = FilenameHints.baseName(fileName);
        Set<String> parts = new LinkedHashSet<>(folders.parts());
        Set<String> genres = new LinkedHashSet<>(folders.genres());
        String vendor = folders.vendor();
        String pack = folders.pack();
        List<String> nameTokens = tokens(base);
        collectWords(nameTokens, parts, genres);

        OptionalDouble bpm = FilenameHints.bpm(base);
        Integer bars = null;
        boolean digits = hasDigit(base);
        Matcher barsMatcher = BARS.matcher(digits ? base : "");
        while (barsMatcher.find()) {
            int n = Integer.parseInt(barsMatcher.group(1));
            if (n >= 1 && n <= 256 && (bpm.isEmpty() || n != (int) bpm.getAsDouble())) {
                bars = n;
                break;
            }
        }
        String meter = null;
        Matcher meterMatcher = METER.matcher(digits ? base : "");
        if (meterMatcher.find()) {
            meter = meterMatcher.group(1) + "/" + meterMatcher.group(2);
        }
        MusicalKey key = key(nameTokens, bpm).orElse(null);
        return new PathTags(vendor, pack, bpm.isPresent() ? bpm.getAsDouble() : null, key, bars, meter, parts, genres);
    }

    /** Key in the name: a key token ({@code Am}, {@code F#min}, {@code Eb}) or a tonic followed by a mode word. */
    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    static Optional<MusicalKey> key(List<String> tokens, OptionalDouble bpm) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            String t = tokens.get(i);
            // cheap test before the pattern: a key token is short and starts with a note letter
            if (t.length() > 8 || "abcdefgABCDEFG".indexOf(t.charAt(0)) < 0 || !KEY_TOKEN.matcher(t).matches()) {
                continue;
            }
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).toLowerCase(Locale.ROOT) : "";
            boolean hasMode = t.length() > 1 && !(t.length() == 2 && (t.charAt(1) == '#' || t.charAt(1) == 'b' || t.charAt(1) == 'B'));
            if (hasMode) {
                // "am"/"bbm": require the tonic letter to be upper case, or an explicit min/maj word
                if (Character.isUpperCase(t.charAt(0)) || MODE_SUFFIX.matcher(t).find()) {
                    return MusicalKey.parse(t);
                }
                continue;
            }
            if (MODE_WORDS.contains(next) || next.equals("sharp") || next.equals("flat")) {
                String text = t;
                int j = i + 1;
                if (next.equals("sharp") || next.equals("flat")) {
                    text += next.equals("sharp") ? "#" : "b";
                    j++;
                }
                String mode = j < tokens.size() ? tokens.get(j).toLowerCase(Locale.ROOT) : "";
                if (MODE_WORDS.contains(mode)) {
                    text += mode.startsWith("mi") || mode.equals("m") ? "m" : "";
                }
                if (Character.isUpperCase(t.charAt(0)) || MODE_WORDS.contains(mode)) {
                    return MusicalKey.parse(text);
                }
                continue;
            }
            // a bare upper-case tonic ("C", "Eb"): only at the end of the name or next to the tempo
            if (Character.isUpperCase(t.charAt(0))) {
                boolean last = i == tokens.size() - 1;
                boolean besideTempo = bpm.isPresent() && (isTempoToken(tokens, i - 1, bpm) || isTempoToken(tokens, i + 1, bpm));
                if ((last && i > 0) || besideTempo) {
                    return MusicalKey.parse(t);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isTempoToken(List<String> tokens, int i, OptionalDouble bpm) {
        if (i < 0 || i >= tokens.size()) {
            return false;
        }
        String t = tokens.get(i).toLowerCase(Locale.ROOT).replace("bpm", "");
        return t.equals(Integer.toString((int) bpm.getAsDouble())) || tokens.get(i).equalsIgnoreCase("bpm");
    }

    private static void collectWords(List<String> tokens, Set<String> parts, Set<String> genres) {
        int n = tokens.size();
        String[] lower = new String[n];
        for (int i = 0; i < n; i++) {
            lower[i] = tokens.get(i).toLowerCase(Locale.ROOT);
        }
        boolean[] used = new boolean[n];
        // longest phrases first so that "deep house" wins over "house" and "hi hat" over "hat"
        for (int len = 3; len >= 1; len--) {
            for (int i = 0; i + len <= n; i++) {
                if (anyUsed(used, i, len) || (len > 1 && !PHRASE_STARTS.contains(lower[i]))) {
                    continue;
                }
                String phrase = len == 1 ? lower[i] : String.join(" ", java.util.Arrays.asList(lower).subList(i, i + len));
                String genre = GENRES.get(phrase);
                String part = PARTS.get(phrase);
                if (genre != null) {
                    genres.add(genre);
                }
                if (part != null) {
                    parts.add(part);
                }
                if (genre != null || part != null) {
                    for (int k = i; k < i + len; k++) {
                        used[k] = true;
                    }
                }
            }
        }
    }

    private static boolean anyUsed(boolean[] used, int from, int len) {
        for (int k = from; k < from + len; k++) {
            if (used[k]) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCategoryFolder(String folder) {
        List<String> tokens = tokens(folder);
        if (tokens.isEmpty()) {
            return true;
        }
        // a folder whose words are all vocabulary words or numbers ("Drums", "Bass Loops", "01 Chords", "MIDI")
        for (String t : tokens) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (!PARTS.containsKey(lower) && !isDigits(lower) && !lower.equals("loops") && !lower.equals("loop")
                    && !lower.equals("midi") && !lower.equals("patterns") && !lower.equals("one") && !lower.equals("shots")
                    && !lower.equals("bonus") && !lower.equals("files")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Splits on {@link #SEPARATORS} (by hand, not with a pattern: this runs for every imported file). */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>(12);
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean separator = c < 128 ? SEPARATORS[c] : Character.isWhitespace(c);
            if (separator) {
                if (start >= 0) {
                    tokens.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }

    private static String stripArchiveSuffix(String folder) {
        String lower = folder.toLowerCase(Locale.ROOT);
        for (String suffix : ARCHIVE_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return folder.substring(0, folder.length() - suffix.length());
            }
        }
        return folder;
    }
}
