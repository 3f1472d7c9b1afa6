package com.midicenter.persistence.split;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Split parts and their originals ({@code content_part}); writes do not commit. SQL in {@code PartMapper.xml}. */
public interface PartMapper {

    /** The content with these bytes (SHA-256, 32 bytes), or null when the library does not hold them. */
    Long contentBySha256(@Param("sha256") byte[] sha256);

    /** The first present location of a content (else any), or null when it has none. */
    String firstPath(@Param("contentId") long contentId);

    /** The contents stored at these exact paths (those stored; a path seen twice: each row). */
    List<PathContent> contentsAtPaths(@Param("paths") String[] paths);

    /**
     * Links {@code childIds[i]} as part {@code partNos[i]} of {@code parentId}, replacing a part's earlier link.
     * Returns rows written.
     */
    int link(@Param("parentId") long parentId, @Param("childIds") Long[] childIds, @Param("partNos") Integer[] partNos);

    /** The original a content was split from, or null. */
    RelatedContent parentOf(@Param("contentId") long contentId);

    /** The parts split from a content, by part number. */
    List<RelatedContent> childrenOf(@Param("contentId") long contentId);
}
