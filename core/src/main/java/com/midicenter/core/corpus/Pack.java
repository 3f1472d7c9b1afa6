package com.midicenter.core.corpus;

import java.util.Objects;

/**
 * One loop pack of the corpus: a run of consecutive file indexes sharing a vendor, a name, a folder layout
 * and naming habits, as real packs do.
 *
 * @param id              pack number: 0, 1, 2... in index order
 * @param start           index of the pack's first file
 * @param size            number of file indexes the pack spans
 * @param vendor          vendor folder name
 * @param name            pack folder name, unique per vendor
 * @param template        genre and focus of the pack
 * @param layout          how files are arranged in folders
 * @param nameStyle       file naming convention
 * @param keyForm         how keys are written in file names
 * @param sharpsOnly      file names spell every key with sharps ({@code A#m}, not {@code Bbm})
 * @param padNumbers      numbers in file names are zero-padded to two digits
 * @param extension       usual extension: {@code .mid}, {@code .MID} or {@code .midi}
 * @param ppq             the resolution most of the pack's files use
 * @param prefersFormat0  most files are SMF format 0
 * @param keysFolder      the chord category folder is called {@code Keys}
 * @param runningStatus   most files use running status
 * @param zeroVelocityOff most files end notes with note-on velocity 0 rather than note-off
 * @param programChanges  most tonal files carry a program change
 * @param duplicateStride a duplicate inside the pack copies the file this many indexes before it
 * @param partSet         the parts (category folders) the pack holds, a bit set over {@link Part#ordinal()}
 * @param tempos          for {@link Layout#BPM_FOLDERS} packs, the few tempos all files use; else empty
 */
record Pack(long id, int start, int size, String vendor, String name, Catalog.Template template, Layout layout,
            NameStyle nameStyle, KeyForm keyForm, boolean sharpsOnly, boolean padNumbers, String extension, int ppq,
            boolean prefersFormat0, boolean keysFolder, boolean runningStatus, boolean zeroVelocityOff,
            boolean programChanges, int duplicateStride, int partSet, java.util.List<Double> tempos) {

    /** Folder arrangements. */
    enum Layout {
        /** {@code Vendor/Pack/Category/file} */
        CATEGORY_FOLDERS,
        /** {@code Vendor/Pack/file} */
        FLAT,
        /** {@code Vendor/Pack/01 Drums/file} */
        NUMBERED_FOLDERS,
        /** {@code Vendor/Pack/Category/124 BPM/file} */
        BPM_FOLDERS
    }

    /** File naming conventions; which carry the tempo and the key. */
    enum NameStyle {
        /** {@code Deep House Chords 01 124bpm Am} */
        TITLE_LABEL_BPM_KEY(true, true),
        /** {@code DH_Bass_Loop_03_124_F#m} */
        UNDERSCORES(true, true),
        /** {@code 124 BPM - Trap Melody 3 - C# minor} */
        BPM_DASH_KEY(true, true),
        /** {@code Bass Pattern 2} */
        PATTERN_NUMBER(false, false),
        /** {@code A minor 90bpm chords 4} */
        KEY_FIRST(true, true),
        /** {@code groove_07} */
        LOWER_NUMBER(false, false),
        /** {@code DH Bass 03 124 BPM} */
        BPM_ONLY(true, false),
        /** {@code Chords 04 - Am} */
        KEY_ONLY(false, true),
        /** {@code 07 Lo-Fi Chords Cm 85BPM} */
        NUMBER_FIRST(true, true);

        private final boolean bpm;
        private final boolean key;

        NameStyle(boolean bpm, boolean key) {
            this.bpm = bpm;
            this.key = key;
        }

        boolean hasBpm() {
            return bpm;
        }

        /** True when tonal files' names carry the key (drum files never do). */
        boolean hasKey() {
            return key;
        }
    }

    /** Spellings of a key in file names. */
    enum KeyForm {
        /** {@code Am}, {@code C} */
        SHORT,
        /** {@code A minor}, {@code C major} */
        LONG,
        /** {@code Amin}, {@code Cmaj} */
        COMPACT,
        /** {@code A min}, {@code C maj} */
        SPACED
    }

    Pack {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(nameStyle, "nameStyle");
        Objects.requireNonNull(keyForm, "keyForm");
        Objects.requireNonNull(extension, "extension");
        tempos = java.util.List.copyOf(tempos);
        if (start < 0 || size <= 0 || ppq <= 0 || duplicateStride <= 0 || partSet == 0) {
            throw new IllegalArgumentException("start=" + start + " size=" + size + " ppq=" + ppq
                    + " duplicateStride=" + duplicateStride);
        }
    }

    Genre genre() {
        return template.genre();
    }

    /** A part for one of the pack's files. */
    Part part(java.util.SplittableRandom r) {
        return template.focus().part(r, partSet);
    }

    /** A tempo for one of the pack's files: one of the pack's few tempos, or any the genre allows. */
    double bpm(java.util.SplittableRandom r) {
        return tempos.isEmpty() ? genre().bpm(r) : tempos.get(r.nextInt(tempos.size()));
    }
}
