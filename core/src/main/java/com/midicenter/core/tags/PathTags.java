package com.midicenter.core.tags;

import com.midicenter.core.music.MusicalKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a file's path and name say about it.
 *
 * @param vendor the label/vendor folder, or {@code null}
 * @param pack   the pack folder or archive, or {@code null}
 * @param bpm    the tempo written in the name, or {@code null}
 * @param key    the key written in the name, or {@code null}
 * @param bars   the number of bars written in the name, or {@code null}
 * @param meter  the meter written in the name ({@code 6/8}), or {@code null}
 * @param parts  part/category words from the vocabulary ({@code bass}, {@code chords}, {@code kick}...)
 * @param genres genre words from the vocabulary ({@code house}, {@code trap}...)
 */
public record PathTags(String vendor, String pack, Double bpm, MusicalKey key, Integer bars, String meter,
                       Set<String> parts, Set<String> genres) {

    /** One tag: a category ({@code vendor, pack, part, genre, bpm, key, bars, meter}) and a value. */
    public record Tag(String category, String name) {
        public Tag {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(name, "name");
        }
    }

    public PathTags {
        parts = Set.copyOf(parts);
        genres = Set.copyOf(genres);
    }

    /** Every fact as a tag, in a stable order. */
    public List<Tag> tags() {
        List<Tag> tags = new ArrayList<>();
        if (vendor != null) {
            tags.add(new Tag("vendor", vendor));
        }
        if (pack != null) {
            tags.add(new Tag("pack", pack));
        }
        parts.stream().sorted().forEach(p -> tags.add(new Tag("part", p)));
        genres.stream().sorted().forEach(g -> tags.add(new Tag("genre", g)));
        if (bpm != null) {
            tags.add(new Tag("bpm", bpm == Math.rint(bpm) ? Integer.toString(bpm.intValue())
                    : String.format(Locale.ROOT, "%.2f", bpm).replaceAll("0+$", "")));
        }
        if (key != null) {
            tags.add(new Tag("key", key.name()));
        }
        if (bars != null) {
            tags.add(new Tag("bars", bars.toString()));
        }
        if (meter != null) {
            tags.add(new Tag("meter", meter));
        }
        return tags;
    }
}
