package com.midicenter.library.details;

/** A details read or edit that cannot be done: the file is gone, or the database failed. The message says which. */
public final class FileDetailsException extends RuntimeException {

    public FileDetailsException(String message) {
        super(message);
    }

    public FileDetailsException(String message, Throwable cause) {
        super(message, cause);
    }
}
