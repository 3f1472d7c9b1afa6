package com.midicenter.persistence.mapper;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/**
 * The {@code location} table, for what an importer needs besides its COPY staging: look-ups, duplicates of a
 * content, and marking what a new scan did not find.
 */
public interface LocationMapper {

    /** The location at exactly {@code path}, missing or not. */
    Optional<Location> findByPath(@Param("path") String path);

    /** Present (not missing) locations of a content; 2 or more means duplicates. */
    long countByContent(@Param("contentId") long contentId);

    /** Paths of the present locations of a content, sorted. */
    List<String> listPathsOfContent(@Param("contentId") long contentId);

    /**
     * Marks missing the present locations inside archive {@code container} that run {@code currentRunId} did not see
     * (their {@code last_run_id} differs).
     *
     * @return how many were marked
     */
    int markMissingInContainer(@Param("container") String container, @Param("currentRunId") long currentRunId);

    /**
     * Marks missing the present locations whose path starts with {@code pathPrefix} that run {@code currentRunId}
     * did not see. Give a folder with its trailing separator ({@code "/music/loops/"}), or it also matches
     * {@code "/music/loops2"}. {@code %} and {@code _} in the prefix are matched literally.
     *
     * @return how many were marked
     */
    default int markMissingUnder(String pathPrefix, long currentRunId) {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        if (pathPrefix.isEmpty()) {
            throw new IllegalArgumentException("pathPrefix must not be empty");
        }
        String pattern = pathPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return markMissingMatching(pattern, currentRunId);
    }

    /**
     * The statement behind {@link #markMissingUnder(String, long)}: {@code pattern} is a LIKE pattern with backslash
     * escapes.
     */
    int markMissingMatching(@Param("pattern") String pattern, @Param("currentRunId") long currentRunId);
}
