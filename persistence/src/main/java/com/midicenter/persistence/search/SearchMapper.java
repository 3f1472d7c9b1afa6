package com.midicenter.persistence.search;

import org.apache.ibatis.annotations.Param;

import java.util.List;
import java.util.Optional;

/** Queries over {@code search_doc}. */
public interface SearchMapper {

    /** One keyset page. */
    List<SearchHit> search(@Param("q") SearchCriteria criteria);

    /** Matches counted up to {@code cap} (cap + 1 means "more"). */
    long countUpTo(@Param("q") SearchCriteria criteria, @Param("cap") int cap);

    /** Matches in a 1 % page sample, for an estimate of large totals. */
    long countSampled(@Param("q") SearchCriteria criteria, @Param("percent") double percent);

    /** Facet counts over at most {@code cap} matches. */
    List<FacetCount> facets(@Param("q") SearchCriteria criteria, @Param("cap") int cap);

    Optional<SimilarSource> similarSource(@Param("contentId") long contentId);

    /** Files of compatible key and close tempo, nearest fingerprints first. */
    List<SearchHit> similar(@Param("source") SimilarSource source, @Param("keyCodes") Integer[] keyCodes,
                            @Param("bpmRanges") List<SearchCriteria.BpmRange> bpmRanges, @Param("limit") int limit);

    /** Content ids of the docs whose path matches exactly (for "similar to FILE"). */
    List<Long> contentIdsByPath(@Param("path") String path);

    /** {@code manual} or {@code smart}; null when there is no such collection. */
    String collectionKind(@Param("id") long collectionId);

    /** The contents of a collection in its order (position, then content id). */
    List<CollectionPosition> collectionPositions(@Param("id") long collectionId);

    /** The docs of these content ids, in no particular order (ids no longer in the table are left out). */
    List<SearchHit> hitsByIds(@Param("ids") List<Long> ids);
}
