package com.midicenter.persistence.mapper;

/** State of an import run; stored lower-case in {@code import_run.status}. */
public enum ImportRunStatus {
    /** In progress (or its process died; see {@link ImportRunMapper#markStaleAsInterrupted()}). */
    RUNNING,
    /** Went through all its roots. */
    FINISHED,
    /** Stopped by the user. */
    CANCELLED,
    /** Stopped by an error. */
    FAILED,
    /** Its process died while it was running. */
    INTERRUPTED
}
