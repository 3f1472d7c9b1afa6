package com.midicenter.library.importing;

import static org.assertj.core.api.Assertions.assertThat;

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

/** kill -9 of an import at several points, then a normal run: the library equals the one a clean run makes. */
class ImportResumeIT {

    private static final int FILES = 3000;

    @TempDir
    Path tmp;

    private Path tree() throws IOException {
        Path root = tmp.resolve("lib");
        for (int i = 0; i < FILES; i++) {
            // every 10th file is a byte-identical copy of the one before
            int variant = i % 10 == 9 ? i - 1 : i;
            Path file = root.resolve("Vendor " + (i % 7)).resolve("Pack " + (i % 13)).resolve("Loop " + i + " 12" + (i % 10) + "bpm Am.mid");
            Files.createDirectories(file.getParent());
            Files.write(file, ImportServiceIT.midi(24 + variant % 80, 80 + variant % 97));
        }
        return root;
    }

    private static String fingerprint(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT"
                     + " (SELECT count(*) FROM content) || '/' || (SELECT count(*) FROM file_meta) || '/'"
                     + " || (SELECT count(*) FROM analysis_job) || '/' || (SELECT sum(cardinality(path_tag_ids)) FROM location) || '/'"
                     + " || (SELECT count(*) FROM location) || '/' || (SELECT count(*) FROM location WHERE missing) || '/'"
                     + " || (SELECT md5(string_agg(l.path || '=' || encode(c.sha256, 'hex'), ',' ORDER BY l.path))"
                     + "     FROM location l JOIN content c ON c.id = l.content_id)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static ImportResult importInProcess(Database db, Path root) {
        return new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults().withBatchSize(50))
                .run(List.of(root), new AtomicBoolean(), ImportListener.NONE);
    }

    @Test
    void run_killedThreeTimesThenResumed_equalsCleanRun() throws Exception {
        // given: a clean reference import
        Path root = tree();
        String reference;
        try (Database clean = Database.external(SharedDatabase.freshDatabase("resume_clean"))) {
            clean.migrate();
            ImportResult r = importInProcess(clean, root);
            assertThat(r.imported() + r.duplicates()).isEqualTo(FILES);
            assertThat(r.duplicates()).isEqualTo(FILES / 10);
            reference = fingerprint(clean);
        }
        DatabaseConfig target = SharedDatabase.freshDatabase("resume_killed");
        try (Database db = Database.external(target)) {
            db.migrate();
            // when: three imports killed with SIGKILL at growing points
            long previous = 0;
            for (int kill = 1; kill <= 3; kill++) {
                long threshold = previous + 200;
                Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), ImportChild.class.getName(),
                        target.jdbcUrl(), target.user(), target.password(), "25", root.toString())
                        .redirectErrorStream(true).redirectOutput(tmp.resolve("child" + kill + ".log").toFile()).start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                long stored = 0;
                while (child.isAlive() && System.nanoTime() < deadline) {
                    stored = count(db, "SELECT count(*) FROM location");
                    if (stored >= threshold) {
                        break;
                    }
                    Thread.sleep(20);
                }
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                assertThat(stored).as("kill %d happened mid-import", kill).isBetween(threshold, (long) FILES - 1);
                previous = count(db, "SELECT count(*) FROM location");
            }
            // PostgreSQL ends a killed client's session (and its run lock) when it notices the closed socket: a run
            // whose lock is still held counts as alive, so wait for that before the resuming import looks
            long locksGone = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (count(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 1296647241::oid"
                    + " AND granted") > 0 && System.nanoTime() < locksGone) {
                Thread.sleep(50);
            }
            ImportResult resumed = importInProcess(db, root);
            // then
            assertThat(fingerprint(db)).isEqualTo(reference);
            assertThat(resumed.unchanged()).isGreaterThanOrEqualTo(previous);
            assertThat(resumed.scanned()).isEqualTo(FILES);
            assertThat(count(db, "SELECT count(*) FROM import_run WHERE status = 'interrupted'")).isEqualTo(3);
            assertThat(count(db, "SELECT count(*) FROM import_run WHERE status = 'running'")).isZero();
        }
    }
}
