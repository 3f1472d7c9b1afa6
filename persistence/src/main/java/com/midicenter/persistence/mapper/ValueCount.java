package com.midicenter.persistence.mapper;

/**
 * How many rows have a value, for distributions.
 *
 * @param value the value; null counts the rows without one
 * @param count rows with it, at least 1
 */
public record ValueCount(String value, long count) {

    public ValueCount {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: count=" + count);
        }
    }
}
