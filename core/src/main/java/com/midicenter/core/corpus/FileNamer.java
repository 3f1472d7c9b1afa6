package com.midicenter.core.corpus;

import java.util.Locale;

/**
 * File and folder names in a pack's conventions. Every base name holds the file's number inside its pack,
 * so names are unique inside a pack folder whatever the convention.
 */
final class FileNamer {

    private static final String[][] LABELS = {
        {"Drums", "Drum Loop", "Beat", "Groove"},          // DRUMS
        {"Fill", "Drum Fill"},                             // FILL
        {"Top Loop", "Hats", "Percussion"},                // TOP_LOOP
        {"Bass", "Bassline", "Bass Loop"},                 // BASS
        {"Chords", "Keys", "Piano Chords", "Chord Progression"}, // CHORDS
        {"Pad", "Pads", "Atmos Pad"},                      // PAD
        {"Melody", "Hook", "Topline"},                     // MELODY
        {"Lead", "Synth Lead", "Lead Line"},               // LEAD
        {"Arp", "Arpeggio", "Pluck Arp"},                  // ARP
        {"Full Loop", "Construction Kit", "Song Starter"}, // FULL
    };

    private FileNamer() {
    }

    /** The pack's word for a part, e.g. {@code Bass Loop}; fixed per pack and part. */
    static String label(Pack pack, Part part) {
        if (part == Part.BASS && (pack.genre() == Genre.TRAP || pack.genre() == Genre.FUTURE_BASS)
                && (pack.id() & 1) == 0) {
            return "808";
        }
        String[] labels = LABELS[part.ordinal()];
        return labels[(int) Math.floorMod(Seeds.mix64(pack.id() * 31 + part.ordinal()), (long) labels.length)];
    }

    /** The category folder name the pack uses for a part ({@code Keys} for chords in some packs, {@code 808s}...). */
    static String category(Pack pack, Part part) {
        if (part == Part.CHORDS && pack.keysFolder()) {
            return "Keys";
        }
        if (part == Part.BASS && label(pack, part).equals("808")) {
            return "808s";
        }
        return part.category();
    }

    /** The folder under the pack folder, or "" for a flat layout. */
    static String folder(Pack pack, Part part, String bpmText) {
        String category = category(pack, part);
        return switch (pack.layout()) {
            case FLAT -> "";
            case CATEGORY_FOLDERS -> category.concat("/");
            case NUMBERED_FOLDERS -> String.join("", part.ordinal() < 9 ? "0" : "", Integer.toString(part.ordinal() + 1), " ",
                    category, "/");
            case BPM_FOLDERS -> String.join("", category, "/", bpmText, " BPM/");
        };
    }

    /**
     * The base name, without extension.
     *
     * @param keyName the tonic as the file name spells it (may be an enharmonic of the key's own spelling),
     *                or null for drum parts
     * @param minor   the key's mode (ignored without a key)
     */
    static String baseName(Pack pack, Part part, int seq, String bpmText, String keyName, boolean minor) {
        String label = label(pack, part);
        String title = pack.genre().title();
        String nn = pack.padNumbers() && seq < 10 ? "0".concat(Integer.toString(seq)) : Integer.toString(seq);
        String n = Integer.toString(seq);
        boolean key = keyName != null && pack.nameStyle().hasKey();
        StringBuilder sb = new StringBuilder(64);
        switch (pack.nameStyle()) {
            case TITLE_LABEL_BPM_KEY -> {
                sb.append(title).append(' ').append(label).append(' ').append(nn).append(' ').append(bpmText).append("bpm");
                if (key) {
                    sb.append(' ').append(key(keyName, minor, pack.keyForm()));
                }
            }
            case UNDERSCORES -> {
                sb.append(pack.genre().abbreviation()).append('_').append(label.replace(' ', '_')).append('_').append(nn)
                        .append('_').append(bpmText);
                if (key) {
                    sb.append('_').append(key(keyName, minor, pack.keyForm()).replace(' ', '_'));
                }
            }
            case BPM_DASH_KEY -> {
                sb.append(bpmText).append(" BPM - ").append(title).append(' ').append(label).append(' ').append(n);
                if (key) {
                    sb.append(" - ").append(key(keyName, minor, Pack.KeyForm.LONG));
                }
            }
            case PATTERN_NUMBER -> sb.append(label).append(" Pattern ").append(n);
            case KEY_FIRST -> {
                if (key) {
                    sb.append(key(keyName, minor, Pack.KeyForm.LONG)).append(' ');
                }
                sb.append(bpmText).append("bpm ").append(label.toLowerCase(Locale.ROOT)).append(' ').append(n);
            }
            case LOWER_NUMBER -> sb.append(label.toLowerCase(Locale.ROOT).replace(" ", "")).append('_').append(nn);
            case BPM_ONLY -> sb.append(pack.genre().abbreviation()).append(' ').append(label).append(' ').append(nn)
                    .append(' ').append(bpmText).append(" BPM");
            case KEY_ONLY -> {
                sb.append(label).append(' ').append(nn);
                if (key) {
                    sb.append(" - ").append(key(keyName, minor, pack.keyForm()));
                }
            }
            case NUMBER_FIRST -> {
                sb.append(nn).append(' ').append(title).append(' ').append(label);
                if (key) {
                    sb.append(' ').append(key(keyName, minor, pack.keyForm()));
                }
                sb.append(' ').append(bpmText).append("BPM");
            }
            default -> throw new IllegalStateException("style " + pack.nameStyle());
        }
        return sb.toString();
    }

    static String key(String tonicName, boolean minor, Pack.KeyForm form) {
        return switch (form) {
            case SHORT -> minor ? tonicName.concat("m") : tonicName;
            case LONG -> tonicName.concat(minor ? " minor" : " major");
            case COMPACT -> tonicName.concat(minor ? "min" : "maj");
            case SPACED -> tonicName.concat(minor ? " min" : " maj");
        };
    }

    /** {@code 124} or {@code 92.5}. */
    static String bpmText(double bpm) {
        long whole = (long) bpm;
        return whole == bpm ? Long.toString(whole) : Double.toString(bpm);
    }
}
