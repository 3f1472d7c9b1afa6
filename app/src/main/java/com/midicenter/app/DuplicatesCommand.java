package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.library.duplicates.DuplicatesService;
import com.midicenter.library.duplicates.MusicalDuplicate;
import com.midicenter.library.duplicates.MusicalScan;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.duplicates.DuplicateTotals;
import com.midicenter.persistence.duplicates.PathDuplicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code midicenter duplicates}: files at several paths, or musically identical files. */
@Command(name = "duplicates", mixinStandardHelpOptions = true,
        description = {"Lists files found at several paths (same bytes), most wasted space first; with --musical,",
            "files with different bytes that play the same notes (compared after rescaling to 480 PPQ; track names,",
            "meta events and velocities do not matter). --musical reads the candidate files, Ctrl+C stops it; a",
            "complete --musical scan is stored: 'search --hide-duplicates' then shows only the first file of a group."})
final class DuplicatesCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--musical", description = "same notes, different bytes (reads the candidate files)")
    boolean musical;

    @Option(names = "--limit", description = "groups shown at most (default: ${DEFAULT-VALUE})")
    int limit = 50;

    @Option(names = "--offset", description = "groups skipped (paging of the path duplicates)")
    long offset;

    @Option(names = "--json", description = "print the result as JSON on stdout")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (limit < 1 || limit > 10_000 || offset < 0) {
            System.err.println("midicenter duplicates: --limit is 1 to 10000 and --offset at least 0; got " + limit
                    + " and " + offset);
            return 2;
        }
        try (Database db = database.open()) {
            db.migrate();
            DuplicatesService service = new DuplicatesService(db.sqlSessionFactory());
            if (musical) {
                MusicalScan scan;
                try (CancelOnSignal signal = new CancelOnSignal("duplicates");
                     ProgressBar bar = new ProgressBar(System.err, "musical", 0, true)) {
                    scan = service.scanAndStoreMusical(signal.flag(), (read, candidates) -> bar.update(read, candidates,
                            true));
                }
                long hidden = service.hiddenCount(); // the last complete scan's, when this one was cancelled
                List<MusicalDuplicate> shown = scan.groups().subList(0, Math.min(limit, scan.groups().size()));
                System.out.println(json ? musicalJson(scan, shown, hidden) : musicalText(scan, shown, hidden));
                return scan.cancelled() ? 130 : 0;
            }
            List<PathDuplicate> page = service.byPath(limit, offset);
            DuplicateTotals totals = service.byPathTotals();
            System.out.println(json ? pathJson(totals, page) : pathText(totals, page));
            return 0;
        }
    }

    private static String pathText(DuplicateTotals t, List<PathDuplicate> page) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%,d files at several paths: %,d extra copies, %,d bytes wasted", t.contents(), t.extraCopies(),
                t.wastedBytes()));
        for (PathDuplicate d : page) {
            s.append(String.format(Locale.ROOT, "%n%,d paths, %,d bytes each, %,d wasted (content %d)",
                    d.paths().size(), d.sizeBytes(), d.wastedBytes(), d.contentId()));
            d.paths().forEach(p -> s.append(System.lineSeparator()).append("  ").append(p));
        }
        return s.toString();
    }

    private static String musicalText(MusicalScan scan, List<MusicalDuplicate> shown, long hidden) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%s%,d groups of musically identical files (%,d candidates read, %,d unreadable); %s%,d files hidden by"
                        + " search --hide-duplicates (all but the first of each group)",
                scan.cancelled() ? "CANCELLED: " : "", scan.groups().size(), scan.candidates(), scan.unreadable(),
                scan.cancelled() ? "not stored, still " : "stored: ", hidden));
        for (MusicalDuplicate g : shown) {
            s.append(String.format(Locale.ROOT, "%n%d files, notes %s", g.members().size(),
                    g.fingerprint().substring(0, 12)));
            g.members().forEach(m -> s.append(System.lineSeparator()).append("  ").append(m.path()));
        }
        return s.toString();
    }

    private static String pathJson(DuplicateTotals t, List<PathDuplicate> page) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("contents", t.contents());
            g.writeNumberField("extra_copies", t.extraCopies());
            g.writeNumberField("wasted_bytes", t.wastedBytes());
            g.writeArrayFieldStart("duplicates");
            for (PathDuplicate d : page) {
                g.writeStartObject();
                g.writeNumberField("content_id", d.contentId());
                g.writeNumberField("count", d.paths().size());
                g.writeNumberField("size_bytes", d.sizeBytes());
                g.writeNumberField("wasted_bytes", d.wastedBytes());
                g.writeArrayFieldStart("paths");
                for (String p : d.paths()) {
                    g.writeString(p);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w.toString();
    }

    private static String musicalJson(MusicalScan scan, List<MusicalDuplicate> shown, long hidden)
            throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("groups_total", scan.groups().size());
            g.writeNumberField("candidates", scan.candidates());
            g.writeNumberField("unreadable", scan.unreadable());
            g.writeBooleanField("cancelled", scan.cancelled());
            g.writeBooleanField("stored", !scan.cancelled());
            g.writeNumberField("hidden", hidden);
            g.writeArrayFieldStart("groups");
            for (MusicalDuplicate d : shown) {
                g.writeStartObject();
                g.writeStringField("fingerprint", d.fingerprint());
                g.writeArrayFieldStart("files");
                for (MusicalDuplicate.Member m : d.members()) {
                    g.writeStartObject();
                    g.writeNumberField("content_id", m.contentId());
                    g.writeStringField("path", m.path());
                    g.writeNumberField("size_bytes", m.sizeBytes());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w.toString();
    }
}
