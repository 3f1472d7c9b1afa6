package com.midicenter.persistence.duplicates;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Finds duplicates; SQL in {@code DuplicatesMapper.xml}. Locations marked missing are not counted. */
public interface DuplicatesMapper {

    /** Contents at more than one present path, most wasted bytes first (then by id), one page. */
    List<PathDuplicate> byPath(@Param("limit") int limit, @Param("offset") long offset);

    DuplicateTotals byPathTotals();

    /**
     * Analysed contents with notes whose note count, lowest and highest pitch equal another content's, ordered so
     * that a group's members are adjacent (largest note counts first).
     */
    List<MusicalCandidate> musicalCandidates();

    /** Forgets the stored musical duplicates (before a new complete scan is stored); returns rows deleted. */
    int clearMusical();

    /**
     * Stores one row per content of the groups found: {@code contentIds[i]} with its group's keeper and
     * fingerprint (the keeper with a row of its own). Returns rows stored.
     */
    int insertMusical(@Param("contentIds") Long[] contentIds, @Param("keeperIds") Long[] keeperIds,
                      @Param("fingerprints") String[] fingerprints);

    /** Contents the last scan found to duplicate an older content (what {@code hideDuplicates} leaves out). */
    long hiddenCount();

    /** The stored keeper of a content, or null when it is no musical duplicate (or is its group's keeper). */
    Long keeperOf(@Param("contentId") long contentId);
}
