package com.midicenter.app;

import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.db.DatabaseConfig;
import com.midicenter.persistence.db.EmbeddedServer;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every database command takes: the embedded library under {@code --home}, or an external server. */
final class DatabaseOptions {

    @Option(names = "--home", paramLabel = "DIR",
            description = "data folder with the embedded database (default: $MIDICENTER_HOME or the per-user data folder)")
    Path home;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "use an external PostgreSQL server instead, e.g. jdbc:postgresql://host:5432/midicenter")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "user for --db-url (default: ${DEFAULT-VALUE})")
    String dbUser = "postgres";

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = "password for --db-url (default: $MIDICENTER_DB_PASSWORD)")
    String dbPassword;

    @Option(names = "--pool-size", paramLabel = "N", description = "database connections at most (default: by core count)")
    Integer poolSize;

    /** Opens the library database and brings its schema up to date (refusing a newer one). */
    Database open() {
        Database db;
        if (dbUrl != null) {
            String password = dbPassword != null ? dbPassword : System.getenv().getOrDefault("MIDICENTER_DB_PASSWORD", "");
            DatabaseConfig config = DatabaseConfig.of(dbUrl, dbUser, password);
            if (poolSize != null) {
                config = config.withPoolSize(poolSize);
            }
            db = Database.external(config);
        } else if (poolSize != null) {
            int size = poolSize;
            db = Database.embedded(AppHome.resolve(home), EmbeddedServer.Settings.defaults(), c -> c.withPoolSize(size));
        } else {
            db = Database.embedded(AppHome.resolve(home));
        }
        return db;
    }

    /** Where the library lives, for messages. */
    String describe() {
        return dbUrl != null ? dbUrl : AppHome.resolve(home).toString();
    }
}
