package com.midicenter.persistence.duplicates;

/** Every content present at more than one path: how many, their extra copies and the bytes those take. */
public record DuplicateTotals(long contents, long extraCopies, long wastedBytes) {
}
