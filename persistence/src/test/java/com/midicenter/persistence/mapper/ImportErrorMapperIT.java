package com.midicenter.persistence.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.testing.SharedDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportErrorMapperIT {

    private final Database database = SharedDatabase.get();

    @BeforeEach
    void emptyTables() {
        SharedDatabase.truncate("import_error", "import_run");
    }

    @Test
    void upsert_samePathTwice_keepsOneRowWithTheLatestFailure() {
        // given
        long runId = database.inTransaction("start", s -> s.getMapper(ImportRunMapper.class).insert(List.of("/music")));
        upsert(new NewImportError(null, "/music/x.mid", "not-midi", "no MThd header", 10L, 1000L));

        // when
        upsert(new NewImportError(runId, "/music/x.mid", "truncated", "track 2 ends early", 20L, 2000L));

        // then
        List<ImportError> errors = database.inTransaction("list", s -> s.getMapper(ImportErrorMapper.class).latest(10));
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.runId()).isEqualTo(runId);
            assertThat(error.kind()).isEqualTo("truncated");
            assertThat(error.reason()).isEqualTo("track 2 ends early");
            assertThat(error.sizeBytes()).isEqualTo(20L);
            assertThat(error.mtimeMs()).isEqualTo(2000L);
            assertThat(error.at()).isNotNull();
        });
    }

    @Test
    void deleteByPath_recordedAndUnknownPaths_deletesOnlyTheRecordedOne() {
        // given
        upsert(new NewImportError(null, "/music/a.mid", "not-midi", "no header", null, null));
        upsert(new NewImportError(null, "/music/b.mid", "not-midi", "no header", null, null));

        // when
        int deleted = database.inTransaction("forget", s -> s.getMapper(ImportErrorMapper.class).deleteByPath("/music/a.mid"));
        int deletedUnknown = database.inTransaction("forget", s -> s.getMapper(ImportErrorMapper.class).deleteByPath("/music/zzz.mid"));

        // then
        assertThat(deleted).isEqualTo(1);
        assertThat(deletedUnknown).isZero();
        long remaining = database.inTransaction("count", s -> s.getMapper(ImportErrorMapper.class).count());
        assertThat(remaining).isEqualTo(1);
    }

    @Test
    void latest_moreErrorsThanLimit_returnsNewestFirst() {
        // given: one transaction each, so each has its own time
        for (int i = 1; i <= 4; i++) {
            upsert(new NewImportError(null, "/music/" + i + ".mid", "empty", "file is empty", 0L, null));
        }

        // when
        List<ImportError> latest = database.inTransaction("list", s -> s.getMapper(ImportErrorMapper.class).latest(2));

        // then
        assertThat(latest).extracting(ImportError::path).containsExactly("/music/4.mid", "/music/3.mid");
        long total = database.inTransaction("count", s -> s.getMapper(ImportErrorMapper.class).count());
        assertThat(total).isEqualTo(4);
    }

    private void upsert(NewImportError error) {
        database.inTransaction("record error", s -> s.getMapper(ImportErrorMapper.class).upsert(error));
    }
}
