package com.midicenter.core.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The invented vendors and pack names of the corpus, and which vendor makes which genres. Any resemblance
 * to real sample labels is accidental.
 */
final class Catalog {

    /** What a pack mostly contains. */
    enum Focus {
        //        drums fill  top   bass  chords pad  melody lead  arp   full
        DRUMS(    0.55, 0.15, 0.25, 0,    0,     0,   0,     0,    0,    0.05),
        MUSIC(    0,    0,    0,    0.15, 0.30,  0.1, 0.2,   0.1,  0.1,  0.05),
        MIXED(    0.2,  0.04, 0.06, 0.15, 0.18,  0.06, 0.1,  0.07, 0.06, 0.08);

        private final double[] weights;

        Focus(double... weights) {
            this.weights = weights;
        }

        /**
         * The parts a pack of this focus holds: {@code min..max} distinct parts drawn by weight, as a bit set
         * over {@link Part#ordinal()}. Real packs have a handful of category folders, not every one.
         */
        int partSet(SplittableRandom r) {
            int count = this == DRUMS ? 2 + r.nextInt(2) : this == MUSIC ? 3 + r.nextInt(3) : 4 + r.nextInt(3);
            int set = 0;
            while (Integer.bitCount(set) < count) {
                set |= 1 << pick(r, ~set);
            }
            return set;
        }

        /** A part from {@code partSet} (see {@link #partSet}), by weight. */
        Part part(SplittableRandom r, int partSet) {
            return Part.values()[pick(r, partSet)];
        }

        private int pick(SplittableRandom r, int allowed) {
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                total += (allowed & (1 << i)) != 0 ? weights[i] : 0;
            }
            double u = r.nextDouble() * total;
            int last = -1;
            for (int i = 0; i < weights.length; i++) {
                if ((allowed & (1 << i)) != 0 && weights[i] > 0) {
                    last = i;
                    u -= weights[i];
                    if (u < 0) {
                        return i;
                    }
                }
            }
            return last;
        }
    }

    /** A pack name and what it holds. */
    record Template(String name, Genre genre, Focus focus) {
    }

    /** A vendor's pack line: vendor index and template. */
    record Combo(int vendor, Template template) {
    }

    static final String[] VENDORS = {
        "Prime Grooves", "MIDI Alchemy", "Urban Keys Co", "Loop Foundry", "Velvet Sound Lab", "Neon Harmonics",
        "Basement Beat Supply", "Chordsmith", "Groove Cartography", "Nightshift Samples", "Analog Orchard",
        "Pocket Theory", "Skyline MIDI", "Northbound Audio", "Sonido Café",
    };

    private static final Genre[][] VENDOR_GENRES = {
        {Genre.HOUSE, Genre.DEEP_HOUSE, Genre.TECHNO, Genre.AFRO},
        {Genre.TRAP, Genre.HIP_HOP, Genre.FUTURE_BASS, Genre.RNB, Genre.POP},
        {Genre.NEO_SOUL, Genre.RNB, Genre.LOFI, Genre.HIP_HOP, Genre.JAZZ},
        {Genre.TECHNO, Genre.TRANCE, Genre.DNB, Genre.HOUSE},
        {Genre.LOFI, Genre.NEO_SOUL, Genre.CINEMATIC, Genre.JAZZ},
        {Genre.SYNTHWAVE, Genre.FUTURE_BASS, Genre.POP, Genre.TRANCE},
        {Genre.HIP_HOP, Genre.TRAP, Genre.LOFI, Genre.DNB},
        {Genre.POP, Genre.NEO_SOUL, Genre.CINEMATIC, Genre.DEEP_HOUSE, Genre.ODD_TIME},
        {Genre.AFRO, Genre.REGGAETON, Genre.ODD_TIME, Genre.HOUSE},
        {Genre.DEEP_HOUSE, Genre.TECHNO, Genre.DNB},
        {Genre.SYNTHWAVE, Genre.CINEMATIC, Genre.LOFI},
        {Genre.JAZZ, Genre.NEO_SOUL, Genre.ODD_TIME, Genre.RNB},
        {Genre.POP, Genre.FUTURE_BASS, Genre.TRAP, Genre.REGGAETON},
        {Genre.DNB, Genre.TRANCE, Genre.TECHNO, Genre.CINEMATIC},
        {Genre.REGGAETON, Genre.AFRO, Genre.HOUSE, Genre.POP},
    };

    private static final Template[] TEMPLATES = {
        new Template("Deep House Essentials", Genre.DEEP_HOUSE, Focus.MIXED),
        new Template("Deep House Chords", Genre.DEEP_HOUSE, Focus.MUSIC),
        new Template("Late Night Deep House", Genre.DEEP_HOUSE, Focus.MIXED),
        new Template("House Grooves", Genre.HOUSE, Focus.DRUMS),
        new Template("Classic House Keys", Genre.HOUSE, Focus.MUSIC),
        new Template("Piano House Anthems", Genre.HOUSE, Focus.MUSIC),
        new Template("Techno Drums", Genre.TECHNO, Focus.DRUMS),
        new Template("Warehouse Techno", Genre.TECHNO, Focus.MIXED),
        new Template("Hypnotic Techno Tools", Genre.TECHNO, Focus.MIXED),
        new Template("Trance Arps", Genre.TRANCE, Focus.MUSIC),
        new Template("Uplifting Trance Melodies", Genre.TRANCE, Focus.MUSIC),
        new Template("Trance Anthems", Genre.TRANCE, Focus.MIXED),
        new Template("Trap Melodies", Genre.TRAP, Focus.MUSIC),
        new Template("Trap Soul", Genre.TRAP, Focus.MIXED),
        new Template("Dark Trap", Genre.TRAP, Focus.MIXED),
        new Template("808 Trap Drums", Genre.TRAP, Focus.DRUMS),
        new Template("Boom Bap Essentials", Genre.HIP_HOP, Focus.MIXED),
        new Template("Hip Hop Keys", Genre.HIP_HOP, Focus.MUSIC),
        new Template("Golden Era Grooves", Genre.HIP_HOP, Focus.DRUMS),
        new Template("Lo-Fi Chords", Genre.LOFI, Focus.MUSIC),
        new Template("Lo-Fi Dreams", Genre.LOFI, Focus.MIXED),
        new Template("Dusty Lo-Fi Beats", Genre.LOFI, Focus.DRUMS),
        new Template("Neo Soul Keys", Genre.NEO_SOUL, Focus.MUSIC),
        new Template("Neo Soul Sessions", Genre.NEO_SOUL, Focus.MIXED),
        new Template("Rhodes, Wurli & Keys", Genre.NEO_SOUL, Focus.MUSIC),
        new Template("RnB Slow Jams", Genre.RNB, Focus.MIXED),
        new Template("Velvet RnB Keys", Genre.RNB, Focus.MUSIC),
        new Template("Midnight RnB", Genre.RNB, Focus.MIXED),
        new Template("Drum and Bass Rollers", Genre.DNB, Focus.MIXED),
        new Template("Liquid DnB", Genre.DNB, Focus.MUSIC),
        new Template("Jungle Breaks", Genre.DNB, Focus.DRUMS),
        new Template("Pop Toplines", Genre.POP, Focus.MUSIC),
        new Template("Indie Pop Keys", Genre.POP, Focus.MUSIC),
        new Template("Modern Pop Chords", Genre.POP, Focus.MUSIC),
        new Template("Radio Pop Hooks", Genre.POP, Focus.MIXED),
        new Template("Future Bass Chords", Genre.FUTURE_BASS, Focus.MUSIC),
        new Template("Future Bass Drops", Genre.FUTURE_BASS, Focus.MIXED),
        new Template("Future Bass Supersaws", Genre.FUTURE_BASS, Focus.MUSIC),
        new Template("Synthwave Arps", Genre.SYNTHWAVE, Focus.MUSIC),
        new Template("Retro Synthwave", Genre.SYNTHWAVE, Focus.MIXED),
        new Template("Outrun Nights", Genre.SYNTHWAVE, Focus.MIXED),
        new Template("Afrobeats Grooves", Genre.AFRO, Focus.MIXED),
        new Template("Afro House Percussion", Genre.AFRO, Focus.DRUMS),
        new Template("Amapiano Sessions", Genre.AFRO, Focus.MIXED),
        new Template("Reggaeton Riddims", Genre.REGGAETON, Focus.MIXED),
        new Template("Latin Urban Beats", Genre.REGGAETON, Focus.DRUMS),
        new Template("Cinematic Pads", Genre.CINEMATIC, Focus.MUSIC),
        new Template("Ambient Textures", Genre.CINEMATIC, Focus.MUSIC),
        new Template("Jazz Waltz Piano", Genre.JAZZ, Focus.MUSIC),
        new Template("Jazz Trio Sessions", Genre.JAZZ, Focus.MIXED),
        new Template("Odd Time Grooves", Genre.ODD_TIME, Focus.MIXED),
        new Template("Prog Meters", Genre.ODD_TIME, Focus.MIXED),
    };

    /** Every (vendor, pack line) pair, in a fixed order. */
    static final List<Combo> COMBOS = buildCombos();

    private Catalog() {
    }

    private static List<Combo> buildCombos() {
        List<Combo> combos = new ArrayList<>();
        for (int v = 0; v < VENDORS.length; v++) {
            for (Genre g : VENDOR_GENRES[v]) {
                for (Template t : TEMPLATES) {
                    if (t.genre() == g) {
                        combos.add(new Combo(v, t));
                    }
                }
            }
        }
        return List.copyOf(combos);
    }
}
