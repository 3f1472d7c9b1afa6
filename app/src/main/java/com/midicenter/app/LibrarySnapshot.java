package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.mapper.LibraryStats;
import com.midicenter.persistence.mapper.StatsMapper;
import com.midicenter.persistence.mapper.ValueCount;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Library-wide figures and distributions, read in one transaction; printed by {@code stats} and {@code demo}. */
record LibrarySnapshot(LibraryStats stats, List<ValueCount> bpmSources, List<ValueCount> meters, List<ValueCount> keys,
                       List<ValueCount> bpmRanges, List<ValueCount> instruments) {

    static LibrarySnapshot of(Database db) {
        return db.inTransaction("stats", session -> {
            StatsMapper mapper = session.getMapper(StatsMapper.class);
            return new LibrarySnapshot(mapper.libraryStats(), mapper.countByBpmSource(), mapper.countByMeter(),
                    mapper.countByKey(), mapper.countByBpmRange(), mapper.countByInstrument());
        });
    }

    void writeFields(JsonGenerator g) throws IOException {
        LibraryStats st = stats;
        g.writeNumberField("files", st.files());
        g.writeNumberField("locations", st.locations());
        g.writeNumberField("duplicates", st.duplicates());
        g.writeNumberField("errors", st.importErrors());
        g.writeNumberField("analysis_jobs", st.analysisJobs());
        g.writeNumberField("analysed", st.analysisDone());
        g.writeNumberField("analysis_failed", st.analysisFailed());
        g.writeNumberField("analysed_share", Math.round(st.analysedShare() * 10000) / 10000.0);
        g.writeNumberField("database_bytes", st.databaseSizeBytes());
        counts(g, "bpm_sources", bpmSources);
        counts(g, "meters", meters);
        counts(g, "keys", keys);
        counts(g, "bpm_ranges", bpmRanges);
        counts(g, "instruments", instruments);
    }

    void print(PrintStream out, String library) {
        LibraryStats st = stats;
        out.printf(Locale.ROOT, "library        %s%n", library);
        out.printf(Locale.ROOT, "files          %,d distinct (%,d paths, %,d duplicates)%n", st.files(), st.locations(),
                st.duplicates());
        out.printf(Locale.ROOT, "import errors  %,d%n", st.importErrors());
        out.printf(Locale.ROOT, "analysed       %.1f %% (%,d of %,d, %,d failed)%n", st.analysedShare() * 100,
                st.analysisDone(), st.analysisJobs(), st.analysisFailed());
        out.printf(Locale.ROOT, "database       %,.1f MB%n", st.databaseSizeBytes() / 1e6);
        out.println("tempo from     " + join(bpmSources, 8));
        out.println("tempos         " + join(bpmRanges, 16));
        out.println("meters         " + join(meters, 8));
        out.println("keys           " + join(keys, 12));
        out.println("instruments    " + join(instruments, 13));
    }

    private static String join(List<ValueCount> counts, int limit) {
        String shown = counts.stream().limit(limit)
                .map(c -> (c.value() == null ? "unknown" : c.value()) + " (" + c.count() + ")")
                .collect(Collectors.joining(", "));
        return counts.size() > limit ? shown + ", ..." : shown;
    }

    private static void counts(JsonGenerator g, String name, List<ValueCount> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (ValueCount c : counts) {
            g.writeNumberField(c.value() == null ? "unknown" : c.value(), c.count());
        }
        g.writeEndObject();
    }
}
