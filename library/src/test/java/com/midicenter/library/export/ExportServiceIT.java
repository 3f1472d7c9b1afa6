package com.midicenter.library.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.library.analysis.AnalysisListener;
import com.midicenter.library.analysis.AnalysisOptions;
import com.midicenter.library.analysis.AnalysisService;
import com.midicenter.library.importing.ImportListener;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportService;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchService;
import com.midicenter.library.testing.Archives;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.search.SearchCriteria.Sort;
import com.midicenter.persistence.testing.SharedDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export end to end on the embedded PostgreSQL: a search or contents to a folder or a zip, names from a template. */
class ExportServiceIT {

    @TempDir
    static Path lib;

    @TempDir
    Path tmp;

    static Database db;
    static ExportService export;
    static final Map<String, byte[]> bytesByName = new HashMap<>();
    static byte[] memberBytes;

    @BeforeAll
    static void buildLibrary() throws Exception {
        db = SharedDatabase.get();
        SharedDatabase.truncate("content", "location", "file_meta", "analysis_job", "tag", "file_tag", "user_mark",
                "import_run", "import_error", "archive_file", "search_doc", "collection");
        Path root = lib.resolve("Lib");
        Files.createDirectories(root.resolve("Bass"));
        write(root.resolve("Bass/Zork Bass Alpha.mid"), midi(36, 120));
        write(root.resolve("Bass/Zork Bass Beta.mid"), midi(40, 124));
        write(root.resolve("Bass/Other Keys.mid"), midi(60, 100));
        memberBytes = midi(48, 90);
        Files.write(root.resolve("Pack.zip"), Archives.zip(new String[] {"Drums/Member Groove.mid"},
                new byte[][] {memberBytes}));
        new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                .run(List.of(root), new AtomicBoolean(), ImportListener.NONE);
        new AnalysisService(db.dataSource(), db.sqlSessionFactory(), AnalysisOptions.defaults())
                .run(new AtomicBoolean(), AnalysisListener.NONE);
        export = new ExportService(db.sqlSessionFactory(), new SearchService(db.sqlSessionFactory()));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        bytesByName.put(NameTemplate.baseName(file.getFileName().toString()), bytes);
    }

    private static byte[] midi(int key, double bpm) {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().tempoBpm(0, bpm).timeSignature(0, 4, 4);
        SmfBuilder.Track t = smf.addTrack().trackName("Part " + key).programChange(0, 0, 33);
        for (int beat = 0; beat < 16; beat++) {
            t.note(beat * 480L, 0, key + (beat % 3), 100, 240);
        }
        return smf.toBytes();
    }

    private static SearchRequest zorkBass() {
        SearchRequest r = SearchRequest.text("zork bass");
        return new SearchRequest(r.text(), null, false, null, false, null, null, null, null, null, null, null, null,
                false, null, null, Sort.NAME, false, 50, null, false, null);
    }

    private static List<Path> listFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void exportSearch_toFolderWithTemplate_namedFromTheTemplateAndByteEqual() throws Exception {
        // given
        Path out = tmp.resolve("out");
        List<int[]> progress = new ArrayList<>();
        // when
        ExportResult r = export.exportSearch(zorkBass(), out, "{bpm} {name}",
                (done, total) -> progress.add(new int[] {done, total}), new AtomicBoolean());
        // then
        assertThat(r.cancelled()).isFalse();
        assertThat(r.failures()).isEmpty();
        assertThat(listFiles(out)).extracting(p -> p.getFileName().toString())
                .containsExactly("120 Zork Bass Alpha.mid", "124 Zork Bass Beta.mid");
        assertThat(Files.readAllBytes(out.resolve("120 Zork Bass Alpha.mid"))).isEqualTo(bytesByName.get("Zork Bass Alpha"));
        assertThat(Files.readAllBytes(out.resolve("124 Zork Bass Beta.mid"))).isEqualTo(bytesByName.get("Zork Bass Beta"));
        assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(2, 2));
    }

    @Test
    void exportSearch_nameAlreadyTaken_writesASuffixedCopyAndKeepsTheOldFile() throws Exception {
        // given
        Path out = Files.createDirectories(tmp.resolve("out"));
        byte[] keep = "keep me".getBytes(StandardCharsets.US_ASCII);
        Files.write(out.resolve("Zork Bass Alpha.mid"), keep);
        // when
        ExportResult r = export.exportSearch(zorkBass(), out, null, ExportListener.NONE, new AtomicBoolean());
        ExportResult again = export.exportSearch(zorkBass(), out, null, ExportListener.NONE, new AtomicBoolean());
        // then
        assertThat(Files.readAllBytes(out.resolve("Zork Bass Alpha.mid"))).isEqualTo(keep);
        assertThat(r.files()).extracting(ExportResult.Exported::name)
                .containsExactly("Zork Bass Alpha (2).mid", "Zork Bass Beta.mid");
        assertThat(again.files()).extracting(ExportResult.Exported::name)
                .containsExactly("Zork Bass Alpha (3).mid", "Zork Bass Beta (2).mid");
        assertThat(Files.readAllBytes(out.resolve("Zork Bass Alpha (3).mid"))).isEqualTo(bytesByName.get("Zork Bass Alpha"));
        assertThat(listFiles(out)).hasSize(5);
    }

    @Test
    void exportSearch_toZip_membersNamedAndByteEqual_existingZipNotReplaced() throws Exception {
        // given
        Path zip = tmp.resolve("loops.zip");
        // when
        ExportResult first = export.exportSearch(zorkBass(), zip, "{n} {name}", ExportListener.NONE, new AtomicBoolean());
        ExportResult second = export.exportSearch(zorkBass(), zip, "{name}", ExportListener.NONE, new AtomicBoolean());
        // then
        assertThat(first.target()).isEqualTo(zip.toAbsolutePath());
        assertThat(second.target()).isEqualTo(tmp.resolve("loops (2).zip").toAbsolutePath());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(ZipEntry::getName)).containsExactly("1 Zork Bass Alpha.mid", "2 Zork Bass Beta.mid");
            assertThat(z.getInputStream(z.getEntry("2 Zork Bass Beta.mid")).readAllBytes())
                    .isEqualTo(bytesByName.get("Zork Bass Beta"));
        }
        try (ZipFile z = new ZipFile(second.target().toFile())) {
            assertThat(z.stream().map(ZipEntry::getName)).containsExactly("Zork Bass Alpha.mid", "Zork Bass Beta.mid");
        }
    }

    @Test
    void exportSearch_hostileTemplate_everyFileStaysInsideTheFolder() throws Exception {
        // given
        Path out = tmp.resolve("a/b/out");
        // when
        ExportResult r = export.exportSearch(zorkBass(), out, "../../x/{name}", ExportListener.NONE, new AtomicBoolean());
        ExportResult abs = export.exportSearch(zorkBass(), out, tmp.resolve("y").toAbsolutePath() + "/{name}",
                ExportListener.NONE, new AtomicBoolean());
        // then
        assertThat(r.files()).hasSize(2);
        assertThat(abs.files()).hasSize(2);
        assertThat(listFiles(out)).hasSize(4).allSatisfy(p -> assertThat(p.getParent()).isEqualTo(out));
        assertThat(listFiles(out)).extracting(p -> p.getFileName().toString()).contains("x Zork Bass Alpha.mid");
        assertThat(tmp.resolve("a/x")).doesNotExist();
        assertThat(tmp.resolve("x")).doesNotExist();
        assertThat(tmp.resolve("y")).doesNotExist();
        assertThat(listFiles(tmp.resolve("a"))).containsExactly(tmp.resolve("a/b"));
    }

    @Test
    void exportContents_archiveMember_readFromTheZipByteEqual() throws Exception {
        // given
        long member = contentIdOf("%Pack.zip!/Drums/Member Groove.mid");
        Path out = tmp.resolve("members");
        // when
        ExportResult r = export.exportContents(List.of(member), out, "{name}", ExportListener.NONE, new AtomicBoolean());
        // then
        assertThat(r.failures()).isEmpty();
        assertThat(listFiles(out)).extracting(p -> p.getFileName().toString()).containsExactly("Member Groove.mid");
        assertThat(Files.readAllBytes(out.resolve("Member Groove.mid"))).isEqualTo(memberBytes);
    }

    @Test
    void exportSearch_cancelled_writesNothingAndSaysSo() throws Exception {
        // given
        Path out = tmp.resolve("cancelled");
        // when
        ExportResult r = export.exportSearch(zorkBass(), out, null, ExportListener.NONE, new AtomicBoolean(true));
        // then
        assertThat(r.cancelled()).isTrue();
        assertThat(r.files()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void exportCollection_manualInItsOrderAndSmartLive_toAZipAndAFolder() throws Exception {
        // given: a manual collection (a zip member among its files) in an order of its own, and a saved search
        var collections = new com.midicenter.library.curation.CollectionService(db.sqlSessionFactory(),
                new SearchService(db.sqlSessionFactory()));
        long beta = contentIdOf("%Zork Bass Beta.mid");
        long member = contentIdOf("%Member Groove.mid");
        long alpha = contentIdOf("%Zork Bass Alpha.mid");
        collections.create("Export gig");
        collections.add("Export gig", List.of(alpha, beta, member));
        collections.move("Export gig", alpha, 3);
        collections.saveSearch("Export zork", zorkBass());
        Path zip = tmp.resolve("gig.zip");

        // when
        ExportResult manual = export.exportCollection("Export gig", zip, "{n} {name}", ExportListener.NONE,
                new AtomicBoolean());
        ExportResult smart = export.exportCollection("Export zork", tmp.resolve("zork"), null, ExportListener.NONE,
                new AtomicBoolean());

        // then
        assertThat(manual.failures()).isEmpty();
        assertThat(manual.files()).extracting(ExportResult.Exported::contentId).containsExactly(beta, member, alpha);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(ZipEntry::getName).sorted()).containsExactly("1 Zork Bass Beta.mid",
                    "2 Member Groove.mid", "3 Zork Bass Alpha.mid");
            assertThat(z.getInputStream(z.getEntry("2 Member Groove.mid")).readAllBytes()).isEqualTo(memberBytes);
        }
        assertThat(listFiles(tmp.resolve("zork"))).extracting(p -> p.getFileName().toString())
                .containsExactly("Zork Bass Alpha.mid", "Zork Bass Beta.mid");
        assertThat(smart.files()).extracting(ExportResult.Exported::contentId).containsExactly(alpha, beta);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> export.exportCollection("No such gig",
                        tmp.resolve("none"), null, ExportListener.NONE, new AtomicBoolean()))
                .isInstanceOf(com.midicenter.library.curation.CurationException.class).hasMessageContaining("No such gig");
        assertThat(tmp.resolve("none")).doesNotExist();
    }

    private static long contentIdOf(String pathLike) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT content_id FROM location WHERE path LIKE ?")) {
            s.setString(1, pathLike);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("location %s", pathLike).isTrue();
                return rs.getLong(1);
            }
        }
    }
}
