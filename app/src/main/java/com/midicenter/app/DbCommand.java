package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.db.MigrationStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.StringWriter;
import java.util.concurrent.Callable;

/** {@code midicenter db migrate|status}: schema management. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = {"Schema management: 'migrate' brings the library schema up to date, 'status' shows where it stands.",
            "A schema written by a newer release is refused, never downgraded."})
final class DbCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ACTION", description = "migrate or status")
    String action;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--json", description = "print the status as JSON on stdout")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!action.equals("migrate") && !action.equals("status")) {
            System.err.println("midicenter db: unknown action '" + action + "'; use migrate or status");
            return 2;
        }
        try (Database db = database.open()) {
            MigrationStatus status = action.equals("migrate") ? db.migrate() : db.status();
            if (json) {
                System.out.println(json(status, database.describe()));
            } else {
                System.out.printf("library:  %s%nschema:   version %s (this program knows up to %s), %d pending%s%n",
                        database.describe(), status.currentVersion() == null ? "none" : status.currentVersion(),
                        status.latestKnownVersion(), status.pendingCount(),
                        status.newerThanCode() ? "\nWARNING: the library was upgraded by a newer release; update this program" : "");
            }
            return status.newerThanCode() ? 1 : 0;
        }
    }

    static String json(MigrationStatus s, String library) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("library", library);
            g.writeStringField("current_version", s.currentVersion());
            g.writeStringField("latest_known_version", s.latestKnownVersion());
            g.writeNumberField("pending", s.pendingCount());
            g.writeBooleanField("up_to_date", s.upToDate());
            g.writeBooleanField("newer_than_code", s.newerThanCode());
            g.writeEndObject();
        }
        return w.toString();
    }
}
