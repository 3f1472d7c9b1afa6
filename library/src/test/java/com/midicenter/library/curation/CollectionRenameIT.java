package com.midicenter.library.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.curation.CollectionRow;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.testing.SharedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renaming collections (what the browser's sidebar offers) against the real embedded database. */
class CollectionRenameIT {

    static CollectionService collections;

    @BeforeAll
    static void emptyCollections() {
        Database db = SharedDatabase.get();
        SharedDatabase.truncate("collection", "collection_item");
        collections = new CollectionService(db.sqlSessionFactory(), new SearchService(db.sqlSessionFactory()));
    }

    @Test
    void rename_manualCollection_keepsItsIdAndKindUnderTheNewName() {
        // given
        CollectionRow before = collections.create("Drafts");

        // when
        CollectionRow after = collections.rename("Drafts", "  Keepers ");

        // then
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.name()).isEqualTo("Keepers");
        assertThat(after.kind()).isEqualTo("manual");
        assertThat(collections.list()).extracting(CollectionRow::name).contains("Keepers").doesNotContain("Drafts");
    }

    @Test
    void rename_smartCollection_keepsItsSearch() {
        // given
        collections.saveSearch("Bass search", SearchRequest.text("bass"));

        // when
        collections.rename("Bass search", "Basses");

        // then
        assertThat(collections.savedSearch("Basses", 10).text()).isEqualTo("bass");
        assertThat(collections.list()).extracting(CollectionRow::name).doesNotContain("Bass search");
    }

    @Test
    void rename_changeOfCaseOnly_isFine() {
        // given
        collections.create("loops");

        // when
        CollectionRow after = collections.rename("loops", "Loops");

        // then
        assertThat(after.name()).isEqualTo("Loops");
    }

    @Test
    void rename_toATakenNameOrFromAMissingOne_refusedWithoutChange() {
        // given
        collections.create("First");
        collections.create("Second");

        // when / then
        assertThatThrownBy(() -> collections.rename("First", "Second"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a collection 'Second' exists already");
        assertThatThrownBy(() -> collections.rename("Nowhere", "Third"))
                .isInstanceOf(CurationException.class).hasMessage("there is no collection 'Nowhere'");
        assertThatThrownBy(() -> collections.rename("First", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a name");
        assertThat(collections.list()).extracting(CollectionRow::name).contains("First", "Second")
                .doesNotContain("Third");
    }
}
