package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.mapper.LibraryStats;
import com.midicenter.persistence.mapper.StatsMapper;
import com.midicenter.persistence.mapper.ValueCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code midicenter stats}: size and health of the library. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Library size, duplicates, import errors, analysis coverage, database size, tempo sources and meters.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--json", description = "print the statistics as JSON on stdout")
    boolean json;

    @Override
    public Integer call() throws IOException {
        try (Database db = database.open()) {
            db.migrate();
            record Snapshot(LibraryStats stats, List<ValueCount> bpmSources, List<ValueCount> meters,
                            List<ValueCount> keys, List<ValueCount> bpmRanges, List<ValueCount> instruments) {
            }
            Snapshot s = db.inTransaction("stats", session -> {
                StatsMapper mapper = session.getMapper(StatsMapper.class);
                return new Snapshot(mapper.libraryStats(), mapper.countByBpmSource(), mapper.countByMeter(),
                        mapper.countByKey(), mapper.countByBpmRange(), mapper.countByInstrument());
            });
            LibraryStats st = s.stats();
            if (json) {
                StringWriter w = new StringWriter();
                try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
                    g.writeStartObject();
                    g.writeStringField("library", database.describe());
                    g.writeNumberField("files", st.files());
                    g.writeNumberField("locations", st.locations());
                    g.writeNumberField("duplicates", st.duplicates());
                    g.writeNumberField("errors", st.importErrors());
                    g.writeNumberField("analysis_jobs", st.analysisJobs());
                    g.writeNumberField("analysed", st.analysisDone());
                    g.writeNumberField("analysis_failed", st.analysisFailed());
                    g.writeNumberField("analysed_share", Math.round(st.analysedShare() * 10000) / 10000.0);
                    g.writeNumberField("database_bytes", st.databaseSizeBytes());
                    counts(g, "bpm_sources", s.bpmSources());
                    counts(g, "meters", s.meters());
                    counts(g, "keys", s.keys());
                    counts(g, "bpm_ranges", s.bpmRanges());
                    counts(g, "instruments", s.instruments());
                    g.writeEndObject();
                }
                System.out.println(w);
            } else {
                System.out.printf(Locale.ROOT, "library        %s%n", database.describe());
                System.out.printf(Locale.ROOT, "files          %,d distinct (%,d paths, %,d duplicates)%n", st.files(),
                        st.locations(), st.duplicates());
                System.out.printf(Locale.ROOT, "import errors  %,d%n", st.importErrors());
                System.out.printf(Locale.ROOT, "analysed       %.1f %% (%,d of %,d, %,d failed)%n", st.analysedShare() * 100,
                        st.analysisDone(), st.analysisJobs(), st.analysisFailed());
                System.out.printf(Locale.ROOT, "database       %,.1f MB%n", st.databaseSizeBytes() / 1e6);
                System.out.println("tempo from     " + join(s.bpmSources()));
                System.out.println("meters         " + join(s.meters()));
                System.out.println("keys           " + join(s.keys()));
                System.out.println("tempos         " + join(s.bpmRanges()));
                System.out.println("instruments    " + join(s.instruments()));
            }
        }
        return 0;
    }

    private static String join(List<ValueCount> counts) {
        return counts.stream().map(c -> (c.value() == null ? "unknown" : c.value()) + " (" + c.count() + ")")
                .collect(Collectors.joining(", "));
    }

    private static void counts(JsonGenerator g, String name, List<ValueCount> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (ValueCount c : counts) {
            g.writeNumberField(c.value() == null ? "unknown" : c.value(), c.count());
        }
        g.writeEndObject();
    }
}
