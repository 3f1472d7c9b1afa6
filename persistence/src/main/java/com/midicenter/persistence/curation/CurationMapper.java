package com.midicenter.persistence.curation;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/**
 * Statements behind tags across files, collections and recent searches. Writes do not commit; the caller refreshes
 * the search rows of the files it changed ({@code FileDetailsMapper.refreshSearchDocs}) in the same transaction.
 */
public interface CurationMapper {

    // ------------------------------------------------------------------ tags

    /** User tags with the number of files that carry each, most used first; {@code prefix} (any case) or null. */
    List<TagCount> userTags(@Param("prefix") String prefix, @Param("limit") int limit);

    /**
     * Tags of every category whose name starts with {@code prefix} (any case), each with the number of analysed
     * files carrying it, most used first.
     */
    List<TagCount> tagsByPrefix(@Param("prefix") String prefix, @Param("limit") int limit);

    /** Categories of the automatic (not user) tags spelt {@code name} in any case. */
    List<String> automaticCategories(@Param("name") String name);

    /** Renames the user tag; returns 0 if it is not a user tag. */
    int renameUserTag(@Param("tagId") int tagId, @Param("name") String name);

    /** The contents that carry the user tag, ascending. */
    List<Long> contentsWithUserTag(@Param("tagId") int tagId);

    /** Gives {@code toTagId} (as a user tag) to every content carrying {@code fromTagId}; returns rows added. */
    int copyUserTag(@Param("fromTagId") int fromTagId, @Param("toTagId") int toTagId);

    /** Deletes the user tag and, by cascade, its file rows. */
    int deleteUserTag(@Param("tagId") int tagId);

    /** Takes the user tag from these contents; returns rows removed. */
    int removeUserTagFrom(@Param("ids") Long[] ids, @Param("tagId") int tagId);

    /** Tags carried by these (analysed) contents, with counts among them, most frequent first. */
    List<TagCount> tagCloud(@Param("ids") Long[] ids, @Param("limit") int limit);

    // ------------------------------------------------------------------ collections

    /** Inserts a collection; returns its id. */
    long insertCollection(@Param("name") String name, @Param("kind") String kind, @Param("query") String query);

    /** The collection named so (exactly), or null. */
    CollectionRow collection(@Param("name") String name);

    /** All collections by name. */
    List<CollectionRow> collections();

    int deleteCollection(@Param("id") long id);

    /** Renames the collection; returns rows changed. */
    int renameCollection(@Param("id") long id, @Param("name") String name);

    /** The contents of the collection in order. */
    List<Long> itemIds(@Param("collectionId") long collectionId);

    /** Items in order with a path each. */
    List<CollectionItemRow> items(@Param("collectionId") long collectionId);

    /** Appends these contents (not in it yet) after the last position, in the order given; returns rows added. */
    int appendItems(@Param("collectionId") long collectionId, @Param("ids") Long[] ids);

    int removeItems(@Param("collectionId") long collectionId, @Param("ids") Long[] ids);

    /** Sets positions 1..n in the order of {@code ids} (every item of the collection). */
    int setOrder(@Param("collectionId") long collectionId, @Param("ids") Long[] ids);

    // ------------------------------------------------------------------ recent searches

    /** Stores the search as the newest (moving it up if it was there). */
    int recordSearch(@Param("query") String query);

    /** Deletes all but the newest {@code keep}. */
    int trimRecentSearches(@Param("keep") int keep);

    List<RecentSearchRow> recentSearches(@Param("limit") int limit);
}
