package com.midicenter.persistence.mapper;

import java.util.Objects;

/**
 * What identifies a tag: its category (part, genre, vendor, pack, key, bpm, bars, meter, user...) and its name.
 * Compared exactly, case-sensitively; normalising spelling is the caller's business.
 */
public record TagKey(String category, String name) {

    public TagKey {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
    }
}
