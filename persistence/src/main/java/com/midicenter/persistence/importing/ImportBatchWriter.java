package com.midicenter.persistence.importing;

import com.midicenter.core.analysis.MidiSummary;
import com.midicenter.core.tags.PathTags;
import com.midicenter.persistence.copy.CopyText;
import com.midicenter.persistence.mapper.ImportRunCounts;
import com.midicenter.persistence.mapper.ImportRunMapper;
import com.midicenter.persistence.mapper.ImportRunStatus;
import com.midicenter.persistence.details.FileDetailsMapper;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes import batches: each batch is one transaction (COPY into a temporary stage, then set-wise merges),
 * so a batch is either fully in the library or not at all — an import killed at any moment resumes cleanly.
 *
 * <p>Holds one pooled connection for its lifetime. Not thread-safe: one writer thread per import.
 */
public final class ImportBatchWriter implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImportBatchWriter.class);

    private static final String COPY_SQL = "COPY import_stage (path, file_name, container, size_bytes, mtime_ms, sha256,"
            + " vendor, pack, format, tracks, ppq, duration_sec, bars, bpm, bpm_source, tempo_changes, meter, meter_source,"
            + " notes, pitch_min, pitch_max, velocity_mean, polyphony_max, has_drums, channels, programs, instruments,"
            + " track_names, warnings, tag_ids) FROM STDIN (FORMAT text)";

    private final Connection connection;
    private final SqlSession session;
    private final ImportMapper mapper;
    private final CopyManager copy;
    private long runId = -1;
    private boolean runLocked;
    private final Map<ImportMapper.TagKey, Integer> tagIds = new HashMap<>();
    private final StringBuilder buffer = new StringBuilder(1 << 20);
    /** Time spent in copy, content, locations, tags, errors, commit: logged at debug level on close. */
    private final long[] stepNanos = new long[6];

    /**
     * @param dataSource the library's pool; one connection is taken until {@link #close()}
     * @param sessions   MyBatis, with {@link ImportMapper} and {@link ImportRunMapper} registered
     */
    public ImportBatchWriter(DataSource dataSource, SqlSessionFactory sessions) throws SQLException {
        this.connection = dataSource.getConnection();
        boolean ok = false;
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                // batches are atomic either way; an OS crash may lose the last batches, which the next run re-imports
                s.execute("SET synchronous_commit = off");
                if (System.getenv("MIDICENTER_EXPLAIN_IMPORT") != null) {
                    s.execute("LOAD 'auto_explain'");
                    // an operator's debug switch, still never pasted into SQL as text: a number of ms or nothing
                    s.execute("SET auto_explain.log_min_duration = "
                            + Integer.parseInt(System.getenv("MIDICENTER_EXPLAIN_IMPORT").trim()));
                    s.execute("SET auto_explain.log_analyze = on");
                    s.execute("SET auto_explain.log_nested_statements = on");
                }
            }
            this.session = sessions.openSession(connection);
            this.mapper = session.getMapper(ImportMapper.class);
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            mapper.createStage();
            connection.commit();
            ok = true;
        } finally {
            if (!ok) {
                connection.close();
            }
        }
    }

    /**
     * Starts an import run: marks runs left 'running' by a crashed import as interrupted, inserts this one and
     * holds its advisory lock on this writer's connection until {@link #finishRun} or {@link #close()}, so
     * that no other process takes it for stale.
     *
     * @return the run id
     */
    public long startRun(List<String> roots) throws SQLException {
        return inTransaction(() -> {
            ImportRunMapper runs = session.getMapper(ImportRunMapper.class);
            runs.markStaleAsInterrupted();
            long id = runs.insert(roots);
            runLocked = runs.tryLockRun(id);
            runId = id;
            return id;
        });
    }

    /** Writes rows of a run another writer started. */
    public void joinRun(long id) {
        this.runId = id;
    }

    /** Ends the run this writer started with its final status and counts, and releases its lock. */
    public void finishRun(ImportRunStatus status, ImportRunCounts counts) throws SQLException {
        inTransaction(() -> session.getMapper(ImportRunMapper.class).finish(runId, status, counts));
        unlockRun();
    }

    private void unlockRun() throws SQLException {
        if (runLocked) {
            runLocked = false;
            inTransaction(() -> session.getMapper(ImportRunMapper.class).unlockRun(runId));
        }
    }

    /**
     * Writes one batch in one transaction.
     *
     * @throws SQLException when the database refuses or goes away; nothing of this batch is stored then
     */
    public BatchOutcome write(List<ImportRow> rows, List<ImportErrorRow> errors, List<ArchiveRow> archives)
            throws SQLException {
        try {
            int imported = 0;
            if (!rows.isEmpty()) {
                resolveTags(rows);
                buffer.setLength(0);
                CopyText copyText = new CopyText(buffer);
                for (ImportRow row : rows) {
                    encode(row, copyText);
                }
                long t0 = System.nanoTime();
                copy.copyIn(COPY_SQL, new StringReader(buffer.toString()));
                long t1 = System.nanoTime();
                imported = mapper.mergeContent(runId);
                long t2 = System.nanoTime();
                mapper.mergeLocations(runId);
                // a copy of an analysed file may now be its first location: its search row follows, so that the
                // library does not depend on whether the copy came before or after the analysis
                List<Long> analysed = mapper.stagedContentsWithSearchRows();
                if (!analysed.isEmpty()) {
                    session.getMapper(FileDetailsMapper.class).refreshSearchDocs(analysed.toArray(Long[]::new));
                }
                long t3 = System.nanoTime();
                long t4 = t3;
                mapper.clearFixedErrors();
                long t5 = System.nanoTime();
                stepNanos[0] += t1 - t0;
                stepNanos[1] += t2 - t1;
                stepNanos[2] += t3 - t2;
                stepNanos[3] += t4 - t3;
                stepNanos[4] += t5 - t4;
            }
            if (!errors.isEmpty()) {
                mapper.upsertErrors(runId, dedupeErrors(errors));
            }
            if (!archives.isEmpty()) {
                mapper.upsertArchives(runId, archives);
            }
            long c0 = System.nanoTime();
            connection.commit();
            stepNanos[5] += System.nanoTime() - c0;
            return new BatchOutcome(imported, rows.size() - imported, errors.size());
        } catch (IOException | RuntimeException | SQLException e) {
            tagIds.clear(); // ids inserted in the failed transaction are gone
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("import batch failed: " + e.getMessage(), e);
        }
    }

    /** True when the library has never imported anything. Commits. */
    public boolean libraryIsEmpty() throws SQLException {
        return inTransaction(mapper::libraryIsEmpty);
    }

    /** Marks unchanged plain files as seen; returns their paths. Commits. */
    public List<String> markUnchanged(String[] paths, long[] sizes, long[] mtimes) throws SQLException {
        return inTransaction(() -> mapper.markUnchanged(runId, paths, boxed(sizes), boxed(mtimes)));
    }

    /** Marks unchanged archives and their members as seen; returns the archives. Commits. */
    public List<ArchiveRow> markUnchangedArchives(String[] paths, long[] sizes, long[] mtimes) throws SQLException {
        return inTransaction(() -> {
            List<ArchiveRow> unchanged = mapper.markUnchangedArchives(runId, paths, boxed(sizes), boxed(mtimes));
            if (!unchanged.isEmpty()) {
                mapper.markArchiveMembersSeen(runId, unchanged.stream().map(ArchiveRow::path).toArray(String[]::new));
            }
            return unchanged;
        });
    }

    /** Marks what this run did not see under {@code prefix} as missing; returns how many. Commits. */
    public int markMissing(String prefix) throws SQLException {
        return inTransaction(() -> mapper.markMissing(runId, prefix));
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) throws SQLException {
        try {
            T result = work.get();
            connection.commit();
            return result;
        } catch (RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new SQLException(e.getMessage(), e);
        }
    }

    private void resolveTags(List<ImportRow> rows) {
        List<ImportMapper.TagKey> unknown = new ArrayList<>();
        java.util.Set<ImportMapper.TagKey> seen = new java.util.HashSet<>();
        for (ImportRow row : rows) {
            for (PathTags.Tag t : row.tags()) {
                ImportMapper.TagKey key = new ImportMapper.TagKey(t.category(), t.name());
                if (!tagIds.containsKey(key) && seen.add(key)) {
                    unknown.add(key);
                }
            }
        }
        // one order for every writer: concurrent imports inserting the same new tags wait instead of deadlocking
        unknown.sort(java.util.Comparator.comparing(ImportMapper.TagKey::category).thenComparing(ImportMapper.TagKey::name));
        for (int from = 0; from < unknown.size(); from += 1000) {
            List<ImportMapper.TagKey> chunk = unknown.subList(from, Math.min(unknown.size(), from + 1000));
            for (ImportMapper.TagId id : mapper.upsertTags(chunk)) {
                tagIds.put(new ImportMapper.TagKey(id.category(), id.name()), id.id());
            }
            // a tag another writer inserted while this statement ran is not in its snapshot: read it again
            List<ImportMapper.TagKey> missed = chunk.stream().filter(k -> !tagIds.containsKey(k)).toList();
            if (!missed.isEmpty()) {
                for (ImportMapper.TagId id : mapper.upsertTags(missed)) {
                    tagIds.put(new ImportMapper.TagKey(id.category(), id.name()), id.id());
                }
            }
        }
    }

    private void encode(ImportRow row, CopyText c) {
        MidiSummary s = row.summary();
        c.text(row.path()).text(row.fileName()).text(row.container()).number(row.sizeBytes()).number(row.mtimeMs())
                .bytea(row.sha256()).text(row.vendor()).text(row.pack())
                .number(s.format()).number(s.tracks()).number(s.ppq()).number(s.durationSec()).number(s.bars())
                .numberOrNull(s.bpm()).text(s.bpmSource().name().toLowerCase(Locale.ROOT)).number(s.tempoChanges())
                .text(s.meter()).text(s.meterSource().name().toLowerCase(Locale.ROOT)).number(s.notes());
        if (s.pitchMin() < 0) {
            c.nullValue().nullValue();
        } else {
            c.number(s.pitchMin()).number(s.pitchMax());
        }
        c.number(s.velocityMean()).number(s.polyphonyMax()).bool(s.hasDrums())
                .intArray(s.channels()).intArray(s.programs()).textArray(s.instruments()).textArray(s.trackNames())
                .textArray(s.warnings());
        int[] ids = new int[row.tags().size()];
        int n = 0;
        for (PathTags.Tag t : row.tags()) {
            Integer id = tagIds.get(new ImportMapper.TagKey(t.category(), t.name()));
            if (id != null) {
                ids[n++] = id;
            }
        }
        c.intArray(ids, n);
        c.endRow();
    }

    /** MyBatis' ArrayTypeHandler binds object arrays only. */
    private static Long[] boxed(long[] values) {
        Long[] out = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static List<ImportErrorRow> dedupeErrors(List<ImportErrorRow> errors) {
        Map<String, ImportErrorRow> byPath = new java.util.LinkedHashMap<>();
        for (ImportErrorRow e : errors) {
            byPath.put(e.path(), e); // ON CONFLICT cannot touch one row twice in a statement
        }
        return new ArrayList<>(byPath.values());
    }

    @Override
    public void close() throws SQLException {
        if (LOG.isDebugEnabled() && stepNanos[0] > 0) {
            LOG.debug("import writer ms: copy {} content {} locations {} tags {} errors {} commit {}",
                    stepNanos[0] / 1_000_000, stepNanos[1] / 1_000_000, stepNanos[2] / 1_000_000,
                    stepNanos[3] / 1_000_000, stepNanos[4] / 1_000_000, stepNanos[5] / 1_000_000);
        }
        try {
            unlockRun(); // session-level locks would otherwise stay with the pooled connection
        } catch (SQLException e) {
            connection.close(); // closing the connection releases the lock too
            throw e;
        }
        try {
            session.close();
        } finally {
            connection.close();
        }
    }
}
