package com.midicenter.persistence.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.testing.Rows;
import com.midicenter.persistence.testing.SharedDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatsMapperIT {

    private final Database database = SharedDatabase.get();
    private final Rows rows = new Rows(database.dataSource());

    @BeforeEach
    void emptyTables() {
        SharedDatabase.truncate("content", "location", "file_meta", "analysis_job", "import_error");
    }

    @Test
    void libraryStats_emptyLibrary_isAllZero() {
        // when
        LibraryStats stats = database.inTransaction("stats", s -> s.getMapper(StatsMapper.class).libraryStats());

        // then
        assertThat(stats.files()).isZero();
        assertThat(stats.locations()).isZero();
        assertThat(stats.duplicates()).isZero();
        assertThat(stats.analysedShare()).isZero();
        assertThat(stats.databaseSizeBytes()).isPositive();
    }

    @Test
    void libraryStats_rowsOfEveryKind_countsPresentDuplicatesErrorsAndAnalysis() {
        // given: content a at two present paths, b at one present and one missing, c only missing
        long a = rows.content(1);
        long b = rows.content(2);
        long c = rows.content(3);
        rows.location(a, "/music/a.mid");
        rows.location(a, "/music/copy/a.mid");
        rows.location(b, "/music/b.mid");
        rows.location(b, "/gone/b.mid", null, null, true);
        rows.location(c, "/gone/c.mid", null, null, true);
        rows.importError("/music/bad1.mid");
        rows.importError("/music/bad2.mid");
        rows.analysisJob(a, "done");
        rows.analysisJob(b, "done");
        rows.analysisJob(c, "failed");

        // when
        LibraryStats stats = database.inTransaction("stats", s -> s.getMapper(StatsMapper.class).libraryStats());

        // then
        assertThat(stats.files()).isEqualTo(3);
        assertThat(stats.locations()).isEqualTo(3);
        assertThat(stats.duplicates()).isEqualTo(1);
        assertThat(stats.importErrors()).isEqualTo(2);
        assertThat(stats.analysisJobs()).isEqualTo(3);
        assertThat(stats.analysisDone()).isEqualTo(2);
        assertThat(stats.analysisFailed()).isEqualTo(1);
        assertThat(stats.analysedShare()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(stats.databaseSizeBytes()).isGreaterThan(1_000_000);
    }

    @Test
    void countByBpmSourceAndMeter_analysedFiles_mostFrequentFirstWithNulls() {
        // given
        long[] ids = {rows.content(1), rows.content(2), rows.content(3), rows.content(4)};
        rows.fileMeta(ids[0], "meta", "4/4");
        rows.fileMeta(ids[1], "meta", "4/4");
        rows.fileMeta(ids[2], "filename", "6/8");
        rows.fileMeta(ids[3], null, null);

        // when
        List<ValueCount> bySource = database.inTransaction("stats", s -> s.getMapper(StatsMapper.class).countByBpmSource());
        List<ValueCount> byMeter = database.inTransaction("stats", s -> s.getMapper(StatsMapper.class).countByMeter());

        // then
        assertThat(bySource).containsExactly(new ValueCount("meta", 2), new ValueCount("filename", 1), new ValueCount(null, 1));
        assertThat(byMeter).containsExactly(new ValueCount("4/4", 2), new ValueCount("6/8", 1), new ValueCount(null, 1));
    }

    @Test
    void keyBpmAndInstrumentCounts_onlyAnalysedFiles_groupedAndOrdered() {
        // given: three analysed files and one that is not
        long[] ids = {rows.content(1), rows.content(2), rows.content(3), rows.content(4)};
        for (long id : ids) {
            rows.fileMeta(id, "meta", "4/4");
        }
        rows.update("UPDATE file_meta SET analyzer_version = 1, key = 'Am', bpm = 124, instruments = '{bass,keys}'"
                + " WHERE content_id = " + ids[0]);
        rows.update("UPDATE file_meta SET analyzer_version = 1, key = 'Am', bpm = 139.9, instruments = '{bass}'"
                + " WHERE content_id = " + ids[1]);
        rows.update("UPDATE file_meta SET analyzer_version = 1, key = NULL, bpm = NULL, instruments = '{drums}'"
                + " WHERE content_id = " + ids[2]);
        rows.update("UPDATE file_meta SET key = 'C', bpm = 90 WHERE content_id = " + ids[3]);

        // when
        List<ValueCount> keys = database.inTransaction("stats", s -> s.getMapper(StatsMapper.class).countByKey());
        List<ValueCount> bpms = database.inTransaction("stats", s -> s.getMapper(StatsMapper.class).countByBpmRange());
        List<ValueCount> instruments = database.inTransaction("stats", s -> s.getMapper(StatsMapper.class).countByInstrument());

        // then
        assertThat(keys).containsExactly(new ValueCount("Am", 2), new ValueCount("none", 1));
        assertThat(bpms).containsExactly(new ValueCount("120-139", 2), new ValueCount("unknown", 1));
        assertThat(instruments).containsExactly(new ValueCount("bass", 2), new ValueCount("drums", 1),
                new ValueCount("keys", 1));
    }

    @Test
    void analysedFiles_keysetPages_presentAnalysedLocationsInPathOrder() {
        // given: a analysed at two paths, b analysed but missing, c not analysed
        long a = rows.content(1);
        long b = rows.content(2);
        long c = rows.content(3);
        rows.location(a, "/m/2.mid");
        rows.location(a, "/m/1.mid");
        rows.location(b, "/m/3.mid", null, null, true);
        rows.location(c, "/m/4.mid");
        for (long id : new long[] {a, b, c}) {
            rows.fileMeta(id, "meta", "4/4");
        }
        rows.update("UPDATE file_meta SET analyzer_version = 1, key = 'F#m', has_drums = true,"
                + " chords_per_bar = '{F#m,D,A,E}' WHERE content_id IN (" + a + ", " + b + ")");

        // when
        List<AnalysedFile> first = database.inTransaction("page", s -> s.getMapper(StatsMapper.class).analysedFiles("", 1));
        List<AnalysedFile> rest = database.inTransaction("page",
                s -> s.getMapper(StatsMapper.class).analysedFiles(first.get(0).path(), 10));

        // then
        assertThat(first).extracting(AnalysedFile::path).containsExactly("/m/1.mid");
        assertThat(rest).extracting(AnalysedFile::path).containsExactly("/m/2.mid");
        AnalysedFile f = first.get(0);
        assertThat(f.key()).isEqualTo("F#m");
        assertThat(f.bpm()).isEqualTo(120.0);
        assertThat(f.meter()).isEqualTo("4/4");
        assertThat(f.hasDrums()).isTrue();
        assertThat(f.chordsPerBar()).containsExactly("F#m", "D", "A", "E");
    }
}
