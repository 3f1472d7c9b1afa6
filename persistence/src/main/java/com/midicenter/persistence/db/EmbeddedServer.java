package com.midicenter.persistence.db;

import com.midicenter.persistence.StorageException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL server that keeps its data in {@code <home>/db} across restarts.
 *
 * <h2>Files under the home folder</h2>
 * <pre>
 * db/             the PostgreSQL data folder (0700), created by initdb on first start
 * db-password     the generated password of the database user (0600)
 * db.log          the server log (0600; rotated to db.log.1 at 10 MB, at start)
 * db.lock         held exclusively while a process starts or stops the server
 * db.clients      held shared by every process that uses the server
 * </pre>
 * The PostgreSQL programs themselves are unpacked once per user into {@link Settings#binariesDirectory()}.
 *
 * <h2>Security</h2>
 * The server listens on {@code 127.0.0.1} only, on a free port chosen at start, with no Unix socket. Every
 * connection must authenticate with {@code scram-sha-256}; the password is 32 random bytes generated on first
 * start, handed to {@code initdb} in a file (never on a command line) and never logged. The data folder, the
 * password file and the server log are readable by the user alone, made so again at every start.
 *
 * <h2>Several users of one home</h2>
 * Processes sharing a home share one server: the first starts it, later ones attach to it (the port is read from
 * PostgreSQL's own {@code postmaster.pid}, so it can never be out of date), and the last one to close stops it
 * ({@code pg_ctl stop -m fast}). Within one JVM, {@link #start} on a home that is already open returns another
 * handle on the same server. A server whose starting process died (kill -9) keeps running and is adopted by the
 * next process; a stale {@code postmaster.pid} left by a killed server is cleared and PostgreSQL recovers from
 * its write-ahead log.
 *
 * <h2>Durability</h2>
 * By default {@code synchronous_commit = off}: a commit returns before its WAL record reaches the disk. A crash of
 * PostgreSQL or of the OS can lose the last ~0.6 s of committed transactions (never a part of one: transactions
 * stay atomic, and the database is never corrupted, because {@code fsync} stays on). Everything this program
 * writes in bulk can be redone (an import rescans, an analysis reruns), which is why the trade is worth it;
 * {@link Settings#withSynchronousCommit(boolean)} turns it back on.
 *
 * <p>Thread-safe: {@link #start} and {@link #close} may be called from any thread.
 */
public final class EmbeddedServer implements AutoCloseable {

    /** The database user (a superuser of its own embedded cluster). */
    public static final String USER = "midicenter";
    /** The database the library lives in. */
    public static final String DATABASE = "midicenter";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    /** Open servers of this JVM by real home path. Guarded by itself. */
    private static final Map<Path, Instance> OPEN = new HashMap<>();

    private final Instance instance;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedServer(Instance instance) {
        this.instance = instance;
    }

    /** {@link #start(Path, Settings)} with {@link Settings#defaults()}. */
    public static EmbeddedServer start(Path home) {
        return start(home, Settings.defaults());
    }

    /**
     * Starts the server of {@code home}, or attaches to it if this or another process already runs it. Blocks until
     * the server accepts connections (at most {@link Settings#startTimeout()} plus the time another process needs to
     * finish starting or stopping it).
     *
     * @param home     folder for the data and the password; created (0700) if missing
     * @param settings used only when this call starts the server; an attaching call uses the running server as is
     * @throws StorageException if the server cannot be started or reached
     */
    public static EmbeddedServer start(Path home, Settings settings) {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(settings, "settings");
        synchronized (OPEN) {
            Path realHome;
            try {
                PrivateFiles.createPrivateDirectories(home);
                realHome = home.toRealPath();
            } catch (IOException e) {
                throw new StorageException("start embedded server", "cannot create home folder " + home + ": " + e.getMessage(), e);
            }
            Instance instance = OPEN.get(realHome);
            if (instance == null && !Files.isWritable(realHome)) {
                throw new StorageException("start embedded server", "the data folder " + realHome + " is read-only (or not"
                        + " writable by this user): the library's database writes there; make it writable, or choose another"
                        + " folder with --home or $MIDICENTER_HOME");
            }
            if (instance == null) {
                instance = Instance.open(realHome, settings);
                OPEN.put(realHome, instance);
            }
            instance.handles++;
            return new EmbeddedServer(instance);
        }
    }

    /** The home folder (real path). */
    public Path home() {
        return instance.home;
    }

    /** The PostgreSQL data folder, {@code <home>/db}. */
    public Path dataDirectory() {
        return instance.dataDirectory;
    }

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return instance.port;
    }

    /** JDBC URL of the library database on this server. */
    public String jdbcUrl() {
        return jdbcUrl(instance.port, DATABASE);
    }

    /** The database user, {@value #USER}. */
    public String user() {
        return USER;
    }

    /** The generated password of {@link #user()}. */
    public String password() {
        return instance.password;
    }

    /** True if this process started the server, false if it attached to one another process had started. */
    public boolean startedByThisProcess() {
        return instance.startedHere;
    }

    /** Connection settings for {@link Database}, with the default pool settings. */
    public DatabaseConfig databaseConfig() {
        return DatabaseConfig.of(jdbcUrl(), USER, instance.password);
    }

    /**
     * Releases this handle. When it was the last handle of the last process using the home, the server is stopped
     * with a fast shutdown (open transactions are rolled back, clients disconnected) and this call waits for it.
     * Idempotent.
     *
     * @throws StorageException if stopping the server failed
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (OPEN) {
            if (--instance.handles == 0 && OPEN.remove(instance.home, instance)) {
                instance.release(false);
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedServer[home=" + instance.home + ", port=" + instance.port + "]";
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?sslmode=disable&gssEncMode=disable";
    }

    /** One running (or attached) server of this JVM, shared by all handles on the same home. */
    private static final class Instance {

        private static final int START_ATTEMPTS = 5;
        private static final long LOG_ROTATE_BYTES = 10L * 1024 * 1024;
        /** Our settings, in the data folder, included at the end of postgresql.conf. */
        private static final String CONFIG_FILE = "midicenter.conf";

        final Path home;
        final Path dataDirectory;
        private final Path initDirectory;
        private final Path passwordFile;
        private final Path transitionLockFile;
        private final Path clientsFile;
        private final Path logFile;
        private final Settings settings;
        private final PostgresBinaries binaries;

        int handles;
        int port;
        String password;
        boolean startedHere;
        private FileChannel clientsChannel;
        private FileLock clientsLock;
        private Thread shutdownHook;

        private Instance(Path home, Settings settings) {
            this.home = home;
            this.dataDirectory = home.resolve("db");
            this.initDirectory = home.resolve("db.init");
            this.passwordFile = home.resolve("db-password");
            this.transitionLockFile = home.resolve("db.lock");
            this.clientsFile = home.resolve("db.clients");
            this.logFile = home.resolve("db.log");
            this.settings = settings;
            this.binaries = PostgresBinaries.inCache(settings.binariesDirectory());
        }

        static Instance open(Path home, Settings settings) {
            long startNanos = System.nanoTime();
            Instance instance = new Instance(home, settings);
            String operation = "start embedded server";
            try (FileChannel transition = PrivateFiles.openPrivate(instance.transitionLockFile);
                 FileLock ignored = transition.lock()) {
                instance.clientsChannel = PrivateFiles.openPrivate(instance.clientsFile);
                instance.clientsLock = instance.clientsChannel.lock(0, Long.MAX_VALUE, true);
                try {
                    instance.startOrAttach();
                } catch (RuntimeException | IOException e) {
                    if (instance.startedHere) {
                        instance.stopAfterFailedStart(e);
                    }
                    instance.clientsChannel.close();
                    throw e;
                }
            } catch (StorageException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new StorageException(operation, "[" + home + "] " + e.getMessage(), e);
            }
            if (settings.registerShutdownHook()) {
                instance.shutdownHook = new Thread(instance::releaseAtExit, "midicenter-pg-shutdown");
                Runtime.getRuntime().addShutdownHook(instance.shutdownHook);
            }
            LOG.info("[{}] embedded PostgreSQL {} on 127.0.0.1:{} in {} ms", home,
                    instance.startedHere ? "started" : "attached", instance.port, (System.nanoTime() - startNanos) / 1_000_000);
            return instance;
        }

        private void startOrAttach() throws IOException {
            password = readOrCreatePassword();
            for (int attempt = 1; ; attempt++) {
                Optional<PostmasterPid> running = findRunningPostmaster();
                if (running.isPresent()) {
                    OptionalInt ready = awaitReady();
                    if (ready.isPresent()) {
                        port = ready.getAsInt();
                        startedHere = false;
                        break;
                    }
                    // it was stopping: a process killed while it stopped the server (kill -9 ends its hold on
                    // db.lock, its pg_ctl goes on) let us in before the server was down; start it again
                    if (attempt == START_ATTEMPTS) {
                        throw new StorageException("attach to embedded server", "the running server of " + home
                                + " went away " + attempt + " times while this process attached to it");
                    }
                    LOG.info("[{}] the server stopped while this process attached to it; starting it again", home);
                    continue;
                }
                boolean initialised = initialiseIfNeeded();
                port = startPostmaster();
                startedHere = true;
                LOG.debug("[{}] postmaster up (fresh data folder: {})", home, initialised);
                break;
            }
            ensureDatabase();
        }

        // ----------------------------------------------------------------- password

        private String readOrCreatePassword() throws IOException {
            if (Files.exists(passwordFile)) {
                if (PrivateFiles.isPosix() && !Files.getPosixFilePermissions(passwordFile).equals(PrivateFiles.OWNER_ONLY_FILE)) {
                    LOG.warn("[{}] {} was readable by others; restricting it to the owner", home, passwordFile);
                    Files.setPosixFilePermissions(passwordFile, PrivateFiles.OWNER_ONLY_FILE);
                }
                String stored = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
                if (stored.isEmpty()) {
                    throw new StorageException("start embedded server", "the password file is empty: " + passwordFile);
                }
                return stored;
            }
            if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
                throw new StorageException("start embedded server", "the data folder " + dataDirectory
                        + " exists but its password file " + passwordFile + " is missing; restore the file, or delete the"
                        + " data folder to start with an empty library");
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            PrivateFiles.writePrivateAtomically(passwordFile, generated + "\n");
            return generated;
        }

        // ----------------------------------------------------------------- finding a running server

        /**
         * A live postmaster on our data folder, if any. A lock file whose pid is gone is left for PostgreSQL, which
         * removes it itself; one whose pid now belongs to another program is deleted, since PostgreSQL would refuse
         * to start over it.
         */
        private Optional<PostmasterPid> findRunningPostmaster() throws IOException {
            Path pidFile = dataDirectory.resolve(PostmasterPid.FILE_NAME);
            Optional<PostmasterPid> pid = PostmasterPid.read(dataDirectory);
            if (pid.isEmpty() && Files.exists(pidFile)) {
                sleep(Duration.ofMillis(500)); // maybe a postmaster is writing it right now
                pid = PostmasterPid.read(dataDirectory);
                if (pid.isEmpty()) {
                    LOG.warn("[{}] removing unreadable {}", home, pidFile);
                    Files.deleteIfExists(pidFile);
                    return Optional.empty();
                }
            }
            if (pid.isEmpty()) {
                return Optional.empty();
            }
            if (pid.get().isLivePostmasterOf(dataDirectory)) {
                return pid;
            }
            if (ProcessHandle.of(pid.get().pid()).isPresent()) {
                LOG.warn("[{}] {} names pid {}, which is not our PostgreSQL; removing the stale lock file", home, pidFile, pid.get().pid());
                Files.deleteIfExists(pidFile);
            } else {
                LOG.info("[{}] the server was not stopped cleanly last time (pid {} is gone); PostgreSQL will recover", home, pid.get().pid());
            }
            return Optional.empty();
        }

        /** Waits until the running postmaster is ready and returns its port; empty when it went away meanwhile. */
        private OptionalInt awaitReady() {
            long deadline = System.nanoTime() + settings.startTimeout().toNanos();
            while (true) {
                Optional<PostmasterPid> pid = PostmasterPid.read(dataDirectory);
                if (pid.isEmpty() || !pid.get().isLivePostmasterOf(dataDirectory)) {
                    return OptionalInt.empty();
                }
                if (pid.get().ready() && pid.get().port() > 0) {
                    return OptionalInt.of(pid.get().port());
                }
                if (System.nanoTime() > deadline) {
                    throw new StorageException("attach to embedded server", "the server of " + home + " did not become ready within "
                            + settings.startTimeout().toSeconds() + " s (status '" + pid.get().status() + "')");
                }
                sleep(Duration.ofMillis(100));
            }
        }

        // ----------------------------------------------------------------- first start

        /** Runs initdb if the data folder does not exist yet. Returns true if it did. */
        private boolean initialiseIfNeeded() throws IOException {
            if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
                PrivateFiles.restrictDirectory(dataDirectory);
                return false;
            }
            if (Files.exists(dataDirectory)) {
                try (var entries = Files.list(dataDirectory)) {
                    if (entries.findAny().isPresent()) {
                        throw new StorageException("initialise embedded server", dataDirectory
                                + " exists but is not a PostgreSQL data folder; move it away");
                    }
                }
                Files.delete(dataDirectory);
            }
            if (Files.exists(initDirectory)) {
                LOG.info("[{}] removing {} left by an interrupted first start", home, initDirectory);
                PrivateFiles.deleteRecursively(initDirectory);
            }
            long startNanos = System.nanoTime();
            run("initialise embedded server", "initdb", List.of(
                    "-D", initDirectory.toString(),
                    "-U", USER,
                    "--pwfile=" + passwordFile,
                    "--auth-host=scram-sha-256",
                    "--auth-local=scram-sha-256",
                    "-E", "UTF8",
                    "--locale=C",
                    "--no-instructions"), Duration.ofMinutes(5));
            PrivateFiles.writePrivateAtomically(initDirectory.resolve("pg_hba.conf"), """
                    # Written by MIDI Software Center. Loopback TCP only, always with a password.
                    # TYPE  DATABASE  USER  ADDRESS       METHOD
                    local   all       all                 scram-sha-256
                    host    all       all   127.0.0.1/32  scram-sha-256
                    """);
            Files.writeString(initDirectory.resolve("postgresql.conf"),
                    "\n# MIDI Software Center settings, rewritten before every start:\ninclude_if_exists = '" + CONFIG_FILE + "'\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.move(initDirectory, dataDirectory, StandardCopyOption.ATOMIC_MOVE);
            PrivateFiles.restrictDirectory(dataDirectory);
            LOG.info("[{}] initialised a new data folder in {} ms", home, (System.nanoTime() - startNanos) / 1_000_000);
            return true;
        }

        // ----------------------------------------------------------------- start and stop

        /** Starts the postmaster on a free port, retrying when the port was taken meanwhile. Returns the port. */
        private int startPostmaster() throws IOException {
            for (int attempt = 1; ; attempt++) {
                int candidate = freeLoopbackPort();
                PrivateFiles.writePrivateAtomically(dataDirectory.resolve(CONFIG_FILE), serverConfig(candidate));
                rotateLog();
                // the log can hold statements with their parameters (slow ones): the user's alone, like the data
                PrivateFiles.restrictFile(logFile);
                long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
                long timeoutSeconds = Math.max(1, settings.startTimeout().toSeconds());
                ToolResult result = runTool("pg_ctl", List.of("start", "-D", dataDirectory.toString(), "-w", "-s",
                        "-t", Long.toString(timeoutSeconds), "-l", logFile.toString()), settings.startTimeout().plusSeconds(10));
                if (result.exitCode() == 0) {
                    return candidate;
                }
                String log = readFrom(logFile, logOffset);
                boolean transientFailure = log.contains("could not bind") || log.contains("Address already in use")
                        || log.contains("is still in use") || log.contains("already exists");
                if (log.contains("No space left on device")) {
                    throw new StorageException("start embedded server", "the disk holding the data folder " + dataDirectory
                            + " is full (No space left on device): free some space there, then run again (full log: "
                            + logFile + ")");
                }
                if (!transientFailure || attempt == START_ATTEMPTS) {
                    throw new StorageException("start embedded server", "pg_ctl exited with " + result.exitCode() + ": "
                            + result.output().strip() + "\n" + lastLines(log, 15) + "(full log: " + logFile + ")");
                }
                LOG.info("[{}] start attempt {} failed ({}); retrying", home, attempt, lastLines(log, 1).strip());
                sleep(Duration.ofMillis(500));
            }
        }

        private String serverConfig(int serverPort) {
            return String.join("\n",
                    "# Written by MIDI Software Center before every start of the embedded server; edits here are lost.",
                    "# Lasting changes belong in postgresql.auto.conf (ALTER SYSTEM), which is read after this file.",
                    "listen_addresses = '127.0.0.1'",
                    "port = " + serverPort,
                    "unix_socket_directories = ''",
                    "max_connections = " + settings.maxConnections(),
                    "password_encryption = 'scram-sha-256'",
                    "shared_buffers = '" + settings.sharedBuffersMb() + "MB'",
                    "work_mem = '" + settings.workMemMb() + "MB'",
                    "maintenance_work_mem = '256MB'",
                    "effective_cache_size = '4GB'",
                    "random_page_cost = 1.1",
                    "# short queries dominate; JIT compilation would only add latency",
                    "jit = off",
                    "# 2 cores and many concurrent searchers: one helper per query at most",
                    "max_parallel_workers_per_gather = 1",
                    "synchronous_commit = " + (settings.synchronousCommit() ? "on" : "off"),
                    "# no replicas of a desktop library: minimal WAL, and COPY into a table created in the same",
                    "# transaction skips WAL entirely",
                    "wal_level = minimal",
                    "max_wal_senders = 0",
                    "max_wal_size = '2GB'",
                    "min_wal_size = '256MB'",
                    "checkpoint_timeout = '15min'",
                    "timezone = 'UTC'",
                    "log_timezone = 'UTC'",
                    "lc_messages = 'C'",
                    "log_min_duration_statement = '1s'",
                    "log_checkpoints = off",
                    "");
        }

        /** Creates the library database if it is missing (also proves the password works). */
        private void ensureDatabase() {
            String operation = "prepare library database";
            long deadline = System.nanoTime() + settings.startTimeout().toNanos();
            while (true) {
                // Bootstrap statements run before MyBatis exists; constant SQL, no user input.
                try (Connection connection = connect(port, "postgres", password)) {
                    boolean exists;
                    try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                        query.setString(1, DATABASE);
                        try (ResultSet rows = query.executeQuery()) {
                            exists = rows.next();
                        }
                    }
                    if (!exists) {
                        try (Statement create = connection.createStatement()) {
                            create.execute("CREATE DATABASE " + DATABASE);
                        }
                        LOG.info("[{}] created database {}", home, DATABASE);
                    }
                    return;
                } catch (SQLException e) {
                    boolean starting = "57P03".equals(e.getSQLState()); // cannot_connect_now: still starting up
                    if (!starting || System.nanoTime() > deadline) {
                        throw new StorageException(operation, "[" + home + "] " + e.getMessage(), e);
                    }
                    sleep(Duration.ofMillis(100));
                }
            }
        }

        /** Called with {@code OPEN} held, once, by the last handle of this JVM or by the shutdown hook. */
        void release(boolean atExit) {
            if (!atExit && shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to; it will find this instance gone from OPEN
                }
            }
            try (FileChannel transition = PrivateFiles.openPrivate(transitionLockFile);
                 FileLock ignored = transition.lock()) {
                clientsLock.release();
                FileLock lastUser = clientsChannel.tryLock(0, Long.MAX_VALUE, false);
                if (lastUser == null) {
                    LOG.info("[{}] leaving the server running: other processes still use it", home);
                    return;
                }
                try {
                    stopIfRunning();
                } finally {
                    lastUser.release();
                }
            } catch (IOException e) {
                throw new StorageException("stop embedded server", "[" + home + "] " + e.getMessage(), e);
            } finally {
                try {
                    clientsChannel.close();
                } catch (IOException e) {
                    LOG.debug("[{}] closing {} failed", home, clientsFile, e);
                }
            }
        }

        private void releaseAtExit() {
            synchronized (OPEN) {
                if (!OPEN.remove(home, this)) {
                    return;
                }
                try {
                    release(true);
                } catch (RuntimeException e) {
                    LOG.warn("[{}] stopping the embedded server at exit failed", home, e);
                }
            }
        }

        /** Nobody else can be using a server this process just started: stop it rather than leave it orphaned. */
        private void stopAfterFailedStart(Exception failure) {
            try {
                stopIfRunning();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }

        private void stopIfRunning() {
            Optional<PostmasterPid> pid = PostmasterPid.read(dataDirectory);
            if (pid.isEmpty() || !pid.get().isLivePostmasterOf(dataDirectory)) {
                LOG.info("[{}] the server is not running; nothing to stop", home);
                return;
            }
            long startNanos = System.nanoTime();
            run("stop embedded server", "pg_ctl", List.of("stop", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-s", "-t", "60"),
                    Duration.ofSeconds(70));
            LOG.info("[{}] embedded PostgreSQL stopped in {} ms", home, (System.nanoTime() - startNanos) / 1_000_000);
        }

        // ----------------------------------------------------------------- helpers

        private void run(String operation, String program, List<String> arguments, Duration timeout) {
            ToolResult result = runTool(program, arguments, timeout);
            if (result.exitCode() != 0) {
                throw new StorageException(operation, program + " exited with " + result.exitCode() + ": " + result.output().strip());
            }
        }

        private ToolResult runTool(String program, List<String> arguments, Duration timeout) {
            String operation = "run " + program;
            Path output = null;
            try {
                output = Files.createTempFile(home, "pg-tool-", ".out");
                ProcessBuilder builder = new ProcessBuilder(binaries.command(program, arguments))
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .directory(home.toFile());
                Map<String, String> environment = builder.environment();
                environment.keySet().removeIf(name -> name.startsWith("PG")); // PGDATA, PGPORT, PGOPTIONS... must not leak in
                environment.put("LC_ALL", "C");
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new StorageException(operation, program + " did not finish within " + timeout.toSeconds() + " s");
                }
                return new ToolResult(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new StorageException(operation, e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException(operation, "interrupted while waiting for " + program, e);
            } finally {
                if (output != null) {
                    try {
                        Files.deleteIfExists(output);
                    } catch (IOException e) {
                        LOG.debug("[{}] cannot delete {}", home, output, e);
                    }
                }
            }
        }

        private void rotateLog() throws IOException {
            if (Files.exists(logFile) && Files.size(logFile) > LOG_ROTATE_BYTES) {
                Files.move(logFile, home.resolve("db.log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private static int freeLoopbackPort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                return socket.getLocalPort();
            }
        }

        private static String readFrom(Path file, long offset) throws IOException {
            if (!Files.exists(file)) {
                return "";
            }
            byte[] all = Files.readAllBytes(file);
            int from = (int) Math.min(offset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        }

        private static String lastLines(String text, int count) {
            String[] lines = text.split("\n");
            StringBuilder tail = new StringBuilder();
            for (int i = Math.max(0, lines.length - count); i < lines.length; i++) {
                tail.append(lines[i]).append('\n');
            }
            return tail.toString();
        }
    }

    private record ToolResult(int exitCode, String output) {
    }

    static Connection connect(int port, String database, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "midicenter-embedded");
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl(port, database), properties);
        if (connection == null) {
            throw new SQLException("PgJDBC did not accept the URL " + jdbcUrl(port, database));
        }
        return connection;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("wait for embedded server", "interrupted", e);
        }
    }

    /**
     * How to start a new server. Validated on construction; immutable.
     *
     * @param binariesDirectory    where PostgreSQL is unpacked (shared by all homes of this user)
     * @param maxConnections       {@code max_connections}, 10..1000; leave room for every process' pool plus a few
     * @param sharedBuffersMb      {@code shared_buffers} in MiB, 16..65536
     * @param workMemMb            {@code work_mem} in MiB per sort/hash node, 1..4096
     * @param synchronousCommit    {@code synchronous_commit}; see the class comment on durability
     * @param startTimeout         how long to wait for the server to accept connections (crash recovery can take a while)
     * @param registerShutdownHook stop the server (if last user) when the JVM exits without {@link #close()}
     */
    public record Settings(Path binariesDirectory, int maxConnections, int sharedBuffersMb, int workMemMb,
                           boolean synchronousCommit, Duration startTimeout, boolean registerShutdownHook) {

        public Settings {
            Objects.requireNonNull(binariesDirectory, "binariesDirectory");
            Objects.requireNonNull(startTimeout, "startTimeout");
            if (maxConnections < 10 || maxConnections > 1000) {
                throw new IllegalArgumentException("maxConnections must be 10..1000: maxConnections=" + maxConnections);
            }
            if (sharedBuffersMb < 16 || sharedBuffersMb > 65536) {
                throw new IllegalArgumentException("sharedBuffersMb must be 16..65536: sharedBuffersMb=" + sharedBuffersMb);
            }
            if (workMemMb < 1 || workMemMb > 4096) {
                throw new IllegalArgumentException("workMemMb must be 1..4096: workMemMb=" + workMemMb);
            }
            if (startTimeout.isNegative() || startTimeout.isZero() || startTimeout.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("startTimeout must be >0 and <=1h: startTimeout=" + startTimeout);
            }
        }

        /**
         * Tuned for a 2-core desktop with plenty of memory that also runs a DAW: 60 connections, 256 MiB shared
         * buffers, 16 MiB work_mem, asynchronous commit, 2 minutes to start, a shutdown hook.
         */
        public static Settings defaults() {
            return new Settings(defaultBinariesDirectory(), 60, 256, 16, false, Duration.ofMinutes(2), true);
        }

        /**
         * The per-user cache folder: {@code $XDG_CACHE_HOME} or {@code ~/.cache} on Linux,
         * {@code ~/Library/Caches} on macOS, {@code %LOCALAPPDATA%} on Windows; then {@code midicenter/postgresql}.
         */
        public static Path defaultBinariesDirectory() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            Path userHome = Path.of(System.getProperty("user.home"));
            Path cache;
            if (os.startsWith("windows")) {
                String local = System.getenv("LOCALAPPDATA");
                cache = local != null ? Path.of(local) : userHome.resolve("AppData").resolve("Local");
            } else if (os.startsWith("mac")) {
                cache = userHome.resolve("Library").resolve("Caches");
            } else {
                String xdg = System.getenv("XDG_CACHE_HOME");
                cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".cache");
            }
            return cache.resolve("midicenter").resolve("postgresql");
        }

        public Settings withBinariesDirectory(Path directory) {
            return new Settings(directory, maxConnections, sharedBuffersMb, workMemMb, synchronousCommit, startTimeout, registerShutdownHook);
        }

        public Settings withMaxConnections(int connections) {
            return new Settings(binariesDirectory, connections, sharedBuffersMb, workMemMb, synchronousCommit, startTimeout, registerShutdownHook);
        }

        public Settings withSharedBuffersMb(int megabytes) {
            return new Settings(binariesDirectory, maxConnections, megabytes, workMemMb, synchronousCommit, startTimeout, registerShutdownHook);
        }

        public Settings withWorkMemMb(int megabytes) {
            return new Settings(binariesDirectory, maxConnections, sharedBuffersMb, megabytes, synchronousCommit, startTimeout, registerShutdownHook);
        }

        public Settings withSynchronousCommit(boolean on) {
            return new Settings(binariesDirectory, maxConnections, sharedBuffersMb, workMemMb, on, startTimeout, registerShutdownHook);
        }

        public Settings withStartTimeout(Duration timeout) {
            return new Settings(binariesDirectory, maxConnections, sharedBuffersMb, workMemMb, synchronousCommit, timeout, registerShutdownHook);
        }

        public Settings withRegisterShutdownHook(boolean register) {
            return new Settings(binariesDirectory, maxConnections, sharedBuffersMb, workMemMb, synchronousCommit, startTimeout, register);
        }
    }
}
