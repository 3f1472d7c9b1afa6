package com.midicenter.persistence.curation;

import java.time.OffsetDateTime;

/**
 * A stored collection.
 *
 * @param kind  {@code manual} or {@code smart}
 * @param query the smart collection's search in its text form; null for a manual one
 * @param items how many files a manual collection holds (0 for a smart one)
 */
public record CollectionRow(long id, String name, String kind, String query, OffsetDateTime createdAt, long items) {
}
