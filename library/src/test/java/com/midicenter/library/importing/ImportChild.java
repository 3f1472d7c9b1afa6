package com.midicenter.library.importing;

import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.db.DatabaseConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs one import in its own JVM, so that a test can kill it with SIGKILL. Args: url user password batch root. */
public final class ImportChild {

    private ImportChild() {
    }

    public static void main(String[] args) {
        DatabaseConfig config = DatabaseConfig.of(args[0], args[1], args[2]).withPoolSize(3).withPoolName("import-child");
        try (Database db = Database.external(config)) {
            ImportResult r = new ImportService(db.dataSource(), db.sqlSessionFactory(),
                    ImportOptions.defaults().withBatchSize(Integer.parseInt(args[3])).withThreads(1))
                    .run(List.of(Path.of(args[4])), new AtomicBoolean(), ImportListener.NONE);
            System.out.println("imported " + r.imported());
        }
    }
}
