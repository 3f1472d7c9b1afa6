package com.midicenter.library.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.library.importing.ImportListener;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportService;
import com.midicenter.library.testing.Archives;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.testing.SharedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import, then analyse: results stored per content, archive members read from their zip, unreadable files failed. */
class AnalysisServiceIT {

    private final Database db = SharedDatabase.get();

    @TempDir
    Path tmp;

    @BeforeEach
    void cleanLibrary() {
        SharedDatabase.truncate("content", "location", "file_meta", "analysis_job", "tag", "import_run", "import_error",
                "archive_file");
    }

    /** Four bars of I-V-vi-IV in A minor's relative... C major chords, one per bar, on channel 1, at 96 BPM. */
    private static byte[] chords(int transpose) {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().tempoBpm(0, 96).timeSignature(0, 4, 4);
        SmfBuilder.Track t = smf.addTrack().trackName("Keys").programChange(0, 0, 0);
        int[][] bars = {{60, 64, 67}, {55, 59, 62}, {57, 60, 64}, {53, 57, 60}};
        for (int bar = 0; bar < 4; bar++) {
            for (int pitch : bars[bar]) {
                t.note(bar * 1920L, 0, pitch + transpose, 90, 1900);
            }
        }
        return smf.toBytes();
    }

    private static byte[] drums() {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(96));
        SmfBuilder.Track t = smf.addTrack().tempoBpm(0, 128);
        for (int step = 0; step < 16; step++) {
            t.note(step * 24L, 9, 42, 80, 12);
            if (step % 4 == 0) {
                t.note(step * 24L, 9, 36, 110, 12);
            }
        }
        return smf.toBytes();
    }

    private String text(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void run_importedTree_storesAnalysisAndFailsUnreadableFiles() throws Exception {
        // given: chords in C, the same transposed to D inside a zip, a drum loop, and a file deleted after import
        Path root = tmp.resolve("lib");
        Files.createDirectories(root.resolve("Keys"));
        Files.write(root.resolve("Keys/Pop Chords 96bpm.mid"), chords(0));
        Files.write(root.resolve("pack.zip"), Archives.zip(new String[] {"Keys/Pop Chords D.mid"}, new byte[][] {chords(2)}));
        Files.write(root.resolve("solid.7z"), Archives.sevenZ(new String[] {"A/Chords E.mid", "B/Chords F.mid"},
                new byte[][] {chords(4), chords(5)}));
        Files.write(root.resolve("Beat 128.mid"), drums());
        Path doomed = Files.write(root.resolve("Deleted.mid"), chords(7));
        new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                .run(List.of(root), new AtomicBoolean(), ImportListener.NONE);
        Files.delete(doomed);
        AnalysisService service = new AnalysisService(db.dataSource(), db.sqlSessionFactory(),
                AnalysisOptions.defaults().withBatchSize(2));
        long outstanding = service.outstanding();

        // when
        AnalysisResult result = service.run(new AtomicBoolean(), AnalysisListener.NONE);
        AnalysisResult again = service.run(new AtomicBoolean(), AnalysisListener.NONE);

        // then
        assertThat(outstanding).isEqualTo(6);
        assertThat(result.analyzed()).isEqualTo(5);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.cancelled()).isFalse();
        assertThat(again.analyzed() + again.failed()).isZero();
        String byPath = "SELECT %s FROM file_meta m JOIN location l ON l.content_id = m.content_id WHERE l.path LIKE '%%%s'";
        assertThat(text(byPath.formatted("m.key || ' ' || m.camelot || ' ' || m.chords || ' ' || m.bpm || ' ' || m.bpm_source",
                "Pop Chords 96bpm.mid"))).isEqualTo("C 8B C G Am F 96 meta");
        assertThat(text(byPath.formatted("m.key || ' ' || m.chords || ' ' || array_to_string(m.instruments, ',')",
                "pack.zip!/Keys/Pop Chords D.mid"))).isEqualTo("D D A Bm G piano");
        assertThat(text(byPath.formatted("coalesce(m.key, 'none') || ' ' || m.has_drums || ' ' || m.drum_role || ' '"
                + " || array_to_string(m.drum_pieces, ',') || ' ' || m.swing", "Beat 128.mid")))
                .isEqualTo("none true groove kick,closed hat 50");
        assertThat(text("SELECT error FROM analysis_job WHERE state = 'failed'"))
                .startsWith("cannot read: ").contains("Deleted.mid").contains("no such file");
        assertThat(text(byPath.formatted("m.key || ' ' || m.chords", "solid.7z!/B/Chords F.mid"))).isEqualTo("F F C Dm Bb");
        assertThat(text("SELECT count(*) FROM file_meta WHERE analyzer_version IS NOT NULL")).isEqualTo("5");
    }
}
