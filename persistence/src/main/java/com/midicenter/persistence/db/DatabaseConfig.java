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
 * @param poolSize            maximum open connections, 1..200. The default ({@link #defaultPoolSize()}) serves one
 *                            process' own work (an import, the analysis threads, a search now and then); a process
 *                            that serves concurrent searchers adds one connection each ({@link #withSearchers(int)})
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

    /**
     * A copy whose pool has one more connection for each of {@code searchers} concurrent searchers, on top of the
     * connections for this process' own work, at most {@link #MAX_POOL_SIZE}; a pool that kept all its connections open
     * still does. Searchers then never wait for a connection, whatever an import or analysis beside them holds (the
     * import two connections for its whole run, the analysis its writer's plus a claiming thread's), so none fails
     * for want of one (issue 5).
     *
     * <p>Measured with {@code bench search-load} on 2 cores, 32 searchers looping over the query mix while a
     * 20,000-file import with analysis runs. The 5 connections of {@link #defaultPoolSize()}: no timeout at 100k files
     * (slowest search 3.2 s), 2 searches failed after 10 s at 1M. One connection per searcher: nobody waits, nothing
     * fails, at 100k and 1M. It does not make searches fast (they are CPU-bound; the queue moves from the pool into
     * the database) and it costs the import its share of the cores while 32 searchers run flat out: 100k files,
     * 4,600-7,000 files/s became 100-300; 1M, 2,301 became 87. That share follows from the number of busy backends,
     * not from what a search costs. Searches failing is worse than a background import slowing down.
     *
     * <p>The embedded server's {@code max_connections} (60 by default) must leave room for this pool and every other
     * process' pool.
     *
     * @param searchers concurrent searchers, 0..{@link #MAX_POOL_SIZE}
     */
    public DatabaseConfig withSearchers(int searchers) {
        if (searchers < 0 || searchers > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("searchers must be 0.." + MAX_POOL_SIZE + ": searchers=" + searchers);
        }
        int size = Math.min(MAX_POOL_SIZE, poolSize + searchers);
        int idle = minimumIdle == poolSize ? size : minimumIdle;
        return new DatabaseConfig(jdbcUrl, user, password, poolName, size, idle, connectionTimeoutMs, idleTimeoutMs, maxLifetimeMs);
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
