package com.midicenter.persistence.curation;

/** A tag and how many files carry it ({@code category}: user, part, genre, vendor...). */
public record TagCount(String category, String name, long files) {
}
