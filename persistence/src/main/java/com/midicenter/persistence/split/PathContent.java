package com.midicenter.persistence.split;

/** A stored location's path and the content found there. */
public record PathContent(String path, long contentId) {
}
