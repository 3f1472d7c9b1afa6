package com.midicenter.library.curation;

/** A file or collection that is gone, or a database failure, with the operation in the message. Unchecked. */
public final class CurationException extends RuntimeException {

    public CurationException(String message) {
        super(message);
    }

    public CurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
