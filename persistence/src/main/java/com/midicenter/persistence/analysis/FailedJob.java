package com.midicenter.persistence.analysis;

import java.util.Objects;

/** A job that could not be analysed, and why. */
public record FailedJob(long contentId, String reason) {

    public FailedJob {
        Objects.requireNonNull(reason, "reason");
    }
}
