package com.midicenter.persistence.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.testing.Rows;
import com.midicenter.persistence.testing.SharedDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnalysisQueueIT {

    private static final int VERSION = 7;

    private final Database database = SharedDatabase.get();
    private final Rows rows = new Rows(database.dataSource());
    private final List<Long> contents = new ArrayList<>();

    @BeforeEach
    void tenPendingFiles() {
        SharedDatabase.truncate("content", "location", "file_meta", "analysis_job");
        for (int i = 0; i < 10; i++) {
            long id = rows.content(i);
            rows.location(id, "/music/missing-" + i + ".mid", null, null, true);
            rows.location(id, "/music/file-" + i + ".mid");
            rows.fileMeta(id, "default", "4/4");
            rows.analysisJob(id, "pending");
            contents.add(id);
        }
    }

    private AnalysisQueue queue(String worker, double leaseSeconds) {
        return new AnalysisQueue(database.sqlSessionFactory(), worker, leaseSeconds);
    }

    private AnalysisWriter writer(String worker) throws Exception {
        return new AnalysisWriter(database.dataSource(), database.sqlSessionFactory(), worker, VERSION);
    }

    static AnalysisRow row(long contentId, String key) {
        return new AnalysisRow(contentId, 8.0, 4, 120.0, "meta", 1.0, 0, List.of(0.0), List.of(120.0), "4/4", "meta",
                List.of("4/4@1"), key, 18, 0.9, "C", "notes", "8A", "Am F C G", List.of("Am", "F", "C", "G"), true,
                List.of("kick", "snare"), List.of(4, 2, 0, 0, 0, 0, 0, 0, 0, 0), 6.0, 54, 1, List.of(4),
                "groove_with_fill", List.of("bass", "drums"), List.of("Bass", "Drums"), List.of(33), true, 40, 10.0,
                3, 36, 60, 70, 120, 99.5, true, 0.0, 0x0F0FL, -1L);
    }

    @Test
    void claim_twoWorkers_getDisjointJobsWithPresentPathFirst() {
        // given
        AnalysisQueue a = queue("a", 60);
        AnalysisQueue b = queue("b", 60);
        // when
        List<ClaimedJob> first = a.claim(4);
        List<ClaimedJob> second = b.claim(100);
        // then
        Set<Long> ids = new HashSet<>();
        first.forEach(j -> ids.add(j.contentId()));
        second.forEach(j -> ids.add(j.contentId()));
        assertThat(first).hasSize(4);
        assertThat(second).hasSize(6);
        assertThat(ids).containsExactlyInAnyOrderElementsOf(contents);
        assertThat(first.get(0).attempts()).isEqualTo(1);
        assertThat(first.get(0).paths()).hasSize(2);
        assertThat(first.get(0).paths().get(0)).startsWith("/music/file-");
        assertThat(a.counts()).isEqualTo(new QueueCounts(0, 10, 0, 0));
        assertThat(a.claim(5)).isEmpty();
    }

    @Test
    void write_resultsAndFailures_storedInOneTransaction() throws Exception {
        // given
        AnalysisQueue queue = queue("w", 60);
        List<ClaimedJob> jobs = queue.claim(3);
        // when
        AnalysisWriter.Written written;
        try (AnalysisWriter writer = writer("w")) {
            written = writer.write(List.of(row(jobs.get(0).contentId(), "Am"), row(jobs.get(1).contentId(), "F#m")),
                    List.of(new FailedJob(jobs.get(2).contentId(), "not a MIDI file: no MThd at offset 0")));
        }
        // then
        assertThat(written).isEqualTo(new AnalysisWriter.Written(2, 1, 0));
        assertThat(queue.counts()).isEqualTo(new QueueCounts(7, 0, 2, 1));
        long first = jobs.get(0).contentId();
        assertThat(rows.queryLong("SELECT count(*) FROM file_meta WHERE key = 'Am' AND camelot = '8A' AND chords = 'Am F C G'"
                + " AND drum_role = 'groove_with_fill' AND fill_bars = '{4}' AND analyzer_version = 7 AND content_id = " + first))
                .isEqualTo(1);
        assertThat(rows.queryLong("SELECT count(*) FROM file_meta WHERE instruments = '{bass,drums}'"
                + " AND tempo_bpms = '{120}' AND rhythm_print = 3855 AND pitch_print = -1")).isEqualTo(2);
        assertThat(rows.queryLong("SELECT count(*) FROM analysis_job WHERE state = 'failed' AND error LIKE 'not a MIDI%'"))
                .isEqualTo(1);
        assertThat(rows.queryLong("SELECT sum(results_written) FROM analysis_job")).isEqualTo(2);
    }

    @Test
    void expireLeases_crashedWorker_jobsGoToAnotherWorkerAndLateResultsAreDropped() throws Exception {
        // given: worker "dead" claims with a lease that runs out at once
        AnalysisQueue dead = queue("dead", 0.001);
        List<ClaimedJob> lost = dead.claim(3);
        Thread.sleep(20);
        AnalysisQueue alive = queue("alive", 60);
        // when
        int expired = alive.expireLeases();
        List<ClaimedJob> retaken = alive.claim(3);
        AnalysisWriter.Written late;
        try (AnalysisWriter writer = writer("dead")) {
            late = writer.write(List.of(row(lost.get(0).contentId(), "C")), List.of());
        }
        AnalysisWriter.Written fresh;
        try (AnalysisWriter writer = writer("alive")) {
            fresh = writer.write(List.of(row(retaken.get(0).contentId(), "G")), List.of());
        }
        // then
        assertThat(expired).isEqualTo(3);
        assertThat(retaken).extracting(ClaimedJob::contentId)
                .containsExactlyElementsOf(lost.stream().map(ClaimedJob::contentId).toList());
        assertThat(retaken.get(0).attempts()).isEqualTo(2);
        assertThat(late).isEqualTo(new AnalysisWriter.Written(0, 0, 1));
        assertThat(fresh.stored()).isEqualTo(1);
        assertThat(rows.queryLong("SELECT count(*) FROM file_meta WHERE key = 'C'")).isZero();
        assertThat(rows.queryLong("SELECT results_written FROM analysis_job WHERE content_id = " + lost.get(0).contentId()))
                .isEqualTo(1);
    }

    @Test
    void expireLeases_workerSessionEndedBeforeItsLease_itsJobsComeBackAtOnceAndLiveOnesStay() throws Exception {
        // given: two workers with hour-long leases, each holding its writer (and with it its liveness lock)
        AnalysisQueue live = queue("live", 3600);
        AnalysisQueue gone = queue("gone", 3600);
        try (AnalysisWriter liveWriter = writer("live")) {
            AnalysisWriter goneWriter = writer("gone");
            List<ClaimedJob> kept = live.claim(4);
            List<ClaimedJob> lost = gone.claim(3);
            int whileBothRun = live.expireLeases();
            boolean sameNameTwice;
            try (AnalysisWriter second = writer("live")) {
                sameNameTwice = second.holdsWorkerLock();
            }

            // when: "gone" ends without giving its jobs back, as a killed process does (its session, and lock, end)
            goneWriter.close();
            int afterItEnded = live.expireLeases();
            List<ClaimedJob> retaken = live.claim(10);

            // then
            assertThat(liveWriter.holdsWorkerLock()).isTrue();
            assertThat(sameNameTwice).as("a second writer of a running worker's name").isFalse();
            assertThat(whileBothRun).isZero();
            assertThat(afterItEnded).isEqualTo(3);
            assertThat(retaken).extracting(ClaimedJob::contentId)
                    .containsAll(lost.stream().map(ClaimedJob::contentId).toList())
                    .doesNotContainAnyElementsOf(kept.stream().map(ClaimedJob::contentId).toList());
            assertThat(live.expireLeases()).as("the live worker's leases stay its own").isZero();
        }
        // and once the live worker's writer is closed too, nothing it still held is stuck
        assertThat(queue("other", 60).expireLeases()).isEqualTo(10);
    }

    @Test
    void requeueOlderThan_newerAnalyser_queuesDoneAndFailedAgain() throws Exception {
        // given: everything analysed by version 7
        AnalysisQueue queue = queue("v", 60);
        List<ClaimedJob> jobs = queue.claim(10);
        try (AnalysisWriter writer = writer("v")) {
            writer.write(jobs.subList(0, 9).stream().map(j -> row(j.contentId(), "Am")).toList(),
                    List.of(new FailedJob(jobs.get(9).contentId(), "broken")));
        }
        // when
        int same = queue.requeueOlderThan(VERSION);
        int newer = queue.requeueOlderThan(VERSION + 1);
        // then
        assertThat(same).isZero();
        assertThat(newer).isEqualTo(10);
        assertThat(queue.counts()).isEqualTo(new QueueCounts(10, 0, 0, 0));
    }

    @Test
    void release_cancelledRun_givesOwnJobsBack() {
        AnalysisQueue mine = queue("mine", 60);
        AnalysisQueue other = queue("other", 60);
        mine.claim(4);
        other.claim(2);
        assertThat(mine.release()).isEqualTo(4);
        assertThat(mine.counts()).isEqualTo(new QueueCounts(8, 2, 0, 0));
    }
}
