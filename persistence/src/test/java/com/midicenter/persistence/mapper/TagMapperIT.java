package com.midicenter.persistence.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.testing.SharedDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TagMapperIT {

    private final Database database = SharedDatabase.get();

    @BeforeEach
    void emptyTables() {
        SharedDatabase.truncate("tag");
    }

    @Test
    void upsert_newAndExistingTags_returnsStableIds() {
        // given
        int house = upsert("genre", "house");
        int techno = upsert("genre", "techno");

        // when
        int houseAgain = upsert("genre", "house");
        int otherCategory = upsert("part", "house");

        // then
        assertThat(houseAgain).isEqualTo(house);
        assertThat(techno).isNotEqualTo(house);
        assertThat(otherCategory).isNotIn(house, techno);
    }

    @Test
    void idsByCategories_severalCategories_mapsOnlyThoseAskedFor() {
        // given
        int house = upsert("genre", "house");
        int bass = upsert("part", "bass");
        upsert("vendor", "Acme Loops");

        // when
        Map<TagKey, Integer> ids = database.inTransaction("load tags",
                s -> s.getMapper(TagMapper.class).idsByCategories(List.of("genre", "part")));

        // then
        assertThat(ids).containsOnly(entry(new TagKey("genre", "house"), house), entry(new TagKey("part", "bass"), bass));
    }

    @Test
    void listByCategories_unknownCategory_isEmpty() {
        // given
        upsert("genre", "house");

        // when
        List<Tag> tags = database.inTransaction("load tags", s -> s.getMapper(TagMapper.class).listByCategories(List.of("mood")));

        // then
        assertThat(tags).isEmpty();
    }

    private int upsert(String category, String name) {
        return database.inTransaction("upsert tag", s -> s.getMapper(TagMapper.class).upsert(category, name));
    }
}
