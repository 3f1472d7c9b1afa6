package com.midicenter.persistence.db;

import java.util.Objects;

/**
 * How to reach a PostgreSQL database and how to pool connections to it. Validated once in the compact
 * constructor, then immutable; {@link #toString()} never shows the password.
 *
 * @param jdbcUrl             a {@code jdbc:postgresql:} URL
 * @param user                database user, not blank
 * @param password            its password; may be empty (for servers that trust the client), never null
 * @param poolName            name of the HikariCP pool and its threads, not blank
 * @param poolSize            maximum open connections, 1..200. Size it for the concurrent users: the default
 *                            ({@link #defaultPoolSize()}) suits the CLI; 32 concurrent searchers during an import need ~40
 * @param minimumIdle         idle connections kept ready, 0..poolSize
 * @param connectionTimeoutMs how long a caller waits for a free connection before failing, in ms, at least 250
 * @param idleTimeoutMs       after how long an idle connection above {@code minimumIdle} is closed, in ms;
 *                            0 = never, else at least 10,000
 * @param maxLifetimeMs       after how long a connection is replaced, in ms; 0 = never, else at least 30,000
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, String poolName, int poolSize, int minimumIdle,
                             long connectionTimeoutMs, long idleTimeoutMs, long maxLifetimeMs) {

    /** Largest accepted {@link #poolSize()}. */
    public static final int MAX_POOL_SIZE = 200;

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql: jdbcUrl=" + masked(jdbcUrl));
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank: user=" + user);
        }
        if (poolName == null || poolName.isBlank()) {
            throw new IllegalArgumentException("poolName must not be blank: poolName=" + poolName);
        }
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("poolSize must be 1.." + MAX_POOL_SIZE + ": poolSize=" + poolSize);
        }
        if (minimumIdle < 0 || minimumIdle > poolSize) {
            throw new IllegalArgumentException("minimumIdle must be 0..poolSize: minimumIdle=" + minimumIdle + ", poolSize=" + poolSize);
        }
        if (connectionTimeoutMs < 250) {
            throw new IllegalArgumentException("connectionTimeoutMs must be >= 250: connectionTimeoutMs=" + connectionTimeoutMs);
        }
        if (idleTimeoutMs != 0 && idleTimeoutMs < 10_000) {
            throw new IllegalArgumentException("idleTimeoutMs must be 0 or >= 10000: idleTimeoutMs=" + idleTimeoutMs);
        }
        if (maxLifetimeMs != 0 && maxLifetimeMs < 30_000) {
            throw new IllegalArgumentException("maxLifetimeMs must be 0 or >= 30000: maxLifetimeMs=" + maxLifetimeMs);
        }
    }

    /**
     * Connection settings with default pool settings: pool "midicenter-db" of {@link #defaultPoolSize()}
     * connections (all kept open), 10 s connection timeout, 10 min idle timeout, 30 min lifetime.
     */
    public static DatabaseConfig of(String jdbcUrl, String user, String password) {
        int size = defaultPoolSize();
        return new DatabaseConfig(jdbcUrl, user, password, "midicenter-db", size, size, 10_000, 600_000, 1_800_000);
    }

    /** {@code max(4, 2 * cores + 1)}, at most 40: enough for the CLI and the analysis threads of this machine. */
    public static int defaultPoolSize() {
        return Math.min(40, Math.max(4, 2 * Runtime.getRuntime().availableProcessors() + 1));
    }

    /** A copy with {@code poolSize} connections; {@link #minimumIdle()} is capped to it. */
    public DatabaseConfig withPoolSize(int size) {
        return new DatabaseConfig(jdbcUrl, user, password, poolName, size, Math.min(minimumIdle, size), connectionTimeoutMs, idleTimeoutMs, maxLifetimeMs);
    }

    public DatabaseConfig withMinimumIdle(int idle) {
        return new DatabaseConfig(jdbcUrl, user, password, poolName, poolSize, idle, connectionTimeoutMs, idleTimeoutMs, maxLifetimeMs);
    }

    public DatabaseConfig withPoolName(String name) {
        return new DatabaseConfig(jdbcUrl, user, password, name, poolSize, minimumIdle, connectionTimeoutMs, idleTimeoutMs, maxLifetimeMs);
    }

    public DatabaseConfig withConnectionTimeoutMs(long timeoutMs) {
        return new DatabaseConfig(jdbcUrl, user, password, poolName, poolSize, minimumIdle, timeoutMs, idleTimeoutMs, maxLifetimeMs);
    }

    public DatabaseConfig withIdleTimeoutMs(long timeoutMs) {
        return new DatabaseConfig(jdbcUrl, user, password, poolName, poolSize, minimumIdle, connectionTimeoutMs, timeoutMs, maxLifetimeMs);
    }

    public DatabaseConfig withMaxLifetimeMs(long lifetimeMs) {
        return new DatabaseConfig(jdbcUrl, user, password, poolName, poolSize, minimumIdle, connectionTimeoutMs, idleTimeoutMs, lifetimeMs);
    }

    /** Like the record's, with the password masked. */
    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + masked(jdbcUrl) + ", user=" + user + ", password=****, poolName=" + poolName
                + ", poolSize=" + poolSize + ", minimumIdle=" + minimumIdle + ", connectionTimeoutMs=" + connectionTimeoutMs
                + ", idleTimeoutMs=" + idleTimeoutMs + ", maxLifetimeMs=" + maxLifetimeMs + "]";
    }

    /** The URL with the value of a {@code password=} parameter replaced by stars. */
    private static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1****");
    }
}
