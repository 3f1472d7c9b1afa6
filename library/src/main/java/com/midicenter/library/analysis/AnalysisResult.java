package com.midicenter.library.analysis;

/**
 * What an analysis run did.
 *
 * @param analyzed       files analysed and stored
 * @param failed         files marked failed (unreadable, not MIDI...)
 * @param dropped        results not stored because the lease had passed to another worker
 * @param seconds        wall time
 * @param maxBatchBytes  largest amount of data one batch held at once (file bytes in flight plus its encoded results)
 * @param cancelled      stopped early; unfinished jobs were given back
 */
public record AnalysisResult(long analyzed, long failed, long dropped, double seconds, long maxBatchBytes,
                             boolean cancelled) {

    public double filesPerSecond() {
        return seconds <= 0 ? 0 : (analyzed + failed) / seconds;
    }
}
