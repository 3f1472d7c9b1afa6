package com.midicenter.persistence.duplicates;

/**
 * A content that shares its cheap musical keys (notes, lowest and highest pitch) with at least one other content:
 * a candidate musical duplicate to be confirmed from its notes.
 *
 * @param groupKey equal for candidates of the same keys ({@code notes:pitchMin:pitchMax})
 * @param path     one present location (the one the search shows when present)
 */
public record MusicalCandidate(long contentId, String groupKey, long sizeBytes, String path) {
}
