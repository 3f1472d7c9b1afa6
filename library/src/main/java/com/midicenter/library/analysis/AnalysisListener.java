package com.midicenter.library.analysis;

/** Progress of an analysis run; called from its threads, so implementations must be thread-safe and quick. */
@FunctionalInterface
public interface AnalysisListener {

    /**
     * @param analyzed files analysed and stored so far in this run
     * @param failed   files that could not be analysed so far in this run
     * @param pending  jobs still waiting in the queue when last looked (all workers), -1 when unknown
     */
    void progress(long analyzed, long failed, long pending);

    AnalysisListener NONE = (analyzed, failed, pending) -> { };
}
