package com.midicenter.persistence.db;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where the schema of a database stands relative to the migrations this program ships.
 *
 * @param currentVersion     the highest applied version, or null for a database without any migration
 * @param latestKnownVersion the highest version this program ships, or null if it ships none
 * @param pendingCount       migrations this program would apply
 * @param applied            the applied migrations, oldest first (including ones this program does not know)
 * @param newerThanCode      true if the database has a version this program does not know: it was upgraded by a newer
 *                           release, and this program must not use it
 */
public record MigrationStatus(String currentVersion, String latestKnownVersion, int pendingCount,
                              List<AppliedMigration> applied, boolean newerThanCode) {

    public MigrationStatus {
        if (pendingCount < 0) {
            throw new IllegalArgumentException("pendingCount must be >= 0: pendingCount=" + pendingCount);
        }
        applied = List.copyOf(Objects.requireNonNull(applied, "applied"));
    }

    /** True when every known migration is applied and nothing newer is. */
    public boolean upToDate() {
        return pendingCount == 0 && !newerThanCode;
    }

    /**
     * One row of the migration history.
     *
     * @param version         e.g. {@code "1"}
     * @param description     from the file name, e.g. {@code "library"}
     * @param installedOn     when it was applied
     * @param executionTimeMs how long it ran, in ms
     * @param success         false if it failed (the database needs repair)
     */
    public record AppliedMigration(String version, String description, Instant installedOn, long executionTimeMs, boolean success) {

        public AppliedMigration {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(installedOn, "installedOn");
        }
    }
}
