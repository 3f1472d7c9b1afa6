package com.midicenter.persistence.curation;

import java.time.OffsetDateTime;

/** A search the user ran, in its text form, and when last. */
public record RecentSearchRow(String query, OffsetDateTime searchedAt) {
}
