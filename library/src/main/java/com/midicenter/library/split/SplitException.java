package com.midicenter.library.split;

/** The split cannot read its source, write its parts or store the links (the message says which and why). */
public final class SplitException extends RuntimeException {

    public SplitException(String message, Throwable cause) {
        super(message, cause);
    }

    public SplitException(String message) {
        super(message);
    }
}
