package com.midicenter.persistence.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * Inserts fixture rows with plain JDBC (the production importer loads with COPY; no mapper inserts these tables).
 * Each call is its own auto-committed statement.
 */
public final class Rows {

    private final DataSource dataSource;

    public Rows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A content whose hash is derived from {@code seed}; returns its id. */
    public long content(int seed) {
        byte[] sha256 = new byte[32];
        for (int i = 0; i < sha256.length; i++) {
            sha256[i] = (byte) (seed * 31 + i);
        }
        return insertReturningId("INSERT INTO content (sha256, size_bytes) VALUES (?, ?) RETURNING id", ps -> {
            ps.setBytes(1, sha256);
            ps.setLong(2, 100 + seed);
        });
    }

    /** A location of {@code contentId}; returns its id. */
    public long location(long contentId, String path, String container, Long lastRunId, boolean missing) {
        return insertReturningId("INSERT INTO location (content_id, path, file_name, container, size_bytes, mtime_ms, vendor, pack,"
                + " first_run_id, last_run_id, missing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", ps -> {
                    ps.setLong(1, contentId);
                    ps.setString(2, path);
                    ps.setString(3, path.substring(path.lastIndexOf('/') + 1));
                    ps.setString(4, container);
                    ps.setLong(5, 1234);
                    ps.setLong(6, 1_700_000_000_000L);
                    ps.setString(7, "Vendor");
                    ps.setString(8, "Pack");
                    setLong(ps, 9, lastRunId);
                    setLong(ps, 10, lastRunId);
                    ps.setBoolean(11, missing);
                });
    }

    /** A present plain-file location. */
    public long location(long contentId, String path) {
        return location(contentId, path, null, null, false);
    }

    public void fileMeta(long contentId, String bpmSource, String meter) {
        update("INSERT INTO file_meta (content_id, bpm, bpm_source, meter) VALUES (?, 120, ?, ?)", ps -> {
            ps.setLong(1, contentId);
            ps.setString(2, bpmSource);
            ps.setString(3, meter);
        });
    }

    public void analysisJob(long contentId, String state) {
        update("INSERT INTO analysis_job (content_id, state) VALUES (?, ?)", ps -> {
            ps.setLong(1, contentId);
            ps.setString(2, state);
        });
    }

    public void importError(String path) {
        update("INSERT INTO import_error (path, kind, reason) VALUES (?, 'not-midi', 'no MThd header')", ps -> ps.setString(1, path));
    }

    /** Runs one statement without parameters (test fixtures only). */
    public void update(String sql) {
        update(sql, ps -> { });
    }

    /** Runs a query that returns one long, e.g. a count. */
    public long queryLong(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private long insertReturningId(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
