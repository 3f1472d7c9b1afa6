package com.midicenter.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.persistence.testing.TestHomes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's security guarantees (SPEC §5), on one fresh home: it listens on 127.0.0.1 only (any other
 * address of this machine is refused), every connection needs the generated password (long, random, in no process's
 * command line or environment and in no log), and the data folder, the password file and the server log are the
 * user's alone — on the fresh home and again after a restart that finds them opened up.
 */
class EmbeddedServerSecurityIT {

    private static Path home;
    private static EmbeddedServer server;

    @BeforeAll
    static void startFreshServer() {
        home = TestHomes.newHome("security");
        server = EmbeddedServer.start(home, TestHomes.settings());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listen_everyAddressButLoopback_isRefused() throws Exception {
        // given: 127.0.0.2 (loopback, but not the address the server binds) and every non-loopback address here
        List<InetAddress> others = new ArrayList<>();
        others.add(InetAddress.getByName("127.0.0.2"));
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && !(address instanceof Inet6Address v6 && v6.isLinkLocalAddress())) {
                    others.add(address);
                }
            }
        }

        // when
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (InetAddress address : others) {
            outcomes.put(address.getHostAddress(), tryConnect(address, server.port()));
        }

        // then
        assertThat(queryString("SHOW listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(tryConnect(InetAddress.getByName("127.0.0.1"), server.port())).isEqualTo("accepted");
        assertThat(outcomes).isNotEmpty().allSatisfy((address, outcome) -> assertThat(outcome).as(address).isEqualTo("refused"));
        System.err.println("EmbeddedServerSecurityIT: connections refused on " + outcomes.keySet() + ", port " + server.port());
    }

    @Test
    void connect_wrongOrNoPassword_isRefused() {
        // given
        Properties noPassword = new Properties();
        noPassword.setProperty("user", server.user());

        // when / then
        assertThatThrownBy(() -> connect(server.password().substring(1)).close())
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
        assertThatThrownBy(() -> connect("").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), noPassword).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("SCRAM");
    }

    @Test
    void password_generated_isLongRandomAndStoredAsScramOnly() throws Exception {
        // given
        String password = server.password();
        Path other = TestHomes.newHome("security-other");
        String otherPassword;
        try (EmbeddedServer second = EmbeddedServer.start(other, TestHomes.settings())) {
            otherPassword = second.password();
        }

        // when
        String stored = queryString("SELECT rolpassword FROM pg_authid WHERE rolname = current_user");

        // then: 32 random bytes, base64url: 256 bits, different for every home; the server keeps only a SCRAM verifier
        assertThat(password).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(otherPassword).hasSize(43).isNotEqualTo(password);
        assertThat(password.chars().distinct().count()).isGreaterThan(15);
        assertThat(stored).startsWith("SCRAM-SHA-256$").doesNotContain(password);
    }

    @Test
    void password_inNoCommandLineEnvironmentOrLog() throws Exception {
        // given: a refused login with a wrong password that contains the real one (it would show if attempts were logged)
        assertThatThrownBy(() -> connect(server.password() + "-wrong").close()).isInstanceOf(SQLException.class);
        long postmaster = PostmasterPid.read(server.dataDirectory()).orElseThrow().pid();
        List<Long> serverProcesses = new ArrayList<>();
        serverProcesses.add(postmaster);
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(p -> serverProcesses.add(p.pid()));
        Thread.sleep(300); // the log line of the refused login

        // when
        List<String> leaks = new ArrayList<>();
        byte[] secret = server.password().getBytes(StandardCharsets.US_ASCII);
        int processesRead = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                byte[] commandLine = readQuietly(proc.resolve("cmdline"));
                if (commandLine == null) {
                    continue; // gone meanwhile
                }
                processesRead++;
                if (contains(commandLine, secret)) {
                    leaks.add("command line of " + proc);
                }
            }
        }
        for (long pid : serverProcesses) {
            byte[] environment = readQuietly(Path.of("/proc", Long.toString(pid), "environ"));
            if (environment != null && contains(environment, secret)) {
                leaks.add("environment of server process " + pid);
            }
        }
        try (var files = Files.list(server.home())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("db.log")).toList()) {
                if (contains(Files.readAllBytes(file), secret)) {
                    leaks.add(file.toString());
                }
            }
        }
        String log = Files.readString(server.home().resolve("db.log"), StandardCharsets.UTF_8);

        // then
        assertThat(processesRead).isGreaterThan(serverProcesses.size());
        assertThat(serverProcesses).hasSizeGreaterThan(1);
        assertThat(log).contains("password authentication failed");
        assertThat(leaks).isEmpty();
    }

    @Test
    void permissions_freshHomeAndAfterRestart_areOwnerOnly() throws Exception {
        // given: the fresh home
        Path real = server.home();
        Map<String, String> fresh = modes(real);

        // when: opened up by someone while the server was stopped, then started again
        Path restartHome = TestHomes.newHome("security-restart");
        EmbeddedServer.start(restartHome, TestHomes.settings()).close();
        Path restartReal = restartHome.toRealPath();
        Files.setPosixFilePermissions(restartReal.resolve("db"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(restartReal.resolve("db-password"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(restartReal.resolve("db.log"), PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, String> restarted;
        try (EmbeddedServer again = EmbeddedServer.start(restartHome, TestHomes.settings())) {
            restarted = modes(again.home());
        }

        // then
        Map<String, String> expected = Map.of("", "rwx------", "db", "rwx------", "db-password", "rw-------",
                "db.log", "rw-------", "db.lock", "rw-------", "db.clients", "rw-------");
        assertThat(fresh).isEqualTo(expected);
        assertThat(restarted).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, String> modes(Path home) throws IOException {
        Map<String, String> modes = new LinkedHashMap<>();
        for (String name : List.of("", "db", "db-password", "db.log", "db.lock", "db.clients")) {
            Path p = name.isEmpty() ? home : home.resolve(name);
            modes.put(name, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        }
        return modes;
    }

    /** "accepted", "refused", or what else happened, connecting a plain TCP socket. */
    private static String tryConnect(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 3000);
            return "accepted";
        } catch (ConnectException e) {
            return "refused";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Connection connect(String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.user());
        properties.setProperty("password", password);
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    private static String queryString(String sql) throws SQLException {
        try (Connection connection = connect(server.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static byte[] readQuietly(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
