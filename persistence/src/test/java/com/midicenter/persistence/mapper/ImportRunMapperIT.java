package com.midicenter.persistence.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.testing.SharedDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportRunMapperIT {

    private final Database database = SharedDatabase.get();

    @BeforeEach
    void emptyTables() {
        SharedDatabase.truncate("import_run");
    }

    @Test
    void insert_roots_createsRunningRunStartedNow() {
        // when
        long id = database.inTransaction("start import", s -> s.getMapper(ImportRunMapper.class).insert(List.of("/music", "/packs/a.zip")));

        // then
        ImportRun run = latest(1).get(0);
        assertThat(run.id()).isEqualTo(id);
        assertThat(run.roots()).containsExactly("/music", "/packs/a.zip");
        assertThat(run.status()).isEqualTo(ImportRunStatus.RUNNING);
        assertThat(run.startedAt()).isCloseTo(Instant.now(), within1Minute());
        assertThat(run.finishedAt()).isNull();
        assertThat(run.counts()).isEqualTo(new ImportRunCounts(0, 0, 0, 0, 0, 0));
    }

    @Test
    void finish_countsAndStatus_storesThemWithEndTime() {
        // given
        long id = database.inTransaction("start import", s -> s.getMapper(ImportRunMapper.class).insert(List.of("/music")));
        ImportRunCounts counts = new ImportRunCounts(100, 80, 15, 3, 2, 7);

        // when
        int updated = database.inTransaction("finish import", s -> s.getMapper(ImportRunMapper.class).finish(id, ImportRunStatus.FINISHED, counts));

        // then
        ImportRun run = latest(1).get(0);
        assertThat(updated).isEqualTo(1);
        assertThat(run.status()).isEqualTo(ImportRunStatus.FINISHED);
        assertThat(run.counts()).isEqualTo(counts);
        assertThat(run.finishedAt()).isNotNull().isAfterOrEqualTo(run.startedAt());
    }

    @Test
    void finish_runningStatus_isRejected() {
        // when / then
        assertThatThrownBy(() -> database.inTransaction("finish import",
                s -> s.getMapper(ImportRunMapper.class).finish(1, ImportRunStatus.RUNNING, new ImportRunCounts(0, 0, 0, 0, 0, 0))))
                .hasMessageContaining("status=RUNNING");
    }

    @Test
    void markStaleAsInterrupted_oneRunLockedByALiveSession_marksOnlyTheOther() {
        // given: run "alive" is locked by an open session, run "dead" lost its process
        long alive = database.inTransaction("start", s -> s.getMapper(ImportRunMapper.class).insert(List.of("/alive")));
        long dead = database.inTransaction("start", s -> s.getMapper(ImportRunMapper.class).insert(List.of("/dead")));
        try (SqlSession owner = database.sqlSessionFactory().openSession(true)) {
            ImportRunMapper ownerRuns = owner.getMapper(ImportRunMapper.class);
            assertThat(ownerRuns.tryLockRun(alive)).isTrue();

            // when
            int marked = database.inTransaction("recover", s -> s.getMapper(ImportRunMapper.class).markStaleAsInterrupted());

            // then
            assertThat(marked).isEqualTo(1);
            assertThat(latest(2)).extracting(ImportRun::id, ImportRun::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(dead, ImportRunStatus.INTERRUPTED),
                            org.assertj.core.groups.Tuple.tuple(alive, ImportRunStatus.RUNNING));
            boolean takenByOther = database.inTransaction("try", s -> s.getMapper(ImportRunMapper.class).tryLockRun(alive));
            assertThat(takenByOther).isFalse();
            assertThat(ownerRuns.unlockRun(alive)).isTrue();
        }
    }

    @Test
    void latest_moreRunsThanLimit_returnsNewestFirst() {
        // given
        for (int i = 1; i <= 5; i++) {
            String root = "/music/" + i;
            database.inTransaction("start", s -> s.getMapper(ImportRunMapper.class).insert(List.of(root)));
        }

        // when
        List<ImportRun> runs = latest(3);

        // then
        assertThat(runs).extracting(run -> run.roots().get(0)).containsExactly("/music/5", "/music/4", "/music/3");
    }

    private List<ImportRun> latest(int limit) {
        return database.inTransaction("latest runs", s -> s.getMapper(ImportRunMapper.class).latest(limit));
    }

    private static org.assertj.core.data.TemporalUnitOffset within1Minute() {
        return new org.assertj.core.data.TemporalUnitWithinOffset(1, ChronoUnit.MINUTES);
    }
}
