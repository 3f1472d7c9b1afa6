package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.library.export.ExportException;
import com.midicenter.library.export.ExportResult;
import com.midicenter.library.export.ExportService;
import com.midicenter.library.search.SearchException;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code midicenter export}: copies the files of a search (or of content ids) to a folder or a zip. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Copies the files of a search (same words and filters as 'search'; every match, --limit and",
            "--after are ignored) or of --id contents to a folder, or to a zip when --to ends in .zip.",
            "Names come from --name: {name} {bpm} {key} {vendor} {pack} {bars} {n}; a missing value is left out.",
            "Nothing is overwritten: a taken name gets ' (2)'. Ctrl+C stops after the current file.",
            "Exit code 0 when every file was copied, 1 when some could not be read."})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    SearchCommand.Query query = new SearchCommand.Query();

    @Mixin
    DatabaseOptions database;

    @Option(names = "--to", required = true, paramLabel = "DIR|FILE.zip", description = "the folder or zip to write")
    Path to;

    @Option(names = "--name", paramLabel = "TEMPLATE", description = "file names, e.g. '{bpm} {key} {name}'"
            + " (default: {name})")
    String template;

    @Option(names = "--id", paramLabel = "CONTENT_ID", description = "export this content instead of a search"
            + " (repeatable)")
    List<Long> ids = new ArrayList<>();

    @Option(names = "--json", description = "print the summary as JSON on stdout")
    boolean json;

    @Override
    public Integer call() throws IOException {
        try (CancelOnSignal signal = new CancelOnSignal("export"); Database db = database.open()) {
            db.migrate();
            ExportResult result;
            AtomicBoolean cancel = signal.flag();
            try (ProgressBar bar = new ProgressBar(System.err, "export", 0, true)) {
                SearchService search = new SearchService(db.sqlSessionFactory());
                ExportService export = new ExportService(db.sqlSessionFactory(), search);
                result = ids.isEmpty()
                        ? export.exportSearch(query.request(SearchCommand.collections(db, search)), to, template, (done, total) -> bar.update(done, total, true),
                                cancel)
                        : export.exportContents(ids, to, template, (done, total) -> bar.update(done, total, true),
                                cancel);
            } catch (SearchException | IllegalArgumentException e) {
                System.err.println("midicenter export: " + e.getMessage());
                return 2;
            } catch (ExportException | com.midicenter.library.curation.CurationException e) {
                System.err.println("midicenter export: " + e.getMessage());
                return 1;
            }
            if (json) {
                System.out.println(json(result));
            } else {
                print(result);
            }
            return result.cancelled() ? 130 : result.failures().isEmpty() ? 0 : 1;
        }
    }

    private static void print(ExportResult r) {
        for (ExportResult.Failure f : r.failures()) {
            System.err.println("midicenter export: cannot read " + f.source() + ": " + f.reason());
        }
        long bytes = r.files().stream().mapToLong(ExportResult.Exported::sizeBytes).sum();
        System.out.printf(Locale.ROOT, "%s%,d files (%,d bytes) exported to %s%s%n", r.cancelled() ? "CANCELLED: " : "",
                r.files().size(), bytes, r.target(), r.failures().isEmpty() ? "" : ", " + r.failures().size()
                        + " could not be read");
    }

    static String json(ExportResult r) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("target", r.target().toString());
            g.writeNumberField("exported", r.files().size());
            g.writeNumberField("failed", r.failures().size());
            g.writeBooleanField("cancelled", r.cancelled());
            g.writeArrayFieldStart("files");
            for (ExportResult.Exported f : r.files()) {
                g.writeStartObject();
                g.writeNumberField("content_id", f.contentId());
                g.writeStringField("source", f.source());
                g.writeStringField("name", f.name());
                g.writeNumberField("size_bytes", f.sizeBytes());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("failures");
            for (ExportResult.Failure f : r.failures()) {
                g.writeStartObject();
                g.writeNumberField("content_id", f.contentId());
                g.writeStringField("source", f.source());
                g.writeStringField("reason", f.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w.toString();
    }
}
