package com.midicenter.library.search;

/** A search that cannot run as written: the message says what to change. */
public final class SearchException extends RuntimeException {

    public SearchException(String message) {
        super(message);
    }
}
