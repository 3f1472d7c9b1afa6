package com.midicenter.library.analysis;

/**
 * What an analysis run did.
 *
 * @param analyzed       files analysed and stored
 * @param failed         files marked failed (unreadable, not MIDI...)
 * @param dropped        results not stored because the lease had passed to another worker
 * @param seconds        wall time
 * @param maxBatchBytes  largest amount of data one batch held at once (the file in flight plus its results)
 * @param maxBatchAllocatedBytes most bytes one batch allocated while it was analysed (garbage included: an upper
 *                       bound of the memory a batch needs), 0 where the JVM cannot tell
 * @param cancelled      stopped early; unfinished jobs were given back
 */
public record AnalysisResult(long analyzed, long failed, long dropped, double seconds, long maxBatchBytes,
                             long maxBatchAllocatedBytes, boolean cancelled) {

    public double filesPerSecond() {
        return seconds <= 0 ? 0 : (analyzed + failed) / seconds;
    }
}
