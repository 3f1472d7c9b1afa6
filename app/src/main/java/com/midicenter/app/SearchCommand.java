package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.core.music.MusicalKey;
import com.midicenter.library.curation.CollectionService;
import com.midicenter.library.curation.CurationException;
import com.midicenter.library.search.SearchException;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.search.FacetCount;
import com.midicenter.persistence.search.SearchCriteria.Sort;
import com.midicenter.persistence.search.SearchHit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code midicenter search}: find files by words and filters. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Finds analysed files: words (prefix match, typo tolerant) in names, tags, vendor, pack, folders,",
            "track names and instruments, combined with filters. Pages with --after CURSOR (printed as 'next').",
            "--batch FILE runs one query per line (same options, quoted like a shell) and prints JSON lines."})
final class SearchCommand implements Callable<Integer> {

    /** The query options: also what each line of --batch is parsed into. */
    static final class Query {
        @Parameters(arity = "0..*", paramLabel = "TEXT", description = "words to find")
        List<String> words = new ArrayList<>();

        @Option(names = "--bpm", paramLabel = "N|LO-HI", description = "tempo, e.g. 120 or 118-126")
        String bpm;

        @Option(names = "--half-double", description = "also half and double the --bpm")
        boolean halfDouble;

        @Option(names = "--key", paramLabel = "KEY", description = "Am, F#m, Eb, 'A minor' or Camelot 8A")
        String key;

        @Option(names = "--compatible", description = "also harmonically compatible keys (relative, ±1 Camelot)")
        boolean compatible;

        @Option(names = "--meter", description = "e.g. 6/8")
        String meter;

        @Option(names = "--bars", paramLabel = "N|LO-HI", description = "length in bars, e.g. 4-8")
        String bars;

        @Option(names = "--duration", paramLabel = "LO-HI", description = "length in seconds, e.g. 0-30")
        String duration;

        @Option(names = "--instrument", description = "bass, keys, piano, pad, lead, pluck, strings, brass, guitar,"
                + " synth, drums, percussion, fx")
        String instrument;

        @Option(names = "--drums", description = "only files with drums")
        boolean drums;

        @Option(names = "--no-drums", description = "only files without drums")
        boolean noDrums;

        @Option(names = "--tag", description = "a tag (part, genre...), e.g. bass or house")
        String tag;

        @Option(names = "--vendor", description = "the vendor exactly")
        String vendor;

        @Option(names = "--pack", description = "the pack exactly")
        String pack;

        @Option(names = "--favorite", description = "only favourites")
        boolean favorite;

        @Option(names = "--rating", paramLabel = "1-5", description = "at least this rating")
        Integer rating;

        @Option(names = "--state", description = "done (analysed) or failed")
        String state;

        @Option(names = "--sort", description = "relevance, name, bpm, key, bars, duration, added, rating, position"
                + " (default: relevance with words, else the --collection's order, else name)")
        String sort;

        @Option(names = "--desc", description = "descending order")
        boolean descending;

        @Option(names = "--limit", description = "results per page (default: ${DEFAULT-VALUE})")
        int limit = 20;

        @Option(names = "--after", paramLabel = "CURSOR", description = "the next page after this cursor")
        String after;

        @Option(names = "--facets", description = "also count keys, tempos, meters, instruments, vendors, tags")
        boolean facets;

        @Option(names = "--similar", paramLabel = "FILE|ID", description = "files like this one: compatible key,"
                + " close tempo, nearest rhythm and pitch fingerprint")
        String similar;

        @Option(names = "--collection", paramLabel = "NAME", description = "only the files of this manual"
                + " collection (in its order, unless words or --sort say otherwise)")
        String collection;

        @Option(names = "--hide-duplicates", description = "leave out files that play the same notes as an older"
                + " one (as the last 'duplicates --musical' found)")
        boolean hideDuplicates;

        /**
         * The search these options describe.
         *
         * @param collectionIds the id of the manual collection of a name (throws when there is none)
         */
        SearchRequest request(Function<String, Long> collectionIds) {
            if (drums && noDrums) {
                throw new SearchException("--drums and --no-drums exclude each other");
            }
            Sort order = null;
            if (sort != null) {
                try {
                    order = Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new SearchException("--sort is one of relevance, name, bpm, key, bars, duration, added,"
                            + " rating, position; not '" + sort + "'");
                }
            }
            String text = words.isEmpty() ? null : String.join(" ", words);
            return new SearchRequest(text, bpm, halfDouble, key, compatible, meter, bars, duration, instrument,
                    drums ? Boolean.TRUE : noDrums ? Boolean.FALSE : null, tag, vendor, pack, favorite, rating, state,
                    order, descending, limit, after, facets, similar,
                    collection == null ? null : collectionIds.apply(collection), hideDuplicates);
        }
    }

    @Mixin
    Query query = new Query();

    @Mixin
    DatabaseOptions database;

    @Option(names = "--batch", paramLabel = "FILE", description = "one query per line; prints JSON lines")
    Path batch;

    @Option(names = "--json", description = "print the results as JSON on stdout")
    boolean json;

    @Override
    public Integer call() throws IOException {
        try (Database db = database.open()) {
            db.migrate();
            if (batch != null) {
                // many queries: worth the in-memory index (a second or two per 100,000 files to build)
                try (SearchService service = SearchService.indexed(db)) {
                    if (!service.index().orElseThrow().awaitReady(java.time.Duration.ofMinutes(5))) {
                        System.err.println("midicenter search: the search index could not be built; searching in SQL");
                    }
                    return runBatch(service, collections(db, service));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 130;
                }
            }
            SearchService service = new SearchService(db.sqlSessionFactory());
            SearchResult result;
            SearchRequest request;
            try {
                request = query.request(collections(db, service));
                result = service.search(request);
            } catch (SearchException | IllegalArgumentException e) {
                System.err.println("midicenter search: " + e.getMessage());
                return 2;
            } catch (CurationException e) {
                System.err.println("midicenter search: " + e.getMessage());
                return 1;
            }
            if (request.cursor() == null) {
                rememberSearch(db, service, request);
            }
            if (json) {
                System.out.println(json(result, null));
            } else {
                print(result);
            }
            return 0;
        }
    }

    /** Manual collections' ids by name, for {@code --collection}. */
    static Function<String, Long> collections(Database db, SearchService service) {
        return new CollectionService(db.sqlSessionFactory(), service)::manualId;
    }

    /** Adds the search to the recent ones ({@code collection recent}); failing to is no reason to fail the search. */
    private static void rememberSearch(Database db, SearchService service, SearchRequest request) {
        try {
            new CollectionService(db.sqlSessionFactory(), service).recordSearch(request);
        } catch (CurationException e) {
            System.err.println("midicenter search: not remembered in the recent searches: " + e.getMessage());
        }
    }

    private int runBatch(SearchService service, Function<String, Long> collections) throws IOException {
        int failures = 0;
        for (String line : Files.readAllLines(batch, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String out;
            try {
                Query q = new Query();
                new CommandLine(q).parseArgs(ShellWords.split(line).toArray(new String[0]));
                out = json(service.search(q.request(collections)), line);
            } catch (SearchException | CommandLine.ParameterException | IllegalArgumentException
                     | CurationException e) {
                failures++;
                out = error(line, e.getMessage());
            }
            System.out.println(out);
        }
        return failures == 0 ? 0 : 1;
    }

    private static void print(SearchResult r) {
        System.out.printf(Locale.ROOT, "%s%,d%s files%s (%.1f ms)%n", r.totalEstimated() ? "about " : "", r.total(),
                r.totalEstimated() ? "" : "", r.fuzzy() ? ", names that look alike" : "", r.tookMs());
        for (SearchHit h : r.hits()) {
            System.out.printf(Locale.ROOT, "%-6s %-4s %-5s %-3s %s%n", h.bpm() == null ? "-" : fmt(h.bpm()),
                    key(h.keyCode()), h.meter() == null ? "-" : h.meter(), h.bars() == null ? "-" : h.bars(), h.path());
        }
        if (r.next() != null) {
            System.out.println("next: --after " + r.next());
        }
        for (FacetCount f : r.facets()) {
            System.out.printf(Locale.ROOT, "  %-10s %-20s %,d%n", f.facet(),
                    f.facet().equals("key") ? key(Integer.valueOf(f.value())) : f.value(), f.count());
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    static String key(Integer code) {
        return code == null ? "-" : new MusicalKey(code / 2, code % 2 == 1).name();
    }

    static String json(SearchResult r, String query) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            if (query != null) {
                g.writeStringField("query", query);
            }
            g.writeNumberField("total", r.total());
            g.writeBooleanField("total_estimated", r.totalEstimated());
            g.writeBooleanField("fuzzy", r.fuzzy());
            g.writeNumberField("took_ms", Math.round(r.tookMs() * 100) / 100.0);
            g.writeArrayFieldStart("results");
            for (SearchHit h : r.hits()) {
                g.writeStartObject();
                g.writeNumberField("id", h.contentId());
                g.writeStringField("path", h.path());
                g.writeStringField("name", h.name());
                g.writeStringField("vendor", h.vendor());
                g.writeStringField("pack", h.pack());
                if (h.bpm() == null) {
                    g.writeNullField("bpm");
                } else {
                    g.writeNumberField("bpm", h.bpm());
                }
                if (h.keyCode() == null) {
                    g.writeNullField("key");
                    g.writeNullField("camelot");
                } else {
                    MusicalKey k = new MusicalKey(h.keyCode() / 2, h.keyCode() % 2 == 1);
                    g.writeStringField("key", k.name());
                    g.writeStringField("camelot", k.camelot());
                }
                g.writeStringField("meter", h.meter());
                if (h.bars() == null) {
                    g.writeNullField("bars");
                } else {
                    g.writeNumberField("bars", h.bars());
                }
                if (h.durationSec() == null) {
                    g.writeNullField("duration_sec");
                } else {
                    g.writeNumberField("duration_sec", h.durationSec());
                }
                g.writeArrayFieldStart("instruments");
                for (String i : h.instruments()) {
                    g.writeString(i);
                }
                g.writeEndArray();
                g.writeBooleanField("has_drums", h.hasDrums());
                g.writeBooleanField("favorite", h.favorite());
                if (h.rating() != null) {
                    g.writeNumberField("rating", h.rating());
                }
                g.writeStringField("state", h.state());
                if (h.rank() != null) {
                    g.writeNumberField("rank", Math.round(h.rank() * 10000) / 10000.0);
                }
                if (h.distance() != null) {
                    g.writeNumberField("distance", h.distance());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (r.next() != null) {
                g.writeStringField("next", r.next());
            }
            if (!r.facets().isEmpty()) {
                g.writeArrayFieldStart("facets");
                for (FacetCount f : r.facets()) {
                    g.writeStartObject();
                    g.writeStringField("facet", f.facet());
                    g.writeStringField("value", f.facet().equals("key") ? key(Integer.valueOf(f.value())) : f.value());
                    g.writeNumberField("count", f.count());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        return w.toString();
    }

    private static String error(String query, String message) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("query", query);
            g.writeStringField("error", message);
            g.writeEndObject();
        }
        return w.toString();
    }
}
