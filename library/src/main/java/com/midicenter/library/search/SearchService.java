package com.midicenter.library.search;

import com.midicenter.core.music.MusicalKey;
import com.midicenter.persistence.search.CollectionMembers;
import com.midicenter.persistence.search.FacetCount;
import com.midicenter.persistence.search.SearchCriteria;
import com.midicenter.persistence.search.SearchCriteria.BpmRange;
import com.midicenter.persistence.search.SearchCriteria.Sort;
import com.midicenter.persistence.search.SearchHit;
import com.midicenter.persistence.search.SearchMapper;
import com.midicenter.persistence.search.SimilarSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs searches: turns a {@link SearchRequest} into parameters (user text never becomes SQL: words are reduced to
 * letters and digits before they reach {@code to_tsquery}), fetches one keyset page, counts, and facets.
 *
 * <p>With a {@link SearchIndexKeeper} ({@link #indexed}), searches are answered from its in-memory snapshot of the
 * library and PostgreSQL only returns the rows of the page (and matches mistyped names); without one, or until its
 * first snapshot is ready, every search runs in SQL.
 *
 * <p>Thread-safe; each call takes a pooled connection for its duration.
 */
public final class SearchService implements AutoCloseable {

    /** Totals are exact up to this many matches and estimated beyond. */
    public static final int EXACT_TOTAL = 10_000;
    /** Facets count at most this many matches (a sample of larger results: enough to rank the values). */
    public static final int FACET_CAP = 2_000;
    /** Share of pages sampled to estimate large totals. */
    static final double SAMPLE_PERCENT = 1.0;
    /** Words of a query used at most; characters of a word at most. */
    static final int MAX_WORDS = 16;
    static final int MAX_WORD = 40;
    /** Full-text matches below which names are also matched by similarity (typos). */
    static final int FUZZY_BELOW = 3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(?:-\\s*(\\d+(?:\\.\\d+)?)\\s*)?");

    private final SqlSessionFactory sessions;
    private final SearchIndexKeeper index;
    private final boolean ownsIndex;

    /** Searches in SQL only. */
    public SearchService(SqlSessionFactory sessions) {
        this(sessions, null, false);
    }

    /** Searches from the keeper's snapshot when it has one ({@code index} may be null); the keeper stays the caller's. */
    public SearchService(SqlSessionFactory sessions, SearchIndexKeeper index) {
        this(sessions, index, false);
    }

    private SearchService(SqlSessionFactory sessions, SearchIndexKeeper index, boolean ownsIndex) {
        this.sessions = sessions;
        this.index = index;
        this.ownsIndex = ownsIndex;
    }

    /**
     * A service with its own index of the database (built in the background; SQL answers meanwhile). Close the
     * service to stop the index.
     */
    public static SearchService indexed(com.midicenter.persistence.db.Database db) {
        SearchIndexKeeper keeper = SearchIndexKeeper.start(db.config());
        return new SearchService(db.sqlSessionFactory(), keeper, true);
    }

    /** The index behind this service, if any. */
    public Optional<SearchIndexKeeper> index() {
        return Optional.ofNullable(index);
    }

    /**
     * @throws SearchException when a value cannot be understood (the message says which and why)
     */
    public SearchResult search(SearchRequest r) {
        long start = System.nanoTime();
        SearchIndex snapshot = index == null ? null : index.current();
        if (r.similarTo() != null) {
            return similar(r, start, snapshot);
        }
        SearchCriteria criteria = criteria(r, tsquery(r.text()), null);
        if (snapshot != null) {
            return searchIndexed(snapshot, r, criteria, start);
        }
        try (SqlSession session = sessions.openSession(true)) {
            SearchMapper mapper = session.getMapper(SearchMapper.class);
            if (criteria.collectionId() != null) {
                checkCollection(mapper, criteria.collectionId());
            }
            List<SearchHit> hits = mapper.search(criteria);
            SearchCriteria typos = typos(r, criteria, hits.size());
            boolean fuzzy = false;
            if (typos != null) {
                List<SearchHit> merged = withTypos(mapper, typos, hits);
                fuzzy = merged.size() > hits.size();
                if (fuzzy) {
                    hits = merged;
                    criteria = typos;
                }
            }
            long total;
            boolean estimated = false;
            if (hits.size() < criteria.limit() && r.cursor() == null) {
                total = hits.size(); // the whole result is on this page
            } else {
                // a 1 % page sample first: counting 10,000 matches of a common word costs more than the page itself,
                // so only results the sample puts within reach are counted exactly
                long sampled = mapper.countSampled(criteria, SAMPLE_PERCENT) * Math.round(100 / SAMPLE_PERCENT);
                if (sampled > 2L * EXACT_TOTAL) {
                    total = sampled;
                    estimated = true;
                } else {
                    total = mapper.countUpTo(criteria, EXACT_TOTAL);
                    if (total > EXACT_TOTAL) {
                        total = Math.max(EXACT_TOTAL + 1, sampled);
                        estimated = true;
                    }
                }
            }
            List<FacetCount> facets = r.facets() ? mapper.facets(criteria, FACET_CAP) : List.of();
            SearchHit last = hits.isEmpty() ? null : hits.get(hits.size() - 1);
            String next = hits.size() == criteria.limit() && !fuzzy
                    ? cursor(criteria.sort(), last.sortValue(), last.contentId()) : null;
            return new SearchResult(total, estimated, fuzzy, (System.nanoTime() - start) / 1e6, hits, next, facets);
        }
    }

    /** From the in-memory snapshot: exact totals and facets; PostgreSQL returns the page's rows and typo matches. */
    private SearchResult searchIndexed(SearchIndex snapshot, SearchRequest r, SearchCriteria criteria, long start) {
        try {
            return searchIndexedOnce(snapshot, r, criteria, start);
        } finally {
            snapshot.endQuery();
        }
    }

    private SearchResult searchIndexedOnce(SearchIndex snapshot, SearchRequest r, SearchCriteria criteria, long start) {
        List<String> words = queryWords(r.text());
        try (SqlSession session = sessions.openSession(true)) {
            SearchMapper mapper = session.getMapper(SearchMapper.class);
            SearchIndex.Members collection = null;
            if (criteria.collectionId() != null) {
                // the snapshot holds no collections: the collection's contents, looked up once for this search
                checkCollection(mapper, criteria.collectionId());
                CollectionMembers members = mapper.collectionMembers(criteria.collectionId()); // null: empty
                collection = snapshot.members(members == null ? new CollectionMembers(null, null) : members);
            }
            SearchIndex.Matches matches = snapshot.match(criteria, words, collection);
            SearchIndex.Page page = snapshot.page(matches, criteria, words, collection);
            List<SearchHit> hits = rows(mapper, page);
            if (tooFew(r, criteria, page.ids().length)) {
                // too little: any of the words, a typo allowed in each; the documents with all of them come first
                List<SearchIndex.WordTerms> expanded = new ArrayList<>();
                SearchIndex.Matches typoMatches = snapshot.typoMatches(criteria, words, expanded, collection);
                if (typoMatches != null && typoMatches.count() > matches.count()) {
                    SearchIndex.Page typoPage = snapshot.typoPage(typoMatches, criteria, expanded);
                    List<SearchHit> typoHits = rows(mapper, typoPage);
                    List<FacetCount> facets = r.facets() ? snapshot.facets(typoMatches) : List.of();
                    return new SearchResult(typoMatches.count(), false, true, (System.nanoTime() - start) / 1e6,
                            typoHits, null, facets);
                }
            }
            List<FacetCount> facets = r.facets() ? snapshot.facets(matches) : List.of();
            int n = page.ids().length;
            String next = n == criteria.limit()
                    ? cursor(criteria.sort(), page.sortValues()[n - 1], page.ids()[n - 1]) : null;
            return new SearchResult(matches.count(), false, false, (System.nanoTime() - start) / 1e6, hits, next,
                    facets);
        }
    }

    /** A search within a collection needs a manual collection that exists. */
    private static void checkCollection(SearchMapper mapper, long collectionId) {
        String kind = mapper.collectionKind(collectionId);
        if (kind == null) {
            throw new SearchException("there is no collection #" + collectionId);
        }
        if (!kind.equals("manual")) {
            throw new SearchException("collection #" + collectionId + " is a saved search, not a manual collection:"
                    + " run its search instead");
        }
    }

    /** The rows of a page the index chose, in its order, with its ranks, distances and sort values. */
    private static List<SearchHit> rows(SearchMapper mapper, SearchIndex.Page page) {
        if (page.ids().length == 0) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(page.ids().length);
        for (long id : page.ids()) {
            ids.add(id);
        }
        java.util.Map<Long, SearchHit> byId = new java.util.HashMap<>();
        for (SearchHit h : mapper.hitsByIds(ids)) {
            byId.put(h.contentId(), h);
        }
        List<SearchHit> hits = new ArrayList<>(ids.size());
        for (int i = 0; i < page.ids().length; i++) {
            SearchHit h = byId.get(page.ids()[i]);
            if (h != null) { // gone since the snapshot: left out
                hits.add(h.ranked(page.ranks() == null ? null : page.ranks()[i],
                        page.distances() == null ? null : page.distances()[i], page.sortValues()[i]));
            }
        }
        return hits;
    }

    /** Whether the words found too little (first page only), so mistyped words are looked for too. */
    private static boolean tooFew(SearchRequest r, SearchCriteria criteria, int found) {
        return found < Math.min(FUZZY_BELOW, criteria.limit()) && criteria.tsquery() != null && r.cursor() == null;
    }

    /** The criteria of the SQL typo search (names that look like the words), when {@link #tooFew}, else null. */
    private static SearchCriteria typos(SearchRequest r, SearchCriteria criteria, int found) {
        if (!tooFew(r, criteria, found)) {
            return null;
        }
        // the words only, as for full text: raw text may hold what PostgreSQL refuses (NUL)
        String text = words(r.text());
        return criteria(r, null, text.length() > 64 ? text.substring(0, 64) : text);
    }

    /** The hits, then names that look like the words (the user may have mistyped), up to the page size. */
    private static List<SearchHit> withTypos(SearchMapper mapper, SearchCriteria typos, List<SearchHit> hits) {
        List<SearchHit> more = mapper.search(typos);
        List<SearchHit> merged = new ArrayList<>(hits);
        Set<Long> seen = new java.util.HashSet<>();
        hits.forEach(h -> seen.add(h.contentId()));
        for (SearchHit h : more) {
            if (merged.size() < typos.limit() && seen.add(h.contentId())) {
                merged.add(h);
            }
        }
        return merged;
    }

    private SearchResult similar(SearchRequest r, long start, SearchIndex snapshot) {
        try (SqlSession session = sessions.openSession(true)) {
            SearchMapper mapper = session.getMapper(SearchMapper.class);
            long id = contentId(mapper, r.similarTo());
            int limit = Math.max(1, Math.min(r.limit(), 500));
            int d = snapshot == null ? -1 : snapshot.ordinal(id);
            if (d >= 0 && snapshot.hasPrints(d)) {
                float bpm = snapshot.bpm(d);
                List<Integer> keys = snapshot.key(d) < 0 ? List.of() : compatibleKeys(snapshot.key(d));
                SearchIndex.Page page;
                try {
                    page = snapshot.similar(d, keys, Float.isNaN(bpm) ? List.of() : tempos(bpm), limit);
                } finally {
                    snapshot.endQuery();
                }
                List<SearchHit> hits = rows(mapper, page);
                return new SearchResult(hits.size(), false, false, (System.nanoTime() - start) / 1e6, hits, null,
                        List.of());
            }
            SimilarSource source = mapper.similarSource(id).orElseThrow(
                    () -> new SearchException("'" + r.similarTo() + "' is not analysed yet: run 'analyze' first"));
            if (source.rhythmPrint() == null || source.pitchPrint() == null) {
                throw new SearchException("'" + r.similarTo() + "' could not be analysed, so nothing is like it");
            }
            List<Integer> keys = source.keyCode() == null ? List.of() : compatibleKeys(source.keyCode());
            List<BpmRange> tempos = source.bpm() == null ? List.of() : tempos(source.bpm());
            List<SearchHit> hits = mapper.similar(source, keys.toArray(new Integer[0]), tempos, limit);
            return new SearchResult(hits.size(), false, false, (System.nanoTime() - start) / 1e6, hits, null, List.of());
        }
    }

    /** Close tempo: within 6 %, or half or double within 3 %. */
    private static List<BpmRange> tempos(double bpm) {
        return List.of(new BpmRange(bpm * 0.94, bpm * 1.06), new BpmRange(bpm / 2 * 0.97, bpm / 2 * 1.03),
                new BpmRange(bpm * 2 * 0.97, bpm * 2 * 1.03));
    }

    private static long contentId(SearchMapper mapper, String similarTo) {
        if (similarTo.matches("\\d{1,18}")) {
            return Long.parseLong(similarTo);
        }
        String path;
        try {
            path = java.nio.file.Path.of(similarTo).toAbsolutePath().normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            throw new SearchException("'" + similarTo.replace('\0', '?') + "' is not a file path or a content id");
        }
        List<Long> ids = mapper.contentIdsByPath(path);
        if (ids.isEmpty()) {
            ids = mapper.contentIdsByPath(similarTo);
        }
        if (ids.isEmpty()) {
            throw new SearchException("'" + similarTo + "' is not in the library (import it first)");
        }
        return ids.get(0);
    }

    /** Words as a prefix query: {@code deep hou} becomes {@code deep:* & hou:*}; nothing else gets through. */
    static String tsquery(String text) {
        List<String> words = queryWords(text);
        return words.isEmpty() ? null : String.join(":* & ", words) + ":*";
    }

    /** The query's words: letters and digits, lower case, at most {@link #MAX_WORDS} of {@link #MAX_WORD} chars. */
    static List<String> queryWords(String text) {
        if (text == null) {
            return List.of();
        }
        Matcher m = WORD.matcher(text.length() > 4096 ? text.substring(0, 4096) : text);
        List<String> words = new ArrayList<>();
        while (m.find() && words.size() < MAX_WORDS) {
            String w = m.group().toLowerCase(Locale.ROOT);
            words.add(w.length() > MAX_WORD ? w.substring(0, MAX_WORD) : w);
        }
        return words;
    }

    /** The words of {@code text}, lower case, separated by single spaces. */
    private static String words(String text) {
        Matcher m = WORD.matcher(text.length() > 4096 ? text.substring(0, 4096) : text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            sb.append(sb.length() == 0 ? "" : " ").append(m.group().toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    private static SearchCriteria criteria(SearchRequest r, String tsquery, String fuzzy) {
        Sort sort = r.sort() != null ? r.sort() : tsquery != null ? Sort.RELEVANCE : Sort.NAME;
        if (r.collection() != null && (r.sort() == null || r.sort() == Sort.RELEVANCE) && tsquery == null) {
            sort = Sort.POSITION; // a collection without words: in its own order
        }
        if (fuzzy != null && sort == Sort.RELEVANCE) {
            sort = Sort.NAME;
        }
        if (sort == Sort.POSITION && r.collection() == null) {
            throw new SearchException("--sort position is the order of a collection: give --collection too");
        }
        if (r.text() != null && !r.text().isBlank() && tsquery == null && fuzzy == null && r.similarTo() == null
                && WORD.matcher(r.text()).find()) {
            throw new SearchException("cannot search for '" + r.text() + "'");
        }
        int limit = r.limit() <= 0 ? 50 : r.limit();
        if (limit > 1000) {
            throw new SearchException("--limit is at most 1000 per page; use the next-page cursor for more");
        }
        List<BpmRange> bpm = new ArrayList<>();
        if (r.bpm() != null) {
            double[] range = range(r.bpm(), "--bpm", 20, 400);
            double lo = range[0] == range[1] ? range[0] - 0.5 : range[0];
            double hi = range[0] == range[1] ? range[1] + 0.5 : range[1];
            bpm.add(new BpmRange(lo, hi));
            if (r.halfDouble()) {
                bpm.add(new BpmRange(lo / 2, hi / 2));
                bpm.add(new BpmRange(lo * 2, hi * 2));
            }
        }
        List<Integer> keys = List.of();
        if (r.key() != null) {
            int code = keyCode(r.key());
            keys = r.compatible() ? compatibleKeys(code) : List.of(code);
        }
        Integer barsMin = null;
        Integer barsMax = null;
        if (r.bars() != null) {
            double[] range = range(r.bars(), "--bars", 0, 100_000);
            barsMin = (int) Math.ceil(range[0]);
            barsMax = (int) Math.floor(range[1]);
        }
        Double durationMin = null;
        Double durationMax = null;
        if (r.duration() != null) {
            double[] range = range(r.duration(), "--duration", 0, 1e7);
            durationMin = range[0];
            durationMax = range[1];
        }
        if (r.state() != null && !r.state().equals("done") && !r.state().equals("failed")) {
            throw new SearchException("--state is 'done' or 'failed', not '" + r.state() + "'");
        }
        if (r.minRating() != null && (r.minRating() < 1 || r.minRating() > 5)) {
            throw new SearchException("--rating is 1 to 5");
        }
        String instrument = r.instrument() == null ? null : r.instrument().strip().toLowerCase(Locale.ROOT);
        SearchCriteria criteria = new SearchCriteria(tsquery, fuzzy, bpm, keys, blankToNull(r.meter()), barsMin,
                barsMax, durationMin, durationMax, blankToNull(instrument), r.drums(), blankToNull(r.tag()),
                blankToNull(r.vendor()), blankToNull(r.pack()), r.favorite(), r.minRating(), r.state(), sort,
                r.descending(), limit, null, null, r.collection(), r.hideDuplicates());
        if (r.cursor() == null) {
            return criteria;
        }
        String[] parts = decodeCursor(r.cursor(), criteria);
        return new SearchCriteria(tsquery, fuzzy, bpm, keys, criteria.meter(), barsMin, barsMax, durationMin,
                durationMax, criteria.instrument(), r.drums(), criteria.tag(), criteria.vendor(), criteria.pack(),
                r.favorite(), r.minRating(), r.state(), sort, r.descending(), limit, parts[0], Long.parseLong(parts[1]),
                r.collection(), r.hideDuplicates());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** {@code 120} or {@code 118-126} within [min, max]. */
    static double[] range(String text, String option, double min, double max) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw new SearchException(option + " takes a number or a range like 118-126, not '" + text + "'");
        }
        double lo = Double.parseDouble(m.group(1));
        double hi = m.group(2) == null ? lo : Double.parseDouble(m.group(2));
        if (lo > hi || lo < min || hi > max) {
            throw new SearchException(option + " must be a range from " + (long) min + " to " + (long) max
                    + " with the smaller number first, not '" + text + "'");
        }
        return new double[] {lo, hi};
    }

    /** {@code Am}, {@code F#m}, {@code Eb}, {@code A minor} or Camelot {@code 8A}. */
    static int keyCode(String text) {
        String t = text.strip();
        Matcher camelot = Pattern.compile("(?i)(1[0-2]|[1-9])\\s*([ab])").matcher(t);
        Optional<MusicalKey> key;
        if (camelot.matches()) {
            key = Optional.of(MusicalKey.fromCamelot(Integer.parseInt(camelot.group(1)),
                    camelot.group(2).equalsIgnoreCase("a")));
        } else {
            key = MusicalKey.parse(t);
        }
        MusicalKey k = key.orElseThrow(() -> new SearchException(
                "--key takes a key like Am, F#m, Eb, 'A minor' or a Camelot code like 8A, not '" + text + "'"));
        return k.tonic() * 2 + (k.minor() ? 1 : 0);
    }

    /** The key, its relative, and its neighbours on the Camelot wheel (same letter, ±1). */
    static List<Integer> compatibleKeys(int code) {
        return MusicalKey.ofCode(code).compatible().stream().map(MusicalKey::code).toList();
    }

    /** What a cursor's sort value must look like, by the SQL type it is cast to (a tampered one is no SQL error). */
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?[-+]\\d{2}(:\\d{2}){0,2}");

    /** The sort, the sort value of the last hit and its content id: a cursor only for a search of that sort. */
    private static String cursor(Sort sort, String sortValue, long contentId) {
        String raw = sort + "\n" + (sortValue == null ? "" : sortValue) + "\n" + contentId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort value and content id of a cursor that {@link #cursor} wrote for a search sorted like this one. */
    private static String[] decodeCursor(String cursor, SearchCriteria criteria) {
        String sort;
        String value;
        String id;
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int first = raw.indexOf('\n');
            int last = raw.lastIndexOf('\n');
            sort = raw.substring(0, first);
            value = raw.substring(first + 1, last);
            id = raw.substring(last + 1);
            Long.parseLong(id);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new SearchException("--after: the page cursor is not one this program wrote");
        }
        if (!sort.equals(criteria.sort().name())) {
            throw new SearchException("--after: the page cursor is of a search sorted by "
                    + sort.toLowerCase(Locale.ROOT) + ", not by " + criteria.sort().name().toLowerCase(Locale.ROOT)
                    + "; start again without it");
        }
        String type = criteria.relevance() ? "double precision" : criteria.sortType();
        boolean ok = switch (type) {
            case "text" -> true;
            case "timestamptz" -> TIMESTAMP.matcher(value).matches();
            default -> NUMBER.matcher(value).matches();
        };
        if (!ok) {
            throw new SearchException("--after: the page cursor is not one this program wrote");
        }
        return new String[] {value, id};
    }

    /** Stops the index this service made for itself ({@link #indexed}); a keeper passed in stays open. */
    @Override
    public void close() {
        if (ownsIndex) {
            index.close();
        }
    }
}
