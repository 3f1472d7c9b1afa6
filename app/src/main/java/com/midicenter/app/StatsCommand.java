package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.persistence.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.StringWriter;
import java.util.concurrent.Callable;

/** {@code midicenter stats}: size and health of the library. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Library size, duplicates, import errors, analysis coverage, database size; tempo sources, tempos,"
            + " meters, keys and instruments of the analysed files.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--json", description = "print the statistics as JSON on stdout")
    boolean json;

    @Override
    public Integer call() throws IOException {
        try (Database db = database.open()) {
            db.migrate();
            LibrarySnapshot snapshot = LibrarySnapshot.of(db);
            if (json) {
                StringWriter w = new StringWriter();
                try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
                    g.writeStartObject();
                    g.writeStringField("library", database.describe());
                    snapshot.writeFields(g);
                    g.writeEndObject();
                }
                System.out.println(w);
            } else {
                snapshot.print(System.out, database.describe());
            }
        }
        return 0;
    }
}
