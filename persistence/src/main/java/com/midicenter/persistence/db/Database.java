package com.midicenter.persistence.db;

import com.midicenter.persistence.StorageException;
import com.midicenter.persistence.analysis.AnalysisMapper;
import com.midicenter.persistence.curation.CurationMapper;
import com.midicenter.persistence.details.FileDetailsMapper;
import com.midicenter.persistence.search.SearchMapper;
import com.midicenter.persistence.mapper.ImportErrorMapper;
import com.midicenter.persistence.importing.ImportMapper;
import com.midicenter.persistence.mapper.ImportRunMapper;
import com.midicenter.persistence.mapper.ImportRunStatus;
import com.midicenter.persistence.mapper.LocationMapper;
import com.midicenter.persistence.mapper.StatsMapper;
import com.midicenter.persistence.mapper.TagMapper;
import com.midicenter.persistence.type.LowerCaseEnumTypeHandler;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.apache.ibatis.logging.slf4j.Slf4jImpl;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library database: a HikariCP pool, Flyway migrations and a MyBatis {@link SqlSessionFactory}, on either the
 * embedded server of a home folder or an external PostgreSQL server.
 *
 * <p>Opening does not migrate; call {@link #migrate()} once at start-up. It refuses a schema newer than this
 * program knows, so an old release never writes into a library a newer release has upgraded.
 *
 * <p>Every failure surfaces as a {@link StorageException} naming the operation.
 *
 * <p>Thread-safe: the pool, the session factory and these methods may be used from any thread. A
 * {@link SqlSession} itself is not thread-safe: one per thread and unit of work.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String MIGRATIONS = "classpath:db/migration";

    private final DatabaseConfig config;
    private final EmbeddedServer server;
    private final HikariDataSource pool;
    private final SqlSessionFactory sessionFactory;
    private final Flyway flyway;

    private Database(DatabaseConfig config, EmbeddedServer server) {
        this.config = config;
        this.server = server;
        this.pool = openPool(config);
        try {
            this.sessionFactory = buildSessionFactory(pool);
            this.flyway = Flyway.configure()
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .cleanDisabled(true)
                    .load();
        } catch (RuntimeException e) {
            pool.close();
            throw new StorageException("open database", e);
        }
    }

    /** {@link #embedded(Path, EmbeddedServer.Settings, UnaryOperator)} with default settings. */
    public static Database embedded(Path home) {
        return embedded(home, EmbeddedServer.Settings.defaults(), UnaryOperator.identity());
    }

    /**
     * Starts (or attaches to) the embedded server of {@code home} and opens a pool on its library database.
     *
     * @param home       the home folder, see {@link EmbeddedServer}
     * @param settings   server settings, used if this call starts the server
     * @param poolTuning adjusts the pool settings of the {@link EmbeddedServer#databaseConfig() server's config},
     *                   e.g. {@code c -> c.withPoolSize(40)}; must keep the URL, user and password
     * @throws StorageException if the server cannot be started or the pool cannot connect
     */
    public static Database embedded(Path home, EmbeddedServer.Settings settings, UnaryOperator<DatabaseConfig> poolTuning) {
        Objects.requireNonNull(poolTuning, "poolTuning");
        EmbeddedServer server = EmbeddedServer.start(home, settings);
        try {
            DatabaseConfig config = Objects.requireNonNull(poolTuning.apply(server.databaseConfig()), "poolTuning result");
            return new Database(config, server);
        } catch (RuntimeException e) {
            try {
                server.close();
            } catch (RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e instanceof StorageException ? e : new StorageException("open database", e);
        }
    }

    /**
     * Opens a pool on an external PostgreSQL server (PostgreSQL 13 or later, for {@code pg_trgm} as a trusted
     * extension; the user needs the right to create tables, and the extension if it is not installed yet).
     *
     * @throws StorageException if the pool cannot connect
     */
    public static Database external(DatabaseConfig config) {
        Objects.requireNonNull(config, "config");
        return new Database(config, null);
    }

    /** The connection and pool settings in use. */
    public DatabaseConfig config() {
        return config;
    }

    /** The embedded server, if this database runs on one. */
    public Optional<EmbeddedServer> embeddedServer() {
        return Optional.ofNullable(server);
    }

    /**
     * The pooled data source, for what MyBatis cannot do: {@code COPY} through
     * {@code connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI()}. Close every connection you take.
     */
    public DataSource dataSource() {
        return pool;
    }

    /** The MyBatis session factory; mappers of {@code com.midicenter.persistence.mapper} are registered. */
    public SqlSessionFactory sqlSessionFactory() {
        return sessionFactory;
    }

    /**
     * Runs {@code work} in one transaction on one session and commits it; rolls back if {@code work} throws.
     *
     * @param operation named in the {@link StorageException} if anything fails, e.g. {@code "record import error"}
     * @return what {@code work} returned
     * @throws StorageException wrapping whatever {@code work} or the commit threw
     */
    public <T> T inTransaction(String operation, Function<SqlSession, T> work) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(work, "work");
        try (SqlSession session = sessionFactory.openSession(false)) {
            T result = work.apply(session);
            session.commit(true);
            return result;
        } catch (StorageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StorageException(operation, e);
        }
    }

    /**
     * Applies pending migrations.
     *
     * @return the status afterwards
     * @throws StorageException if the schema is newer than this program knows, or a migration fails
     */
    public MigrationStatus migrate() {
        String operation = "migrate";
        MigrationStatus before = status();
        if (before.newerThanCode()) {
            throw new StorageException(operation, newerSchemaMessage(before));
        }
        try {
            var result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("[{}] applied {} migration(s), schema now at version {}", poolName(), result.migrationsExecuted, result.targetSchemaVersion);
            }
        } catch (RuntimeException e) {
            throw new StorageException(operation, e);
        }
        return status();
    }

    /**
     * Reads the migration history without changing anything.
     *
     * @throws StorageException if the database cannot be read
     */
    public MigrationStatus status() {
        try {
            MigrationInfoService info = flyway.info();
            MigrationVersion latestKnown = null;
            for (MigrationInfo migration : info.all()) {
                if (migration.isVersioned() && migration.getState().isResolved()
                        && (latestKnown == null || migration.getVersion().isNewerThan(latestKnown.getVersion()))) {
                    latestKnown = migration.getVersion();
                }
            }
            MigrationInfo current = info.current();
            List<MigrationStatus.AppliedMigration> applied = new ArrayList<>();
            boolean unknownApplied = false;
            for (MigrationInfo migration : info.applied()) {
                if (migration.getVersion() == null) {
                    continue; // repeatable migrations have no version; we ship none
                }
                unknownApplied |= migration.getState() == MigrationState.FUTURE_SUCCESS || migration.getState() == MigrationState.FUTURE_FAILED;
                applied.add(new MigrationStatus.AppliedMigration(migration.getVersion().getVersion(), migration.getDescription(),
                        migration.getInstalledOn().toInstant(), migration.getExecutionTime() == null ? 0 : migration.getExecutionTime(),
                        !migration.getState().isFailed()));
            }
            String currentVersion = current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
            boolean newer = unknownApplied || (current != null && current.getVersion() != null
                    && (latestKnown == null || current.getVersion().isNewerThan(latestKnown.getVersion())));
            return new MigrationStatus(currentVersion, latestKnown == null ? null : latestKnown.getVersion(),
                    info.pending().length, applied, newer);
        } catch (RuntimeException e) {
            throw new StorageException("read migration status", e);
        }
    }

    /** Closes the pool, then releases the embedded server (stopping it if this was its last user). Idempotent. */
    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Database[" + config + (server == null ? "" : ", " + server) + "]";
    }

    private String poolName() {
        return config.poolName();
    }

    private static String newerSchemaMessage(MigrationStatus status) {
        return "the database schema is at version " + status.currentVersion() + ", newer than the newest this program knows ("
                + status.latestKnownVersion() + "): it was upgraded by a newer release of MIDI Software Center."
                + " Update this program; it will not touch a newer schema.";
    }

    private static HikariDataSource openPool(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(config.poolName());
        hikari.setDriverClassName("org.postgresql.Driver");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(config.minimumIdle());
        hikari.setConnectionTimeout(config.connectionTimeoutMs());
        hikari.setIdleTimeout(config.idleTimeoutMs());
        hikari.setMaxLifetime(config.maxLifetimeMs());
        hikari.addDataSourceProperty("ApplicationName", "midicenter");
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StorageException("open database", "cannot connect to " + config.jdbcUrl() + " as " + config.user() + ": "
                    + rootMessage(e), e);
        }
    }

    private static SqlSessionFactory buildSessionFactory(DataSource dataSource) {
        Configuration configuration = new Configuration(new Environment("midicenter", new JdbcTransactionFactory(), dataSource));
        configuration.setLogImpl(Slf4jImpl.class);
        configuration.setCacheEnabled(false);
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setDefaultFetchSize(1000);
        configuration.getTypeHandlerRegistry().register(ImportRunStatus.class, new LowerCaseEnumTypeHandler<>(ImportRunStatus.class));
        // user text with a NUL character must work (NUL dropped), not fail the statement: PostgreSQL text has no NUL
        configuration.getTypeHandlerRegistry().register(String.class, new com.midicenter.persistence.type.NulFreeStringTypeHandler());
        // each mapper's XML is loaded from the same package path as its interface
        for (Class<?> mapper : Arrays.asList(StatsMapper.class, ImportRunMapper.class, ImportErrorMapper.class, TagMapper.class,
                LocationMapper.class, ImportMapper.class, AnalysisMapper.class,
                SearchMapper.class, FileDetailsMapper.class,
                CurationMapper.class,
                com.midicenter.persistence.export.ExportMapper.class,
                com.midicenter.persistence.duplicates.DuplicatesMapper.class,
                com.midicenter.persistence.split.PartMapper.class)) {
            configuration.addMapper(mapper);
        }
        return new SqlSessionFactoryBuilder().build(configuration);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
