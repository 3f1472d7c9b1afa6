package com.midicenter.core.analysis;

import com.midicenter.core.midi.MidiFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tells what each channel of a file plays, in the categories producers file sounds under: from the channel's
 * GM program, its track's name, the words of the path it sits in, and its register.
 *
 * <p>Decision order for a pitched channel:
 * <ol>
 *   <li>a track-name word that names a bass ({@code bass}, {@code sub}, {@code 808}, {@code reese}) wins over
 *       any program: 808s are often played on a lead or sine program;</li>
 *   <li>a program other than 0 decides through {@link #programCategory(int)};</li>
 *   <li>program 0 (which some software writes by default) is piano unless the track name names another
 *       instrument ({@code Rhodes}, {@code Pad}, {@code Strings}); words for a part's role ({@code Lead},
 *       {@code Melody}, {@code Keys}, {@code Chords}, {@code Arp}) do not override it: a piano melody is a piano;</li>
 *   <li>without a program: a category word in the track name, role words included ({@code Lead}: lead,
 *       {@code Arp}: pluck, {@code Chords}: piano);</li>
 *   <li>then the path words when the file has this one pitched channel and its words agree on one category
 *       ({@code Bass Loops} folder: bass; a {@code Chords} folder in a {@code Toplines} pack: no category);</li>
 *   <li>then the register: no usable name, no path category, every note below MIDI 55: bass;</li>
 *   <li>else piano, what a GM synth plays without a program.</li>
 * </ol>
 * A track name is used only when the track holds notes of this channel alone (a format 0 file's single track
 * carries the file's title, which says nothing about one of several channels). Channel 10 is {@code drums}, or
 * {@code percussion} when it plays only hand percussion (no kick, snare, clap, hat, cymbal or tom).
 *
 * <p>Stateless and thread-safe.
 */
public final class InstrumentAnalyzer {

    /** The producer categories, sorted. */
    public static final Set<String> CATEGORIES = Set.of("bass", "keys", "piano", "pad", "lead", "pluck", "strings",
            "brass", "guitar", "synth", "drums", "percussion", "fx");

    /** Below this MIDI note a program-less, nameless channel is a bass. */
    static final int BASS_REGISTER = 55;

    private static final String[] PROGRAM_CATEGORY = new String[128];

    /** Name or path word to category, checked in this order of priority (bass first: "Synth Bass", "Bass Guitar"). */
    private static final String[][] WORDS = {
        {"bass", "bass", "basses", "bassline", "basslines", "sub", "subs", "808", "808s", "reese"},
        {"pad", "pad", "pads", "atmos", "atmosphere", "choir", "drone"},
        {"strings", "string", "strings", "violin", "violins", "viola", "cello", "celli", "orchestra", "orchestral",
            "ensemble"},
        {"brass", "brass", "horn", "horns", "trumpet", "trumpets", "trombone", "sax", "saxophone", "tuba"},
        {"pluck", "pluck", "plucks", "arp", "arps", "arpeggio", "arpeggios", "arpeggiated", "harp", "kalimba",
            "marimba"},
        {"lead", "lead", "leads", "melody", "melodies", "hook", "hooks", "topline", "toplines", "flute", "whistle"},
        {"keys", "keys", "key", "rhodes", "wurli", "wurlitzer", "ep", "epiano", "organ", "organs", "clav", "clavinet",
            "vibes", "bell", "bells"},
        {"piano", "piano", "pianos", "grand", "chord", "chords", "progression", "progressions"},
        {"guitar", "guitar", "guitars", "gtr", "acoustic"},
        {"synth", "synth", "synths", "stab", "stabs"},
        {"fx", "fx", "sfx", "riser", "risers", "impact", "sweep", "noise"},
        {"percussion", "perc", "percs", "percussion", "shaker", "conga", "congas", "bongo", "bongos"},
        {"drums", "drum", "drums", "kit", "beat", "kick", "snare", "hats", "hihat"},
    };
    private static final Map<String, Integer> WORD_RANK;
    /**
     * Words that name what a part does rather than what plays it: they do not override an explicit program 0
     * (a piano melody is still a piano), and only tell a category when nothing else does.
     */
    private static final Set<String> ROLE_WORDS = Set.of("lead", "leads", "melody", "melodies", "hook", "hooks",
            "topline", "toplines", "arp", "arps", "arpeggio", "arpeggios", "arpeggiated", "keys", "key", "chord",
            "chords", "progression", "progressions");

    static {
        String[] ranges = {
            "0-3 piano", "4-7 keys", "8-14 keys", "15 pluck", "16-21 keys", "22 lead", "23 keys", "24-31 guitar",
            "32-39 bass", "40-45 strings", "46 pluck", "47 percussion", "48-51 strings", "52-54 pad", "55 fx",
            "56-63 brass", "64-67 brass", "68-79 lead", "80-87 lead", "88-95 pad", "96 fx", "97 pad", "98 keys",
            "99-100 pad", "101-103 fx", "104-108 pluck", "109 lead", "110 strings", "111 lead", "112 keys",
            "113-118 percussion", "119-127 fx",
        };
        for (String r : ranges) {
            String[] parts = r.split(" ");
            String[] bounds = parts[0].split("-");
            int from = Integer.parseInt(bounds[0]);
            int to = Integer.parseInt(bounds[bounds.length - 1]);
            for (int p = from; p <= to; p++) {
                PROGRAM_CATEGORY[p] = parts[1];
            }
        }
        for (int p = 0; p < 128; p++) {
            if (PROGRAM_CATEGORY[p] == null) {
                throw new ExceptionInInitializerError("program " + p + " has no category");
            }
        }
        java.util.HashMap<String, Integer> rank = new java.util.HashMap<>();
        for (int k = 0; k < WORDS.length; k++) {
            for (int w = 1; w < WORDS[k].length; w++) {
                rank.putIfAbsent(WORDS[k][w], k);
            }
        }
        WORD_RANK = Map.copyOf(rank);
    }

    /**
     * The producer category of a GM program: 0-3 piano, 4-7 keys (electric pianos, harpsichord, clavinet), 8-14
     * keys (chromatic percussion), 15 pluck (dulcimer), 16-21 and 23 keys (organs, accordion), 22 lead
     * (harmonica), 24-31 guitar, 32-39 bass, 40-45 strings, 46 pluck (harp), 47 percussion (timpani), 48-51
     * strings, 52-54 pad (choir, voice), 55 fx (orchestra hit), 56-67 brass (saxophones included), 68-87 lead
     * (reeds, pipes, synth leads), 88-95 pad, 96-103 fx except 97, 99, 100 pad and 98 keys, 104-108 pluck
     * (sitar, banjo, shamisen, koto, kalimba), 109 and 111 lead (bagpipe, shanai), 110 strings (fiddle), 112
     * keys (tinkle bell), 113-118 percussion, 119-127 fx.
     */
    public static String programCategory(int program) {
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException("program=" + program);
        }
        return PROGRAM_CATEGORY[program];
    }

    /**
     * @param file      the parsed file (for programs and track names)
     * @param notes     its notes ({@link Notes#of(MidiFile)})
     * @param pathWords lower-case part/category words of the file's path ({@code PathTags.parts()}); may be empty
     */
    public InstrumentResult analyze(MidiFile file, Notes notes, List<String> pathWords) {
        int[] noteCount = new int[16];
        int[] lowest = new int[16];
        int[] highest = new int[16];
        int[] trackOf = new int[16];
        java.util.Arrays.fill(lowest, 128);
        java.util.Arrays.fill(trackOf, -1);
        int tracks = file.trackCount();
        int[] trackChannels = new int[Math.max(1, tracks)];
        int drumKit = 0; // bit per piece seen on channel 10
        for (int i = 0; i < notes.count(); i++) {
            int ch = notes.channel(i);
            int track = notes.track(i);
            if (noteCount[ch]++ == 0) {
                trackOf[ch] = track;
            }
            if (track < trackChannels.length) {
                trackChannels[track] |= 1 << ch;
            }
            lowest[ch] = Math.min(lowest[ch], notes.pitch(i));
            highest[ch] = Math.max(highest[ch], notes.pitch(i));
            if (ch == GeneralMidi.DRUM_CHANNEL) {
                drumKit |= 1 << DrumPiece.of(notes.pitch(i)).ordinal();
            }
        }
        int[] program = new int[16];
        java.util.Arrays.fill(program, -1);
        for (int i = 0; i < file.eventCount(); i++) {
            if (file.command(i) == 0xC0 && program[file.channel(i)] < 0 && !file.isMeta(i) && !file.isSysex(i)) {
                program[file.channel(i)] = file.data1(i);
            }
        }
        int pitchedChannels = 0;
        for (int ch = 0; ch < 16; ch++) {
            if (noteCount[ch] > 0 && ch != GeneralMidi.DRUM_CHANNEL) {
                pitchedChannels++;
            }
        }
        String pathCategory = pathWords.isEmpty() ? null : pathCategory(pathWords);

        List<ChannelInstrument> channels = new ArrayList<>();
        TreeSet<String> categories = new TreeSet<>();
        for (int ch = 0; ch < 16; ch++) {
            if (noteCount[ch] == 0) {
                continue;
            }
            int track = trackOf[ch];
            String trackName = track >= 0 && track < tracks ? trackName(file, track) : null;
            boolean ownTrack = track >= 0 && track < trackChannels.length && trackChannels[track] == 1 << ch;
            String category;
            String family;
            if (ch == GeneralMidi.DRUM_CHANNEL) {
                family = GeneralMidi.DRUMS;
                int percussionOnly = 1 << DrumPiece.PERCUSSION.ordinal();
                category = drumKit == percussionOnly ? "percussion" : "drums";
            } else {
                family = GeneralMidi.family(Math.max(0, program[ch]));
                String usableName = ownTrack ? trackName : null;
                String nameCategory = usableName != null ? nameCategory(usableName, true) : null;
                String instrumentWord = usableName != null ? nameCategory(usableName, false) : null;
                category = pitchedCategory(program[ch], nameCategory, instrumentWord,
                        pitchedChannels == 1 ? pathCategory : null, usableName != null, highest[ch]);
            }
            categories.add(category);
            channels.add(new ChannelInstrument(ch + 1, program[ch], family, category, trackName));
        }
        return new InstrumentResult(channels, new ArrayList<>(categories));
    }

    private static String pitchedCategory(int program, String nameCategory, String instrumentWord,
                                          String pathCategory, boolean named, int highestPitch) {
        if ("bass".equals(nameCategory)) {
            return "bass";
        }
        if (program > 0) {
            return PROGRAM_CATEGORY[program];
        }
        if (program == 0) {
            return instrumentWord != null && !"drums".equals(instrumentWord) ? instrumentWord : PROGRAM_CATEGORY[0];
        }
        if (nameCategory != null && !"drums".equals(nameCategory)) {
            return nameCategory;
        }
        if (pathCategory != null && !"drums".equals(pathCategory)) {
            return pathCategory;
        }
        if (!named && pathCategory == null && highestPitch < BASS_REGISTER) {
            return "bass";
        }
        return PROGRAM_CATEGORY[0];
    }

    /**
     * The category a track or instrument name states, or null.
     *
     * @param roles whether words naming a part's role ({@code Lead}, {@code Keys}, {@code Chords}) count
     */
    static String nameCategory(String name, boolean roles) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>(8);
        int start = -1;
        for (int k = 0; k <= lower.length(); k++) {
            boolean wordChar = k < lower.length() && Character.isLetterOrDigit(lower.charAt(k));
            if (wordChar && start < 0) {
                start = k;
            } else if (!wordChar && start >= 0) {
                words.add(lower.substring(start, k));
                start = -1;
            }
        }
        // "electric piano" and "e piano" are keys, not piano
        for (int k = 0; k + 1 < words.size(); k++) {
            if ((words.get(k).equals("electric") || words.get(k).equals("e")) && words.get(k + 1).equals("piano")) {
                return "keys";
            }
        }

        return bestWord(words, roles);
    }

    /**
     * The category the path words state: only when they agree on one (a {@code Chords} folder in a
     * {@code Pop Toplines} pack says chords and melody: no category).
     */
    private static String pathCategory(List<String> words) {
        String found = null;
        for (String w : words) {
            Integer rank = WORD_RANK.get(w);
            if (rank == null) {
                continue;
            }
            String category = WORDS[rank][0];
            if (category.equals("drums") || category.equals("percussion")) {
                continue;
            }
            if (found != null && !found.equals(category)) {
                return null;
            }
            found = category;
        }
        return found;
    }

    private static String bestWord(List<String> words, boolean roles) {
        int best = Integer.MAX_VALUE;
        for (String w : words) {
            if (!roles && ROLE_WORDS.contains(w)) {
                continue;
            }
            Integer rank = WORD_RANK.get(w);
            if (rank != null && rank < best) {
                best = rank;
            }
        }
        return best == Integer.MAX_VALUE ? null : WORDS[best][0];
    }

    /** The first Sequence/Track Name (else Instrument Name) of track {@code t}, stripped; null when none. */
    private static String trackName(MidiFile file, int t) {
        String instrument = null;
        for (int i = file.trackStart(t); i < file.trackEnd(t); i++) {
            if (!file.isMeta(i)) {
                continue;
            }
            int type = file.metaType(i);
            if (type == 0x03 || (type == 0x04 && instrument == null)) {
                String text = file.metaText(i).strip();
                if (!text.isEmpty()) {
                    if (type == 0x03) {
                        return text;
                    }
                    instrument = text;
                }
            }
        }
        return instrument;
    }
}
