package com.midicenter.library.export;

/** The export cannot start or cannot write its target (the message says which path and why). */
public final class ExportException extends RuntimeException {

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }

    public ExportException(String message) {
        super(message);
    }
}
