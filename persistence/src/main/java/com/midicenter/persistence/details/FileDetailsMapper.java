package com.midicenter.persistence.details;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * Statements behind the details pane: one content's stored facts, and the user's marks and tags on it. Writes do not
 * commit: the caller (the library's details service) runs them and {@link #refreshSearchDocs} in one transaction so
 * that search sees the change together with it.
 */
public interface FileDetailsMapper {

    /** Category of the tags users give. */
    String USER_CATEGORY = "user";

    /** The content with its analysis, job and marks; null if there is no such content. */
    FileDetailsRow details(@Param("contentId") long contentId);

    /** Where the content was seen: present locations first, then in the order found. */
    List<LocationRow> locations(@Param("contentId") long contentId);

    /** Path tags of all its locations and its own tags (analysis, user), by source, category and name. */
    List<TagRow> tags(@Param("contentId") long contentId);

    /** Sets the favourite mark; returns 0 if the content does not exist. */
    int setFavorite(@Param("contentId") long contentId, @Param("favorite") boolean favorite);

    /** Sets ({@code 1..5}) or clears ({@code null}) the rating; returns 0 if the content does not exist. */
    int setRating(@Param("contentId") long contentId, @Param("rating") Integer rating);

    /** The id of the user tag spelt {@code name} in any case, or null. */
    Integer findUserTag(@Param("name") String name);

    /** Those of {@code ids} that exist, ascending. */
    List<Long> existing(@Param("ids") Long[] ids);

    /** Gives the tag to the contents (source {@code user}); returns how many did not have it. */
    int addUserTag(@Param("ids") Long[] ids, @Param("tagId") int tagId);

    /** Takes the user tag spelt {@code name} (any case) from the content; returns how many rows went (0 or 1). */
    int removeUserTag(@Param("contentId") long contentId, @Param("name") String name);

    /**
     * Rewrites the search rows of these contents from what is stored, for those that have one (a file not analysed
     * yet gets its row, with its marks and tags, from the analysis). Returns the rows written.
     */
    int refreshSearchDocs(@Param("ids") Long[] ids);
}
