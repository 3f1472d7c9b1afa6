package com.midicenter.library.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.library.importing.ImportListener;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportService;
import com.midicenter.persistence.analysis.AnalysisQueue;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.testing.SharedDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Add folder…" end to end on the embedded PostgreSQL: import, analysis, progress, failures, cancel and resume. */
class AddFolderIT {

    private final Database db = SharedDatabase.get();

    @TempDir
    Path tmp;

    @BeforeEach
    void cleanLibrary() {
        SharedDatabase.truncate("content", "location", "file_meta", "analysis_job", "tag", "import_run", "import_error",
                "archive_file");
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

    private static Path folder(Path root, int good, String... broken) throws IOException {
        return folder(root, 36, good, broken);
    }

    /** {@code good} distinct files (lowest note {@code firstKey} and up), and {@code broken} ones of text. */
    private static Path folder(Path root, int firstKey, int good, String... broken) throws IOException {
        Files.createDirectories(root.resolve("Bass"));
        for (int i = 0; i < good; i++) {
            Files.write(root.resolve("Bass/Bass Loop " + i + " 12" + i % 10 + "bpm.mid"), midi(firstKey + i, 120 + i % 10));
        }
        for (String name : broken) {
            Files.write(root.resolve(name), "not a MIDI file".getBytes(StandardCharsets.US_ASCII));
        }
        return root;
    }

    private AddFolder job() {
        return new AddFolder(db.dataSource(), db.sqlSessionFactory());
    }

    @Test
    void run_folderWithABrokenFile_importsAnalysesAndListsTheFailureWithItsReason() throws Exception {
        // given
        Path root = folder(tmp.resolve("Loops"), 6, "Broken Groove.mid");
        List<String> phases = Collections.synchronizedList(new ArrayList<>());
        // when
        AddFolder.Outcome out = job().run(root, new AtomicBoolean(), (phase, done, total) -> {
            String p = phase + (total >= 0 && done == total ? " complete" : "");
            if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(p)) {
                phases.add(p);
            }
        });
        // then
        assertThat(out.cancelled()).isFalse();
        assertThat(out.imported().imported()).isEqualTo(6);
        assertThat(out.imported().errors()).isEqualTo(1);
        assertThat(out.analysed()).isEqualTo(6);
        assertThat(out.analysisFailed()).isZero();
        assertThat(out.failures()).hasSize(1);
        assertThat(out.failures().get(0).path()).endsWith("Broken Groove.mid");
        assertThat(out.failures().get(0).reason()).isNotBlank();
        assertThat(phases).contains("IMPORT complete", "ANALYSIS complete");
        assertThat(phases.indexOf("IMPORT complete")).isLessThan(phases.indexOf("ANALYSIS complete"));
        AddFolder.LibraryStatus status = job().status();
        assertThat(status.files()).isEqualTo(6);
        assertThat(status.analysis().done()).isEqualTo(6);
        assertThat(status.analysing()).isZero();
    }

    @Test
    void run_cancelledDuringImport_saysSoAndTheNextRunFinishesTheJob() throws Exception {
        // given
        Path root = folder(tmp.resolve("Many"), 40);
        AtomicBoolean cancel = new AtomicBoolean(true); // cancelled before the first batch
        // when
        AddFolder.Outcome first = job().run(root, cancel, (phase, done, total) -> { });
        AddFolder.Outcome second = job().run(root, new AtomicBoolean(), (phase, done, total) -> { });
        // then
        assertThat(first.cancelled()).isTrue();
        assertThat(first.analysed()).isZero();
        assertThat(second.cancelled()).isFalse();
        assertThat(first.imported().imported() + second.imported().imported()).isEqualTo(40);
        assertThat(job().status().analysis().done()).isEqualTo(40);
        assertThat(job().status().analysing()).isZero();
    }

    @Test
    void run_analysisFailureOfAnotherFolder_countedButListedOnlyUnderItsOwnFolder() throws Exception {
        // given: one folder imported without analysis, then one of its files deleted
        Path other = folder(tmp.resolve("Other"), 2);
        new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                .run(List.of(other), new AtomicBoolean(), ImportListener.NONE);
        Path gone = other.resolve("Bass/Bass Loop 0 120bpm.mid");
        Files.delete(gone);
        Path root = folder(tmp.resolve("Mine"), 60, 3);
        // when
        AddFolder.Outcome out = job().run(root, new AtomicBoolean(), (phase, done, total) -> { });
        // then
        assertThat(out.analysed()).isEqualTo(4);
        assertThat(out.analysisFailed()).isEqualTo(1);
        assertThat(out.failures()).isEmpty();
        var under = new AnalysisQueue(db.sqlSessionFactory(), "t", 60).failedUnder(other + "/", 10);
        assertThat(under).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(gone.toString());
            assertThat(f.reason()).contains("cannot read");
        });
    }

    @Test
    void run_notAFolder_refusedWithTheReason() throws Exception {
        Path file = Files.writeString(tmp.resolve("a.txt"), "x");
        assertThatThrownBy(() -> job().run(file, new AtomicBoolean(), (phase, done, total) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a folder");
        assertThatThrownBy(() -> job().run(tmp.resolve("missing"), new AtomicBoolean(), (phase, done, total) -> { }))
                .hasMessageContaining("Not a folder");
    }
}
