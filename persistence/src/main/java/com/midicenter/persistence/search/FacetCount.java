package com.midicenter.persistence.search;

/** One facet value and how many matches have it ({@code facet}: key, bpm, meter, instrument, vendor, tag). */
public record FacetCount(String facet, String value, long count) {
}
