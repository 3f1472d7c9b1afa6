package com.midicenter.persistence.testing;

import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.db.DatabaseConfig;
import com.midicenter.persistence.db.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * One embedded server per test JVM, started on first use in a temporary home, its library database migrated. The
 * server stops through its shutdown hook when the JVM exits. Tests clean the tables they use with {@link #truncate}.
 */
public final class SharedDatabase {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static Database database;

    private SharedDatabase() {
    }

    /** The shared, migrated library database. */
    public static synchronized Database get() {
        if (database == null) {
            database = Database.embedded(TestHomes.newHome("shared"), TestHomes.settings(), config -> config.withPoolSize(8));
            database.migrate();
        }
        return database;
    }

    /** The shared server. */
    public static EmbeddedServer server() {
        return get().embeddedServer().orElseThrow();
    }

    /** Empties the tables (and, by CASCADE, those referencing them) and restarts their identities. */
    public static void truncate(String... tables) {
        for (String table : tables) {
            if (!IDENTIFIER.matcher(table).matches()) {
                throw new IllegalArgumentException("not a table name: " + table);
            }
        }
        execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
    }

    /**
     * A new, empty database on the shared server (dropped first if a previous run left it), as an external
     * database config.
     */
    public static DatabaseConfig freshDatabase(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a database name: " + name);
        }
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        execute("CREATE DATABASE " + name);
        EmbeddedServer server = server();
        String url = server.jdbcUrl().replace("/" + EmbeddedServer.DATABASE + "?", "/" + name + "?");
        return DatabaseConfig.of(url, server.user(), server.password()).withPoolSize(2).withPoolName("it-" + name);
    }

    /** Drops a database {@link #freshDatabase} made (closing its connections first); nothing if it is gone. */
    public static void dropDatabase(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a database name: " + name);
        }
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection connection = get().dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
