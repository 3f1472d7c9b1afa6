package com.midicenter.persistence.duplicates;

import java.util.List;

/**
 * A content present at more than one path.
 *
 * @param sizeBytes   bytes of one copy
 * @param wastedBytes {@code sizeBytes × (paths − 1)}: what deleting all copies but one would free
 * @param paths       the present paths, sorted
 */
public record PathDuplicate(long contentId, long sizeBytes, long wastedBytes, List<String> paths) {

    public PathDuplicate {
        paths = paths == null ? List.of() : List.copyOf(paths);
    }
}
