package com.midicenter.persistence.mapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.ibatis.annotations.Param;

/**
 * The {@code tag} vocabulary. Importers keep the ids of a category in memory ({@link #idsByCategories(List)}) and
 * {@link #upsert(String, String)} the few words they have not seen yet.
 */
public interface TagMapper {

    /**
     * Returns the id of the tag, inserting it if it does not exist. Safe under concurrency: two sessions upserting
     * the same tag get the same id.
     *
     * @param category not blank
     * @param name     not blank
     */
    default int upsert(String category, String name) {
        requireText(category, "category");
        requireText(name, "name");
        GeneratedKey key = new GeneratedKey();
        upsertRow(category, name, key);
        return Math.toIntExact(key.id());
    }

    /** The statement behind {@link #upsert(String, String)}; puts the id into {@code key}. */
    void upsertRow(@Param("category") String category, @Param("name") String name, @Param("key") GeneratedKey key);

    /** All tags of the given categories, ordered by category and name. */
    List<Tag> listByCategories(@Param("categories") List<String> categories);

    /** The ids of all tags of the given categories. */
    default Map<TagKey, Integer> idsByCategories(List<String> categories) {
        Objects.requireNonNull(categories, "categories");
        Map<TagKey, Integer> ids = new HashMap<>();
        for (Tag tag : listByCategories(categories)) {
            ids.put(tag.key(), tag.id());
        }
        return ids;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank: " + name + "=" + value);
        }
    }
}
