package com.midicenter.library.curation;

import com.midicenter.library.details.FileDetailsService;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.curation.CurationMapper;
import com.midicenter.persistence.curation.TagCount;
import com.midicenter.persistence.details.FileDetailsMapper;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * User tags across many files: bulk add and remove (on ids or on every file of a search), rename, merge, the list with
 * counts, autocomplete and the tag cloud of a search. Tagging one file at a time and favourites and ratings are
 * {@link FileDetailsService}'s; this service uses it for adding.
 *
 * <p>Automatic tags (from paths and analysis) are never renamed, merged or removed: they are written again by each
 * re-import, so an edit would not last. Such a request is an {@link IllegalArgumentException} that says so.
 *
 * <p>Every edit and the rewrite of the edited files' search rows commit together. Thread-safe.
 */
public final class TagService {

    /** Most tags {@link #userTags}, {@link #autocomplete} and {@link #cloud} return. */
    public static final int MAX_LIST = 1_000;

    private final SqlSessionFactory sessions;
    private final SearchService search;
    private final FileDetailsService details;

    public TagService(SqlSessionFactory sessions, SearchService search) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.search = Objects.requireNonNull(search, "search");
        this.details = new FileDetailsService(sessions);
    }

    /**
     * [any thread] Gives the user tag to the files (see {@link FileDetailsService#addTag}).
     *
     * @return how many files got it (did not have it)
     */
    public int add(Collection<Long> contentIds, String tag) {
        return details.addTag(contentIds, tag);
    }

    /** [any thread] Gives the user tag to every file {@code request} finds; returns how many got it. */
    public int addToSearch(SearchRequest request, String tag) {
        FileDetailsService.checkTag(tag);
        List<Long> ids = SearchMatches.all(search, request, FileDetailsService.MAX_TAG_FILES);
        return ids.isEmpty() ? 0 : add(ids, tag);
    }

    /**
     * [any thread] Takes the user tag spelt {@code tag} (any case) from the files that have it.
     *
     * @return how many files lost it
     * @throws IllegalArgumentException when the tag is bad, or there is no user tag of that name but an automatic one
     */
    public int remove(Collection<Long> contentIds, String tag) {
        String name = FileDetailsService.checkTag(tag);
        Long[] ids = ids(contentIds);
        return Transactions.inTransaction(sessions, "untag " + ids.length + " files '" + name + "'", session -> {
            Integer tagId = userTag(session, name, "removed");
            if (tagId == null) {
                return 0;
            }
            int removed = session.getMapper(CurationMapper.class).removeUserTagFrom(ids, tagId);
            if (removed > 0) {
                session.getMapper(FileDetailsMapper.class).refreshSearchDocs(ids);
            }
            return removed;
        });
    }

    /** [any thread] Takes the user tag from every file {@code request} finds; returns how many lost it. */
    public int removeFromSearch(SearchRequest request, String tag) {
        FileDetailsService.checkTag(tag);
        List<Long> ids = SearchMatches.all(search, request, FileDetailsService.MAX_TAG_FILES);
        return ids.isEmpty() ? 0 : remove(ids, tag);
    }

    /**
     * [any thread] Renames the user tag {@code from} to {@code to} on every file (a change of case only is fine).
     *
     * @return how many files carry it
     * @throws IllegalArgumentException when a name is bad, {@code from} is no user tag (or an automatic one), or
     *                                  another user tag is already called {@code to} (merge into it instead)
     */
    public int rename(String from, String to) {
        String oldName = FileDetailsService.checkTag(from);
        String newName = FileDetailsService.checkTag(to);
        return Transactions.inTransaction(sessions, "rename tag '" + oldName + "' to '" + newName + "'", session -> {
            Integer tagId = requireUserTag(session, oldName, "renamed");
            Integer existing = session.getMapper(FileDetailsMapper.class).findUserTag(newName);
            if (existing != null && !existing.equals(tagId)) {
                throw new IllegalArgumentException("a user tag '" + newName + "' exists already; merge '" + oldName
                        + "' into it instead");
            }
            CurationMapper mapper = session.getMapper(CurationMapper.class);
            mapper.renameUserTag(tagId, newName);
            return refresh(session, mapper.contentsWithUserTag(tagId));
        });
    }

    /**
     * [any thread] Merges the user tag {@code from} into the user tag {@code into}: the files of {@code from} get
     * {@code into}, and {@code from} is deleted.
     *
     * @return how many files got {@code into} (did not have it)
     * @throws IllegalArgumentException when a name is bad, either is no user tag (or an automatic one), or both name
     *                                  the same tag
     */
    public int merge(String from, String into) {
        String fromName = FileDetailsService.checkTag(from);
        String intoName = FileDetailsService.checkTag(into);
        return Transactions.inTransaction(sessions, "merge tag '" + fromName + "' into '" + intoName + "'", session -> {
            int fromId = requireUserTag(session, fromName, "merged");
            int intoId = requireUserTag(session, intoName, "merged into");
            if (fromId == intoId) {
                throw new IllegalArgumentException("'" + fromName + "' and '" + intoName + "' are the same tag");
            }
            CurationMapper mapper = session.getMapper(CurationMapper.class);
            List<Long> files = mapper.contentsWithUserTag(fromId);
            int added = mapper.copyUserTag(fromId, intoId);
            mapper.deleteUserTag(fromId);
            refresh(session, files);
            return added;
        });
    }

    /** [any thread] User tags starting with {@code prefix} (any case; null or blank for all), most used first. */
    public List<TagCount> userTags(String prefix, int limit) {
        int n = checkLimit(limit);
        String p = prefix == null || prefix.isBlank() ? null : prefix.strip();
        return Transactions.inTransaction(sessions, "list user tags",
                session -> session.getMapper(CurationMapper.class).userTags(p, n));
    }

    /**
     * [any thread] Tags of any kind starting with {@code prefix} (any case), with the number of analysed files that
     * carry each, most used first: what to offer while the user types a tag.
     */
    public List<TagCount> autocomplete(String prefix, int limit) {
        int n = checkLimit(limit);
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("autocomplete needs the first letters of a tag: prefix='" + prefix + "'");
        }
        return Transactions.inTransaction(sessions, "complete tag '" + prefix.strip() + "'",
                session -> session.getMapper(CurationMapper.class).tagsByPrefix(prefix.strip(), n));
    }

    /**
     * [any thread] The tag cloud of a search: the tags (all kinds) most carried among its matches, with how many of
     * them carry each. Looks at the first {@value SearchService#FACET_CAP} matches at most, like the facets.
     */
    public List<TagCount> cloud(SearchRequest request, int limit) {
        int n = checkLimit(limit);
        List<Long> ids = SearchMatches.first(search, request, SearchService.FACET_CAP);
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] array = ids.toArray(new Long[0]);
        return Transactions.inTransaction(sessions, "count the tags of a search",
                session -> session.getMapper(CurationMapper.class).tagCloud(array, n));
    }

    private static int refresh(SqlSession session, List<Long> files) {
        if (!files.isEmpty()) {
            session.getMapper(FileDetailsMapper.class).refreshSearchDocs(files.toArray(new Long[0]));
        }
        return files.size();
    }

    /** The user tag's id, or null if there is none of that name and no automatic one either. */
    private static Integer userTag(SqlSession session, String name, String verb) {
        Integer id = session.getMapper(FileDetailsMapper.class).findUserTag(name);
        if (id == null) {
            List<String> automatic = session.getMapper(CurationMapper.class).automaticCategories(name);
            if (!automatic.isEmpty()) {
                throw new IllegalArgumentException("'" + name + "' is an automatic tag (" + String.join(", ", automatic)
                        + ", from file paths or analysis) and is written again by each import; it cannot be " + verb
                        + ". Only tags you added can.");
            }
        }
        return id;
    }

    private static int requireUserTag(SqlSession session, String name, String verb) {
        Integer id = userTag(session, name, verb);
        if (id == null) {
            throw new IllegalArgumentException("there is no user tag '" + name + "'");
        }
        return id;
    }

    private static Long[] ids(Collection<Long> contentIds) {
        Objects.requireNonNull(contentIds, "contentIds");
        Set<Long> unique = new LinkedHashSet<>(contentIds);
        if (unique.isEmpty() || unique.size() > FileDetailsService.MAX_TAG_FILES) {
            throw new IllegalArgumentException("untag 1 to " + FileDetailsService.MAX_TAG_FILES
                    + " files at a time: files=" + unique.size());
        }
        if (unique.contains(null)) {
            throw new IllegalArgumentException("a file id is null: " + contentIds);
        }
        return unique.toArray(new Long[0]);
    }

    private static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("list 1 to " + MAX_LIST + " tags: limit=" + limit);
        }
        return limit;
    }
}
