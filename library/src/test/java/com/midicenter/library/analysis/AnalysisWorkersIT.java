package com.midicenter.library.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.library.importing.ImportListener;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportResult;
import com.midicenter.library.importing.ImportService;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.db.DatabaseConfig;
import com.midicenter.persistence.testing.SharedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two worker processes share one queue; one is killed with SIGKILL mid-run; every file is analysed exactly once. */
class AnalysisWorkersIT {

    private static final int FILES = 2000;

    @TempDir
    Path tmp;

    static byte[] loop(int seed) {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().tempoBpm(0, 80 + seed % 90).timeSignature(0, 4, 4);
        SmfBuilder.Track t = smf.addTrack().trackName("Bass " + seed).programChange(0, 0, 33);
        for (int beat = 0; beat < 16; beat++) {
            t.note(beat * 480L, 0, 36 + (seed + beat) % 24, 90, 240);
        }
        return smf.toBytes();
    }

    private Path tree() throws IOException {
        Path root = tmp.resolve("lib");
        for (int i = 0; i < FILES; i++) {
            Path file = root.resolve("Pack " + (i % 9)).resolve("Bass " + i + ".mid");
            Files.createDirectories(file.getParent());
            Files.write(file, loop(i));
        }
        return root;
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Process worker(DatabaseConfig target, String name, long pauseMillis) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AnalysisChild.class.getName(),
                target.jdbcUrl(), target.user(), target.password(), name, "1500", "20", Long.toString(pauseMillis))
                .redirectErrorStream(true).redirectOutput(Path.of("target", name + ".log").toFile()).start();
    }

    @Test
    void twoWorkers_oneKilled_everyFileAnalysedExactlyOnce() throws Exception {
        // given: an imported library with nothing analysed
        DatabaseConfig target = SharedDatabase.freshDatabase("analysis_workers");
        try (Database db = Database.external(target)) {
            db.migrate();
            ImportResult imported = new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                    .run(List.of(tree()), new AtomicBoolean(), ImportListener.NONE);
            long contents = count(db, "SELECT count(*) FROM content");
            assertThat(contents).isEqualTo(imported.imported()).isEqualTo(FILES);

            // when: two workers start; "victim" is killed once it stored some batches
            Process survivor = worker(target, "survivor", 15);
            Process victim = worker(target, "victim", 15);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                long claimedByVictim = 0;
                while (victim.isAlive() && System.nanoTime() < deadline) {
                    claimedByVictim = count(db, "SELECT count(*) FROM analysis_job WHERE worker = 'victim'");
                    if (claimedByVictim > 0 && count(db, "SELECT count(*) FROM analysis_job WHERE state = 'done'") >= 200) {
                        break;
                    }
                    Thread.sleep(5);
                }
                victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                assertThat(claimedByVictim).as("the victim held leases when killed").isPositive();
                long doneAtKill = count(db, "SELECT count(*) FROM analysis_job WHERE state = 'done'");
                assertThat(doneAtKill).as("killed mid-run").isLessThan(contents);
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (System.nanoTime() < deadline
                        && count(db, "SELECT count(*) FROM analysis_job WHERE state = 'done'") < contents) {
                    Thread.sleep(50);
                }
            } finally {
                survivor.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                victim.destroyForcibly();
            }

            // then: every job done, each result written once, the victim's leases taken over
            assertThat(text(db, "SELECT string_agg(state || ' ' || coalesce(worker, '-') || ' ' || coalesce(error, '-'), '; ')"
                    + " FROM analysis_job WHERE state <> 'done'")).isNull();
            assertThat(count(db, "SELECT count(*) FROM analysis_job WHERE state = 'done'")).isEqualTo(contents);
            assertThat(count(db, "SELECT count(*) FROM analysis_job WHERE results_written <> 1")).isZero();
            assertThat(count(db, "SELECT count(*) FROM analysis_job WHERE attempts > 1")).isPositive();
            assertThat(count(db, "SELECT count(*) FROM file_meta WHERE analyzer_version IS NULL")).isZero();
            assertThat(count(db, "SELECT count(*) FROM file_meta WHERE bpm_source IN ('meta', 'filename') AND cardinality(tempo_bpms) = 1"))
                    .isEqualTo(contents);
        }
    }
}
