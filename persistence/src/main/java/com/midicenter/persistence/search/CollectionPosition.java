package com.midicenter.persistence.search;

/** A content of a manual collection and its 1-based position there. */
public record CollectionPosition(long contentId, int position) {
}
