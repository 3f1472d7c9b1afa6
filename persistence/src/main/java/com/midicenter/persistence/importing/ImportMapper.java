package com.midicenter.persistence.importing;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/**
 * SQL of the bulk import: a per-connection staging table filled by COPY, merged set-wise into
 * content, file_meta, analysis_job, location and file_tag. Used by {@link ImportBatchWriter} only.
 */
public interface ImportMapper {

    /** Creates the session's temporary staging table (rows vanish at commit). */
    void createStage();

    /** Inserts tags that do not exist yet and returns the ids of all the given ones. */
    List<TagId> upsertTags(@Param("tags") List<TagKey> tags);

    /** New contents from the stage (with their metadata and an analysis job); returns how many were new. */
    int mergeContent(@Param("runId") long runId);

    /** Adds or moves every staged location (with its path tags) to its content; returns rows written. */
    int mergeLocations(@Param("runId") long runId);

    /** Forgets earlier errors of files that now read fine. */
    int clearFixedErrors();

    /** Analysed contents (with a search row) of the staged batch's files. */
    List<Long> stagedContentsWithSearchRows();

    /** Records (or replaces) import errors by path. */
    int upsertErrors(@Param("runId") long runId, @Param("errors") List<ImportErrorRow> errors);

    /** Records archives whose members were all written. */
    int upsertArchives(@Param("runId") long runId, @Param("archives") List<ArchiveRow> archives);

    /** True when nothing was ever imported: a first import need not look for unchanged files. */
    boolean libraryIsEmpty();

    /**
     * Marks the plain files that are unchanged since they were stored (same path, size and mtime) as seen by
     * this run, and returns their paths. Files that failed before and are unchanged are returned too.
     */
    List<String> markUnchanged(@Param("runId") long runId, @Param("paths") String[] paths,
                               @Param("sizes") Long[] sizes, @Param("mtimes") Long[] mtimes);

    /** Marks unchanged archives (and all their member locations) as seen; returns them with their member counts. */
    List<ArchiveRow> markUnchangedArchives(@Param("runId") long runId, @Param("paths") String[] paths,
                                           @Param("sizes") Long[] sizes, @Param("mtimes") Long[] mtimes);

    /** Marks the members of the given archives as seen by this run. */
    int markArchiveMembersSeen(@Param("runId") long runId, @Param("paths") String[] paths);

    /** Marks locations under {@code prefix} that this run did not see as missing; returns how many. */
    int markMissing(@Param("runId") long runId, @Param("prefix") String prefix);

    /** Category and name of a tag. */
    record TagKey(String category, String name) {
    }

    /** A tag with its id. */
    record TagId(int id, String category, String name) {
    }
}
