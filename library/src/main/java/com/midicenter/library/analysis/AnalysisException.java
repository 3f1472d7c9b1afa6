package com.midicenter.library.analysis;

/** The analysis could not go on (the database failed); batches stored before stay. */
public final class AnalysisException extends RuntimeException {

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
