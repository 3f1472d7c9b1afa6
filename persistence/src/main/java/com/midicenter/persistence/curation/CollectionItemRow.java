package com.midicenter.persistence.curation;

/** One file of a manual collection: its 1-based position, its content and its first present path (null if none). */
public record CollectionItemRow(int position, long contentId, String path) {
}
