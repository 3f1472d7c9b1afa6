package com.midicenter.persistence.mapper;

import java.util.Objects;

/** One row of {@code tag}. */
public record Tag(int id, String category, String name) {

    public Tag {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
    }

    public TagKey key() {
        return new TagKey(category, name);
    }
}
