package com.midicenter.persistence.analysis;

import com.midicenter.persistence.copy.CopyText;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes analysis results in batches: one transaction per batch ({@code COPY} into a temporary stage, then the jobs
 * still leased to this worker become done and their {@code file_meta} rows get the results; failures are marked
 * failed with their reason). A batch is all in or not at all, so a worker killed at any moment loses nothing and
 * writes nothing twice.
 *
 * <p>Holds one pooled connection until closed, and on it the worker's liveness lock: while a writer of {@code worker}
 * is open, {@link AnalysisQueue#expireLeases()} leaves that worker's leases alone until they run out; once it is
 * closed, or its process dies (kill -9: the server ends the session and its lock), they are given back at once. Open
 * the writer before claiming. Not thread-safe: one writer per worker.
 */
public final class AnalysisWriter implements AutoCloseable {

    private static final String COPY_SQL = "COPY analysis_stage (content_id, duration_sec, bars, bpm, bpm_source,"
            + " bpm_confidence, tempo_changes, tempo_seconds, tempo_bpms, meter, meter_source, meters, key,"
            + " key_code, key_confidence, key_runner_up, key_source, camelot, chords, chords_per_bar, has_drums, drum_pieces,"
            + " drum_counts, drum_hits_per_bar, swing, ghost_notes, fill_bars, drum_role, instruments, families,"
            + " programs, is_loop, notes, notes_per_bar, polyphony_max, pitch_min, pitch_max, velocity_min,"
            + " velocity_max, velocity_mean, quantized, groove_offset_ms, rhythm_print, pitch_print)"
            + " FROM STDIN (FORMAT text)";

    private final Connection connection;
    private final SqlSession session;
    private final AnalysisMapper mapper;
    private final CopyManager copy;
    private final String worker;
    private final int version;
    private final StringBuilder buffer = new StringBuilder(1 << 16);
    private final boolean workerLocked;

    /** What a batch did. */
    public record Written(int stored, int failed, int dropped) {
    }

    public AnalysisWriter(DataSource dataSource, SqlSessionFactory sessions, String worker, int version)
            throws SQLException {
        this.worker = worker;
        this.version = version;
        this.connection = dataSource.getConnection();
        boolean ok = false;
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                // a batch is atomic either way; an OS crash may lose the last batches, whose jobs are then redone
                s.execute("SET synchronous_commit = off");
            }
            this.session = sessions.openSession(connection);
            this.mapper = session.getMapper(AnalysisMapper.class);
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            mapper.createStage();
            // false only when another session holds this name's lock (the same name twice, or a hash collision):
            // then that session's life keeps these leases too, and lease_until still ends them
            this.workerLocked = mapper.lockWorker(worker);
            connection.commit();
            ok = true;
        } finally {
            if (!ok) {
                connection.close();
            }
        }
    }

    /**
     * Stores one batch in one transaction.
     *
     * @param rows     results of jobs this worker claimed
     * @param failures jobs this worker claimed that could not be analysed
     */
    public Written write(List<AnalysisRow> rows, List<FailedJob> failures) throws SQLException {
        try {
            int stored = 0;
            if (!rows.isEmpty()) {
                buffer.setLength(0);
                CopyText out = new CopyText(buffer);
                for (AnalysisRow r : rows) {
                    encode(out, r);
                }
                copy.copyIn(COPY_SQL, new StringReader(buffer.toString()));
                mapper.analyzeStage();
                List<Long> finished = mapper.finishStaged(worker, version);
                if (!finished.isEmpty()) {
                    Long[] ids = finished.toArray(new Long[0]);
                    stored = mapper.updateMeta(ids, version);
                    mapper.upsertSearchDocs(ids);
                }
            }
            int failed = 0;
            if (!failures.isEmpty()) {
                Long[] ids = new Long[failures.size()];
                String[] reasons = new String[failures.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = failures.get(i).contentId();
                    reasons[i] = failures.get(i).reason().replace('\0', ' ');
                }
                failed = mapper.fail(worker, version, ids, reasons);
                mapper.upsertSearchDocs(ids); // failed files stay findable by name and path
            }
            connection.commit();
            return new Written(stored, failed, rows.size() - stored + failures.size() - failed);
        } catch (SQLException | IOException | RuntimeException e) {
            rollbackQuietly(e);
            if (e instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("could not write an analysis batch: " + e.getMessage(), e);
        }
    }

    private static void encode(CopyText out, AnalysisRow r) {
        out.number(r.contentId()).number(r.durationSec()).number(r.bars()).numberOrNull(r.bpm()).text(r.bpmSource())
                .number(r.bpmConfidence()).number(r.tempoChanges()).doubleArray(r.tempoSeconds())
                .doubleArray(r.tempoBpms()).text(r.meter()).text(r.meterSource()).textArray(r.meters()).text(r.key());
        if (r.keyCode() == null) {
            out.nullValue();
        } else {
            out.number(r.keyCode().longValue());
        }
        out.number(r.keyConfidence()).text(r.keyRunnerUp()).text(r.keySource()).text(r.camelot())
                .text(r.chords()).textArray(r.chordsPerBar()).bool(r.hasDrums()).textArray(r.drumPieces())
                .intArray(r.drumCounts()).number(r.drumHitsPerBar());
        if (r.swing() == null) {
            out.nullValue();
        } else {
            out.number(r.swing().longValue());
        }
        out.number(r.ghostNotes()).intArray(r.fillBars()).text(r.drumRole()).textArray(r.instruments())
                .textArray(r.families()).intArray(r.programs()).bool(r.loop()).number(r.notes())
                .number(r.notesPerBar()).number(r.polyphonyMax()).number(r.pitchMin()).number(r.pitchMax())
                .number(r.velocityMin()).number(r.velocityMax()).number(r.velocityMean()).bool(r.quantized())
                .number(r.grooveOffsetMs()).number(r.rhythmPrint()).number(r.pitchPrint());
        out.endRow();
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** True when this writer holds its worker's liveness lock (see the class comment). */
    public boolean holdsWorkerLock() {
        return workerLocked;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (workerLocked) {
                connection.rollback();
                mapper.unlockWorker(worker); // session-level: it would otherwise stay with the pooled connection
                connection.commit();
            }
        } finally {
            try {
                session.close();
            } finally {
                connection.close();
            }
        }
    }
}
