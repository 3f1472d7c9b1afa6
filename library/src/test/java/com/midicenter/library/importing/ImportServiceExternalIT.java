package com.midicenter.library.importing;

import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.db.EmbeddedServer;
import com.midicenter.persistence.testing.TestHomes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same import tests against a second, independent PostgreSQL server reached only by JDBC URL, user and
 * password — the way a library on an external server is used.
 */
class ImportServiceExternalIT extends ImportServiceIT {

    private static EmbeddedServer server;
    private static Database external;

    @BeforeAll
    static void startSecondServer() {
        server = EmbeddedServer.start(TestHomes.newHome("external-import"), TestHomes.settings());
        external = Database.external(server.databaseConfig().withPoolSize(4).withPoolName("external-import"));
        external.migrate();
    }

    @AfterAll
    static void stopSecondServer() {
        external.close();
        server.close();
    }

    @Override
    Database library() {
        return external;
    }
}
