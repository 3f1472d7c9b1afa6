package com.midicenter.persistence.analysis;

/** How many analysis jobs are in each state. */
public record QueueCounts(long pending, long running, long done, long failed) {

    public long total() {
        return pending + running + done + failed;
    }
}
