package com.midicenter.core.corpus;

import java.util.Locale;

/** The musical part a corpus file holds; the {@code part} column of the ground truth. */
public enum Part {
    /** A drum groove on channel 10 (index 9). */
    DRUMS("Drums", true),
    /** A drum fill (groove bars, then a fill bar). */
    FILL("Fills", true),
    /** Hats, shakers and percussion without kick or snare. */
    TOP_LOOP("Top Loops", true),
    BASS("Bass", false),
    /** Chords, one per bar, with the chord's bass note lowest. */
    CHORDS("Chords", false),
    /** Long chords, one per bar. */
    PAD("Pads", false),
    MELODY("Melodies", false),
    LEAD("Leads", false),
    /** Arpeggiated chords, one chord per bar. */
    ARP("Arps", false),
    /** A construction kit: drums, bass, chords and sometimes a melody or arp, one track (or channel) each. */
    FULL("Construction Kits", true);

    private final String category;
    private final boolean drums;

    Part(String category, boolean drums) {
        this.category = category;
        this.drums = drums;
    }

    /** The usual category folder name, e.g. {@code Top Loops}. */
    public String category() {
        return category;
    }

    /** True when the part plays drums on channel 10. */
    public boolean hasDrums() {
        return drums;
    }

    /** True when the part has a key (everything but pure drum parts). */
    public boolean isTonal() {
        return this == FULL || !drums;
    }

    /** True when the ground truth lists one chord per bar for this part. */
    public boolean hasChords() {
        return this == CHORDS || this == PAD || this == ARP || this == FULL;
    }

    /** The CSV spelling: {@code drums}, {@code top_loop}... */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The part with CSV spelling {@code text}. */
    public static Part fromCsv(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
