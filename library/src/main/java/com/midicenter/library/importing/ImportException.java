package com.midicenter.library.importing;

/** An import could not go on (the database went away, the data folder is full...). What was stored stays. */
public final class ImportException extends RuntimeException {

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
