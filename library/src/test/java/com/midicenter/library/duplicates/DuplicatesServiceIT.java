package com.midicenter.library.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.library.importing.ImportListener;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportService;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.duplicates.DuplicateTotals;
import com.midicenter.persistence.duplicates.PathDuplicate;
import com.midicenter.persistence.testing.SharedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Duplicates end to end on the embedded PostgreSQL: copies at several paths, and same notes in different bytes. */
class DuplicatesServiceIT {

    private final Database db = SharedDatabase.get();
    private final DuplicatesService duplicates = new DuplicatesService(db.sqlSessionFactory());

    @TempDir
    Path tmp;

    @BeforeEach
    void cleanLibrary() {
        SharedDatabase.truncate("content", "location", "file_meta", "analysis_job", "tag", "file_tag",
                "import_run", "import_error", "archive_file", "search_doc", "musical_duplicate");
    }

    /** A melody at {@code ppq}, in a track named {@code trackName}; {@code twist} changes one middle note. */
    private static byte[] melody(int ppq, String trackName, boolean twist) {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(ppq));
        smf.addTrack().tempoBpm(0, 120).timeSignature(0, 4, 4);
        SmfBuilder.Track t = smf.addTrack().trackName(trackName).programChange(0, 0, 0);
        int[] pitches = {60, 64, 67, 72, 67, 64, 62, 60};
        for (int i = 0; i < pitches.length; i++) {
            int pitch = twist && i == 2 ? 65 : pitches[i];
            t.note((long) i * ppq, 0, pitch, 90 + i, ppq / 2);
        }
        return smf.toBytes();
    }

    private void importFolder(Path root) {
        new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                .run(List.of(root), new AtomicBoolean(), ImportListener.NONE);
    }

    @Test
    void byPath_copiesAtThreePaths_reportedWithWastedBytesBiggestFirst() throws Exception {
        // given
        Path root = tmp.resolve("lib");
        byte[] big = melody(480, "Big", false);
        byte[] small = melody(96, "S", true);
        for (String dir : List.of("a", "b", "c")) {
            Files.createDirectories(root.resolve(dir));
            Files.write(root.resolve(dir + "/Copy.mid"), big);
        }
        Files.write(root.resolve("a/Small.mid"), small);
        Files.write(root.resolve("b/Small again.mid"), small);
        Files.write(root.resolve("c/Single.mid"), melody(240, "One", false));
        importFolder(root);
        // when
        List<PathDuplicate> page = duplicates.byPath(10, 0);
        DuplicateTotals totals = duplicates.byPathTotals();
        // then
        assertThat(page).hasSize(2);
        PathDuplicate first = page.get(0);
        assertThat(first.sizeBytes()).isEqualTo(big.length);
        assertThat(first.wastedBytes()).isEqualTo(2L * big.length);
        assertThat(first.paths()).containsExactly(root.resolve("a/Copy.mid").toString(),
                root.resolve("b/Copy.mid").toString(), root.resolve("c/Copy.mid").toString());
        assertThat(page.get(1).wastedBytes()).isEqualTo(small.length);
        assertThat(page.get(1).paths()).hasSize(2);
        assertThat(totals).isEqualTo(new DuplicateTotals(2, 3, 2L * big.length + small.length));
        assertThat(duplicates.byPath(1, 1)).extracting(PathDuplicate::contentId).containsExactly(page.get(1).contentId());
    }

    @Test
    void musical_sameNotesDifferentBytes_groupedAndADifferentFileNot() throws Exception {
        // given: the same melody at 480 and 960 PPQ with different track names; one with a note changed
        Path root = Files.createDirectories(tmp.resolve("lib"));
        byte[] original = melody(480, "Piano", false);
        byte[] rewritten = melody(960, "Lead Synth", false);
        byte[] other = melody(480, "Piano", true);
        assertThat(rewritten).isNotEqualTo(original);
        Files.write(root.resolve("Original.mid"), original);
        Files.write(root.resolve("Rewritten.mid"), rewritten);
        Files.write(root.resolve("Other.mid"), other);
        importFolder(root);
        // when
        List<String> progress = new java.util.ArrayList<>();
        MusicalScan scan = duplicates.musical(new AtomicBoolean(), (read, candidates) -> progress.add(read + "/" + candidates));
        // then: all three share the cheap keys (8 notes, pitches 60-72), only two share the notes
        assertThat(progress).startsWith("0/3").endsWith("3/3");
        assertThat(scan.candidates()).isEqualTo(3);
        assertThat(scan.unreadable()).isZero();
        assertThat(scan.groups()).hasSize(1);
        assertThat(scan.groups().get(0).members()).extracting(MusicalDuplicate.Member::path)
                .containsExactlyInAnyOrder(root.resolve("Original.mid").toString(), root.resolve("Rewritten.mid").toString());
        assertThat(scan.groups().get(0).fingerprint()).hasSize(64);
    }

    @Test
    void hideDuplicates_afterAStoredScan_sqlAndIndexShowOnlyTheKeeperOfEachGroup() throws Exception {
        // given: two melodies each written twice in different bytes, and a file like no other
        Path root = Files.createDirectories(tmp.resolve("lib"));
        Files.write(root.resolve("Tune A.mid"), melody(480, "Piano", false));
        Files.write(root.resolve("Tune A 960.mid"), melody(960, "Lead", false));
        Files.write(root.resolve("Tune B.mid"), melody(480, "Piano", true));
        Files.write(root.resolve("Tune B 96.mid"), melody(96, "Keys", true));
        SmfBuilder single = new SmfBuilder(1, Division.ppq(480));
        SmfBuilder.Track t = single.addTrack().tempoBpm(0, 100);
        t.note(0, 0, 40, 100, 480);
        t.note(480, 0, 43, 100, 480);
        Files.write(root.resolve("Tune C.mid"), single.toBytes());
        importFolder(root);
        new com.midicenter.library.analysis.AnalysisService(db.dataSource(), db.sqlSessionFactory(),
                com.midicenter.library.analysis.AnalysisOptions.defaults())
                .run(new AtomicBoolean(), com.midicenter.library.analysis.AnalysisListener.NONE);
        com.midicenter.library.search.SearchRequest tunes = com.midicenter.library.search.SearchRequest.text("tune");
        try (var sql = new com.midicenter.library.search.SearchService(db.sqlSessionFactory());
             var indexed = com.midicenter.library.search.SearchService.indexed(db)) {
            assertThat(indexed.index().orElseThrow().awaitReady(java.time.Duration.ofSeconds(30))).isTrue();
            assertThat(names(sql, tunes.hidingDuplicates(true))).hasSize(5);

            // when
            MusicalScan cancelled = duplicates.scanAndStoreMusical(new AtomicBoolean(true));
            long hiddenAfterCancel = duplicates.hiddenCount();
            MusicalScan scan = duplicates.scanAndStoreMusical(new AtomicBoolean());

            // then: the first content of each group stays
            assertThat(cancelled.cancelled()).isTrue();
            assertThat(hiddenAfterCancel).isZero();
            assertThat(scan.groups()).hasSize(2);
            assertThat(duplicates.hiddenCount()).isEqualTo(2);
            java.util.Set<String> kept = new java.util.TreeSet<>(List.of("Tune C.mid"));
            java.util.Set<String> hidden = new java.util.TreeSet<>();
            for (MusicalDuplicate g : scan.groups()) {
                long keeper = g.members().stream().mapToLong(MusicalDuplicate.Member::contentId).min().orElseThrow();
                for (MusicalDuplicate.Member m : g.members()) {
                    String name = Path.of(m.path()).getFileName().toString();
                    (m.contentId() == keeper ? kept : hidden).add(name);
                    assertThat(duplicates.keeperOf(m.contentId()))
                            .isEqualTo(m.contentId() == keeper ? java.util.Optional.empty() : java.util.Optional.of(keeper));
                }
            }
            assertThat(kept).hasSize(3);
            assertThat(hidden).hasSize(2);
            assertThat(names(sql, tunes.hidingDuplicates(true))).isEqualTo(kept);
            assertThat(names(sql, tunes)).hasSize(5);
            assertThat(sql.search(tunes.hidingDuplicates(true)).total()).isEqualTo(3);
            // the index hears the stored scan (NOTIFY) and rebuilds
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (!names(indexed, tunes.hidingDuplicates(true)).equals(kept) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(names(indexed, tunes.hidingDuplicates(true))).isEqualTo(kept);
            assertThat(indexed.search(tunes.hidingDuplicates(true)).total()).isEqualTo(3);
            assertThat(names(indexed, tunes)).hasSize(5);
        }
    }

    private static java.util.Set<String> names(com.midicenter.library.search.SearchService search,
                                               com.midicenter.library.search.SearchRequest r) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        search.search(r).hits().forEach(h -> names.add(Path.of(h.path()).getFileName().toString()));
        return names;
    }
}
