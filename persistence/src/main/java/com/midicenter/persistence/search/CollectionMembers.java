package com.midicenter.persistence.search;

/**
 * A manual collection's contents in its order (position, then content id), as two parallel arrays: one row from
 * the database however large the collection (100,000 rows mapped one by one took 170 ms; the arrays take a few).
 *
 * @param contentIds the contents
 * @param positions  their 1-based positions
 */
public record CollectionMembers(Long[] contentIds, Integer[] positions) {

    public CollectionMembers {
        contentIds = contentIds == null ? new Long[0] : contentIds;
        positions = positions == null ? new Integer[0] : positions;
        if (contentIds.length != positions.length) {
            throw new IllegalArgumentException("contentIds=" + contentIds.length + " positions=" + positions.length);
        }
    }
}
