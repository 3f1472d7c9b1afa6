package com.midicenter.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.persistence.StorageException;
import com.midicenter.persistence.testing.SharedDatabase;
import com.midicenter.persistence.testing.TestHomes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmbeddedServerIT {

    @Test
    void start_emptyHome_initialisesPrivateDataFolderAndPasswordFile() throws Exception {
        // given
        Path home = TestHomes.newHome("fresh");

        // when
        try (EmbeddedServer server = EmbeddedServer.start(home, TestHomes.settings())) {
            // then
            assertThat(server.startedByThisProcess()).isTrue();
            assertThat(server.dataDirectory()).isEqualTo(home.toRealPath().resolve("db"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.dataDirectory()))).isEqualTo("rwx------");
            Path passwordFile = server.home().resolve("db-password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(Files.readString(passwordFile).trim()).isEqualTo(server.password()).hasSize(43);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.home()))).isEqualTo("rwx------");
            assertThat(queryString(server, "SELECT current_database() || ' ' || current_user")).isEqualTo("midicenter midicenter");
        }
    }

    @Test
    void start_running_listensOnLoopbackOnlyWithoutUnixSocket() throws Exception {
        // given
        EmbeddedServer server = SharedDatabase.server();

        // when
        String listenAddresses = queryString(server, "SHOW listen_addresses");
        String socketDirectories = queryString(server, "SHOW unix_socket_directories");

        // then
        assertThat(listenAddresses).isEqualTo("127.0.0.1");
        assertThat(socketDirectories).isEmpty();
        assertThat(server.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:" + server.port() + "/");
    }

    @Test
    void start_defaultSettings_appliesDesktopTuning() throws Exception {
        // given
        EmbeddedServer server = SharedDatabase.server();

        // when
        String settings = queryString(server, "SELECT current_setting('shared_buffers') || ' ' || current_setting('max_connections')"
                + " || ' ' || current_setting('synchronous_commit') || ' ' || current_setting('fsync')"
                + " || ' ' || current_setting('password_encryption') || ' ' || current_setting('wal_level')");

        // then
        assertThat(settings).isEqualTo("256MB 60 off on scram-sha-256 minimal");
    }

    @Test
    void connect_wrongPassword_isRefused() {
        // given
        EmbeddedServer server = SharedDatabase.server();

        // when / then
        assertThatThrownBy(() -> connect(server, server.password() + "x").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
    }

    @Test
    void connect_withoutPassword_isRefused() {
        // given
        EmbeddedServer server = SharedDatabase.server();
        Properties noPassword = new Properties();
        noPassword.setProperty("user", server.user());

        // when / then
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), noPassword).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("SCRAM");
    }

    @Test
    void start_afterClose_keepsData() throws Exception {
        // given
        Path home = TestHomes.newHome("restart");
        try (EmbeddedServer first = EmbeddedServer.start(home, TestHomes.settings())) {
            execute(first, "CREATE TABLE kept (v text)", "INSERT INTO kept VALUES ('survives a restart')");
        }
        assertThat(home.resolve("db").resolve("postmaster.pid")).doesNotExist();

        // when
        long startNanos = System.nanoTime();
        try (EmbeddedServer second = EmbeddedServer.start(home, TestHomes.settings())) {
            long restartMs = (System.nanoTime() - startNanos) / 1_000_000;

            // then
            assertThat(second.startedByThisProcess()).isTrue();
            assertThat(queryString(second, "SELECT v FROM kept")).isEqualTo("survives a restart");
            System.err.println("warm restart of the embedded server took " + restartMs + " ms");
        }
    }

    @Test
    void start_sameHomeTwiceInOneJvm_sharesOneServerUntilLastClose() throws Exception {
        // given
        Path home = TestHomes.newHome("twice");
        EmbeddedServer first = EmbeddedServer.start(home, TestHomes.settings());

        // when
        EmbeddedServer second = EmbeddedServer.start(home, TestHomes.settings());
        first.close();

        // then
        assertThat(second.port()).isEqualTo(first.port());
        assertThat(queryString(second, "SELECT 'still up'")).isEqualTo("still up");
        second.close();
        assertThat(home.resolve("db").resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void start_afterPostmasterKilled_recoversAndKeepsData() throws Exception {
        // given
        Path home = TestHomes.newHome("killed");
        EmbeddedServer killed = EmbeddedServer.start(home, TestHomes.settings());
        execute(killed, "SET synchronous_commit = on", "CREATE TABLE kept (v text)", "INSERT INTO kept VALUES ('committed before kill -9')");
        long pid = PostmasterPid.read(killed.dataDirectory()).orElseThrow().pid();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get(10, TimeUnit.SECONDS);
        killed.close(); // finds nothing to stop
        assertThat(home.resolve("db").resolve("postmaster.pid")).exists();

        // when
        try (EmbeddedServer restarted = EmbeddedServer.start(home, TestHomes.settings())) {
            // then
            assertThat(restarted.startedByThisProcess()).isTrue();
            assertThat(queryString(restarted, "SELECT v FROM kept")).isEqualTo("committed before kill -9");
        }
    }

    @Test
    void start_pidFileNamingAnotherLiveProcess_removesItAndStarts() throws Exception {
        // given: a clean stop, then a postmaster.pid whose pid is alive but is this JVM (pid reuse after a crash)
        Path home = TestHomes.newHome("reused-pid");
        EmbeddedServer.start(home, TestHomes.settings()).close();
        Path dataDirectory = home.toRealPath().resolve("db");
        Files.writeString(dataDirectory.resolve("postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + dataDirectory + "\n1700000000\n5432\n\n127.0.0.1\n  1 2\nready   \n");

        // when
        try (EmbeddedServer server = EmbeddedServer.start(home, TestHomes.settings())) {
            // then
            assertThat(server.port()).isNotEqualTo(5432);
            assertThat(queryString(server, "SELECT 'started'")).isEqualTo("started");
        }
    }

    @Test
    void start_dataFolderWithoutPasswordFile_failsWithClearMessage() throws Exception {
        // given
        Path home = TestHomes.newHome("lost-password");
        EmbeddedServer.start(home, TestHomes.settings()).close();
        Files.delete(home.resolve("db-password"));

        // when / then
        assertThatThrownBy(() -> EmbeddedServer.start(home, TestHomes.settings()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("password file")
                .hasMessageContaining("is missing")
                .extracting(e -> ((StorageException) e).operation()).isEqualTo("start embedded server");
    }

    @Test
    void start_secondProcessSameHome_attachesAndServerOutlivesFirstProcess() throws Exception {
        // given: another JVM starts the server
        Path home = TestHomes.newHome("two-processes");
        Process child = startChild(home);
        String[] childLine = readLine(child).split(" ");
        assertThat(childLine[2]).isEqualTo("started");

        // when
        try (EmbeddedServer attached = EmbeddedServer.start(home, TestHomes.settings())) {
            closeChild(child);

            // then
            assertThat(attached.startedByThisProcess()).isFalse();
            assertThat(attached.port()).isEqualTo(Integer.parseInt(childLine[1]));
            assertThat(queryString(attached, "SELECT 'still served'")).isEqualTo("still served");
        }
        assertThat(home.resolve("db").resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void start_processThatStartedServerWasKilled_nextProcessAdoptsAndStopsIt() throws Exception {
        // given: the JVM that started the server dies by kill -9; PostgreSQL runs on
        Path home = TestHomes.newHome("orphan");
        Process child = startChild(home);
        int childPort = Integer.parseInt(readLine(child).split(" ")[1]);
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);

        // when
        try (EmbeddedServer adopted = EmbeddedServer.start(home, TestHomes.settings())) {
            // then
            assertThat(adopted.startedByThisProcess()).isFalse();
            assertThat(adopted.port()).isEqualTo(childPort);
            assertThat(queryString(adopted, "SELECT 'adopted'")).isEqualTo("adopted");
        }
        assertThat(home.resolve("db").resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void start_jvmExitsWithoutClose_shutdownHookStopsServer() throws Exception {
        // given
        Path home = TestHomes.newHome("exit-hook");
        Process child = startChild(home);
        readLine(child);
        assertThat(home.resolve("db").resolve("postmaster.pid")).exists();

        // when
        send(child, "exit");
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child exited").isTrue();

        // then
        assertThat(child.exitValue()).isZero();
        assertThat(home.resolve("db").resolve("postmaster.pid")).doesNotExist();
    }

    // ------------------------------------------------------------------ helpers

    private static Connection connect(EmbeddedServer server, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.user());
        properties.setProperty("password", password);
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    private static String queryString(EmbeddedServer server, String sql) throws SQLException {
        try (Connection connection = connect(server, server.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(EmbeddedServer server, String... statements) throws SQLException {
        try (Connection connection = connect(server, server.password()); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Process startChild(Path home) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Path.of("target", "it-homes", home.getFileName() + "-child.log");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                EmbeddedServerChild.class.getName(), home.toString(), TestHomes.BINARIES.toString())
                .redirectError(log.toFile())
                .start();
    }

    private static String readLine(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("first line of the child process").isNotNull().startsWith("PORT ");
        return line;
    }

    private static void send(Process child, String command) throws IOException {
        OutputStream in = child.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static void closeChild(Process child) throws Exception {
        send(child, "close");
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child exited").isTrue();
        assertThat(child.exitValue()).isZero();
    }
}
