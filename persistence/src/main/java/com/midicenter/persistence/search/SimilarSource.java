package com.midicenter.persistence.search;

/** What "similar to" needs of the file it starts from. */
public record SimilarSource(long contentId, Double bpm, Integer keyCode, Long rhythmPrint, Long pitchPrint) {
}
