package com.midicenter.persistence.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.testing.Rows;
import com.midicenter.persistence.testing.SharedDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocationMapperIT {

    private final Database database = SharedDatabase.get();
    private final Rows rows = new Rows(database.dataSource());

    @BeforeEach
    void emptyTables() {
        SharedDatabase.truncate("content", "location", "file_meta", "analysis_job");
    }

    @Test
    void findByPath_storedAndUnknownPaths_returnsRowOrEmpty() {
        // given
        long content = rows.content(1);
        long id = rows.location(content, "/packs/a.zip!/drums/kick.mid", "/packs/a.zip", 7L, false);

        // when
        Optional<Location> found = database.inTransaction("find", s -> s.getMapper(LocationMapper.class).findByPath("/packs/a.zip!/drums/kick.mid"));
        Optional<Location> unknown = database.inTransaction("find", s -> s.getMapper(LocationMapper.class).findByPath("/nowhere.mid"));

        // then
        assertThat(found).contains(new Location(id, content, "/packs/a.zip!/drums/kick.mid", "kick.mid", "/packs/a.zip", 1234,
                1_700_000_000_000L, "Vendor", "Pack", 7L, 7L, false));
        assertThat(unknown).isEmpty();
    }

    @Test
    void countAndListByContent_duplicatesAndMissing_ignoreMissingAndSortPaths() {
        // given
        long content = rows.content(1);
        rows.location(content, "/music/z.mid");
        rows.location(content, "/music/a.mid");
        rows.location(content, "/gone/m.mid", null, null, true);

        // when
        long count = database.inTransaction("count", s -> s.getMapper(LocationMapper.class).countByContent(content));
        List<String> paths = database.inTransaction("paths", s -> s.getMapper(LocationMapper.class).listPathsOfContent(content));

        // then
        assertThat(count).isEqualTo(2);
        assertThat(paths).containsExactly("/music/a.mid", "/music/z.mid");
    }

    @Test
    void markMissingUnder_prefix_marksOnlyUnseenLocationsUnderIt() {
        // given: run 2 saw /music/100%_x/seen.mid; the others are older
        long content = rows.content(1);
        rows.location(content, "/music/100%_x/seen.mid", null, 2L, false);
        rows.location(content, "/music/100%_x/unseen.mid", null, 1L, false);
        rows.location(content, "/music/100%_x/sub/unseen.mid", null, null, false);
        rows.location(content, "/music/100%ZZx/lookalike.mid", null, 1L, false); // would match if % and _ were wildcards
        rows.location(content, "/music/100%_x2/sibling.mid", null, 1L, false);

        // when
        int marked = database.inTransaction("mark missing", s -> s.getMapper(LocationMapper.class).markMissingUnder("/music/100%_x/", 2L));

        // then
        assertThat(marked).isEqualTo(2);
        List<String> present = database.inTransaction("paths", s -> s.getMapper(LocationMapper.class).listPathsOfContent(content));
        assertThat(present).containsExactly("/music/100%ZZx/lookalike.mid", "/music/100%_x/seen.mid", "/music/100%_x2/sibling.mid");
    }

    @Test
    void markMissingInContainer_archive_marksOnlyItsUnseenMembers() {
        // given
        long content = rows.content(1);
        rows.location(content, "/packs/a.zip!/seen.mid", "/packs/a.zip", 5L, false);
        rows.location(content, "/packs/a.zip!/unseen.mid", "/packs/a.zip", 4L, false);
        rows.location(content, "/packs/b.zip!/other.mid", "/packs/b.zip", 4L, false);

        // when
        int marked = database.inTransaction("mark missing", s -> s.getMapper(LocationMapper.class).markMissingInContainer("/packs/a.zip", 5L));

        // then
        assertThat(marked).isEqualTo(1);
        Optional<Location> unseen = database.inTransaction("find", s -> s.getMapper(LocationMapper.class).findByPath("/packs/a.zip!/unseen.mid"));
        assertThat(unseen).hasValueSatisfying(location -> assertThat(location.missing()).isTrue());
    }
}
