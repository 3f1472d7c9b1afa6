package com.midicenter.persistence.split;

/**
 * A content linked to another as its original or as one of its parts.
 *
 * @param name   the file name of its first present location (else of any), or null when none is stored
 * @param partNo the part's number (1-based) within the original
 */
public record RelatedContent(long contentId, String name, int partNo) {
}
