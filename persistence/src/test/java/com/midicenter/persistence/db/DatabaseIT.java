package com.midicenter.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.persistence.StorageException;
import com.midicenter.persistence.mapper.ImportErrorMapper;
import com.midicenter.persistence.mapper.ImportRunCounts;
import com.midicenter.persistence.mapper.ImportRunMapper;
import com.midicenter.persistence.mapper.ImportRunStatus;
import com.midicenter.persistence.mapper.LibraryStats;
import com.midicenter.persistence.mapper.NewImportError;
import com.midicenter.persistence.mapper.StatsMapper;
import com.midicenter.persistence.mapper.TagMapper;
import com.midicenter.persistence.testing.SharedDatabase;
import com.midicenter.persistence.testing.TestHomes;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

class DatabaseIT {

    /** Versions of the migrations this build ships (V1__..., V2__... under db/migration), ascending; may have gaps. */
    private static final List<Integer> VERSIONS = migrationVersions();
    private static final int MIGRATIONS = VERSIONS.size();
    private static final String LATEST = String.valueOf(VERSIONS.get(VERSIONS.size() - 1));
    /** A version no release of this code has. */
    private static final int FUTURE = VERSIONS.get(VERSIONS.size() - 1) + 1;

    private static List<Integer> migrationVersions() {
        try {
            java.net.URI dir = Database.class.getClassLoader().getResource("db/migration").toURI();
            if (dir.getScheme().equals("jar")) {
                try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(dir, java.util.Map.of())) {
                    return versions(jar.provider().getPath(dir));
                }
            }
            return versions(java.nio.file.Path.of(dir));
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list db/migration", e);
        }
    }

    private static List<Integer> versions(java.nio.file.Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).sorted().toList();
        }
    }

    private static final List<String> V1_TABLES = List.of("analysis_job", "collection", "collection_item", "content", "file_meta",
            "file_tag", "import_error", "import_run", "location", "tag", "user_mark");

    @Test
    void migrate_emptyDatabase_createsAllTables() throws SQLException {
        // given
        try (Database database = Database.external(SharedDatabase.freshDatabase("it_migrate_empty"))) {
            // when
            database.migrate();

            // then
            assertThat(tablesOf(database)).containsAll(V1_TABLES).contains("flyway_schema_history");
        }
    }

    @Test
    void status_emptyDatabase_reportsOnePendingAndNoVersion() {
        // given
        try (Database database = Database.external(SharedDatabase.freshDatabase("it_status_empty"))) {
            // when
            MigrationStatus status = database.status();

            // then
            assertThat(status.currentVersion()).isNull();
            assertThat(status.latestKnownVersion()).isEqualTo(LATEST);
            assertThat(status.pendingCount()).isEqualTo(MIGRATIONS);
            assertThat(status.applied()).isEmpty();
            assertThat(status.upToDate()).isFalse();
        }
    }

    @Test
    void status_afterMigrate_reportsVersion1AndNothingPending() {
        // given
        try (Database database = Database.external(SharedDatabase.freshDatabase("it_status_migrated"))) {
            database.migrate();

            // when
            MigrationStatus status = database.status();

            // then
            assertThat(status.currentVersion()).isEqualTo(LATEST);
            assertThat(status.pendingCount()).isZero();
            assertThat(status.newerThanCode()).isFalse();
            assertThat(status.upToDate()).isTrue();
            assertThat(status.applied()).hasSize(MIGRATIONS);
            assertThat(status.applied()).first().satisfies(applied -> {
                assertThat(applied.version()).isEqualTo("1");
                assertThat(applied.description()).isEqualTo("library");
                assertThat(applied.success()).isTrue();
            });
        }
    }

    @Test
    void migrate_twice_changesNothingTheSecondTime() {
        // given
        try (Database database = Database.external(SharedDatabase.freshDatabase("it_migrate_twice"))) {
            MigrationStatus first = database.migrate();

            // when
            MigrationStatus second = database.migrate();

            // then
            assertThat(second).isEqualTo(first);
            assertThat(second.applied()).hasSize(MIGRATIONS);
        }
    }

    @Test
    void migrate_schemaNewerThanCode_isRefusedWithClearMessage() throws SQLException {
        // given: a newer release applied version 2
        try (Database database = Database.external(SharedDatabase.freshDatabase("it_newer_schema"))) {
            database.migrate();
            try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                        + " installed_by, execution_time, success) VALUES (" + FUTURE + ", '" + FUTURE + "', 'from the future', 'SQL',"
                        + " 'V" + FUTURE + "__from_the_future.sql', 0, 'test', 1, true)");
            }

            // when / then
            assertThat(database.status().newerThanCode()).isTrue();
            assertThat(database.status().currentVersion()).isEqualTo(String.valueOf(FUTURE));
            assertThatThrownBy(database::migrate)
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("schema is at version " + FUTURE + ", newer than the newest this program knows (" + LATEST + ")")
                    .hasMessageContaining("Update this program")
                    .extracting(e -> ((StorageException) e).operation()).isEqualTo("migrate");
        }
    }

    @Test
    void external_secondIndependentServer_migratesAndRunsMappers() {
        // given: another embedded server, reached only through its URL, user and password
        try (EmbeddedServer other = EmbeddedServer.start(TestHomes.newHome("external"), TestHomes.settings());
             Database database = Database.external(DatabaseConfig.of(other.jdbcUrl(), other.user(), other.password()).withPoolName("it-external"))) {
            assertThat(other.port()).isNotEqualTo(SharedDatabase.server().port());

            // when
            MigrationStatus status = database.migrate();
            long runId = database.inTransaction("import", session -> {
                ImportRunMapper runs = session.getMapper(ImportRunMapper.class);
                long id = runs.insert(List.of("/music"));
                runs.finish(id, ImportRunStatus.FINISHED, new ImportRunCounts(3, 2, 1, 0, 1, 0));
                session.getMapper(ImportErrorMapper.class).upsert(new NewImportError(id, "/music/bad.mid", "truncated", "ends early", 10L, 1L));
                return id;
            });
            int tagId = database.inTransaction("tag", session -> session.getMapper(TagMapper.class).upsert("genre", "house"));
            LibraryStats stats = database.inTransaction("stats", session -> session.getMapper(StatsMapper.class).libraryStats());

            // then
            assertThat(status.currentVersion()).isEqualTo(LATEST);
            assertThat(database.embeddedServer()).isEmpty();
            assertThat(runId).isEqualTo(1);
            assertThat(tagId).isEqualTo(1);
            assertThat(stats.importErrors()).isEqualTo(1);
            assertThat(stats.files()).isZero();
        }
    }

    @Test
    void external_wrongPassword_failsWithStorageException() {
        // given
        EmbeddedServer server = SharedDatabase.server();
        DatabaseConfig wrong = DatabaseConfig.of(server.jdbcUrl(), server.user(), "not-the-password").withPoolName("it-wrong-password");

        // when / then
        assertThatThrownBy(() -> Database.external(wrong))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("password authentication failed")
                .extracting(e -> ((StorageException) e).operation()).isEqualTo("open database");
    }

    @Test
    void inTransaction_failingStatement_rollsBackAndNamesOperation() {
        // given
        Database database = SharedDatabase.get();
        SharedDatabase.truncate("import_error", "import_run");
        Function<SqlSession, Integer> work = session -> {
            ImportErrorMapper errors = session.getMapper(ImportErrorMapper.class);
            errors.upsert(new NewImportError(null, "/music/a.mid", "not-midi", "no header", null, null));
            return errors.upsert(new NewImportError(999_999L, "/music/b.mid", "not-midi", "no header", null, null)); // no such run
        };

        // when / then
        assertThatThrownBy(() -> database.inTransaction("record import errors", work))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("record import errors failed: ")
                .hasMessageContaining("import_error_run_id_fkey");
        long remaining = database.inTransaction("count", session -> session.getMapper(ImportErrorMapper.class).count());
        assertThat(remaining).isZero();
    }

    @Test
    void dataSource_copyIn_loadsRowsThroughCopyManager() throws Exception {
        // given
        Database database = SharedDatabase.get();
        SharedDatabase.truncate("content", "location", "file_meta", "analysis_job");
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            byte[] sha = new byte[32];
            sha[0] = (byte) (i >> 8);
            sha[1] = (byte) i;
            csv.append("\\\\x").append(HexFormat.of().formatHex(sha)).append('\t').append(100 + i).append('\n');
        }

        // when
        long copied;
        try (Connection connection = database.dataSource().getConnection()) {
            copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY content (sha256, size_bytes) FROM STDIN", new StringReader(csv.toString()));
        }

        // then
        assertThat(copied).isEqualTo(1000);
        long files = database.inTransaction("stats", session -> session.getMapper(StatsMapper.class).libraryStats().files());
        assertThat(files).isEqualTo(1000);
    }

    @Test
    void embedded_poolTuning_isApplied() {
        // given
        Database database = SharedDatabase.get();

        // when
        DatabaseConfig config = database.config();

        // then
        assertThat(config.poolSize()).isEqualTo(8);
        assertThat(config.jdbcUrl()).isEqualTo(SharedDatabase.server().jdbcUrl());
        assertThat(config.toString()).doesNotContain(SharedDatabase.server().password());
    }

    private static List<String> tablesOf(Database database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
