package com.midicenter.library.curation;

import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.curation.CollectionItemRow;
import com.midicenter.persistence.curation.CollectionRow;
import com.midicenter.persistence.curation.CurationMapper;
import com.midicenter.persistence.curation.RecentSearchRow;
import com.midicenter.persistence.details.FileDetailsMapper;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Collections and recent searches. A manual collection holds files in the user's order (positions 1..n, kept dense);
 * a smart one is a saved search ({@link SearchText} form) whose results are always those of the search now. Names are
 * unique (exact spelling), trimmed, at most {@value #MAX_NAME_LENGTH} characters.
 *
 * <p>Bad arguments and refusals (a smart collection cannot hold files, a name taken) are
 * {@link IllegalArgumentException}s; a collection or file that is gone, and database failures,
 * {@link CurationException}s. Thread-safe.
 */
public final class CollectionService {

    public static final int MAX_NAME_LENGTH = 100;
    /** Recent searches kept. */
    public static final int RECENT_KEPT = 50;
    /** Most files one manual collection holds. */
    public static final int MAX_ITEMS = 100_000;

    private final SqlSessionFactory sessions;
    private final SearchService search;

    public CollectionService(SqlSessionFactory sessions, SearchService search) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.search = Objects.requireNonNull(search, "search");
    }

    /** [any thread] Creates an empty manual collection. */
    public CollectionRow create(String name) {
        return insert(checkName(name), "manual", null);
    }

    /**
     * [any thread] Saves {@code request} as a smart collection (its page fields are not kept).
     *
     * @throws com.midicenter.library.search.SearchException when the search itself is bad (checked by running it)
     */
    public CollectionRow saveSearch(String name, SearchRequest request) {
        String n = checkName(name);
        search.search(request.page(1, null, false));
        return insert(n, "smart", SearchText.format(request));
    }

    /** [any thread] All collections, by name. */
    public List<CollectionRow> list() {
        return Transactions.inTransaction(sessions, "list collections",
                session -> session.getMapper(CurationMapper.class).collections());
    }

    /** [any thread] The collection. */
    public CollectionRow get(String name) {
        String n = checkName(name);
        return Transactions.inTransaction(sessions, "read collection '" + n + "'", session -> find(session, n));
    }

    /**
     * [any thread] The id of the manual collection {@code name}, for a search within it
     * ({@link SearchRequest#inCollection}).
     *
     * @throws IllegalArgumentException when it is a saved search
     * @throws CurationException        when there is no such collection
     */
    public long manualId(String name) {
        String n = checkName(name);
        return Transactions.inTransaction(sessions, "read collection '" + n + "'",
                session -> manual(session, n, "search within").id());
    }

    /** [any thread] Deletes the collection (not its files). */
    public void delete(String name) {
        String n = checkName(name);
        Transactions.inTransaction(sessions, "delete collection '" + n + "'", session -> {
            session.getMapper(CurationMapper.class).deleteCollection(find(session, n).id());
            return null;
        });
    }

    /**
     * [any thread] Renames the collection (manual or smart; a change of case only is fine).
     *
     * @return the collection as renamed
     * @throws IllegalArgumentException when a name is bad or another collection is called {@code to} already
     * @throws CurationException        when there is no collection {@code from}
     */
    public CollectionRow rename(String from, String to) {
        String oldName = checkName(from);
        String newName = checkName(to);
        return Transactions.inTransaction(sessions, "rename collection '" + oldName + "'", session -> {
            CollectionRow c = find(session, oldName);
            CurationMapper mapper = session.getMapper(CurationMapper.class);
            CollectionRow other = mapper.collection(newName);
            if (other != null && other.id() != c.id()) {
                throw new IllegalArgumentException("a collection '" + newName + "' exists already");
            }
            mapper.renameCollection(c.id(), newName);
            return mapper.collection(newName);
        });
    }

    /**
     * [any thread] Appends the files to the manual collection in the order given; files already in it stay where
     * they are.
     *
     * @return how many were added
     */
    public int add(String name, Collection<Long> contentIds) {
        String n = checkName(name);
        Long[] ids = ids(contentIds);
        return Transactions.inTransaction(sessions, "add " + ids.length + " files to '" + n + "'", session -> {
            CollectionRow c = manual(session, n, "add files to");
            List<Long> existing = session.getMapper(FileDetailsMapper.class).existing(ids);
            if (existing.size() != ids.length) {
                Set<Long> gone = new LinkedHashSet<>(List.of(ids));
                gone.removeAll(existing);
                throw new CurationException("not in the library: " + gone);
            }
            if (c.items() + ids.length > MAX_ITEMS) {
                throw new IllegalArgumentException("a collection holds at most " + MAX_ITEMS + " files: '" + n
                        + "' has " + c.items());
            }
            return session.getMapper(CurationMapper.class).appendItems(c.id(), ids);
        });
    }

    /** [any thread] Appends every file {@code request} finds; returns how many were added. */
    public int addSearch(String name, SearchRequest request) {
        List<Long> ids = SearchMatches.all(search, request, MAX_ITEMS);
        return ids.isEmpty() ? 0 : add(name, ids);
    }

    /** [any thread] Takes the files out of the manual collection; returns how many were in it. */
    public int remove(String name, Collection<Long> contentIds) {
        String n = checkName(name);
        Long[] ids = ids(contentIds);
        return Transactions.inTransaction(sessions, "remove " + ids.length + " files from '" + n + "'", session -> {
            CollectionRow c = manual(session, n, "remove files from");
            CurationMapper mapper = session.getMapper(CurationMapper.class);
            int removed = mapper.removeItems(c.id(), ids);
            mapper.setOrder(c.id(), mapper.itemIds(c.id()).toArray(new Long[0]));
            return removed;
        });
    }

    /**
     * [any thread] Moves the file to {@code position} (1-based; beyond the end means last); the others keep their
     * order.
     *
     * @throws IllegalArgumentException when position &lt; 1 or the file is not in the collection
     */
    public void move(String name, long contentId, int position) {
        String n = checkName(name);
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1: position=" + position);
        }
        Transactions.inTransaction(sessions, "move file #" + contentId + " in '" + n + "'", session -> {
            CollectionRow c = manual(session, n, "reorder");
            CurationMapper mapper = session.getMapper(CurationMapper.class);
            List<Long> order = new ArrayList<>(mapper.itemIds(c.id()));
            if (!order.remove(contentId)) {
                throw new IllegalArgumentException("file #" + contentId + " is not in '" + n + "'");
            }
            order.add(Math.min(position, order.size() + 1) - 1, contentId);
            mapper.setOrder(c.id(), order.toArray(new Long[0]));
            return null;
        });
    }

    /**
     * [any thread] Moves the files, as a block in their present order, to just before {@code beforeId} (the end when
     * it is {@code null}); the others keep their order. What a drag of several rows onto a gap of the list does.
     *
     * @return how many files moved (those of {@code contentIds} that are in the collection)
     * @throws IllegalArgumentException when {@code beforeId} is one of the moved files or not in the collection
     */
    public int moveBefore(String name, Collection<Long> contentIds, Long beforeId) {
        String n = checkName(name);
        Set<Long> moving = new LinkedHashSet<>(List.of(ids(contentIds)));
        if (beforeId != null && moving.contains(beforeId)) {
            throw new IllegalArgumentException("file #" + beforeId + " cannot be moved before itself");
        }
        return Transactions.inTransaction(sessions, "move " + moving.size() + " files in '" + n + "'", session -> {
            CollectionRow c = manual(session, n, "reorder");
            CurationMapper mapper = session.getMapper(CurationMapper.class);
            List<Long> order = mapper.itemIds(c.id());
            List<Long> block = new ArrayList<>();
            List<Long> rest = new ArrayList<>(order.size());
            for (Long id : order) {
                (moving.contains(id) ? block : rest).add(id);
            }
            int at = beforeId == null ? rest.size() : rest.indexOf(beforeId);
            if (at < 0) {
                throw new IllegalArgumentException("file #" + beforeId + " is not in '" + n + "'");
            }
            rest.addAll(at, block);
            if (!block.isEmpty()) {
                mapper.setOrder(c.id(), rest.toArray(new Long[0]));
            }
            return block.size();
        });
    }

    /** [any thread] The files of the manual collection in order. */
    public List<CollectionItemRow> items(String name) {
        String n = checkName(name);
        return Transactions.inTransaction(sessions, "list collection '" + n + "'", session -> {
            CollectionRow c = manual(session, n, "list the files of");
            return session.getMapper(CurationMapper.class).items(c.id());
        });
    }

    /** [any thread] The smart collection's search, as stored. */
    public SearchRequest savedSearch(String name, int limit) {
        CollectionRow c = get(name);
        if (!"smart".equals(c.kind())) {
            throw new IllegalArgumentException("'" + c.name() + "' is a manual collection, not a saved search");
        }
        return SearchText.parse(c.query(), limit);
    }

    /** [any thread] A page of the smart collection's results, live. */
    public SearchResult results(String name, int limit, String cursor) {
        return search.search(savedSearch(name, limit).page(limit, cursor, false));
    }

    /** [any thread] Remembers the search as the newest recent one, keeping the last {@value #RECENT_KEPT}. */
    public void recordSearch(SearchRequest request) {
        String text = SearchText.format(request);
        if (text.isEmpty()) {
            return; // the empty search: nothing worth remembering
        }
        Transactions.inTransaction(sessions, "remember a search", session -> {
            CurationMapper mapper = session.getMapper(CurationMapper.class);
            mapper.recordSearch(text);
            mapper.trimRecentSearches(RECENT_KEPT);
            return null;
        });
    }

    /** [any thread] Recent searches, newest first, in their text form ({@link SearchText#parse} reads them). */
    public List<RecentSearchRow> recentSearches() {
        return Transactions.inTransaction(sessions, "list recent searches",
                session -> session.getMapper(CurationMapper.class).recentSearches(RECENT_KEPT));
    }

    private CollectionRow insert(String name, String kind, String query) {
        return Transactions.inTransaction(sessions, "create collection '" + name + "'", session -> {
            CurationMapper mapper = session.getMapper(CurationMapper.class);
            if (mapper.collection(name) != null) {
                throw new IllegalArgumentException("a collection '" + name + "' exists already");
            }
            mapper.insertCollection(name, kind, query);
            return mapper.collection(name);
        });
    }

    private static CollectionRow find(SqlSession session, String name) {
        CollectionRow c = session.getMapper(CurationMapper.class).collection(name);
        if (c == null) {
            throw new CurationException("there is no collection '" + name + "'");
        }
        return c;
    }

    private static CollectionRow manual(SqlSession session, String name, String verb) {
        CollectionRow c = find(session, name);
        if (!"manual".equals(c.kind())) {
            throw new IllegalArgumentException("'" + name + "' is a saved search (its files are its results); cannot "
                    + verb + " it");
        }
        return c;
    }

    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a collection needs a name: name='" + name + "'");
        }
        String n = name.strip();
        if (n.length() > MAX_NAME_LENGTH || n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a collection name has 1 to " + MAX_NAME_LENGTH
                    + " characters, no control characters: '" + n.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return n;
    }

    private static Long[] ids(Collection<Long> contentIds) {
        Objects.requireNonNull(contentIds, "contentIds");
        Set<Long> unique = new LinkedHashSet<>(contentIds);
        if (unique.isEmpty() || unique.contains(null)) {
            throw new IllegalArgumentException("name at least one file, none null: " + contentIds);
        }
        return unique.toArray(new Long[0]);
    }
}
