package com.midicenter.library.search;

import com.midicenter.persistence.search.FacetCount;
import com.midicenter.persistence.search.SearchCriteria;
import com.midicenter.persistence.search.SearchCriteria.BpmRange;
import com.midicenter.persistence.search.SearchCriteria.Sort;
import com.midicenter.persistence.search.SearchDocStream;
import com.midicenter.persistence.search.TagName;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable in-memory snapshot of {@code search_doc}, built in one streaming pass, that answers a search without
 * asking PostgreSQL anything but the rows of the page. Words are prefix-matched over a sorted term dictionary with
 * delta-encoded postings; every filter is a bit set over document ordinals (precomputed per key, meter, instrument,
 * tempo bucket and flag; ranges read off the sort orders); totals are exact pop counts; sorted pages walk a
 * precomputed order from the cursor, or select the top of the matches when there are few. Thread-safe (immutable;
 * per-thread scratch arrays for relevance).
 *
 * <p>Memory is about 250 bytes a file (941,817 files: 235 MB measured), held by whoever keeps the snapshot
 * ({@link #bytesEstimate()}), and the scratch of each searching thread ({@link #scratchBytes()}).
 */
final class SearchIndex {

    /**
     * Matches up to which a sorted page is chosen among the matches themselves (a random read of each one's rank)
     * rather than by walking the order from the cursor (about size / matches * limit sequential steps).
     */
    static final int SELECT_BELOW = 2_000;
    /** Matches counted at most for the vendor and tag facets (a stride sample beyond, counts scaled). */
    static final int FACET_SAMPLE = 50_000;
    /** Values shown at most for the vendor and tag facets. */
    static final int FACET_TOP = 100;

    private static final int BPM_BUCKETS = 41; // 0-9 .. 400+, by tens
    private static final long ORDINAL_MASK = 0xff_ffff_ffffL;

    final int size;
    private final long[] ids;
    private final float[] bpm;
    private final byte[] key;
    private final int[] bars;
    private final float[] duration;
    private final long[] added;
    private final byte[] rating;
    private final int[] vendor;
    private final List<String> vendors;
    private final Map<String, int[]> vendorDocs;
    private final Map<String, int[]> packDocs;
    private final byte[] names;
    private final int[] nameStart;
    private final long[] rhythm;
    private final long[] pitch;

    private final String[] terms;
    private final int[] termStart;
    private final byte[] postings;

    private final int[] docTagStart;
    private final int[] docTags;            // tag ids
    private final Map<Integer, int[]> tagDocs;
    private final Map<String, int[]> tagIdsByLowerName;
    private final String[] facetTags; // by tag id: "category:name" of part and genre tags, else null

    private final long[][] keyBits = new long[24][];
    private final long[][] bpmBuckets = new long[BPM_BUCKETS][];
    private final Map<String, long[]> meterBits;
    private final Map<String, long[]> instrumentBits;
    private final short[] meterCode;            // into meterNames, -1 none
    private final List<String> meterNames;
    private final int[] instrumentMask;         // bit i: instrumentNames[i] (null with more than 32 instruments)
    private final List<String> instrumentNames;
    private final long[] drums;
    private final long[] favorite;
    private final long[] failed;
    private final long[] prints;
    private final long[] duplicates;            // hidden by hideDuplicates: musical duplicates of an older content
    private final long[] all;

    private final int[][] orders = new int[Sort.values().length][];
    private final int[][] ranks = new int[Sort.values().length][];
    /** What {@link #bytesEstimate()} returns, or -1 before it was first asked (a benign race: the same count). */
    private volatile long bytes = -1;

    /**
     * Each thread's scratch, shared by every snapshot: per snapshot, a thread's arrays would stay in its thread-local
     * map after the snapshot is replaced (a stale entry is only expunged by chance), and an import rebuilding the index
     * every few seconds piled up a generation of them per searcher thread.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::register);
    private static final Map<Thread, Scratch> SCRATCH_BY_THREAD = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * One thread's scratch: the bit sets of its queries, reused (a query over a million files works on a dozen sets of
     * 122 KB; allocated afresh, 32 searchers would make the collector the busiest thread), and the relevance sums.
     * Everything a query took is given back by {@link #endQuery()}; sets of another snapshot's size are dropped.
     */
    private static final class Scratch {
        private static final int KEEP = 24;
        private final ArrayList<long[]> free = new ArrayList<>();
        private final ArrayList<long[]> taken = new ArrayList<>();
        private byte[][] relevance;
        private volatile long bytes; // written by the owner only

        static Scratch register() {
            Scratch s = new Scratch();
            SCRATCH_BY_THREAD.put(Thread.currentThread(), s);
            return s;
        }

        long[] take(int size) {
            int words = (size + 63) >>> 6;
            long[] b = null;
            while (b == null && !free.isEmpty()) {
                long[] f = free.remove(free.size() - 1);
                if (f.length == words) {
                    b = f;
                } else {
                    bytes -= arrayBytes(f);
                }
            }
            if (b == null) {
                b = Bits.of(size);
                bytes += arrayBytes(b);
            }
            taken.add(b);
            return b;
        }

        void giveBack() {
            for (long[] b : taken) {
                if (free.size() < KEEP) {
                    free.add(b);
                } else {
                    bytes -= arrayBytes(b);
                }
            }
            taken.clear();
        }

        byte[][] relevance(int size) {
            if (relevance == null || relevance[0].length < size) {
                long old = relevance == null ? 0 : 2 * arrayBytes(relevance[0]);
                relevance = new byte[][] {new byte[size], new byte[size]};
                bytes += 2 * arrayBytes(relevance[0]) - old;
            }
            return relevance;
        }
    }

    /** Heap held by the scratch of the threads alive now (their reused bit sets and relevance arrays), in bytes. */
    static long scratchBytes() {
        synchronized (SCRATCH_BY_THREAD) {
            long sum = 0;
            for (Scratch s : SCRATCH_BY_THREAD.values()) {
                sum += s.bytes;
            }
            return sum;
        }
    }

    /** An empty bit set for this thread's current query (valid until {@link #endQuery()}). */
    private long[] scratchBits() {
        long[] b = SCRATCH.get().take(size);
        Arrays.fill(b, 0L);
        return b;
    }

    /** A copy of a bit set, for this thread's current query. */
    private long[] copy(long[] source) {
        long[] b = SCRATCH.get().take(size);
        System.arraycopy(source, 0, b, 0, b.length);
        return b;
    }

    /**
     * Ends this thread's query: the bit sets of its {@link Matches} and pages are reused by the next one, so call it
     * when the results have been read (SearchService does, in a finally).
     */
    void endQuery() {
        SCRATCH.get().giveBack();
    }

    /** The result of matching a query: its members (a bit set) and how many. */
    record Matches(long[] bits, int count, long[][] levels) {
        Matches(long[] bits, int count) {
            this(bits, count, null);
        }
    }

    /**
     * The documents of a manual collection in its order (position, then content id), as this snapshot knows them:
     * contents not in it (not analysed, or newer) are left out.
     */
    record Members(int[] ordinals, int[] positions) {
    }

    /** One page: content ids in order, each with its sort value (as the cursor writes it) and relevance. */
    record Page(long[] ids, String[] sortValues, double[] ranks, int[] distances) {
    }

    private SearchIndex(Builder b) {
        size = b.size;
        ids = Arrays.copyOf(b.ids, size);
        bpm = Arrays.copyOf(b.bpm, size);
        key = Arrays.copyOf(b.key, size);
        bars = Arrays.copyOf(b.bars, size);
        duration = Arrays.copyOf(b.duration, size);
        added = Arrays.copyOf(b.added, size);
        rating = Arrays.copyOf(b.rating, size);
        vendor = Arrays.copyOf(b.vendor, size);
        vendors = List.copyOf(b.vendorNames);
        vendorDocs = b.valueDocs(b.vendorNames, vendor);
        packDocs = b.valueDocs(b.packNames, Arrays.copyOf(b.pack, size));
        names = Arrays.copyOf(b.names, b.namesLength);
        nameStart = Arrays.copyOf(b.nameStart, size + 1);
        rhythm = Arrays.copyOf(b.rhythm, size);
        pitch = Arrays.copyOf(b.pitch, size);

        terms = b.terms.keySet().toArray(new String[0]);
        Arrays.sort(terms);
        termStart = new int[terms.length + 1];
        int total = 0;
        for (int t = 0; t < terms.length; t++) {
            termStart[t] = total;
            total += b.terms.get(terms[t]).length;
        }
        termStart[terms.length] = total;
        postings = new byte[total];
        for (int t = 0; t < terms.length; t++) {
            Builder.Postings p = b.terms.get(terms[t]);
            System.arraycopy(p.bytes, 0, postings, termStart[t], p.length);
        }

        docTagStart = Arrays.copyOf(b.docTagStart, size + 1);
        docTags = Arrays.copyOf(b.docTags, b.docTagsLength);
        tagDocs = new HashMap<>();
        Map<Integer, Integer> perTag = new HashMap<>();
        for (int i = 0; i < docTags.length; i++) {
            perTag.merge(docTags[i], 1, Integer::sum);
        }
        Map<Integer, int[]> fill = new HashMap<>();
        perTag.forEach((id, n) -> fill.put(id, new int[n + 1])); // last slot: fill position
        for (int d = 0; d < size; d++) {
            for (int i = docTagStart[d]; i < docTagStart[d + 1]; i++) {
                int[] list = fill.get(docTags[i]);
                list[list[list.length - 1]++] = d;
            }
        }
        fill.forEach((id, list) -> tagDocs.put(id, Arrays.copyOf(list, list.length - 1)));
        tagIdsByLowerName = new HashMap<>();
        int maxTag = 0;
        for (TagName t : b.tags) {
            maxTag = Math.max(maxTag, t.id());
        }
        facetTags = new String[maxTag + 1];
        for (TagName t : b.tags) {
            tagIdsByLowerName.merge(t.name().toLowerCase(java.util.Locale.ROOT), new int[] {t.id()}, (x, y) -> {
                int[] z = Arrays.copyOf(x, x.length + 1);
                z[x.length] = y[0];
                return z;
            });
            if (t.category().equals("part") || t.category().equals("genre")) {
                facetTags[t.id()] = t.category() + ":" + t.name();
            }
        }

        all = Bits.all(size);
        drums = Bits.of(size);
        favorite = Bits.of(size);
        failed = Bits.of(size);
        prints = Bits.of(size);
        duplicates = Bits.of(size);
        for (int k = 0; k < 24; k++) {
            keyBits[k] = Bits.of(size);
        }
        for (int k = 0; k < BPM_BUCKETS; k++) {
            bpmBuckets[k] = Bits.of(size);
        }
        meterBits = new TreeMap<>();
        instrumentBits = new TreeMap<>();
        for (int d = 0; d < size; d++) {
            if (key[d] >= 0) {
                Bits.set(keyBits[key[d]], d);
            }
            if (!Float.isNaN(bpm[d])) {
                Bits.set(bpmBuckets[bpmBucket(bpm[d])], d);
            }
            int flags = b.flags[d];
            if ((flags & Builder.DRUMS) != 0) {
                Bits.set(drums, d);
            }
            if ((flags & Builder.FAVORITE) != 0) {
                Bits.set(favorite, d);
            }
            if ((flags & Builder.FAILED) != 0) {
                Bits.set(failed, d);
            }
            if ((flags & Builder.PRINTS) != 0) {
                Bits.set(prints, d);
            }
            if (b.meter[d] >= 0) {
                Bits.set(meterBits.computeIfAbsent(b.meterNames.get(b.meter[d]), m -> Bits.of(size)), d);
            }
        }
        for (int i = 0; i < b.instrumentNames.size(); i++) {
            instrumentBits.put(b.instrumentNames.get(i), Arrays.copyOf(b.instrumentDocs.get(i), all.length));
        }
        meterCode = Arrays.copyOf(b.meter, size);
        meterNames = List.copyOf(b.meterNames);
        instrumentNames = List.copyOf(b.instrumentNames);
        instrumentMask = instrumentNames.size() > 32 ? null : new int[size];
        if (instrumentMask != null) {
            for (int i = 0; i < instrumentNames.size(); i++) {
                long[] docs = instrumentBits.get(instrumentNames.get(i));
                for (int d = Bits.next(docs, 0); d >= 0; d = Bits.next(docs, d + 1)) {
                    instrumentMask[d] |= 1 << i;
                }
            }
        }
        for (Sort s : Sort.values()) {
            if (s != Sort.RELEVANCE && s != Sort.POSITION) { // a collection's order comes with each search
                int[] order = buildOrder(s);
                int[] rank = new int[size];
                for (int i = 0; i < size; i++) {
                    rank[order[i]] = i;
                }
                orders[s.ordinal()] = order;
                ranks[s.ordinal()] = rank;
            }
        }
    }

    /**
     * Streams {@code search_doc} into a new snapshot.
     *
     * @param duplicates the contents {@code hideDuplicates} leaves out (musical duplicates of an older content)
     */
    static SearchIndex build(java.sql.Connection connection, List<TagName> tags, long[] duplicates)
            throws java.sql.SQLException {
        Builder b = new Builder(tags);
        SearchDocStream.read(connection, b::add);
        SearchIndex index = new SearchIndex(b);
        for (long id : duplicates) {
            int d = index.ordinal(id);
            if (d >= 0) {
                Bits.set(index.duplicates, d);
            }
        }
        return index;
    }

    private static int bpmBucket(float bpm) {
        return Math.max(0, Math.min(BPM_BUCKETS - 1, (int) Math.floor(bpm / 10)));
    }

    /**
     * Heap held by this snapshot, in bytes, counted from its arrays, strings and maps (a 64-bit JVM with compressed
     * references: 16-byte array headers, 8-byte alignment, compact strings); the threads' scratch is
     * {@link #scratchBytes()}. Counted once (the snapshot never changes; its term dictionary is long to walk).
     */
    long bytesEstimate() {
        long b = bytes;
        if (b < 0) {
            b = countBytes();
            bytes = b;
        }
        return b;
    }

    private long countBytes() {
        long b = arrayBytes(ids) + arrayBytes(bpm) + arrayBytes(key) + arrayBytes(bars) + arrayBytes(duration)
                + arrayBytes(added) + arrayBytes(rating) + arrayBytes(vendor) + stringsBytes(vendors)
                + mapBytes(vendorDocs) + mapBytes(packDocs) + arrayBytes(names) + arrayBytes(nameStart)
                + arrayBytes(rhythm) + arrayBytes(pitch) + stringsBytes(Arrays.asList(terms)) + arrayBytes(termStart)
                + arrayBytes(postings) + arrayBytes(docTagStart) + arrayBytes(docTags) + arrayBytes(meterCode)
                + stringsBytes(meterNames) + arrayBytes(instrumentMask) + stringsBytes(instrumentNames)
                + arrayBytes(drums) + arrayBytes(favorite) + arrayBytes(failed) + arrayBytes(prints)
                + arrayBytes(duplicates) + arrayBytes(all) + mapBytes(meterBits) + mapBytes(instrumentBits)
                + stringsBytes(Arrays.asList(facetTags)) + mapBytes(tagIdsByLowerName);
        for (long[] k : keyBits) {
            b += arrayBytes(k);
        }
        for (long[] k : bpmBuckets) {
            b += arrayBytes(k);
        }
        for (int i = 0; i < orders.length; i++) {
            b += arrayBytes(orders[i]) + arrayBytes(ranks[i]);
        }
        for (Map.Entry<Integer, int[]> e : tagDocs.entrySet()) {
            b += ENTRY_BYTES + 16 + arrayBytes(e.getValue());
        }
        return b + 64L * 16; // the object and its small holders
    }

    private static final long ENTRY_BYTES = 40; // a HashMap node or TreeMap entry and its table slot

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }

    private static long arrayBytes(Object a) {
        if (a == null) {
            return 0;
        }
        int n = java.lang.reflect.Array.getLength(a);
        int each = a instanceof long[] || a instanceof double[] ? 8
                : a instanceof int[] || a instanceof float[] || a instanceof Object[] ? 4
                : a instanceof short[] || a instanceof char[] ? 2 : 1;
        return align(16 + (long) n * each);
    }

    private static long stringBytes(String s) {
        return s == null ? 0 : 24 + align(16 + (long) s.length() * (s.chars().allMatch(ch -> ch < 256) ? 1 : 2));
    }

    private static long stringsBytes(List<String> strings) {
        long b = align(16 + 4L * strings.size());
        for (String s : strings) {
            b += stringBytes(s);
        }
        return b;
    }

    private static long mapBytes(Map<String, ?> map) {
        long b = 48 + align(16 + 4L * Integer.highestOneBit(Math.max(1, map.size() * 2)));
        for (Map.Entry<String, ?> e : map.entrySet()) {
            b += ENTRY_BYTES + stringBytes(e.getKey()) + arrayBytes(e.getValue());
        }
        return b;
    }

    // ---- matching ------------------------------------------------------------------------------------------------

    /** A collection's contents in its order, as {@code SearchMapper.collectionMembers} gives them. */
    Members members(com.midicenter.persistence.search.CollectionMembers items) {
        Long[] contentIds = items.contentIds();
        Integer[] itemPositions = items.positions();
        int[] ordinals = new int[contentIds.length];
        int[] positions = new int[contentIds.length];
        int n = 0;
        for (int i = 0; i < contentIds.length; i++) {
            int d = ordinal(contentIds[i]);
            if (d >= 0) {
                ordinals[n] = d;
                positions[n++] = itemPositions[i];
            }
        }
        return new Members(Arrays.copyOf(ordinals, n), Arrays.copyOf(positions, n));
    }

    /** The documents that meet every filter and contain every word (as a prefix of one of their words). */
    Matches match(SearchCriteria c, List<String> words) {
        return match(c, words, null);
    }

    /** As {@link #match(SearchCriteria, List)}, within {@code collection} when it is not null. */
    Matches match(SearchCriteria c, List<String> words, Members collection) {
        long[] m = null;
        long[][] levels = null;
        if (collection != null) {
            m = docBits(collection.ordinals());
        }
        if (c.relevance() && words.size() == 1) {
            // one word ranked: its documents by score level, so the page is read off the best levels
            levels = levels(words.get(0));
            long[] word = scratchBits();
            for (long[] level : levels) {
                if (level != null) {
                    Bits.or(word, level);
                }
            }
            m = and(m, word);
            words = List.of();
        }
        for (String w : words) {
            long[] b = wordBits(w);
            if (m == null) {
                m = b; // fresh: no copy needed
            } else {
                Bits.and(m, b);
            }
        }
        if (c.hasBpm()) {
            long[] b = scratchBits();
            for (BpmRange r : c.bpmRanges()) {
                rangeBits(Sort.BPM, r.lo(), r.hi(), b);
            }
            m = and(m, b);
        }
        if (c.hasKeys()) {
            long[] b = scratchBits();
            for (int k : c.keyCodes()) {
                if (k >= 0 && k < 24) {
                    Bits.or(b, keyBits[k]);
                }
            }
            m = and(m, b);
        }
        if (c.meter() != null) {
            m = andOrNothing(m, meterBits.get(c.meter()));
        }
        if (c.instrument() != null) {
            m = andOrNothing(m, instrumentBits.get(c.instrument()));
        }
        if (c.drums() != null) {
            m = c.drums() ? and(m, drums) : andNot(m, drums);
        }
        if (c.tag() != null) {
            long[] b = scratchBits();
            for (int id : tagIdsByLowerName.getOrDefault(c.tag().toLowerCase(java.util.Locale.ROOT), new int[0])) {
                for (int d : tagDocs.getOrDefault(id, new int[0])) {
                    Bits.set(b, d);
                }
            }
            m = and(m, b);
        }
        if (c.vendor() != null) {
            m = and(m, docBits(vendorDocs.get(c.vendor())));
        }
        if (c.pack() != null) {
            m = and(m, docBits(packDocs.get(c.pack())));
        }
        if (c.favorite()) {
            m = and(m, favorite);
        }
        if (c.minRating() != null) {
            long[] b = scratchBits();
            for (int d = 0; d < size; d++) {
                if (rating[d] >= c.minRating()) {
                    Bits.set(b, d);
                }
            }
            m = and(m, b);
        }
        if (c.state() != null) {
            m = c.state().equals("failed") ? and(m, failed) : andNot(m, failed);
        }
        if (c.hideDuplicates()) {
            m = andNot(m, duplicates);
        }
        // length ranges last: usually wide (most loops are 4 or 8 bars), so often cheaper checked on the few
        // matches left than set for the whole library
        if (c.barsMin() != null || c.barsMax() != null) {
            m = range(m, Sort.BARS, c.barsMin() == null ? 0 : c.barsMin(), c.barsMax() == null ? 999_999 : c.barsMax());
        }
        if (c.durationMin() != null || c.durationMax() != null) {
            m = range(m, Sort.DURATION, c.durationMin() == null ? Double.NEGATIVE_INFINITY : c.durationMin(),
                    c.durationMax() == null ? 999_999 : c.durationMax());
        }
        if (m == null) {
            return new Matches(all, size);
        }
        return new Matches(m, Bits.count(m), levels);
    }

    /** {@code m & b} into a fresh set when {@code m} is shared; {@code m == null} means "everything". */
    private long[] and(long[] m, long[] b) {
        long[] out = m == null ? copy(b) : m;
        if (m != null) {
            Bits.and(out, b);
        }
        return out;
    }

    private long[] andNot(long[] m, long[] b) {
        long[] out = m == null ? copy(all) : m;
        Bits.andNot(out, b);
        return out;
    }

    private long[] andOrNothing(long[] m, long[] b) {
        return and(m, b == null ? scratchBits() : b);
    }

    private long[] docBits(int[] docs) {
        long[] b = scratchBits();
        if (docs != null) {
            for (int d : docs) {
                Bits.set(b, d);
            }
        }
        return b;
    }

    /** Documents with a word starting with {@code prefix}. */
    private long[] wordBits(String prefix) {
        return termBits(prefixTerms(prefix), scratchBits());
    }

    private int lowerBound(String prefix) {
        int i = Arrays.binarySearch(terms, prefix);
        return i >= 0 ? i : -i - 1;
    }

    /**
     * Adds the documents whose sort value of {@code s} lies in [lo, hi] (absent values never do): both ends by binary
     * search, then one sequential pass over that stretch of the order (no random reads of the values).
     */
    private void rangeBits(Sort s, double lo, double hi, long[] into) {
        int[] order = orders[s.ordinal()];
        double absent = sortValue(s, -1);
        int from = firstAtLeast(order, s, lo);
        int to = firstAtLeast(order, s, Math.min(Math.nextUp(hi), absent)); // absent values sort last
        for (int i = from; i < to; i++) {
            Bits.set(into, order[i]);
        }
    }

    /** {@code m} restricted to values in [lo, hi]: by checking its members when they are few, else by a bit set. */
    private long[] range(long[] m, Sort s, double lo, double hi) {
        int[] order = orders[s.ordinal()];
        int width = firstAtLeast(order, s, Math.min(Math.nextUp(hi), sortValue(s, -1))) - firstAtLeast(order, s, lo);
        if (m != null && Bits.count(m) < width / 4) {
            for (int d = Bits.next(m, 0); d >= 0; d = Bits.next(m, d + 1)) {
                double v = sortValue(s, d);
                if (!(v >= lo && v <= hi)) {
                    m[d >>> 6] &= ~(1L << d);
                }
            }
            return m;
        }
        long[] b = scratchBits();
        rangeBits(s, lo, hi, b);
        return and(m, b);
    }

    private int firstAtLeast(int[] order, Sort s, double lo) {
        int a = 0;
        int b = order.length;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (sortValue(s, order[mid]) < lo) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }

    /** The sort key, absent values last exactly as the SQL's {@code coalesce} puts them. */
    private double sortValue(Sort s, int d) {
        if (d < 0) { // the value absent ones sort as
            return switch (s) {
                case BPM -> 100_000f;
                case KEY -> 100;
                case BARS, DURATION -> 1_000_000;
                case ADDED -> Double.POSITIVE_INFINITY;
                case RATING -> 0;
                case RELEVANCE, NAME, POSITION -> throw new IllegalArgumentException(s.name());
            };
        }
        return switch (s) {
            case BPM -> Float.isNaN(bpm[d]) ? 100_000f : bpm[d];
            case KEY -> key[d] < 0 ? 100 : key[d];
            case BARS -> bars[d] < 0 ? 1_000_000 : bars[d];
            case DURATION -> Float.isNaN(duration[d]) ? 1_000_000f : duration[d];
            case ADDED -> added[d];
            case RATING -> rating[d];
            case RELEVANCE, NAME, POSITION -> throw new IllegalArgumentException(s.name());
        };
    }

    // ---- pages ---------------------------------------------------------------------------------------------------

    /** One page of the matches in the criteria's order, after its cursor. */
    Page page(Matches m, SearchCriteria c, List<String> words) {
        return page(m, c, words, null);
    }

    /** As {@link #page(Matches, SearchCriteria, List)}; {@code collection} gives the order of {@link Sort#POSITION}. */
    Page page(Matches m, SearchCriteria c, List<String> words, Members collection) {
        if (c.byPosition()) {
            if (collection == null) {
                throw new IllegalArgumentException("sort=POSITION needs the collection's members");
            }
            return positionPage(m, c, collection);
        }
        if (c.relevance() && m.levels() != null) {
            return levelPage(m, c);
        }
        if (c.relevance() && !words.isEmpty()) {
            return relevancePage(m, c, words);
        }
        Sort sort = c.sort() == Sort.RELEVANCE ? Sort.NAME : c.sort();
        boolean desc = c.descending();
        int[] order = orders[sort.ordinal()];
        int[] rank = ranks[sort.ordinal()];
        // the positions of the order this page may take: after the cursor, within a range filter on the sort
        int from = 0;
        int to = size - 1;
        if (c.afterId() != null) {
            Cursor cursor = new Cursor(sort, c.afterValue(), c.afterId());
            int p = position(order, sort, cursor);
            if (desc) {
                to = p - 1;
                while (to >= 0 && compare(sort, order[to], cursor) >= 0) {
                    to--;
                }
            } else {
                from = p;
            }
        }
        from = Math.max(from, startHint(order, sort, c));
        to = Math.min(to, endHint(order, sort, c));
        int limit = c.limit();
        int[] out = new int[limit];
        int n = 0;
        if (m.count() <= SELECT_BELOW) {
            // few matches: keep the best positions in a bounded heap (the worst kept at its root)
            long[] heap = new long[limit + 1];
            long[] bits = m.bits();
            for (int d = Bits.next(bits, 0); d >= 0; d = Bits.next(bits, d + 1)) {
                int r = rank[d];
                if (r < from || r > to) {
                    continue;
                }
                long v = desc ? r : -(long) r;
                n = offer(heap, n, limit, v);
            }
            long[] best = Arrays.copyOf(heap, n);
            Arrays.sort(best);
            for (int i = 0; i < n; i++) {
                long v = best[n - 1 - i];
                out[i] = order[(int) (desc ? v : -v)];
            }
        } else {
            for (int i = desc ? to : from; i >= from && i <= to && n < limit; i += desc ? -1 : 1) {
                if (Bits.get(m.bits(), order[i])) {
                    out[n++] = order[i];
                }
            }
        }
        long[] pageIds = new long[n];
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            pageIds[i] = ids[out[i]];
            values[i] = sortText(sort, out[i]);
        }
        return new Page(pageIds, values, null, null);
    }

    /**
     * A page in the collection's order: its members walked from the cursor (position, then content id, as the SQL
     * orders them), the matching ones taken.
     */
    private Page positionPage(Matches m, SearchCriteria c, Members collection) {
        int[] ordinals = collection.ordinals();
        int[] positions = collection.positions();
        boolean desc = c.descending();
        int afterPosition = 0;
        long afterId = 0;
        boolean cursor = c.afterId() != null;
        if (cursor) {
            afterPosition = Integer.parseInt(c.afterValue());
            afterId = c.afterId();
        }
        int limit = c.limit();
        long[] pageIds = new long[limit];
        String[] values = new String[limit];
        int n = 0;
        long[] bits = m.bits();
        for (int k = 0; k < ordinals.length && n < limit; k++) {
            int i = desc ? ordinals.length - 1 - k : k;
            int d = ordinals[i];
            if (cursor) {
                int cmp = positions[i] != afterPosition ? Integer.compare(positions[i], afterPosition)
                        : Long.compare(ids[d], afterId);
                if (desc ? cmp >= 0 : cmp <= 0) {
                    continue;
                }
            }
            if (Bits.get(bits, d)) {
                pageIds[n] = ids[d];
                values[n++] = Integer.toString(positions[i]);
            }
        }
        return new Page(Arrays.copyOf(pageIds, n), Arrays.copyOf(values, n), null, null);
    }

    /** Where an ascending walk may begin: the lowest tempo (bars, duration) a range filter on the sort allows. */
    private int startHint(int[] order, Sort sort, SearchCriteria c) {
        double lo = Double.NEGATIVE_INFINITY;
        if (sort == Sort.BPM && c.hasBpm()) {
            lo = c.bpmRanges().stream().mapToDouble(BpmRange::lo).min().orElse(lo);
        } else if (sort == Sort.BARS && c.barsMin() != null) {
            lo = c.barsMin();
        } else if (sort == Sort.DURATION && c.durationMin() != null) {
            lo = c.durationMin();
        }
        return lo == Double.NEGATIVE_INFINITY ? 0 : firstAtLeast(order, sort, lo);
    }

    /** Where a descending walk may begin: the last position a range filter on the sort allows. */
    private int endHint(int[] order, Sort sort, SearchCriteria c) {
        double hi = Double.POSITIVE_INFINITY;
        if (sort == Sort.BPM && c.hasBpm()) {
            hi = c.bpmRanges().stream().mapToDouble(BpmRange::hi).max().orElse(hi);
        } else if (sort == Sort.BARS && c.barsMax() != null) {
            hi = c.barsMax();
        } else if (sort == Sort.DURATION && c.durationMax() != null) {
            hi = c.durationMax();
        }
        return hi == Double.POSITIVE_INFINITY ? size - 1 : firstAtLeast(order, sort, Math.nextUp(hi)) - 1;
    }

    /** The first position of the order after the cursor. */
    private int position(int[] order, Sort sort, Cursor cursor) {
        int a = 0;
        int b = order.length;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (compare(sort, order[mid], cursor) <= 0) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }

    /** Score of a word's match: A 8, B 4, C 2, D 1 by the best weight where it stands, the whole word one more. */
    private static int score(int weight, boolean wholeWord) {
        return (1 << weight) + (wholeWord ? 1 : 0);
    }

    /** The documents of a word by score ({@link #score}): a document is in the level of each term it matches. */
    private long[][] levels(String w) {
        long[][] levels = new long[10][];
        WordTerms wt = prefixTerms(w);
        for (int t : wt.terms()) {
            boolean whole = terms[t].length() == w.length();
            for (PostingCursor pc = new PostingCursor(t); pc.next(); ) {
                int level = score(pc.weight, whole);
                if (levels[level] == null) {
                    levels[level] = scratchBits();
                }
                Bits.set(levels[level], pc.doc);
            }
        }
        return levels;
    }

    /** A one-word page: best level first, each document at its best level, older files first within a level. */
    private Page levelPage(Matches m, SearchCriteria c) {
        int cursorScore = Integer.MAX_VALUE;
        long cursorId = -1;
        if (c.afterId() != null) {
            cursorScore = (int) Math.round(Double.parseDouble(c.afterValue()));
            cursorId = c.afterId();
        }
        int limit = c.limit();
        long[] pageIds = new long[limit];
        String[] values = new String[limit];
        double[] ranks = new double[limit];
        int n = 0;
        long[] seen = scratchBits(); // documents of higher levels
        long[] bits = m.bits();
        long[][] levels = m.levels();
        for (int level = levels.length - 1; level > 0 && n < limit; level--) {
            long[] b = levels[level];
            if (b == null) {
                continue;
            }
            if (level <= cursorScore) {
                for (int i = 0; i < b.length && n < limit; i++) {
                    long word = b[i] & bits[i] & ~seen[i];
                    while (word != 0 && n < limit) {
                        int d = (i << 6) + Long.numberOfTrailingZeros(word);
                        word &= word - 1;
                        if (level == cursorScore && ids[d] <= cursorId) {
                            continue;
                        }
                        pageIds[n] = ids[d];
                        values[n] = Integer.toString(level);
                        ranks[n++] = level;
                    }
                }
            }
            Bits.or(seen, b);
        }
        return new Page(Arrays.copyOf(pageIds, n), Arrays.copyOf(values, n), Arrays.copyOf(ranks, n), null);
    }

    private Page relevancePage(Matches m, SearchCriteria c, List<String> words) {
        List<WordTerms> expanded = new ArrayList<>(words.size());
        for (String w : words) {
            expanded.add(prefixTerms(w));
        }
        return ranked(m, c, expanded);
    }

    /** A query word's dictionary terms: those it is a prefix of, and (typo search) those a typo away. */
    record WordTerms(String word, int[] terms, boolean[] typo) {
    }

    private WordTerms prefixTerms(String w) {
        int from = lowerBound(w);
        int to = from;
        while (to < terms.length && terms[to].startsWith(w)) {
            to++;
        }
        int[] t = new int[to - from];
        for (int i = 0; i < t.length; i++) {
            t[i] = from + i;
        }
        return new WordTerms(w, t, new boolean[t.length]);
    }

    /**
     * The prefix terms of {@code w} and the terms within a small edit distance of it, or of a prefix of them (a
     * typo while typing): one edit for words of 4 to 6 letters, two from 7. The first letter is taken as typed, so
     * only the dictionary's terms with that letter are compared.
     */
    private WordTerms typoTerms(String w) {
        WordTerms exact = prefixTerms(w);
        int k = w.length() < 4 ? 0 : w.length() < 7 ? 1 : 2;
        if (k == 0) {
            return exact;
        }
        java.util.Set<Integer> prefix = new java.util.HashSet<>();
        for (int t : exact.terms()) {
            prefix.add(t);
        }
        List<Integer> typos = new ArrayList<>();
        String first = w.substring(0, 1);
        int[] row = new int[w.length() + 1];
        int[] prev = new int[w.length() + 1];
        for (int t = lowerBound(first); t < terms.length && terms[t].startsWith(first); t++) {
            if (!prefix.contains(t) && terms[t].length() >= w.length() - k
                    && prefixDistance(w, terms[t], k, row, prev) <= k) {
                typos.add(t);
            }
        }
        int[] all = Arrays.copyOf(exact.terms(), exact.terms().length + typos.size());
        boolean[] typo = new boolean[all.length];
        for (int i = 0; i < typos.size(); i++) {
            all[exact.terms().length + i] = typos.get(i);
            typo[exact.terms().length + i] = true;
        }
        return new WordTerms(w, all, typo);
    }

    /** Edit distance of {@code w} to {@code t} or to a prefix of {@code t} (more than {@code k}: some value > k). */
    static int prefixDistance(String w, String t, int k, int[] row, int[] prev) {
        int n = w.length();
        for (int i = 0; i <= n; i++) {
            prev[i] = i;
        }
        int best = n; // against the empty prefix
        int columns = Math.min(t.length(), n + k);
        for (int j = 1; j <= columns; j++) {
            row[0] = j;
            int rowMin = row[0];
            char tc = t.charAt(j - 1);
            for (int i = 1; i <= n; i++) {
                int cost = w.charAt(i - 1) == tc ? 0 : 1;
                row[i] = Math.min(Math.min(row[i - 1] + 1, prev[i] + 1), prev[i - 1] + cost);
                rowMin = Math.min(rowMin, row[i]);
            }
            best = Math.min(best, row[n]);
            if (rowMin > k) {
                return k + 1;
            }
            int[] swap = prev;
            prev = row;
            row = swap;
        }
        return best;
    }

    /** Reads one term's postings: its documents in ordinal order, each with its best weight (3 = A ... 0 = D). */
    private final class PostingCursor {
        private int p;
        private final int end;
        int doc;
        int weight;

        PostingCursor(int term) {
            p = termStart[term];
            end = termStart[term + 1];
        }

        /** Moves to the next posting; false after the last. */
        boolean next() {
            if (p >= end) {
                return false;
            }
            int v = 0;
            int shift = 0;
            byte x;
            do {
                x = postings[p++];
                v |= (x & 0x7f) << shift;
                shift += 7;
            } while (x < 0);
            doc += v >>> 2;
            weight = v & 3;
            return true;
        }
    }

    /** Documents holding one of the terms. */
    private long[] termBits(WordTerms wt, long[] into) {
        for (int t : wt.terms()) {
            for (PostingCursor pc = new PostingCursor(t); pc.next(); ) {
                Bits.set(into, pc.doc);
            }
        }
        return into;
    }

    /**
     * When the words together find too little: documents passing the filters that hold any of the words, a typo
     * allowed in each, best first (documents holding more of the words, in their names, rank higher). The first
     * page only. {@code null} when nothing is found this way either.
     */
    Matches typoMatches(SearchCriteria c, List<String> words, List<WordTerms> expandedOut) {
        return typoMatches(c, words, expandedOut, null);
    }

    /** As {@link #typoMatches(SearchCriteria, List, List)}, within {@code collection} when it is not null. */
    Matches typoMatches(SearchCriteria c, List<String> words, List<WordTerms> expandedOut, Members collection) {
        long[] any = scratchBits();
        for (String w : words) {
            WordTerms wt = typoTerms(w);
            expandedOut.add(wt);
            termBits(wt, any);
        }
        Matches filters = match(c, List.of(), collection);
        Bits.and(any, filters.bits());
        int count = Bits.count(any);
        return count == 0 ? null : new Matches(any, count);
    }

    /** The best page of typo matches ({@code expanded} from {@link #typoMatches}). */
    Page typoPage(Matches m, SearchCriteria c, List<WordTerms> expanded) {
        return ranked(m, c, expanded);
    }

    private Page ranked(Matches m, SearchCriteria c, List<WordTerms> words) {
        byte[][] s = SCRATCH.get().relevance(size);
        byte[] total = s[0];
        byte[] word = s[1];
        long[] bits = m.bits();
        int[] touched = new int[Math.min(m.count(), 1 << 16)];
        for (WordTerms w : words) {
            int touchedCount = 0;
            boolean overflow = false;
            for (int ti = 0; ti < w.terms().length; ti++) {
                int t = w.terms()[ti];
                boolean typo = w.typo()[ti];
                int bonus = !typo && terms[t].length() == w.word().length() ? 1 : 0;
                for (PostingCursor pc = new PostingCursor(t); pc.next(); ) {
                    int doc = pc.doc;
                    if (Bits.get(bits, doc)) {
                        // A 8, B 4, C 2, D 1; the whole word one more; a typo half
                        int score = typo ? Math.max(1, (1 << pc.weight) >> 1) : score(pc.weight, bonus == 1);
                        int old = word[doc];
                        if (old == 0) {
                            if (touchedCount < touched.length) {
                                touched[touchedCount++] = doc;
                            } else {
                                overflow = true;
                            }
                        }
                        if (score > old) {
                            word[doc] = (byte) score;
                        }
                    }
                }
            }
            if (overflow) {
                for (int d = Bits.next(bits, 0); d >= 0; d = Bits.next(bits, d + 1)) {
                    addWord(total, word, d);
                }
            } else {
                for (int i = 0; i < touchedCount; i++) {
                    addWord(total, word, touched[i]);
                }
            }
        }
        int cursorScore = Integer.MAX_VALUE;
        long cursorId = -1;
        if (c.afterId() != null) {
            cursorScore = (int) Math.round(Double.parseDouble(c.afterValue()));
            cursorId = c.afterId();
        }
        int limit = c.limit();
        // best first: higher score, then older (lower id) as the one-word pages
        long[] heap = new long[limit + 1];
        int n = 0;
        for (int d = Bits.next(bits, 0); d >= 0; d = Bits.next(bits, d + 1)) {
            int score = total[d] & 0xff;
            total[d] = 0;
            if (score > cursorScore || (score == cursorScore && ids[d] <= cursorId)) {
                continue;
            }
            long packed = ((long) score << 40) | (ORDINAL_MASK - d);
            n = offer(heap, n, limit, packed);
        }
        long[] best = Arrays.copyOf(heap, n);
        Arrays.sort(best);
        long[] pageIds = new long[n];
        String[] values = new String[n];
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            long packed = best[n - 1 - i];
            int d = (int) (ORDINAL_MASK - (packed & ORDINAL_MASK));
            int score = (int) (packed >>> 40);
            pageIds[i] = ids[d];
            values[i] = Integer.toString(score);
            ranks[i] = score;
        }
        return new Page(pageIds, values, ranks, null);
    }

    private static void addWord(byte[] total, byte[] word, int d) {
        total[d] = (byte) Math.min(255, (total[d] & 0xff) + word[d]);
        word[d] = 0;
    }

    /** Keeps the {@code limit} largest values offered in a min-heap of {@code n}; returns the new {@code n}. */
    private static int offer(long[] heap, int n, int limit, long v) {
        if (n < limit) {
            heap[n] = v;
            siftUp(heap, n);
            return n + 1;
        }
        if (v > heap[0]) {
            heap[0] = v;
            siftDown(heap, n);
        }
        return n;
    }

    private static void siftUp(long[] h, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (h[parent] <= h[i]) {
                return;
            }
            long t = h[parent];
            h[parent] = h[i];
            h[i] = t;
            i = parent;
        }
    }

    private static void siftDown(long[] h, int n) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int min = i;
            if (l < n && h[l] < h[min]) {
                min = l;
            }
            if (r < n && h[r] < h[min]) {
                min = r;
            }
            if (min == i) {
                return;
            }
            long t = h[min];
            h[min] = h[i];
            h[i] = t;
            i = min;
        }
    }

    // ---- facets --------------------------------------------------------------------------------------------------

    /** Counts per key, tempo bucket, meter, instrument (exact) and vendor and tag (exact up to a sample). */
    List<FacetCount> facets(Matches m) {
        return facets(m, m.count() <= FACET_SAMPLE && instrumentMask != null);
    }

    /** Facets by a pass over the members, or by intersecting the value bit sets (tests compare the two). */
    List<FacetCount> facets(Matches m, boolean byMembers) {
        if (byMembers) {
            return memberFacets(m);
        }
        List<FacetCount> out = new ArrayList<>();
        long[] bits = m.bits();
        List<FacetCount> bpmFacet = new ArrayList<>();
        for (int b = 0; b < BPM_BUCKETS; b++) {
            add(bpmFacet, "bpm", Integer.toString(b * 10), Bits.countAnd(bits, bpmBuckets[b]));
        }
        out.addAll(sorted(bpmFacet, Integer.MAX_VALUE));
        List<FacetCount> instruments = new ArrayList<>();
        instrumentBits.forEach((name, b) -> add(instruments, "instrument", name, Bits.countAnd(bits, b)));
        out.addAll(sorted(instruments, Integer.MAX_VALUE));
        List<FacetCount> keys = new ArrayList<>();
        for (int k = 0; k < 24; k++) {
            add(keys, "key", Integer.toString(k), Bits.countAnd(bits, keyBits[k]));
        }
        out.addAll(sorted(keys, Integer.MAX_VALUE));
        List<FacetCount> meters = new ArrayList<>();
        meterBits.forEach((name, b) -> add(meters, "meter", name, Bits.countAnd(bits, b)));
        out.addAll(sorted(meters, Integer.MAX_VALUE));

        int stride = Math.max(1, (m.count() + FACET_SAMPLE - 1) / FACET_SAMPLE);
        long[] tagCounts = new long[facetTags.length];
        long[] vendorCounts = new long[vendors.size()];
        int seen = 0;
        for (int d = Bits.next(bits, 0); d >= 0; d = Bits.next(bits, d + 1)) {
            if (seen++ % stride != 0) {
                continue;
            }
            if (vendor[d] >= 0) {
                vendorCounts[vendor[d]] += stride;
            }
            for (int i = docTagStart[d]; i < docTagStart[d + 1]; i++) {
                int tag = docTags[i];
                if (tag < tagCounts.length) { // a tag newer than the snapshot's tag list is left out
                    tagCounts[tag] += stride;
                }
            }
        }
        List<FacetCount> tags = new ArrayList<>();
        for (int t = 0; t < tagCounts.length; t++) {
            if (facetTags[t] != null) {
                add(tags, "tag", facetTags[t], tagCounts[t]);
            }
        }
        out.addAll(sorted(tags, FACET_TOP));
        List<FacetCount> vendorFacet = new ArrayList<>();
        for (int v = 0; v < vendorCounts.length; v++) {
            add(vendorFacet, "vendor", vendors.get(v), vendorCounts[v]);
        }
        out.addAll(sorted(vendorFacet, FACET_TOP));
        return out;
    }

    /** Facets of a smaller result: one pass over its members and their columns (no pass over the library). */
    private List<FacetCount> memberFacets(Matches m) {
        long[] bpmCounts = new long[BPM_BUCKETS];
        long[] keyCounts = new long[24];
        long[] meterCounts = new long[meterNames.size()];
        long[] instrumentCounts = new long[instrumentNames.size()];
        long[] vendorCounts = new long[vendors.size()];
        long[] tagCounts = new long[facetTags.length];
        long[] bits = m.bits();
        for (int d = Bits.next(bits, 0); d >= 0; d = Bits.next(bits, d + 1)) {
            if (!Float.isNaN(bpm[d])) {
                bpmCounts[bpmBucket(bpm[d])]++;
            }
            if (key[d] >= 0) {
                keyCounts[key[d]]++;
            }
            if (meterCode[d] >= 0) {
                meterCounts[meterCode[d]]++;
            }
            for (int mask = instrumentMask[d]; mask != 0; mask &= mask - 1) {
                instrumentCounts[Integer.numberOfTrailingZeros(mask)]++;
            }
            if (vendor[d] >= 0) {
                vendorCounts[vendor[d]]++;
            }
            for (int i = docTagStart[d]; i < docTagStart[d + 1]; i++) {
                if (docTags[i] < tagCounts.length) {
                    tagCounts[docTags[i]]++;
                }
            }
        }
        List<FacetCount> out = new ArrayList<>();
        out.addAll(counted("bpm", bpmCounts, i -> Integer.toString(i * 10), Integer.MAX_VALUE));
        out.addAll(counted("instrument", instrumentCounts, instrumentNames::get, Integer.MAX_VALUE));
        out.addAll(counted("key", keyCounts, Integer::toString, Integer.MAX_VALUE));
        out.addAll(counted("meter", meterCounts, meterNames::get, Integer.MAX_VALUE));
        out.addAll(counted("tag", tagCounts, i -> facetTags[i], FACET_TOP));
        out.addAll(counted("vendor", vendorCounts, vendors::get, FACET_TOP));
        return out;
    }

    private static List<FacetCount> counted(String facet, long[] counts, java.util.function.IntFunction<String> value,
                                            int top) {
        List<FacetCount> values = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            String v = counts[i] > 0 ? value.apply(i) : null;
            if (v != null) {
                values.add(new FacetCount(facet, v, counts[i]));
            }
        }
        return sorted(values, top);
    }

    private static void add(List<FacetCount> out, String facet, String value, long count) {
        if (count > 0) {
            out.add(new FacetCount(facet, value, count));
        }
    }

    private static List<FacetCount> sorted(List<FacetCount> values, int top) {
        values.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
        return values.size() > top ? values.subList(0, top) : values;
    }

    // ---- similar -------------------------------------------------------------------------------------------------

    /** The ordinal of a content id, or -1. */
    int ordinal(long contentId) {
        int i = Arrays.binarySearch(ids, contentId);
        return i >= 0 ? i : -1;
    }

    boolean hasPrints(int d) {
        return Bits.get(prints, d) && !Bits.get(failed, d);
    }

    /** Analysed files of the given keys (any, when empty) and tempo ranges, nearest fingerprints first. */
    Page similar(int source, List<Integer> keyCodes, List<BpmRange> tempos, int limit) {
        long[] m = copy(prints);
        Bits.andNot(m, failed);
        if (!keyCodes.isEmpty()) {
            long[] b = scratchBits();
            keyCodes.stream().filter(k -> k >= 0 && k < 24).forEach(k -> Bits.or(b, keyBits[k]));
            Bits.and(m, b);
        }
        if (!tempos.isEmpty()) {
            long[] b = scratchBits();
            tempos.forEach(r -> rangeBits(Sort.BPM, r.lo(), r.hi(), b));
            Bits.and(m, b);
        }
        m[source >>> 6] &= ~(1L << source);
        long rp = rhythm[source];
        long pp = pitch[source];
        long[] heap = new long[limit + 1];
        int n = 0;
        // worst first at the root: larger distance, then larger id, is worse
        for (int d = Bits.next(m, 0); d >= 0; d = Bits.next(m, d + 1)) {
            int distance = Long.bitCount(rhythm[d] ^ rp) + Long.bitCount(pitch[d] ^ pp);
            long packed = -(((long) distance << 40) | d); // max-heap of (distance, d) through a min-heap of negatives
            n = offer(heap, n, limit, packed);
        }
        long[] best = Arrays.copyOf(heap, n);
        Arrays.sort(best);
        long[] pageIds = new long[n];
        int[] distances = new int[n];
        for (int i = 0; i < n; i++) {
            long packed = -best[n - 1 - i];
            int d = (int) (packed & 0xff_ffff_ffffL);
            pageIds[i] = ids[d];
            distances[i] = (int) (packed >>> 40);
        }
        return new Page(pageIds, new String[n], null, distances);
    }

    float bpm(int d) {
        return bpm[d];
    }

    int key(int d) {
        return key[d];
    }

    // ---- orders and cursors ------------------------------------------------------------------------------------------

    /** A page cursor: the sort value of the last row and its content id. */
    private final class Cursor {
        final double value;
        final byte[] name;
        final long id;

        Cursor(Sort sort, String value, long id) {
            this.id = id;
            if (sort == Sort.NAME) {
                this.name = value.getBytes(StandardCharsets.UTF_8);
                this.value = 0;
            } else if (sort == Sort.ADDED && value.indexOf('-') > 0) {
                Instant t = PG_TIMESTAMP.parse(value, Instant::from);
                this.value = t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
                this.name = null;
            } else {
                this.value = sort == Sort.BPM || sort == Sort.DURATION ? Float.parseFloat(value) : Double.parseDouble(value);
                this.name = null;
            }
        }
    }

    private int compare(Sort s, int d, Cursor c) {
        int r = s == Sort.NAME ? compareName(d, c.name) : Double.compare(sortValue(s, d), c.value);
        return r != 0 ? r : Long.compare(ids[d], c.id);
    }

    private int compare(Sort s, int a, int b) {
        int r = s == Sort.NAME ? compareNames(a, b) : Double.compare(sortValue(s, a), sortValue(s, b));
        return r != 0 ? r : Integer.compare(a, b);
    }

    private int compareNames(int a, int b) {
        return Arrays.compareUnsigned(names, nameStart[a], nameStart[a + 1], names, nameStart[b], nameStart[b + 1]);
    }

    private int compareName(int d, byte[] other) {
        return Arrays.compareUnsigned(names, nameStart[d], nameStart[d + 1], other, 0, other.length);
    }

    private int[] buildOrder(Sort s) {
        if (s == Sort.NAME || s == Sort.ADDED) {
            Integer[] boxed = new Integer[size];
            for (int i = 0; i < size; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> compare(s, a, b));
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = boxed[i];
            }
            return order;
        }
        // non-negative floats and ints keep their order in their bits: sort (value bits, ordinal) pairs as longs
        long[] packed = new long[size];
        for (int d = 0; d < size; d++) {
            double v = sortValue(s, d);
            long bits = s == Sort.BPM || s == Sort.DURATION ? Float.floatToIntBits((float) v) : (long) v;
            packed[d] = (bits << 32) | d;
        }
        Arrays.sort(packed);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) packed[i];
        }
        return order;
    }

    private static final DateTimeFormatter PG_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd()
            .appendOffset("+HH:mm", "+00")
            .toFormatter();

    /** The sort value as the cursor writes it (the same text as the SQL path writes). */
    private String sortText(Sort s, int d) {
        return switch (s) {
            case RELEVANCE, NAME -> new String(names, nameStart[d], nameStart[d + 1] - nameStart[d], StandardCharsets.UTF_8);
            case BPM, DURATION -> Float.toString((float) sortValue(s, d));
            case ADDED -> PG_TIMESTAMP.format(Instant.ofEpochSecond(Math.floorDiv(added[d], 1_000_000L),
                    Math.floorMod(added[d], 1_000_000L) * 1000L).atOffset(ZoneOffset.UTC));
            case KEY, BARS, RATING -> Long.toString((long) sortValue(s, d));
            case POSITION -> throw new IllegalArgumentException(s.name()); // the collection's, not the snapshot's
        };
    }

    // ---- building ------------------------------------------------------------------------------------------------

    /** Collects the streamed rows; grows its arrays by doubling. */
    private static final class Builder {
        static final int DRUMS = 1;
        static final int FAVORITE = 2;
        static final int FAILED = 4;
        static final int PRINTS = 8;

        final List<TagName> tags;
        int size;
        long[] ids = new long[1024];
        float[] bpm = new float[1024];
        byte[] key = new byte[1024];
        int[] bars = new int[1024];
        float[] duration = new float[1024];
        long[] added = new long[1024];
        byte[] rating = new byte[1024];
        byte[] flags = new byte[1024];
        int[] vendor = new int[1024];
        int[] pack = new int[1024];
        short[] meter = new short[1024];
        long[] rhythm = new long[1024];
        long[] pitch = new long[1024];
        byte[] names = new byte[1 << 16];
        int namesLength;
        int[] nameStart = new int[1025];
        int[] docTagStart = new int[1025];
        int[] docTags = new int[4096];
        int docTagsLength;
        final List<String> vendorNames = new ArrayList<>();
        final Map<String, Integer> vendorCodes = new HashMap<>();
        final List<String> packNames = new ArrayList<>();
        final Map<String, Integer> packCodes = new HashMap<>();
        final List<String> meterNames = new ArrayList<>();
        final Map<String, Integer> meterCodes = new HashMap<>();
        final List<String> instrumentNames = new ArrayList<>();
        final Map<String, Integer> instrumentCodes = new HashMap<>();
        final List<long[]> instrumentDocs = new ArrayList<>();
        final HashMap<String, Postings> terms = new HashMap<>();

        /** One term's postings: varint of (ordinal delta << 2 | weight). */
        static final class Postings {
            byte[] bytes = new byte[8];
            int length;
            int last;

            void add(int doc, int weight) {
                int v = ((doc - last) << 2) | weight;
                last = doc;
                if (length + 5 > bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
                while ((v & ~0x7f) != 0) {
                    bytes[length++] = (byte) ((v & 0x7f) | 0x80);
                    v >>>= 7;
                }
                bytes[length++] = (byte) v;
            }
        }

        Builder(List<TagName> tags) {
            this.tags = tags;
        }

        void add(SearchDocStream.Row r) {
            if (size == ids.length) {
                grow();
            }
            int d = size++;
            ids[d] = r.contentId;
            bpm[d] = r.bpm;
            key[d] = (byte) (r.keyCode >= 0 && r.keyCode < 24 ? r.keyCode : -1);
            bars[d] = r.bars;
            duration[d] = r.durationSec;
            added[d] = r.addedMicros;
            rating[d] = (byte) r.rating;
            flags[d] = (byte) ((r.hasDrums ? DRUMS : 0) | (r.favorite ? FAVORITE : 0) | (r.failed ? FAILED : 0)
                    | (r.hasPrints ? PRINTS : 0));
            vendor[d] = code(r.vendor, vendorNames, vendorCodes);
            pack[d] = code(r.pack, packNames, packCodes);
            meter[d] = (short) code(r.meter, meterNames, meterCodes);
            rhythm[d] = r.rhythmPrint;
            pitch[d] = r.pitchPrint;
            byte[] name = r.name.getBytes(StandardCharsets.UTF_8);
            if (namesLength + name.length > names.length) {
                names = Arrays.copyOf(names, Math.max(names.length * 2, namesLength + name.length));
            }
            System.arraycopy(name, 0, names, namesLength, name.length);
            namesLength += name.length;
            nameStart[d + 1] = namesLength;
            for (int i = 0; i < r.tagIds.size(); i++) {
                if (docTagsLength == docTags.length) {
                    docTags = Arrays.copyOf(docTags, docTags.length * 2);
                }
                docTags[docTagsLength++] = r.tagIds.get(i);
            }
            docTagStart[d + 1] = docTagsLength;
            for (String instrument : r.instruments) {
                int code = code(instrument, instrumentNames, instrumentCodes);
                if (code == instrumentDocs.size()) {
                    instrumentDocs.add(new long[0]);
                }
                long[] b = instrumentDocs.get(code);
                if (b.length <= d >>> 6) {
                    b = Arrays.copyOf(b, Math.max(b.length * 2, (d >>> 6) + 1));
                    instrumentDocs.set(code, b);
                }
                Bits.set(b, d);
            }
            for (int i = 0; i < r.lexemes.size(); i++) {
                terms.computeIfAbsent(r.lexemes.get(i), t -> new Postings()).add(d, r.weights.get(i));
            }
        }

        private static int code(String value, List<String> names, Map<String, Integer> codes) {
            if (value == null) {
                return -1;
            }
            Integer code = codes.get(value);
            if (code == null) {
                code = names.size();
                names.add(value);
                codes.put(value, code);
            }
            return code;
        }

        private void grow() {
            int n = ids.length * 2;
            ids = Arrays.copyOf(ids, n);
            bpm = Arrays.copyOf(bpm, n);
            key = Arrays.copyOf(key, n);
            bars = Arrays.copyOf(bars, n);
            duration = Arrays.copyOf(duration, n);
            added = Arrays.copyOf(added, n);
            rating = Arrays.copyOf(rating, n);
            flags = Arrays.copyOf(flags, n);
            vendor = Arrays.copyOf(vendor, n);
            pack = Arrays.copyOf(pack, n);
            meter = Arrays.copyOf(meter, n);
            rhythm = Arrays.copyOf(rhythm, n);
            pitch = Arrays.copyOf(pitch, n);
            nameStart = Arrays.copyOf(nameStart, n + 1);
            docTagStart = Arrays.copyOf(docTagStart, n + 1);
        }

        /** Per value, its documents in ordinal order. */
        Map<String, int[]> valueDocs(List<String> values, int[] codes) {
            int[] counts = new int[values.size()];
            for (int i = 0; i < size; i++) {
                if (codes[i] >= 0) {
                    counts[codes[i]]++;
                }
            }
            int[][] lists = new int[values.size()][];
            for (int v = 0; v < lists.length; v++) {
                lists[v] = new int[counts[v]];
            }
            int[] fill = new int[values.size()];
            for (int i = 0; i < size; i++) {
                if (codes[i] >= 0) {
                    lists[codes[i]][fill[codes[i]]++] = i;
                }
            }
            Map<String, int[]> out = new HashMap<>();
            for (int v = 0; v < lists.length; v++) {
                out.put(values.get(v), lists[v]);
            }
            return out;
        }
    }
}
