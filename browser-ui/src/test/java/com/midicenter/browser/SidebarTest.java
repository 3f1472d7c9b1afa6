package com.midicenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.sidebar.CollectionsSource;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;
import com.midicenter.persistence.search.SearchCriteria.Sort;
import com.midicenter.persistence.search.SearchHit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.swing.JPopupMenu;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The "Library" sidebar without a window: collections and recent searches listed, stored searches run. */
class SidebarTest {

    final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    final List<SearchRequest> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    void execute(Runnable r) {
        if (!r.getClass().getSimpleName().equals("FacetCount")) {
            tasks.add(r);
        }
    }

    SearchResult answer(SearchRequest r) {
        requests.add(r);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            hits.add(new SearchHit(i, "/music/Pack/f" + i + ".mid", "f" + i, null, null, 120.0, 19, "4/4", 4, 8.0,
                    List.of(), false, false, null, "done", null, null, null, Integer.toString(i)));
        }
        return new SearchResult(3, false, false, 0, hits, null, List.of());
    }

    static SearchRequest stored(String text, String bpm, String key, Sort sort) {
        return new SearchRequest(text, bpm, false, key, false, null, null, null, null, null, null, null, null, true,
                null, null, sort, true, 50, null, false, null);
    }

    final SearchRequest smart = stored("deep bass", "118-126", "Am", Sort.BPM);
    final SearchRequest recent = stored("pad", null, null, null);

    final CollectionsSource source = new CollectionsSource() {
        @Override
        public List<Entry> collections() {
            calls.add("collections on " + (SwingUtilities.isEventDispatchThread() ? "EDT" : "worker"));
            return List.of(new Entry("Basses", true, 0, smart), new Entry("Keepers", false, 12, null));
        }

        @Override
        public List<SearchRequest> recentSearches() {
            return List.of(recent);
        }

        @Override
        public int add(String collection, Collection<Long> contentIds) {
            calls.add("add " + collection + " " + contentIds + " on "
                    + (SwingUtilities.isEventDispatchThread() ? "EDT" : "worker"));
            return contentIds.size();
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

    BrowserPanel panel() throws Exception {
        BrowserPanel panel = BrowserPanelTest.onEdt(() -> new BrowserPanel(new BrowserPanel.Services(this::answer,
                this::execute, null, null, null, null, source)));
        runAll();
        return panel;
    }

    @Test
    void sidebar_withSource_listsCollectionsAndRecentSearchesReadOffTheEdt() throws Exception {
        // given / when
        BrowserPanel panel = panel();

        // then
        assertThat(BrowserPanelTest.onEdt(() -> panel.sidebar().collectionList().getModel().getSize())).isEqualTo(2);
        assertThat(BrowserPanelTest.onEdt(() -> panel.sidebar().collectionList().getModel().getElementAt(1).name()))
                .isEqualTo("Keepers");
        assertThat(BrowserPanelTest.onEdt(() -> panel.sidebar().recentList().getModel().getElementAt(0)))
                .isEqualTo(recent);
        assertThat(BrowserPanelTest.onEdt(() -> panel.sidebar().manualCollections())).containsExactly("Keepers");
        assertThat(calls).containsExactly("collections on worker");
    }

    @Test
    void sidebar_withoutSource_isAbsentAndFiltersStay() throws Exception {
        // given / when
        BrowserPanel panel = BrowserPanelTest.onEdt(() -> new BrowserPanel(this::answer, this::execute));
        runAll();

        // then: no section, and the filters are still beside the results
        assertThat(BrowserPanelTest.onEdt(panel::sidebar)).isNull();
        assertThat(BrowserPanelTest.onEdt(() -> panel.filterPanel().getParent().getParent().getName()))
                .isEqualTo("filtersScroll");
    }

    @Test
    void sidebar_withSource_sitsAboveTheFilters() throws Exception {
        // given / when
        BrowserPanel panel = panel();

        // then: the section and the filters share the west side
        assertThat(BrowserPanelTest.onEdt(() -> panel.sidebar().getParent().getName())).isEqualTo("west");
        assertThat(BrowserPanelTest.onEdt(() -> panel.filterPanel().getParent().getParent().getParent().getName()))
                .isEqualTo("west");
    }

    @Test
    void clickSmartCollection_runsItsStoredSearch() throws Exception {
        // given
        BrowserPanel panel = panel();
        requests.clear();

        // when: the smart collection is chosen
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().collectionList().setSelectedIndex(0);
            return null;
        });
        runAll();

        // then: its text, filters and sort are shown and searched
        SearchRequest sent = requests.get(requests.size() - 1);
        assertThat(sent.text()).isEqualTo("deep bass");
        assertThat(sent.bpm()).isEqualTo("118-126");
        assertThat(sent.key()).isEqualTo("Am");
        assertThat(sent.favorite()).isTrue();
        assertThat(sent.sort()).isEqualTo(Sort.BPM);
        assertThat(sent.descending()).isTrue();
        assertThat(BrowserPanelTest.onEdt(() -> panel.searchField().getText())).isEqualTo("deep bass");
        assertThat(BrowserPanelTest.onEdt(() -> panel.filterState().key())).isEqualTo("Am");
        assertThat(requests).hasSize(1); // setting the text did not search a second time
    }

    @Test
    void clickRecentSearch_runsItAndClearsOldFilters() throws Exception {
        // given: a search with a tempo filter
        BrowserPanel panel = panel();
        BrowserPanelTest.onEdt(() -> {
            panel.setFilterState(panel.filterState().withBpm("90"));
            return null;
        });
        runAll();
        requests.clear();

        // when
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().recentList().setSelectedIndex(0);
            return null;
        });
        runAll();

        // then
        SearchRequest sent = requests.get(requests.size() - 1);
        assertThat(sent.text()).isEqualTo("pad");
        assertThat(sent.bpm()).isNull();
        assertThat(sent.sort()).isNull();
    }

    @Test
    void addToCollection_fromResultsMenu_goesToSourceOffTheEdt() throws Exception {
        // given: two rows selected
        BrowserPanel panel = panel();
        BrowserPanelTest.onEdt(() -> {
            panel.resultsTable().setRowSelectionInterval(1, 2);
            return null;
        });
        runAll();
        ResultsMenu menu = BrowserPanelTest.onEdt(() -> new ResultsMenu(panel));
        JPopupMenu popup = BrowserPanelTest.onEdt(() -> {
            menu.build();
            return menu.popup();
        });

        // when
        BrowserPanelTest.onEdt(() -> {
            ResultsMenuTest.item(popup, "menu.collection.Keepers").doClick();
            return null;
        });
        runAll();

        // then: only the manual collection is offered; the files were added on a worker and the status says so
        assertThat(BrowserPanelTest.onEdt(() -> ResultsMenuTest.item(popup, "menu.addToCollection")
                .isEnabled())).isTrue();
        assertThat(calls).contains("add Keepers [1, 2] on worker");
        assertThat(BrowserPanelTest.onEdt(() -> panel.statusBar().jobText()))
                .isEqualTo("Added 2 files to \u201cKeepers\u201d");
        assertThat(calls).last().isEqualTo("collections on worker"); // the counts read again
    }
}
