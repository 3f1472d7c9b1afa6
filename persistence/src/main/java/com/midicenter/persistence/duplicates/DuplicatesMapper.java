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
}
