package com.midicenter.persistence.analysis;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** Statements of the analysis queue; used by {@link AnalysisQueue} only. */
public interface AnalysisMapper {

    /** Pending jobs, oldest content first, leased to {@code worker}; locked rows of other workers are skipped. */
    List<ClaimedJob> claim(@Param("worker") String worker, @Param("limit") int limit,
                           @Param("leaseSeconds") double leaseSeconds);

    /**
     * Running jobs whose lease ran out, or whose worker holds no liveness lock ({@link #lockWorker}: its process
     * ended), go back to pending.
     */
    int expireLeases();

    /**
     * Takes {@code worker}'s liveness lock on this session (until {@link #unlockWorker} or the connection ends);
     * false when another session holds it.
     */
    boolean lockWorker(@Param("worker") String worker);

    boolean unlockWorker(@Param("worker") String worker);

    /** Done or failed jobs of an older analyser version go back to pending. */
    int requeueOlderThan(@Param("version") int version);

    void createStage();

    void analyzeStage();

    /** Jobs of the stage still leased to {@code worker} become done; returns their content ids. */
    List<Long> finishStaged(@Param("worker") String worker, @Param("version") int version);

    /** Writes the staged results of the given contents into file_meta. */
    int updateMeta(@Param("ids") Long[] ids, @Param("version") int version);

    /**
     * Writes the search rows of these contents from their stored analysis, first present location, tags (path tags of
     * that location plus the content's user and analysis tags) and user marks.
     */
    int upsertSearchDocs(@Param("ids") Long[] ids);

    int fail(@Param("worker") String worker, @Param("version") int version, @Param("ids") Long[] ids,
             @Param("reasons") String[] reasons);

    /** Gives unfinished leases of {@code worker} back (a cancelled run). */
    int release(@Param("worker") String worker);

    QueueCounts counts();

    /** Failed files whose present location starts with {@code prefix}, by path, at most {@code limit}. */
    java.util.List<FailedFile> failedUnder(@Param("prefix") String prefix, @Param("limit") int limit);
}
