package com.midicenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.details.DetailsSource;
import com.midicenter.library.details.FileDetails;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;
import com.midicenter.persistence.search.SearchHit;
import java.awt.Component;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import org.junit.jupiter.api.Test;

/** The results' context menu without a window: items for the selection, edits sent to the library off the EDT. */
class ResultsMenuTest {

    final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    /** Searches, loads and edits to {@link #tasks}; the facet counts (asked for after a pause) are not needed here. */
    void execute(Runnable r) {
        if (!r.getClass().getSimpleName().equals("FacetCount")) {
            tasks.add(r);
        }
    }
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<SearchRequest> requests = Collections.synchronizedList(new ArrayList<>());

    SearchResult answer(SearchRequest r) {
        requests.add(r);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            hits.add(new SearchHit(i, "/music/Pack/f" + i + ".mid", "f" + i, null, null, 120.0, 19, "4/4", 4, 8.0,
                    List.of(), false, i == 0, null, "done", null, null, null, Integer.toString(i)));
        }
        return new SearchResult(5, false, false, 0, hits, null, List.of());
    }

    final DetailsSource source = new DetailsSource() {
        @Override
        public Optional<FileDetails> load(long contentId) {
            calls.add("load " + contentId);
            return Optional.empty();
        }

        @Override
        public void setFavorite(long contentId, boolean favorite) {
            calls.add("favorite " + contentId + " " + favorite);
        }

        @Override
        public void setRating(long contentId, Integer stars) {
            calls.add("rate " + contentId + " " + stars);
        }

        @Override
        public int addTag(Collection<Long> contentIds, String tag) {
            calls.add("tag " + contentIds + " " + tag);
            return contentIds.size();
        }

        @Override
        public boolean removeTag(long contentId, String tag) {
            calls.add("untag " + contentId + " " + tag);
            return true;
        }
    };

    void runAll() throws Exception {
        Runnable t = tasks.poll(2, TimeUnit.SECONDS);
        while (t != null) {
            t.run();
            BrowserPanelTest.onEdt(() -> null);
            t = tasks.poll(200, TimeUnit.MILLISECONDS);
        }
    }

    static JMenuItem item(JPopupMenu menu, String name) {
        for (Component c : menu.getComponents()) {
            if (name.equals(c.getName())) {
                return (JMenuItem) c;
            }
            if (c instanceof JMenu sub) {
                for (Component s : sub.getMenuComponents()) {
                    if (name.equals(s.getName())) {
                        return (JMenuItem) s;
                    }
                }
            }
        }
        throw new AssertionError("no menu item " + name);
    }

    @Test
    void menu_onTwoSelectedRows_favouritesAndRatesBothAndFindsSimilarFiles() throws Exception {
        // given: two rows selected (one already a favourite)
        BrowserPanel panel = BrowserPanelTest.onEdt(() -> new BrowserPanel(new BrowserPanel.Services(this::answer,
                this::execute, null, source, null, null)));
        runAll();
        BrowserPanelTest.onEdt(() -> {
            panel.resultsTable().setRowSelectionInterval(0, 1);
            return null;
        });
        runAll(); // the details and roll loads of the selection
        calls.clear();
        ResultsMenu menu = BrowserPanelTest.onEdt(() -> new ResultsMenu(panel));
        JPopupMenu popup = BrowserPanelTest.onEdt(() -> {
            menu.build();
            return menu.popup();
        });

        // then: the items for two files
        assertThat(BrowserPanelTest.onEdt(() -> item(popup, "menu.copyPath").getText())).isEqualTo("Copy paths");
        assertThat(BrowserPanelTest.onEdt(() -> item(popup, "menu.favorite").getText()))
                .isEqualTo("Add to favourites");
        assertThat(BrowserPanelTest.onEdt(() -> item(popup, "menu.tag").getText())).isEqualTo("Tag 2 files…");

        // when: favourite, then 4 stars
        BrowserPanelTest.onEdt(() -> {
            item(popup, "menu.favorite").doClick();
            return null;
        });
        runAll();
        BrowserPanelTest.onEdt(() -> {
            item(popup, "menu.rate4").doClick();
            return null;
        });
        runAll();

        // then: both files changed, off the EDT, and the details reloaded
        assertThat(calls).contains("favorite 0 true", "favorite 1 true", "rate 0 4", "rate 1 4");
        // and their rows show it at once (the rating did not undo the favourite the menu's rows did not have yet)
        for (int row = 0; row < 2; row++) {
            int r = row;
            SearchHit hit = BrowserPanelTest.onEdt(() -> panel.resultsModel().hitAt(r));
            assertThat(hit.favorite()).as("row %d", row).isTrue();
            assertThat(hit.rating()).as("row %d", row).isEqualTo(4);
        }
        assertThat(BrowserPanelTest.onEdt(() -> panel.resultsModel().hitAt(2).favorite())).isFalse();
        assertThat(calls.stream().filter(c -> c.startsWith("load")).count()).isGreaterThanOrEqualTo(1);

        // when: similar files
        requests.clear();
        BrowserPanelTest.onEdt(() -> {
            item(popup, "menu.similar").doClick();
            return null;
        });
        runAll();

        // then: a search for files like the first selected one, said so in the status; Esc leaves it
        assertThat(requests).last().extracting(SearchRequest::similarTo).isEqualTo("0");
        assertThat(BrowserPanelTest.onEdt(panel::statusText)).isEqualTo("5 files like f0 (Esc: back)");
        BrowserPanelTest.onEdt(() -> {
            panel.escape();
            return null;
        });
        runAll();
        assertThat(requests).last().extracting(SearchRequest::similarTo).isNull();
        assertThat(BrowserPanelTest.onEdt(panel::statusText)).isEqualTo("5 files");
    }

    @Test
    void folderOf_plainFileAndArchiveMember() {
        assertThat(ResultsMenu.folderOf("/music/Pack/a.mid")).hasToString("/music/Pack");
        assertThat(ResultsMenu.folderOf("/music/Packs/x.zip!/Bass/b.mid")).hasToString("/music/Packs");
    }
}
