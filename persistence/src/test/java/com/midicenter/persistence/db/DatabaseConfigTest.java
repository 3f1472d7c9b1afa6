package com.midicenter.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/midicenter";

    @Test
    void of_defaults_poolSizedFromCoresWithinBounds() {
        // given
        int cores = Runtime.getRuntime().availableProcessors();

        // when
        DatabaseConfig config = DatabaseConfig.of(URL, "midicenter", "secret");

        // then
        assertThat(config.poolSize()).isEqualTo(Math.min(40, Math.max(4, 2 * cores + 1))).isBetween(4, 40);
        assertThat(config.minimumIdle()).isEqualTo(config.poolSize());
        assertThat(config.connectionTimeoutMs()).isEqualTo(10_000);
    }

    @Test
    void withPoolSize_forThirtyTwoSearchers_keepsEverythingElse() {
        // given
        DatabaseConfig config = DatabaseConfig.of(URL, "midicenter", "secret");

        // when
        DatabaseConfig tuned = config.withPoolSize(40).withConnectionTimeoutMs(2_000);

        // then
        assertThat(tuned.poolSize()).isEqualTo(40);
        assertThat(tuned.connectionTimeoutMs()).isEqualTo(2_000);
        assertThat(tuned.jdbcUrl()).isEqualTo(URL);
        assertThat(tuned.password()).isEqualTo("secret");
    }

    @Test
    void withSearchers_thirtyTwoOnTheDefaultPool_oneConnectionEachOnTopAllKeptOpen() {
        // given
        DatabaseConfig config = DatabaseConfig.of(URL, "midicenter", "secret");

        // when
        DatabaseConfig searching = config.withSearchers(32);

        // then
        assertThat(searching.poolSize()).isEqualTo(DatabaseConfig.defaultPoolSize() + 32);
        assertThat(searching.minimumIdle()).isEqualTo(searching.poolSize());
        assertThat(searching.connectionTimeoutMs()).isEqualTo(config.connectionTimeoutMs());
    }

    @Test
    void withSearchers_poolGrowingOnDemand_keepsMinimumIdleAndCapsTheSize() {
        // given
        DatabaseConfig config = DatabaseConfig.of(URL, "midicenter", "secret").withPoolSize(10).withMinimumIdle(2);

        // when
        DatabaseConfig searching = config.withSearchers(8);
        DatabaseConfig huge = config.withSearchers(DatabaseConfig.MAX_POOL_SIZE);

        // then
        assertThat(searching.poolSize()).isEqualTo(18);
        assertThat(searching.minimumIdle()).isEqualTo(2);
        assertThat(huge.poolSize()).isEqualTo(DatabaseConfig.MAX_POOL_SIZE);
        assertThatThrownBy(() -> config.withSearchers(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("searchers=-1");
    }

    @Test
    void withPoolSize_belowMinimumIdle_capsMinimumIdle() {
        // given
        DatabaseConfig config = DatabaseConfig.of(URL, "midicenter", "secret").withPoolSize(10);

        // when
        DatabaseConfig smaller = config.withPoolSize(2);

        // then
        assertThat(smaller.minimumIdle()).isEqualTo(2);
    }

    @Test
    void new_poolSizeZero_throwsWithValue() {
        // given
        DatabaseConfig config = DatabaseConfig.of(URL, "midicenter", "secret");

        // when / then
        assertThatThrownBy(() -> config.withPoolSize(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolSize=0");
    }

    @Test
    void new_notPostgresUrl_throwsWithValue() {
        // when / then
        assertThatThrownBy(() -> DatabaseConfig.of("jdbc:mysql://localhost/x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbcUrl=jdbc:mysql://localhost/x");
    }

    @Test
    void new_tooShortConnectionTimeout_throwsWithValue() {
        // given
        DatabaseConfig config = DatabaseConfig.of(URL, "midicenter", "secret");

        // when / then
        assertThatThrownBy(() -> config.withConnectionTimeoutMs(10)).hasMessageContaining("connectionTimeoutMs=10");
    }

    @Test
    void toString_anyConfig_neverShowsPassword() {
        // given
        DatabaseConfig config = DatabaseConfig.of(URL + "?password=inurl", "midicenter", "s3cret!");

        // when
        String text = config.toString();

        // then
        assertThat(text).doesNotContain("s3cret!").doesNotContain("inurl").contains("password=****");
    }

    @Test
    void settings_maxConnectionsTooLow_throwsWithValue() {
        // given
        EmbeddedServer.Settings settings = EmbeddedServer.Settings.defaults();

        // when / then
        assertThatThrownBy(() -> settings.withMaxConnections(5)).hasMessageContaining("maxConnections=5");
        assertThatThrownBy(() -> settings.withStartTimeout(Duration.ZERO)).hasMessageContaining("startTimeout=PT0S");
    }

    @Test
    void settings_defaults_matchTheDesktopTuning() {
        // when
        EmbeddedServer.Settings settings = EmbeddedServer.Settings.defaults();

        // then
        assertThat(settings.maxConnections()).isEqualTo(60);
        assertThat(settings.sharedBuffersMb()).isEqualTo(256);
        assertThat(settings.synchronousCommit()).isFalse();
        assertThat(settings.binariesDirectory()).endsWithRaw(java.nio.file.Path.of("midicenter", "postgresql"));
    }
}
