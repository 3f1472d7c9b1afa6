package com.midicenter.persistence.importing;

/**
 * What one committed batch did.
 *
 * @param imported   files whose content was new to the library
 * @param duplicates files whose content the library already had (only a location was added)
 * @param errors     files recorded as unreadable
 */
public record BatchOutcome(int imported, int duplicates, int errors) {
}
