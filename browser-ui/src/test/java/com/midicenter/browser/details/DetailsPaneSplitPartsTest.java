package com.midicenter.browser.details;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.library.details.FileDetails;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The details of split parts and of their original ("Split into tracks…" with the parts imported as children). */
class DetailsPaneSplitPartsTest {

    static FileDetails related(FileDetails d, FileDetails.Related parent, List<FileDetails.Related> children) {
        return new FileDetails(d.contentId(), d.sha256(), d.sizeBytes(), d.addedAt(), d.analysisState(),
                d.analysisError(), d.analyzerVersion(), d.analyzedAt(), d.file(), d.tempo(), d.harmony(), d.notes(),
                d.drums(), d.instruments(), d.warnings(), d.locations(), d.tags(), d.favorite(), d.rating(), parent,
                children);
    }

    final Map<Long, FileDetails> files = Map.of(
            1L, related(DetailsPaneTest.file(1, "Song.mid"), null, List.of(
                    new FileDetails.Related(2, "Song - 01 Bass.mid", 1),
                    new FileDetails.Related(3, "Song - 02 Drums.mid", 2))),
            2L, related(DetailsPaneTest.file(2, "Song - 01 Bass.mid"), new FileDetails.Related(1, "Song.mid", 1),
                    List.of()),
            4L, DetailsPaneTest.file(4, "Loop.mid"));

    final DetailsSource source = new DetailsSource() {
        @Override
        public Optional<FileDetails> load(long contentId) {
            return Optional.ofNullable(files.get(contentId));
        }

        @Override
        public void setFavorite(long contentId, boolean favorite) {
        }

        @Override
        public void setRating(long contentId, Integer stars) {
        }

        @Override
        public int addTag(Collection<Long> contentIds, String tag) {
            return 0;
        }

        @Override
        public boolean removeTag(long contentId, String tag) {
            return false;
        }
    };

    private DetailsPane showing(long id) throws Exception {
        DetailsPane pane = DetailsPaneTest.onEdt(() -> new DetailsPane(source, Runnable::run));
        DetailsPaneTest.onEdt(() -> {
            pane.show(id);
            return null;
        });
        return pane;
    }

    @Test
    void show_original_listsItsPartsByNumber() throws Exception {
        DetailsPane pane = showing(1);

        assertThat(DetailsPaneTest.onEdt(() -> pane.fieldValue("Parts")))
                .isEqualTo("01 Song - 01 Bass.mid, 02 Song - 02 Drums.mid");
        assertThat(DetailsPaneTest.onEdt(() -> pane.fieldNames())).doesNotContain("Split from");
    }

    @Test
    void show_part_namesItsOriginal() throws Exception {
        DetailsPane pane = showing(2);

        assertThat(DetailsPaneTest.onEdt(() -> pane.fieldValue("Split from"))).isEqualTo("Song.mid (part 1)");
        assertThat(DetailsPaneTest.onEdt(() -> pane.fieldNames())).doesNotContain("Parts");
    }

    @Test
    void show_fileWithoutParts_hasNeitherField() throws Exception {
        DetailsPane pane = showing(4);

        assertThat(DetailsPaneTest.onEdt(() -> pane.fieldNames())).doesNotContain("Parts", "Split from")
                .contains("Name", "Path");
    }
}
