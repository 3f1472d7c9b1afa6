package com.midicenter.persistence.analysis;

import java.util.List;

/**
 * A job this worker holds a lease on.
 *
 * @param contentId the content to analyse
 * @param attempts  how many times it has been claimed, this time included
 * @param paths     where its bytes can be read (present locations first), at most a few
 * @param tags      the path tags of the first location, as {@code category:name} ({@code bpm:124}, {@code key:Am},
 *                  {@code part:bass})
 */
public record ClaimedJob(long contentId, int attempts, List<String> paths, List<String> tags) {

    public ClaimedJob {
        paths = paths == null ? List.of() : List.copyOf(paths);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
