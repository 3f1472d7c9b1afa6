package com.midicenter.persistence.search;

/** A tag: its id, category ({@code part}, {@code genre}, {@code vendor}...) and name. */
public record TagName(int id, String category, String name) {
}
