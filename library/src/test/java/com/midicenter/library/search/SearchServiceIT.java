package com.midicenter.library.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.core.corpus.FileKind;
import com.midicenter.core.corpus.GroundTruth;
import com.midicenter.core.corpus.GroundTruthCsv;
import com.midicenter.core.corpus.Part;
import com.midicenter.core.music.MusicalKey;
import com.midicenter.library.analysis.AnalysisListener;
import com.midicenter.library.analysis.AnalysisOptions;
import com.midicenter.library.analysis.AnalysisResult;
import com.midicenter.library.analysis.AnalysisService;
import com.midicenter.library.importing.ImportListener;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportService;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.search.FacetCount;
import com.midicenter.persistence.search.SearchCriteria.Sort;
import com.midicenter.persistence.search.SearchHit;
import com.midicenter.persistence.testing.SharedDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search against a real, generated and analysed library of about 1,500 files, checked against the generator's ground
 * truth. Only VALID files (and the duplicates that share their content) are held to the truth: corrupt files may be
 * analysed from damaged data. Search filters on the stored analysis, so tempo is only compared for files whose tempo
 * is stated (meta event or name), meter only for files with a Time Signature event, keys only for tonal parts.
 */
class SearchServiceIT {

    private static final long SEED = 20_261_127L;
    private static final int FILES = 1_500;
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    @TempDir
    static Path tmp;

    static Database db;
    static SearchService search;
    private static Path root;
    /** Every content's doc, by content id (from paging through everything). */
    private static Map<Long, SearchHit> docs;
    /** The musical truth of each content that a valid file (or a duplicate of one) holds. */
    private static final Map<Long, GroundTruth> truthByContent = new HashMap<>();
    /** Contents of VALID files, with the VALID file's truth. */
    private static final Map<Long, GroundTruth> validByContent = new HashMap<>();
    /** Contents with exactly one location (so the doc's vendor, pack and path are that file's). */
    private static final Set<Long> singleLocation = new HashSet<>();

    @BeforeAll
    static void buildLibrary() throws Exception {
        db = SharedDatabase.get();
        SharedDatabase.truncate("content", "location", "file_meta", "analysis_job", "tag", "import_run", "import_error",
                "archive_file", "search_doc");
        root = tmp.resolve("corpus");
        new CorpusGenerator(SEED).generate(FILES, root, null);
        List<GroundTruth> truth = GroundTruthCsv.read(root.resolve("ground-truth.csv"));
        new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                .run(List.of(root), new AtomicBoolean(), ImportListener.NONE);
        AnalysisResult analysed = new AnalysisService(db.dataSource(), db.sqlSessionFactory(), AnalysisOptions.defaults())
                .run(new AtomicBoolean(), AnalysisListener.NONE);
        assertThat(analysed.analyzed()).isGreaterThan(FILES * 9 / 10);
        search = new SearchService(db.sqlSessionFactory());

        Map<String, Long> contentByPath = new HashMap<>();
        Map<Long, Integer> locations = new HashMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT path, content_id FROM location")) {
            while (rs.next()) {
                String relative = root.relativize(Path.of(rs.getString(1))).toString().replace('\\', '/');
                contentByPath.put(relative, rs.getLong(2));
                locations.merge(rs.getLong(2), 1, Integer::sum);
            }
        }
        locations.forEach((id, n) -> {
            if (n == 1) {
                singleLocation.add(id);
            }
        });
        for (GroundTruth t : truth) {
            if (t.kind() == FileKind.CORRUPT) {
                continue;
            }
            Long id = contentByPath.get(t.path());
            assertThat(id).as("content of %s", t.path()).isNotNull();
            truthByContent.put(id, t);
            if (t.kind() == FileKind.VALID) {
                validByContent.put(id, t);
            }
        }
        docs = new HashMap<>();
        for (SearchHit h : all(req().sort(Sort.NAME))) {
            docs.put(h.contentId(), h);
        }
        assertThat(docs.keySet()).containsAll(validByContent.keySet());
    }

    // ---------------------------------------------------------------- tempo

    @Test
    void search_exactBpm_findsEveryStatedTempoOf120AndNothingElse() {
        // given
        Set<Long> expected = validWhere(t -> tempoStated(t) && t.bpm() >= 119.5 && t.bpm() <= 120.5);

        // when
        List<SearchHit> hits = all(req().bpm("120"));

        // then
        assertThat(expected).isNotEmpty();
        assertThat(hits).allSatisfy(h -> assertThat(h.bpm()).isBetween(119.5, 120.5));
        assertFinds(hits, expected);
    }

    @Test
    void search_bpmRange_findsEveryStatedTempoInRange() {
        // given
        Set<Long> expected = validWhere(t -> tempoStated(t) && t.bpm() >= 118 && t.bpm() <= 126);

        // when
        List<SearchHit> hits = all(req().bpm("118-126"));

        // then
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(hits).allSatisfy(h -> assertThat(h.bpm()).isBetween(118.0, 126.0));
        assertFinds(hits, expected);
    }

    @Test
    void search_bpmRangeHalfDouble_addsHalfAndDoubleTempos() {
        // given: 140-160 also means 70-80 (plenty of lo-fi and soul) and 280-320 (none in the corpus)
        Predicate<Double> inRanges = b -> b >= 140 && b <= 160 || b >= 70 && b <= 80 || b >= 280 && b <= 320;
        Set<Long> expected = validWhere(t -> tempoStated(t) && inRanges.test(t.bpm()));

        // when
        List<SearchHit> plain = all(req().bpm("140-160"));
        List<SearchHit> hits = all(req().bpm("140-160").halfDouble());

        // then
        assertThat(hits).allSatisfy(h -> assertThat(inRanges.test(h.bpm())).as("bpm %s", h.bpm()).isTrue());
        assertFinds(hits, expected);
        assertThat(ids(hits)).containsAll(ids(plain));
        assertThat(hits).anySatisfy(h -> assertThat(h.bpm()).isBetween(70.0, 80.0));
        assertThat(plain).allSatisfy(h -> assertThat(h.bpm()).isBetween(140.0, 160.0));
    }

    // ---------------------------------------------------------------- keys

    @Test
    void search_keyAm_hitsAreInAmAndMatchTheTruth() {
        // given
        int am = code(MusicalKey.parse("Am").orElseThrow());
        Set<Long> trulyAm = validWhere(t -> t.part().isTonal() && t.key().equals("Am"));

        // when
        List<SearchHit> hits = all(req().key("Am"));

        // then: the stored key is exact; against the truth the analyser is ~99% right on keys, so precision and
        // recall are held to 95% rather than to equality
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.keyCode()).isEqualTo(am));
        List<GroundTruth> judged = hits.stream().map(h -> validByContent.get(h.contentId()))
                .filter(t -> t != null && t.part().isTonal()).toList();
        assertThat(judged).hasSizeGreaterThan(10);
        assertThat(share(judged, t -> t.key().equals("Am"))).isGreaterThanOrEqualTo(0.95);
        assertThat(share(trulyAm, ids(hits)::contains)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void search_camelotAndEnharmonicSpellings_findTheSameFiles() {
        // when
        Set<Long> am = ids(all(req().key("Am")));
        Set<Long> camelot8A = ids(all(req().key("8A")));
        Set<Long> aSharpMinor = ids(all(req().key("A#m")));
        Set<Long> bFlatMinor = ids(all(req().key("Bbm")));

        // then
        assertThat(camelot8A).isNotEmpty().isEqualTo(am);
        assertThat(aSharpMinor).isNotEmpty().isEqualTo(bFlatMinor);
        assertThat(bFlatMinor).doesNotContainAnyElementsOf(am);
    }

    @Test
    void search_keyCompatible_returnsOnlyKeyRelativeAndCamelotNeighbours() {
        // given: A minor is 8A; its relative is C major (8B); its neighbours are 7A (D minor) and 9A (E minor)
        Set<Integer> allowed = Set.of(code("Am"), code("C"), code("Dm"), code("Em"));

        // when
        List<SearchHit> hits = all(req().key("Am").compatible());

        // then
        assertThat(hits).allSatisfy(h -> assertThat(allowed).contains(h.keyCode()));
        assertThat(hits).anySatisfy(h -> assertThat(h.keyCode()).isEqualTo(code("C")));
        assertThat(hits).anySatisfy(h -> assertThat(h.keyCode()).isEqualTo(code("Am")));
        assertFinds(hits, ids(all(req().key("C"))));
    }

    // ---------------------------------------------------------------- other filters

    @Test
    void search_meter68_findsEveryFileWithA68TimeSignature() {
        // given
        Set<Long> expected = validWhere(t -> t.meterInMeta() && t.meter().equals("6/8"));

        // when
        List<SearchHit> hits = all(req().meter("6/8"));

        // then
        assertThat(expected).isNotEmpty();
        assertThat(hits).allSatisfy(h -> assertThat(h.meter()).isEqualTo("6/8"));
        assertFinds(hits, expected);
        List<GroundTruth> judged = judged(hits, GroundTruth::meterInMeta);
        assertThat(judged).allSatisfy(t -> assertThat(t.meter()).isEqualTo("6/8"));
    }

    @Test
    void search_barsRange_findsFilesOfThatLength() {
        // given
        Set<Long> expected = validWhere(t -> t.meterInMeta() && t.bars() >= 2 && t.bars() <= 4);

        // when
        List<SearchHit> hits = all(req().bars("2-4"));
        List<SearchHit> eight = all(req().bars("8"));

        // then
        assertThat(hits).allSatisfy(h -> assertThat(h.bars()).isBetween(2, 4));
        assertThat(eight).isNotEmpty().allSatisfy(h -> assertThat(h.bars()).isEqualTo(8));
        assertFinds(hits, expected);
        assertThat(judged(hits, GroundTruth::meterInMeta)).allSatisfy(t -> assertThat(t.bars()).isBetween(2, 4));
    }

    @Test
    void search_durationRange_findsShortFiles() {
        // given: the true length of files whose tempo and meter are both in their meta events, well inside the range
        Set<Long> expected = validWhere(t -> t.bpmInMeta() && !t.metaTempoIsDefault() && t.meterInMeta()
                && trueSeconds(t) <= 9.5);

        // when
        List<SearchHit> hits = all(req().duration("0-10"));

        // then
        assertThat(expected).isNotEmpty();
        assertThat(hits).allSatisfy(h -> assertThat(h.durationSec()).isBetween(0.0, 10.0));
        assertFinds(hits, expected);
    }

    @Test
    void search_instrumentBass_findsBassParts() {
        // given
        Set<Long> bassParts = validWhere(t -> t.part() == Part.BASS);

        // when
        List<SearchHit> hits = all(req().instrument("Bass"));

        // then: the instrument is analysed (program, range, track names), so held to 95% against the truth
        assertThat(hits).allSatisfy(h -> assertThat(h.instruments()).contains("bass"));
        List<GroundTruth> judged = judged(hits, t -> true);
        assertThat(share(judged, t -> t.instrument().contains("bass"))).isGreaterThanOrEqualTo(0.95);
        assertThat(share(bassParts, ids(hits)::contains)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void search_drums_matchesTheTruthBothWays() {
        // when
        Set<Long> withDrums = ids(all(req().drums(true)));
        Set<Long> withoutDrums = ids(all(req().drums(false)));

        // then
        assertThat(withDrums).isNotEmpty().doesNotContainAnyElementsOf(withoutDrums);
        assertThat(withDrums.size() + withoutDrums.size()).isEqualTo(docs.size());
        assertThat(withDrums).containsAll(validWhere(GroundTruth::hasDrums));
        assertThat(withoutDrums).containsAll(validWhere(t -> !t.hasDrums()));
    }

    @Test
    void search_tagPartAndGenre_findsFilesNamedSo() {
        // given: the part tag 'bass' comes from words like Bass, Bassline, 808 in the path; the genre tag from the path
        Set<Long> bassParts = validWhere(t -> t.part() == Part.BASS);
        // (tags come from the doc's location: a content that is also a duplicate elsewhere may have that path instead)
        Set<Long> techno = onlyLocation(validWhere(t -> words(t.path()).contains("techno")));

        // when
        List<SearchHit> bass = all(req().tag("bass"));
        List<SearchHit> genre = all(req().tag("Techno"));

        // then
        assertFinds(bass, bassParts);
        assertThat(bass).allSatisfy(h -> assertThat(words(h.path())).containsAnyOf("bass", "bassline", "basslines",
                "basses", "808", "808s", "sub", "reese"));
        assertThat(techno).isNotEmpty();
        assertFinds(genre, techno);
        assertThat(genre).allSatisfy(h -> assertThat(words(h.path())).contains("techno"));
    }

    @Test
    void search_vendorAndPack_matchExactly() {
        // given: the biggest vendor and one of its packs. Files loose in a vendor folder ("Vendor/Pack - name.mid",
        // truth: vendor set, pack empty) are left out: the import's path tagger reads a lone folder as the pack
        GroundTruth sample = biggest(GroundTruth::vendor);
        String vendor = sample.vendor();
        String pack = biggestWhere(t -> t.vendor().equals(vendor) && !t.pack().isEmpty(), GroundTruth::pack).pack();
        Set<Long> vendorFiles = validWhere(t -> t.vendor().equals(vendor) && !t.pack().isEmpty());
        Set<Long> packFiles = validWhere(t -> t.vendor().equals(vendor) && t.pack().equals(pack));

        // when
        List<SearchHit> byVendor = all(req().vendor(vendor));
        List<SearchHit> byPack = all(req().vendor(vendor).pack(pack));
        List<SearchHit> wrongCase = all(req().vendor(vendor.toUpperCase(Locale.ROOT) + "x"));

        // then
        assertThat(byVendor).allSatisfy(h -> assertThat(h.vendor()).isEqualTo(vendor));
        assertThat(byPack).isNotEmpty().allSatisfy(h -> assertThat(h.pack()).isEqualTo(pack));
        assertFinds(byVendor, onlyLocation(vendorFiles));
        assertFinds(byPack, onlyLocation(packFiles));
        assertThat(wrongCase).isEmpty();
    }

    // ---------------------------------------------------------------- text

    @Test
    void search_vendorWord_findsThatVendorsFiles() {
        // given: the longest word of the biggest vendor's name
        String vendor = biggest(GroundTruth::vendor).vendor();
        String word = WORDS.splitAsStream(vendor).max(Comparator.comparingInt(String::length)).orElseThrow();
        Set<Long> vendorFiles = onlyLocation(validWhere(t -> t.vendor().equals(vendor)));

        // when
        List<SearchHit> hits = all(req().text(word.toLowerCase(Locale.ROOT)));

        // then
        assertThat(vendorFiles).isNotEmpty();
        assertFinds(hits, vendorFiles);
    }

    @Test
    void search_prefix_findsNamesWithWordsStartingSo() {
        // given
        Set<Long> named = validWhere(t -> words(fileName(t.path())).stream().anyMatch(w -> w.startsWith("bas")));

        // when
        List<SearchHit> hits = all(req().text("bas"));

        // then
        assertThat(named).isNotEmpty();
        assertFinds(hits, named);
        assertThat(hits).anySatisfy(h -> assertThat(h.name()).contains("Bass"));
    }

    @Test
    void search_typo_givesFuzzyNameMatches() {
        // given: "Bassline" is a label some packs use
        assertThat(validWhere(t -> fileName(t.path()).contains("Bassline"))).isNotEmpty();

        // when
        SearchResult result = search.search(req().text("Basline").build());

        // then
        assertThat(result.fuzzy()).isTrue();
        assertThat(result.hits()).isNotEmpty();
        assertThat(share(result.hits(), h -> h.name().toLowerCase(Locale.ROOT).contains("bass")))
                .isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void search_relevance_putsNameMatchesAbovePathOnlyMatches() {
        // given: a folder word that is in the names of many files and only in the folders of many others
        Map<String, int[]> counts = new TreeMap<>();
        for (GroundTruth t : validByContent.values()) {
            Set<String> inName = words(fileName(t.path()));
            for (String w : words(t.path())) {
                if (w.length() >= 4 && !w.chars().allMatch(Character::isDigit)) {
                    counts.computeIfAbsent(w, k -> new int[2])[inName.contains(w) ? 0 : 1]++;
                }
            }
        }
        String word = counts.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, int[]> e) -> Math.min(e.getValue()[0], e.getValue()[1])))
                .orElseThrow().getKey();

        // when
        List<SearchHit> hits = all(req().text(word));

        // then
        List<Boolean> inName = hits.stream().map(h -> words(h.name()).contains(word)).toList();
        assertThat(inName).contains(true, false);
        int lastNameMatch = inName.lastIndexOf(true);
        int firstPathOnly = inName.indexOf(false);
        assertThat(lastNameMatch).as("'%s': last name match %s before the first path-only match %s", word,
                hits.get(lastNameMatch), hits.get(firstPathOnly)).isLessThan(firstPathOnly);
        assertThat(hits).allSatisfy(h -> assertThat(h.rank()).isNotNull());
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).rank()).isLessThanOrEqualTo(hits.get(i - 1).rank());
        }
    }

    // ---------------------------------------------------------------- sorting, paging, totals

    @Test
    void search_sortsWithKeysetPages_visitEveryMatchOnceInOrder() throws SQLException {
        for (Sort sort : List.of(Sort.NAME, Sort.BPM, Sort.ADDED, Sort.DURATION)) {
            for (boolean descending : new boolean[] {false, true}) {
                // given: the order the database itself gives (lower(name) uses its collation)
                String expression = switch (sort) {
                    case NAME -> "lower(name)";
                    case BPM -> "coalesce(bpm, 100000)";
                    case DURATION -> "coalesce(duration_sec, 1000000)";
                    default -> "added_at";
                };
                String direction = descending ? " DESC" : "";
                List<Long> expected = longs("SELECT content_id FROM search_doc ORDER BY " + expression + direction
                        + ", content_id" + direction);

                // when
                List<SearchHit> paged = pages(req().sort(sort).descending(descending).limit(97));

                // then
                List<Long> order = paged.stream().map(SearchHit::contentId).toList();
                assertThat(order).as("%s %s", sort, direction).doesNotHaveDuplicates().hasSize(docs.size());
                assertThat(order).as("%s %s", sort, direction).isEqualTo(expected);
            }
        }
    }

    @Test
    void search_relevancePages_visitEveryMatchOnceBestFirst() {
        for (String text : List.of("bass", "dr", "bass loop")) {
            // given
            long total = search.search(req().text(text).limit(10).build()).total();

            // when
            List<SearchHit> paged = pages(req().text(text).limit(13));

            // then
            assertThat(total).as(text).isGreaterThan(13);
            assertThat(ids(paged)).as(text).hasSize(paged.size());
            assertThat(paged).as(text).hasSize((int) total);
            assertThat(paged).as(text).isSortedAccordingTo(Comparator.comparing(SearchHit::rank).reversed());
        }
    }

    @Test
    void search_bpmSortPagedInsideATempoRange_visitsEveryMatchOnce() {
        // given: a filter, and many equal tempos on both sides of page boundaries
        Set<Long> expected = ids(all(req().bpm("80-130")));

        // when
        List<SearchHit> up = pages(req().bpm("80-130").sort(Sort.BPM).limit(7));
        List<SearchHit> down = pages(req().bpm("80-130").sort(Sort.BPM).descending(true).limit(7));

        // then
        assertThat(ids(up)).isEqualTo(expected);
        assertThat(up).hasSize(expected.size());
        assertThat(down).hasSize(expected.size());
        assertThat(up).isSortedAccordingTo(Comparator.comparing(SearchHit::bpm)
                .thenComparing(SearchHit::contentId));
        assertThat(down).isSortedAccordingTo(Comparator.comparing(SearchHit::bpm)
                .thenComparing(SearchHit::contentId).reversed());
    }

    @Test
    void search_totalBelowTenThousand_isExactAndEqualsTheHitsPaged() {
        for (Req r : List.of(req(), req().bpm("118-126"), req().key("Am"), req().drums(true), req().text("bass"))) {
            // when
            SearchResult first = search.search(r.limit(50).build());
            List<SearchHit> paged = pages(r.limit(50));

            // then
            assertThat(first.totalEstimated()).isFalse();
            assertThat(first.total()).as("%s", r).isEqualTo(paged.size());
        }
    }

    @Test
    void search_facets_countWhatTheHitsHold() {
        // given
        Req r = req().bpm("100-130");
        List<SearchHit> hits = all(r);

        // when
        SearchResult result = search.search(r.limit(10).facets().build());

        // then
        Map<String, Long> expected = new TreeMap<>();
        for (SearchHit h : hits) {
            if (h.keyCode() != null) {
                expected.merge("key=" + h.keyCode(), 1L, Long::sum);
            }
            if (h.bpm() != null) {
                expected.merge("bpm=" + (int) (Math.floor(h.bpm() / 10) * 10), 1L, Long::sum);
            }
            if (h.meter() != null) {
                expected.merge("meter=" + h.meter(), 1L, Long::sum);
            }
            if (h.vendor() != null) {
                expected.merge("vendor=" + h.vendor(), 1L, Long::sum);
            }
            h.instruments().forEach(i -> expected.merge("instrument=" + i, 1L, Long::sum));
        }
        Map<String, Long> actual = new TreeMap<>();
        for (FacetCount f : result.facets()) {
            if (!f.facet().equals("tag")) {
                actual.put(f.facet() + "=" + f.value(), f.count());
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(result.facets()).anySatisfy(f -> assertThat(f.facet()).isEqualTo("tag"));
    }

    // ---------------------------------------------------------------- similar

    @Test
    void search_similarToAFile_returnsCompatibleKeyAndTempoNearestFirst() {
        // given: a tonal file with its tempo in the meta event and enough neighbours
        SearchHit source = docs.values().stream()
                .filter(h -> h.keyCode() != null && h.bpm() != null && validByContent.containsKey(h.contentId())
                        && validByContent.get(h.contentId()).bpmInMeta())
                .max(Comparator.comparingLong((SearchHit h) -> docs.values().stream()
                        .filter(o -> o.keyCode() != null && o.keyCode().equals(h.keyCode())
                                && o.bpm() != null && Math.abs(o.bpm() - h.bpm()) < 1).count())
                        .thenComparing(SearchHit::contentId))
                .orElseThrow();
        MusicalKey key = new MusicalKey(source.keyCode() / 2, source.keyCode() % 2 == 1);
        Set<Integer> compatible = new HashSet<>();
        compatible.add(code(key));
        compatible.add(code(key.relative()));
        int camelot = Integer.parseInt(key.camelot().replaceAll("[AB]", ""));
        compatible.add(code(MusicalKey.fromCamelot(camelot % 12 + 1, key.minor())));
        compatible.add(code(MusicalKey.fromCamelot((camelot + 10) % 12 + 1, key.minor())));
        double bpm = source.bpm();

        // when
        SearchResult result = search.search(req().similarTo(source.path()).limit(100).build());

        // then
        assertThat(result.hits()).isNotEmpty();
        assertThat(result.hits()).noneSatisfy(h -> assertThat(h.contentId()).isEqualTo(source.contentId()));
        assertThat(result.hits()).allSatisfy(h -> {
            assertThat(compatible).contains(h.keyCode());
            double b = h.bpm();
            assertThat(b >= bpm * 0.94 && b <= bpm * 1.06 || b >= bpm / 2 * 0.97 && b <= bpm / 2 * 1.03
                    || b >= bpm * 2 * 0.97 && b <= bpm * 2 * 1.03).as("bpm %s near %s", b, bpm).isTrue();
        });
        assertThat(result.hits()).isSortedAccordingTo(Comparator.comparing(SearchHit::distance));
        assertThat(search.search(req().similarTo(Long.toString(source.contentId())).limit(100).build()).hits())
                .isEqualTo(result.hits());
    }

    // ---------------------------------------------------------------- within a manual collection

    /**
     * A manual collection of 120 analysed files in a shuffled order (seeded), made afresh for this class's library;
     * its id, the contents in position order.
     */
    static long collection(String name, List<Long> order) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM collection WHERE name = '" + name + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<Long> ids = new ArrayList<>(new java.util.TreeSet<>(docs.keySet()));
        java.util.Collections.shuffle(ids, new java.util.Random(SEED));
        order.addAll(ids.subList(0, 120));
        var collections = new com.midicenter.library.curation.CollectionService(db.sqlSessionFactory(), search);
        long id = collections.create(name).id();
        collections.add(name, order.subList(0, 60));
        collections.add(name, order.subList(60, 120));
        // a move, so positions are the user's order, not the order of adding
        collections.move(name, order.get(100), 1);
        order.add(0, order.remove(100));
        return id;
    }

    @Test
    void search_collectionWithoutWords_givesItsFilesInItsOrderPageByPage() {
        // given
        List<Long> order = new ArrayList<>();
        long id = collection("Parity order", order);

        // when
        List<SearchHit> up = pages(req().collection(id).limit(7));
        List<SearchHit> down = pages(req().collection(id).descending(true).limit(11));
        List<SearchHit> byRelevance = pages(req().collection(id).sort(Sort.RELEVANCE).limit(13));
        SearchResult first = search.search(req().collection(id).limit(5).build());

        // then
        assertThat(up).extracting(SearchHit::contentId).containsExactlyElementsOf(order);
        List<Long> reversed = new ArrayList<>(order);
        java.util.Collections.reverse(reversed);
        assertThat(down).extracting(SearchHit::contentId).containsExactlyElementsOf(reversed);
        assertThat(byRelevance).extracting(SearchHit::contentId).containsExactlyElementsOf(order);
        assertThat(first.total()).isEqualTo(120);
        assertThat(up).extracting(SearchHit::sortValue).startsWith("1", "2", "3").endsWith("120");
    }

    @Test
    void search_collectionWithFiltersWordsAndSorts_givesTheLibrarysAnswerWithinTheCollection() {
        // given
        List<Long> order = new ArrayList<>();
        long id = collection("Parity filters", order);
        Set<Long> members = new HashSet<>(order);
        for (Req r : List.of(req().bpm("90-130"), req().drums(false), req().key("Am").compatible(),
                req().sort(Sort.BPM), req().sort(Sort.NAME).descending(true), req().text("bass"),
                req().text("bass").sort(Sort.DURATION), req().instrument("bass").sort(Sort.POSITION))) {
            // when
            List<SearchHit> within = pages(r.collection(id).limit(9));
            SearchResult counted = search.search(r.collection(id).limit(9).facets().build());

            // then: the library's matches that are members, in the library's order or the collection's
            boolean byPosition = r.sort == Sort.POSITION || r.text == null && r.sort == null;
            boolean byRelevance = r.text != null && r.sort == null;
            List<Long> library = all(r.sort(byPosition || byRelevance ? Sort.NAME : r.sort)).stream()
                    .map(SearchHit::contentId).filter(members::contains).toList();
            List<Long> expected = byPosition ? order.stream().filter(new HashSet<>(library)::contains).toList() : library;
            assertThat(expected).as("%s", r).hasSizeGreaterThan(3);
            if (byRelevance) { // best first, ties in either path's own way: the same files
                assertThat(ids(within)).as("%s", r).isEqualTo(new HashSet<>(expected)).hasSize(within.size());
                assertThat(within).as("%s", r).isSortedAccordingTo(Comparator.comparing(SearchHit::rank).reversed());
            } else {
                assertThat(within).as("%s", r).extracting(SearchHit::contentId).containsExactlyElementsOf(expected);
            }
            assertThat(counted.total()).as("%s", r).isEqualTo(expected.size());
            Map<String, Long> keys = new TreeMap<>();
            within.forEach(h -> {
                if (h.keyCode() != null) {
                    keys.merge(h.keyCode().toString(), 1L, Long::sum);
                }
            });
            Map<String, Long> keyFacet = new TreeMap<>();
            counted.facets().stream().filter(f -> f.facet().equals("key"))
                    .forEach(f -> keyFacet.put(f.value(), f.count()));
            assertThat(keyFacet).as("%s", r).isEqualTo(keys);
        }
    }

    @Test
    void search_collectionBadUses_refusedWithAClearMessage() {
        // given
        List<Long> order = new ArrayList<>();
        long id = collection("Parity refusals", order);

        // when, then
        assertThatThrownBy(() -> search.search(req().sort(Sort.POSITION).build()))
                .isInstanceOf(SearchException.class).hasMessageContaining("--collection");
        assertThatThrownBy(() -> search.search(req().collection(id + 1000).build()))
                .isInstanceOf(SearchException.class).hasMessageContaining("no collection");
        String positionCursor = search.search(req().collection(id).limit(3).build()).next();
        assertThatThrownBy(() -> search.search(req().collection(id).sort(Sort.NAME).cursor(positionCursor).build()))
                .isInstanceOf(SearchException.class).hasMessageContaining("--after");
    }

    // ---------------------------------------------------------------- hostile and bad input

    @Test
    void search_hostileText_givesResultsOrASearchExceptionNeverSqlErrors() {
        // given
        List<String> hostile = List.of("\"bass", "'", "''", "bass'", "\\", "bass\\", "\\'", "a & b", "|", "!bass",
                "(bass", "bass)", "bass:*", ":*", "&|!():*", "a:b", "<->", "bass <-> loop", "!!!", "%", "_", "%bass%",
                "😀", "bass 😀", "😀bass", "\u0000", "bass\u0000loop", "½ ² ª", "qqq\u0000zzz", "ǅ", "日本語", "Café", "' OR 1=1 --",
                "'; DROP TABLE search_doc; --", "$$", "$1", "#{q.tsquery}", "${q.limit}", "a".repeat(10_000),
                "bass ".repeat(2_000), "\t\n", "   ");

        for (String text : hostile) {
            // when
            try {
                SearchResult result = search.search(req().text(text).build());
                // then
                assertThat(result.hits()).as("%.40s", text).hasSizeLessThanOrEqualTo(50);
            } catch (SearchException e) {
                assertThat(e.getMessage()).as("%.40s", text).isNotBlank();
            } catch (RuntimeException e) {
                fail("text '%.40s' gave %s instead of results or a SearchException", text, e);
            }
        }
        assertThat(longs("SELECT count(*) FROM search_doc").get(0)).isEqualTo(docs.size());
    }

    @Test
    void search_sqlInjectionText_matchesOnlyLegitimately() {
        // when
        SearchResult result = search.search(req().text("' OR 1=1 --").limit(1000).build());

        // then: the words are "or" and "1", both as prefixes; a hit must hold both, whatever 1=1 would do in SQL
        assertThat(result.total()).isLessThan(docs.size());
        if (!result.fuzzy()) {
            // the words of the doc: path (name, folders, vendor, pack), then track names and instrument words
            List<String> unexplained = result.hits().stream().filter(h -> {
                Set<String> words = words(h.path() + " " + String.join(" ", h.instruments()) + " " + strings(
                        "SELECT coalesce(array_to_string(track_names, ' '), '') || ' '"
                        + " || coalesce(array_to_string(families, ' '), '') FROM file_meta WHERE content_id = "
                        + h.contentId()).get(0));
                return words.stream().noneMatch(w -> w.startsWith("or")) || words.stream().noneMatch(w -> w.startsWith("1"));
            }).map(SearchHit::path).toList();
            assertThat(unexplained).isEmpty();
        }
    }

    @Test
    void search_badValues_throwSearchExceptionNamingTheOption() {
        // given
        String nameCursor = search.search(req().sort(Sort.NAME).limit(3).build()).next();
        String garbage = Base64.getUrlEncoder().encodeToString("not\na cursor".getBytes(StandardCharsets.UTF_8));

        // when, then
        assertThatThrownBy(() -> search.search(req().bpm("abc").build()))
                .isInstanceOf(SearchException.class).hasMessageContaining("--bpm").hasMessageContaining("abc");
        assertThatThrownBy(() -> search.search(req().key("H#").build()))
                .isInstanceOf(SearchException.class).hasMessageContaining("--key").hasMessageContaining("H#");
        assertThatThrownBy(() -> search.search(req().bars("8-4").build()))
                .isInstanceOf(SearchException.class).hasMessageContaining("--bars").hasMessageContaining("8-4");
        assertThatThrownBy(() -> search.search(req().cursor("%%%garbage%%%").build()))
                .isInstanceOf(SearchException.class).hasMessageContaining("--after");
        assertThatThrownBy(() -> search.search(req().cursor(garbage).build()))
                .isInstanceOf(SearchException.class).hasMessageContaining("--after");
        // a real cursor of a name-sorted search is garbage to a tempo-sorted one
        assertThat(nameCursor).isNotNull();
        assertThatThrownBy(() -> search.search(req().sort(Sort.BPM).cursor(nameCursor).build()))
                .isInstanceOf(SearchException.class).hasMessageContaining("--after");
    }

    // ---------------------------------------------------------------- helpers

    /** All matches, paging through with the cursor, 1,000 at a time. */
    private static List<SearchHit> all(Req r) {
        return pages(r.limit(1000));
    }

    /** Every page of a search, following {@code next}; each page within its limit. */
    private static List<SearchHit> pages(Req r) {
        List<SearchHit> hits = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10_000; page++) {
            SearchResult result = search.search(r.cursor(cursor).build());
            assertThat(result.hits().size()).isLessThanOrEqualTo(r.limit);
            hits.addAll(result.hits());
            cursor = result.next();
            if (cursor == null) {
                return hits;
            }
        }
        throw new AssertionError("no last page: " + r);
    }

    /** Every expected content is among the hits; the message lists the missing files with their truth and doc. */
    private static void assertFinds(List<SearchHit> hits, Set<Long> expected) {
        Set<Long> found = ids(hits);
        List<String> missing = expected.stream().filter(id -> !found.contains(id)).sorted()
                .map(id -> validByContent.getOrDefault(id, truthByContent.get(id)) + "\n    doc: " + docs.get(id)).toList();
        assertThat(missing).as("%d of %d expected files not found", missing.size(), expected.size()).isEmpty();
    }

    private static Set<Long> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::contentId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<Long> validWhere(Predicate<GroundTruth> p) {
        return validByContent.entrySet().stream().filter(e -> p.test(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static Set<Long> onlyLocation(Set<Long> ids) {
        return ids.stream().filter(singleLocation::contains).collect(Collectors.toSet());
    }

    /** The truth of the hits that a valid file holds and that pass {@code p}. */
    private static List<GroundTruth> judged(List<SearchHit> hits, Predicate<GroundTruth> p) {
        return hits.stream().map(h -> truthByContent.get(h.contentId())).filter(t -> t != null && p.test(t)).toList();
    }

    private static <T> double share(java.util.Collection<T> items, Predicate<T> p) {
        return items.isEmpty() ? 0 : items.stream().filter(p).count() / (double) items.size();
    }

    private static boolean tempoStated(GroundTruth t) {
        return t.bpmInMeta() || t.bpmInName();
    }

    /** Seconds of the loop: bars of n/d are n * 4 / d quarter notes each. */
    private static double trueSeconds(GroundTruth t) {
        String[] m = t.meter().split("/");
        double quarters = t.bars() * Integer.parseInt(m[0]) * 4.0 / Integer.parseInt(m[1]);
        return quarters * 60 / t.bpm();
    }

    private static Set<String> words(String text) {
        return WORDS.splitAsStream(text.toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static GroundTruth biggest(java.util.function.Function<GroundTruth, String> by) {
        return biggestWhere(t -> !by.apply(t).isEmpty(), by);
    }

    private static GroundTruth biggestWhere(Predicate<GroundTruth> p, java.util.function.Function<GroundTruth, String> by) {
        Map<String, List<GroundTruth>> groups = validByContent.values().stream().filter(p)
                .collect(Collectors.groupingBy(by, TreeMap::new, Collectors.toList()));
        return groups.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow().get(0);
    }

    private static int code(String key) {
        return code(MusicalKey.parse(key).orElseThrow());
    }

    private static int code(MusicalKey key) {
        return key.tonic() * 2 + (key.minor() ? 1 : 0);
    }

    private static List<String> strings(String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static List<Long> longs(String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<Long> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Req req() {
        return new Req();
    }

    /** A {@link SearchRequest} built option by option, like the command line; each call returns a changed copy. */
    private static final class Req {
        String text;
        String bpm;
        boolean halfDouble;
        String key;
        boolean compatible;
        String meter;
        String bars;
        String duration;
        String instrument;
        Boolean drums;
        String tag;
        String vendor;
        String pack;
        Sort sort;
        boolean descending;
        int limit = 50;
        String cursor;
        boolean facets;
        String similarTo;
        Long collection;

        private Req copy() {
            Req r = new Req();
            r.text = text;
            r.bpm = bpm;
            r.halfDouble = halfDouble;
            r.key = key;
            r.compatible = compatible;
            r.meter = meter;
            r.bars = bars;
            r.duration = duration;
            r.instrument = instrument;
            r.drums = drums;
            r.tag = tag;
            r.vendor = vendor;
            r.pack = pack;
            r.sort = sort;
            r.descending = descending;
            r.limit = limit;
            r.cursor = cursor;
            r.facets = facets;
            r.similarTo = similarTo;
            r.collection = collection;
            return r;
        }

        private Req with(java.util.function.Consumer<Req> change) {
            Req r = copy();
            change.accept(r);
            return r;
        }

        Req text(String v) {
            return with(r -> r.text = v);
        }

        Req bpm(String v) {
            return with(r -> r.bpm = v);
        }

        Req halfDouble() {
            return with(r -> r.halfDouble = true);
        }

        Req key(String v) {
            return with(r -> r.key = v);
        }

        Req compatible() {
            return with(r -> r.compatible = true);
        }

        Req meter(String v) {
            return with(r -> r.meter = v);
        }

        Req bars(String v) {
            return with(r -> r.bars = v);
        }

        Req duration(String v) {
            return with(r -> r.duration = v);
        }

        Req instrument(String v) {
            return with(r -> r.instrument = v);
        }

        Req drums(boolean v) {
            return with(r -> r.drums = v);
        }

        Req tag(String v) {
            return with(r -> r.tag = v);
        }

        Req vendor(String v) {
            return with(r -> r.vendor = v);
        }

        Req pack(String v) {
            return with(r -> r.pack = v);
        }

        Req sort(Sort v) {
            return with(r -> r.sort = v);
        }

        Req descending(boolean v) {
            return with(r -> r.descending = v);
        }

        Req limit(int v) {
            return with(r -> r.limit = v);
        }

        Req cursor(String v) {
            return with(r -> r.cursor = v);
        }

        Req facets() {
            return with(r -> r.facets = true);
        }

        Req similarTo(String v) {
            return with(r -> r.similarTo = v);
        }

        Req collection(long v) {
            return with(r -> r.collection = v);
        }

        SearchRequest build() {
            return new SearchRequest(text, bpm, halfDouble, key, compatible, meter, bars, duration, instrument, drums,
                    tag, vendor, pack, false, null, null, sort, descending, limit, cursor, facets, similarTo,
                    collection, false);
        }

        @Override
        public String toString() {
            return "text=" + text + " bpm=" + bpm + " key=" + key + " sort=" + sort + " desc=" + descending
                    + " limit=" + limit + " collection=" + collection;
        }
    }
}
