package com.midicenter.library.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.midicenter.core.analysis.Hints;
import com.midicenter.core.analysis.MidiSummary;
import com.midicenter.core.analysis.MusicAnalysis;
import com.midicenter.core.analysis.MusicAnalyzer;
import com.midicenter.core.analysis.Shape;
import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.core.corpus.FileKind;
import com.midicenter.core.corpus.GroundTruth;
import com.midicenter.core.corpus.GroundTruthCsv;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.library.analysis.AnalysisListener;
import com.midicenter.library.analysis.AnalysisOptions;
import com.midicenter.library.analysis.AnalysisResult;
import com.midicenter.library.analysis.AnalysisService;
import com.midicenter.library.details.FileDetails.AnalysisState;
import com.midicenter.library.details.FileDetails.Tag;
import com.midicenter.library.details.FileDetails.TagSource;
import com.midicenter.library.importing.ImportListener;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportService;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.search.SearchHit;
import com.midicenter.persistence.testing.SharedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Details and edits against a real generated, imported and analysed library of 60 files. Each test works on its own
 * files ({@link #file(int)}) and tag words, so the order of the tests does not matter.
 */
class FileDetailsServiceIT {

    private static final long SEED = 20_260_314L;
    private static final int FILES = 60;

    @TempDir
    static Path tmp;

    static Database db;
    static FileDetailsService details;
    static SearchService search;
    /** Analysed VALID files with a single location: content id → absolute path. */
    static final List<Long> valid = new ArrayList<>();
    static final Map<Long, Path> pathOf = new HashMap<>();

    @BeforeAll
    static void buildLibrary() throws Exception {
        db = SharedDatabase.get();
        SharedDatabase.truncate("content", "location", "file_meta", "analysis_job", "tag", "file_tag", "user_mark",
                "import_run", "import_error", "archive_file", "search_doc");
        Path root = tmp.resolve("corpus");
        new CorpusGenerator(SEED).generate(FILES, root, null);
        new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                .run(List.of(root), new AtomicBoolean(), ImportListener.NONE);
        AnalysisResult analysed = new AnalysisService(db.dataSource(), db.sqlSessionFactory(),
                AnalysisOptions.defaults()).run(new AtomicBoolean(), AnalysisListener.NONE);
        assertThat(analysed.analyzed()).isGreaterThan(FILES / 2);
        details = new FileDetailsService(db.sqlSessionFactory());
        search = new SearchService(db.sqlSessionFactory());

        Map<String, GroundTruth> truth = new HashMap<>();
        for (GroundTruth t : GroundTruthCsv.read(root.resolve("ground-truth.csv"))) {
            truth.put(root.resolve(t.path()).toString(), t);
        }
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT l.content_id, min(l.path) FROM location l"
                     + " JOIN analysis_job j ON j.content_id = l.content_id AND j.state = 'done'"
                     + " GROUP BY l.content_id HAVING count(*) = 1 ORDER BY l.content_id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                GroundTruth t = truth.get(rs.getString(2));
                if (t != null && t.kind() == FileKind.VALID) {
                    valid.add(rs.getLong(1));
                    pathOf.put(rs.getLong(1), Path.of(rs.getString(2)));
                }
            }
        }
        assertThat(valid).hasSizeGreaterThan(12);
    }

    /** The n-th analysed valid file; each test takes its own. */
    static long file(int n) {
        return valid.get(n);
    }

    // ---------------------------------------------------------------- details

    @Test
    void details_analysedFile_equalsWhatTheAnalyzerSaysOfIt() throws Exception {
        // given: the file analysed here as the analysis service does (file name and the path tags as hints)
        long id = file(0);
        FileDetails d = details.details(id).orElseThrow();
        Path path = pathOf.get(id);
        List<String> pathTags = d.tags().stream().filter(t -> t.source() == TagSource.PATH)
                .map(t -> t.category() + ":" + t.name()).toList();
        MusicAnalysis a = new MusicAnalyzer().analyze(new MidiReader().read(path),
                Hints.ofTags(path.getFileName().toString(), pathTags));
        MidiSummary s = a.summary();
        Shape shape = a.shape();

        // then: file
        assertThat(d.contentId()).isEqualTo(id);
        assertThat(d.analysisState()).isEqualTo(AnalysisState.DONE);
        assertThat(d.analysisError()).isNull();
        assertThat(d.analyzerVersion()).isEqualTo(MusicAnalyzer.VERSION);
        assertThat(d.analyzedAt()).isNotNull();
        assertThat(d.sha256()).matches("[0-9a-f]{64}");
        assertThat(d.sizeBytes()).isEqualTo(java.nio.file.Files.size(path));
        assertThat(d.path()).isEqualTo(path.toString());
        assertThat(d.name()).isEqualTo(path.getFileName().toString());
        assertThat(d.locations()).singleElement().satisfies(l -> assertThat(l.missing()).isFalse());
        assertThat(d.file().format()).isEqualTo(s.format());
        assertThat(d.file().tracks()).isEqualTo(s.tracks());
        assertThat(d.file().ppq()).isEqualTo(s.ppq());
        assertThat(d.file().durationSec()).isCloseTo(s.durationSec(), within(1e-3));
        assertThat(d.file().bars()).isEqualTo(s.bars());
        assertThat(d.file().loop()).isEqualTo(shape.loop());
        assertThat(d.file().trackNames()).isEqualTo(s.trackNames());
        assertThat(d.warnings()).isEqualTo(s.warnings());
        // tempo and meter
        assertThat(d.tempo().bpm()).isCloseTo(a.tempo().bpm(), within(1e-3));
        assertThat(d.tempo().bpmSource()).isEqualTo(a.tempo().source().name().toLowerCase(Locale.ROOT));
        assertThat(d.tempo().bpmConfidence()).isCloseTo(a.tempo().confidence(), within(1e-3));
        assertThat(d.tempo().tempoChanges()).isEqualTo(s.tempoChanges());
        assertThat(d.tempo().tempoMap()).hasSameSizeAs(a.tempo().changes());
        for (int i = 0; i < a.tempo().changes().size(); i++) {
            assertThat(d.tempo().tempoMap().get(i).bpm()).isCloseTo(a.tempo().changes().get(i).bpm(), within(1e-3));
            assertThat(d.tempo().tempoMap().get(i).seconds())
                    .isCloseTo(a.tempo().changes().get(i).seconds(), within(1e-3));
        }
        assertThat(d.tempo().meter()).isEqualTo(s.meter());
        assertThat(d.tempo().meterSource()).isEqualTo(s.meterSource().name().toLowerCase(Locale.ROOT));
        assertThat(d.tempo().meters()).isEqualTo(a.meters());
        // key and harmony
        assertThat(d.harmony().key()).isEqualTo(a.key().key() == null ? null : a.key().key().name());
        assertThat(d.harmony().camelot()).isEqualTo(a.key().key() == null ? null : a.key().key().camelot());
        assertThat(d.harmony().keyConfidence()).isCloseTo(a.key().confidence(), within(1e-3));
        assertThat(d.harmony().keyRunnerUp()).isEqualTo(a.key().runnerUp() == null ? null : a.key().runnerUp().name());
        assertThat(d.harmony().keySource()).isEqualTo(a.key().source().name().toLowerCase(Locale.ROOT));
        assertThat(d.harmony().chords())
                .isEqualTo(a.chords().progression().isEmpty() ? null : a.chords().progression());
        assertThat(d.harmony().chordsPerBar()).isEqualTo(a.chords().perBar());
        // notes
        assertThat(d.notes().notes()).isEqualTo(s.notes());
        assertThat(d.notes().notesPerBar()).isCloseTo(shape.notesPerBar(), within(1e-3));
        assertThat(d.notes().pitchMin()).isEqualTo(s.pitchMin());
        assertThat(d.notes().pitchMax()).isEqualTo(s.pitchMax());
        assertThat(d.notes().velocityMin()).isEqualTo(shape.velocityMin());
        assertThat(d.notes().velocityMax()).isEqualTo(shape.velocityMax());
        assertThat(d.notes().velocityMean()).isCloseTo(s.velocityMean(), within(1e-3));
        assertThat(d.notes().polyphonyMax()).isEqualTo(s.polyphonyMax());
        assertThat(d.notes().quantized()).isEqualTo(shape.quantized());
        assertThat(d.notes().grooveOffsetMs()).isCloseTo(shape.grooveOffsetMs(), within(1e-3));
        // drums
        assertThat(d.drums().hasDrums()).isEqualTo(a.drums().hasDrums());
        assertThat(d.drums().pieces()).isEqualTo(a.drums().pieces());
        assertThat(d.drums().counts()).isEqualTo(IntStream.of(a.drums().pieceCounts()).boxed().toList());
        assertThat(d.drums().hitsPerBar()).isCloseTo(a.drums().hitsPerBar(), within(1e-3));
        assertThat(d.drums().swing()).isEqualTo(a.drums().hasDrums() ? a.drums().swingPercent() : null);
        assertThat(d.drums().ghostNotes()).isEqualTo(a.drums().ghostNotes());
        assertThat(d.drums().fillBars()).isEqualTo(a.drums().fillBars());
        assertThat(d.drums().role()).isEqualTo(a.drums().role().name().toLowerCase(Locale.ROOT));
        // instruments
        assertThat(d.instruments().channels()).isEqualTo(s.channels());
        assertThat(d.instruments().programs()).isEqualTo(s.programs());
        assertThat(d.instruments().families()).isEqualTo(s.instruments());
        assertThat(d.instruments().categories()).isEqualTo(a.instruments().categories());
        // marks and tags of a file nobody touched
        assertThat(d.favorite()).isFalse();
        assertThat(d.rating()).isNull();
        assertThat(pathTags).isNotEmpty();
        assertThat(d.userTags()).isEmpty();
    }

    @Test
    void details_unknownContent_isEmpty() {
        assertThat(details.details(987_654_321L)).isEmpty();
    }

    // ---------------------------------------------------------------- favourite and rating

    @Test
    void setFavorite_onAndOff_roundTripsAndSearchSeesIt() {
        // given
        long id = file(1);

        // when
        details.setFavorite(id, true);

        // then
        assertThat(details.details(id).orElseThrow().favorite()).isTrue();
        assertThat(ids(search(null, true, null))).contains(id);

        // when
        details.setFavorite(id, false);

        // then
        assertThat(details.details(id).orElseThrow().favorite()).isFalse();
        assertThat(ids(search(null, true, null))).doesNotContain(id);
    }

    @Test
    void setRating_setChangedCleared_roundTripsAndSearchSeesIt() {
        // given
        long id = file(2);

        // when
        details.setRating(id, 4);

        // then
        assertThat(details.details(id).orElseThrow().rating()).isEqualTo(4);
        assertThat(hit(id).rating()).isEqualTo(4);

        // when
        details.setRating(id, 2);
        details.setFavorite(id, true); // a second mark leaves the rating as it is

        // then
        assertThat(details.details(id).orElseThrow().rating()).isEqualTo(2);
        assertThat(hit(id).rating()).isEqualTo(2);

        // when
        details.setRating(id, null);

        // then
        FileDetails d = details.details(id).orElseThrow();
        assertThat(d.rating()).isNull();
        assertThat(d.favorite()).isTrue();
        assertThat(hit(id).rating()).isNull();
    }

    @Test
    void setRating_outOfRange_refusedWithTheValueAndNothingStored() {
        long id = file(3);
        assertThatThrownBy(() -> details.setRating(id, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a rating is 1 to 5 stars, or none to clear it: stars=0");
        assertThatThrownBy(() -> details.setRating(id, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stars=6");
        assertThat(details.details(id).orElseThrow().rating()).isNull();
    }

    @Test
    void setFavorite_goneFile_saysItIsNoLongerInTheLibrary() {
        assertThatThrownBy(() -> details.setFavorite(987_654_321L, true)).isInstanceOf(FileDetailsException.class)
                .hasMessage("file #987654321 is no longer in the library");
        assertThatThrownBy(() -> details.addTag(List.of(file(3), 987_654_321L), "orphan"))
                .isInstanceOf(FileDetailsException.class).hasMessageContaining("#987654321");
        assertThat(details.details(file(3)).orElseThrow().userTags()).isEmpty(); // all or nothing
    }

    // ---------------------------------------------------------------- tags

    @Test
    void addTag_badTag_refusedWithMessage() {
        long id = file(4);
        assertThatThrownBy(() -> details.addTag(List.of(id), "   ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a tag needs at least one character that is not a space");
        String tooLong = "x".repeat(FileDetailsService.MAX_TAG_LENGTH + 1);
        assertThatThrownBy(() -> details.addTag(List.of(id), tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 64 characters").hasMessageContaining("has 65");
        assertThatThrownBy(() -> details.addTag(List.of(), "fine")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("files=0");
        assertThat(details.details(id).orElseThrow().userTags()).isEmpty();
    }

    @Test
    void addTag_severalFilesAndOtherCase_oneTrimmedTagSpeltAsFirstGiven() {
        // given
        long a = file(5);
        long b = file(6);

        // when
        int first = details.addTag(List.of(a, b), "  Dark Pad ");
        int again = details.addTag(List.of(a), "dark pad");
        String exactly64 = "y".repeat(FileDetailsService.MAX_TAG_LENGTH);
        details.addTag(List.of(b), exactly64);

        // then
        assertThat(first).isEqualTo(2);
        assertThat(again).isZero();
        assertThat(details.details(a).orElseThrow().userTags())
                .containsExactly(new Tag("user", "Dark Pad", TagSource.USER));
        assertThat(details.details(b).orElseThrow().userTags()).extracting(Tag::name)
                .containsExactlyInAnyOrder("Dark Pad", exactly64);
    }

    @Test
    void addTag_userTag_searchFindsTheFileByTagAndWord_andReanalysisKeepsIt() throws Exception {
        // given
        long id = file(7);
        assertThat(ids(searchTag("crunchy"))).isEmpty();

        // when
        details.addTag(List.of(id), "Crunchy");

        // then: the SQL search finds it by --tag (any case) and by the word
        assertThat(ids(searchTag("crunchy"))).containsExactly(id);
        assertThat(ids(search("crunchy", false, null))).contains(id);

        // when: the file is analysed again (as after an analyser upgrade)
        int writtenBefore = resultsWritten(id);
        execute("UPDATE analysis_job SET analyzer_version = 0 WHERE content_id = ?", id);
        AnalysisService analysis = new AnalysisService(db.dataSource(), db.sqlSessionFactory(),
                AnalysisOptions.defaults());
        assertThat(analysis.requeueOutdated()).isEqualTo(1);
        assertThat(analysis.run(new AtomicBoolean(), AnalysisListener.NONE).analyzed()).isEqualTo(1);

        // then: analysed once more, the tag and the search row still have it
        assertThat(resultsWritten(id)).isEqualTo(writtenBefore + 1);
        assertThat(details.details(id).orElseThrow().userTags()).extracting(Tag::name).containsExactly("Crunchy");
        assertThat(ids(searchTag("Crunchy"))).containsExactly(id);
        assertThat(ids(search("crunchy", false, null))).contains(id);
    }

    @Test
    void addTagAndFavorite_indexedSearch_seesThemAfterItsRebuild() throws Exception {
        // given: a search answered from the in-memory index
        long id = file(11);
        try (SearchService indexed = SearchService.indexed(db)) {
            assertThat(indexed.index().orElseThrow().awaitReady(java.time.Duration.ofSeconds(30))).isTrue();
            SearchRequest byTag = new SearchRequest(null, null, false, null, false, null, null, null, null, null,
                    "glassy", null, null, false, null, null, null, false, 100, null, false, null);
            assertThat(ids(indexed.search(byTag).hits())).isEmpty();

            // when
            details.addTag(List.of(id), "Glassy");

            // then: the change notifies the index, which rebuilds and finds the file
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!ids(indexed.search(byTag).hits()).equals(List.of(id)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(ids(indexed.search(byTag).hits())).containsExactly(id);
        }
    }

    @Test
    void removeTag_userTag_goneFromDetailsAndSearch() {
        // given
        long id = file(8);
        details.addTag(List.of(id, file(9)), "wobble");

        // when
        boolean removed = details.removeTag(id, " WOBBLE ");
        boolean again = details.removeTag(id, "wobble");

        // then
        assertThat(removed).isTrue();
        assertThat(again).isFalse();
        assertThat(details.details(id).orElseThrow().userTags()).isEmpty();
        assertThat(ids(searchTag("wobble"))).containsExactly(file(9));
    }

    @Test
    void removeTag_pathTag_refusedSayingItComesFromThePath() {
        // given
        long id = file(10);
        Tag pathTag = details.details(id).orElseThrow().tags().stream()
                .filter(t -> t.source() == TagSource.PATH).findFirst().orElseThrow();

        // when / then
        assertThatThrownBy(() -> details.removeTag(id, pathTag.name())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the tag '" + pathTag.name() + "' comes from the file's path (" + pathTag.category()
                        + "); only tags you added can be removed");
        assertThat(details.details(id).orElseThrow().tags()).contains(pathTag);
    }

    // ---------------------------------------------------------------- helpers

    private static List<SearchHit> search(String text, boolean favorite, String tag) {
        return search.search(new SearchRequest(text, null, false, null, false, null, null, null, null, null, tag,
                null, null, favorite, null, null, null, false, 1000, null, false, null)).hits();
    }

    private static List<SearchHit> searchTag(String tag) {
        return search(null, false, tag);
    }

    private static List<Long> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::contentId).toList();
    }

    private static SearchHit hit(long id) {
        return search(null, false, null).stream().filter(h -> h.contentId() == id).findFirst().orElseThrow();
    }

    private static int resultsWritten(long id) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT results_written FROM analysis_job WHERE content_id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void execute(String sql, long id) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }
}
