package com.midicenter.persistence.details;

import java.util.Objects;

/**
 * A tag of a content, as {@link FileDetailsMapper#tags} reads it.
 *
 * @param id       tag id
 * @param category part, genre, vendor, pack, key, bpm, bars, meter, user...
 * @param name     the word
 * @param source   {@code path} (from a location's path), {@code analysis} or {@code user}
 */
public record TagRow(int id, String category, String name, String source) {

    public TagRow {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }
}
