package com.midicenter.persistence.analysis;

import java.util.List;

/**
 * A job this worker holds a lease on.
 *
 * @param contentId the content to analyse
 * @param attempts  how many times it has been claimed, this time included
 * @param paths     where its bytes can be read (present locations first), at most a few
 */
public record ClaimedJob(long contentId, int attempts, List<String> paths) {

    public ClaimedJob {
        paths = paths == null ? List.of() : List.copyOf(paths);
    }
}
