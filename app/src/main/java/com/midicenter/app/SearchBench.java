package com.midicenter.app;

import com.midicenter.core.corpus.FileKind;
import com.midicenter.core.corpus.GroundTruth;
import com.midicenter.core.corpus.GroundTruthCsv;
import com.midicenter.library.analysis.AnalysisOptions;
import com.midicenter.library.analysis.AnalysisService;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportService;
import com.midicenter.library.search.SearchException;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.search.SearchCriteria.Sort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code bench search}: a library of the generated corpus (imported and analysed once, kept under the work folder),
 * a fixed mix of queries (text, prefix, filters, sorts, facets, similar) drawn from the corpus's own words with a
 * fixed seed, run warm; p50/p95/p99 per kind and overall, and the text queries again as a naive ILIKE scan.
 */
final class SearchBench {

    /** One benchmark query: its kind (for the table) and the request. */
    record Query(String kind, SearchRequest request, String likeWord) {
    }

    private SearchBench() {
    }

    /** Builds (once) the library for the corpus; returns its home. */
    static Path library(Path work, Path corpus, String name) throws IOException {
        Path home = work.resolve(name);
        Path done = home.resolve("bench-library-complete");
        if (Files.exists(done)) {
            return home;
        }
        DemoCommand.deleteTree(home);
        try (Database db = Database.embedded(home)) {
            db.migrate();
            try (ProgressBar bar = new ProgressBar(System.err, "import", 0, true)) {
                new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                        .run(List.of(corpus), new AtomicBoolean(), (found, doneFiles, walked) -> bar.update(doneFiles, found, walked));
            }
            AnalyzeCommand.run(db, AnalysisOptions.defaults(), new AtomicBoolean());
            try (Connection c = db.dataSource().getConnection(); var s = c.createStatement()) {
                s.execute("VACUUM ANALYZE search_doc");
            } catch (SQLException e) {
                throw new IOException("VACUUM ANALYZE failed: " + e.getMessage(), e);
            }
        }
        Files.writeString(done, "ok\n");
        return home;
    }

    /** The fixed query mix: words, packs and vendors come from the corpus's ground truth. */
    static List<Query> queries(Path corpus, int count, long seed, List<Long> contentIds) throws IOException {
        TreeSet<String> vendors = new TreeSet<>();
        TreeSet<String> packs = new TreeSet<>();
        TreeSet<String> words = new TreeSet<>();
        for (GroundTruth t : GroundTruthCsv.read(corpus.resolve("ground-truth.csv"))) {
            if (t.kind() != FileKind.VALID) {
                continue;
            }
            if (!t.vendor().isEmpty()) {
                vendors.add(t.vendor());
            }
            if (!t.pack().isEmpty()) {
                packs.add(t.pack());
            }
            for (String w : t.path().split("[^\\p{L}]+")) {
                if (w.length() >= 4 && words.size() < 5000) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        List<String> vocabulary = new ArrayList<>(words);
        List<String> packList = new ArrayList<>(packs);
        List<String> vendorList = new ArrayList<>(vendors);
        String[] keys = {"Am", "C", "F#m", "Eb", "8A", "5B", "Dm", "G", "Bbm", "E"};
        String[] instruments = {"bass", "keys", "piano", "pad", "lead", "pluck", "drums", "strings"};
        String[] meters = {"4/4", "3/4", "6/8"};
        Random r = new Random(seed);
        List<Query> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = r.nextInt(100);
            String word = vocabulary.get(r.nextInt(vocabulary.size()));
            Sort[] sorts = {Sort.NAME, Sort.BPM, Sort.ADDED};
            if (kind < 25) {           // one or two words
                String text = r.nextBoolean() ? word : word + " " + vocabulary.get(r.nextInt(vocabulary.size()));
                out.add(new Query("text", req(text, null, null, false, null, null, null, null, null, false, false), word));
            } else if (kind < 40) {    // as-you-type prefix
                String prefix = word.substring(0, 3 + r.nextInt(Math.max(1, word.length() - 3)));
                out.add(new Query("prefix", req(prefix, null, null, false, null, null, null, null, null, false, false), prefix));
            } else if (kind < 55) {    // text + filters
                int bpm = 80 + r.nextInt(90);
                out.add(new Query("text+filters", req(word, bpm + "-" + (bpm + 6), keys[r.nextInt(keys.length)],
                        r.nextBoolean(), null, null, null, null, null, false, false), word));
            } else if (kind < 75) {    // filters only, sorted
                int bpm = 70 + r.nextInt(100);
                out.add(new Query("filters+sort", req(null, r.nextBoolean() ? Integer.toString(bpm) : bpm + "-" + (bpm + 4),
                        r.nextInt(3) == 0 ? keys[r.nextInt(keys.length)] : null, r.nextBoolean(),
                        meters[r.nextInt(meters.length)], instruments[r.nextInt(instruments.length)],
                        r.nextInt(3) == 0 ? Boolean.valueOf(r.nextBoolean()) : null, sorts[r.nextInt(sorts.length)],
                        r.nextInt(4) == 0 ? "4-8" : null, r.nextBoolean(), false), null));
            } else if (kind < 85) {    // browse a pack or vendor, sorted by name
                boolean pack = r.nextBoolean();
                String value = pack ? packList.get(r.nextInt(packList.size())) : vendorList.get(r.nextInt(vendorList.size()));
                out.add(new Query("browse", new SearchRequest(null, null, false, null, false, null, null, null, null,
                        null, null, pack ? null : value, pack ? value : null, false, null, null, Sort.NAME, false, 50,
                        null, false, null), null));
            } else if (kind < 93) {    // facets of a filtered query
                int bpm = 80 + r.nextInt(90);
                out.add(new Query("facets", req(r.nextBoolean() ? word : null, bpm + "-" + (bpm + 10), null, false,
                        null, instruments[r.nextInt(instruments.length)], null, null, null, false, true), null));
            } else {                   // similar to a file
                long id = contentIds.get(r.nextInt(contentIds.size()));
                out.add(new Query("similar", new SearchRequest(null, null, false, null, false, null, null, null, null,
                        null, null, null, null, false, null, null, null, false, 50, null, false, Long.toString(id)), null));
            }
        }
        return out;
    }

    private static SearchRequest req(String text, String bpm, String key, boolean compatible, String meter,
                                     String instrument, Boolean drums, Sort sort, String bars, boolean desc,
                                     boolean facets) {
        return new SearchRequest(text, bpm, false, key, compatible, meter, bars, null, instrument, drums, null, null,
                null, false, null, null, sort, desc, 20, null, facets, null);
    }

    static List<Long> sampleIds(Database db, int n) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT content_id FROM search_doc TABLESAMPLE SYSTEM (1)"
                     + " REPEATABLE (3) WHERE state = 'done' LIMIT ?")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Runs the set once (warm-up), then again timed; returns milliseconds per query in set order. */
    static double[] run(SearchService service, List<Query> queries) {
        for (Query q : queries) {
            runOne(service, q);
        }
        double[] ms = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t0 = System.nanoTime();
            runOne(service, queries.get(i));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    private static void runOne(SearchService service, Query q) {
        try {
            service.search(q.request());
        } catch (SearchException e) {
            // a query the generator made that the service refuses counts with its time
        }
    }

    /** The naive baseline: text as ILIKE over paths joined to the analysis, no index. */
    static double[] ilike(Database db, List<Query> queries, int max) throws SQLException {
        List<Double> times = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT l.path, m.bpm, m.key FROM location l"
                     + " JOIN file_meta m ON m.content_id = l.content_id WHERE l.path ILIKE ? ORDER BY l.path LIMIT 20")) {
            for (Query q : queries) {
                if (q.likeWord() == null || times.size() >= max) {
                    continue;
                }
                ps.setString(1, "%" + q.likeWord() + "%");
                long t0 = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                times.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The slowest queries of a run, slowest first (for finding what to speed up). */
    static void printSlowest(List<Query> queries, double[] ms, int n) {
        Integer[] order = new Integer[ms.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(ms[b], ms[a]));
        for (int i = 0; i < Math.min(n, order.length); i++) {
            System.out.printf(Locale.ROOT, "  %8.2f ms  %-12s %s%n", ms[order[i]], queries.get(order[i]).kind(),
                    queries.get(order[i]).request());
        }
    }

    static void print(List<Query> queries, double[] ms, double[] baseline, long docs) {
        Map<String, List<Double>> byKind = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            byKind.computeIfAbsent(queries.get(i).kind(), k -> new ArrayList<>()).add(ms[i]);
        }
        System.out.printf(Locale.ROOT, "| search, warm (%,d files in search_doc, %d cores) | queries | p50 ms | p95 ms | p99 ms | max ms |%n",
                docs, Runtime.getRuntime().availableProcessors());
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, List<Double>> e : byKind.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", e.getKey(), v.length,
                    percentile(v, 50), percentile(v, 95), percentile(v, 99), percentile(v, 100));
        }
        System.out.printf(Locale.ROOT, "| **all** (target p95 <= 5, p99 <= 20) | %d | %.2f | %.2f | %.2f | %.2f |%n",
                ms.length, percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), percentile(ms, 100));
        if (baseline.length > 0) {
            System.out.printf(Locale.ROOT, "| naive ILIKE scan, text queries (baseline) | %d | %.2f | %.2f | %.2f | %.2f |%n",
                    baseline.length, percentile(baseline, 50), percentile(baseline, 95), percentile(baseline, 99),
                    percentile(baseline, 100));
            System.out.printf(Locale.ROOT, "baseline p95 / search p95 = %.0fx%n", percentile(baseline, 95) / percentile(ms, 95));
        }
    }
}
