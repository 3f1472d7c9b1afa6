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

    volatile List<CollectionsSource.Entry> entries = List.of(new CollectionsSource.Entry("Basses", true, 0, smart),
            new CollectionsSource.Entry("Keepers", false, 12, null, 5L));

    final CollectionsSource source = new CollectionsSource() {
        @Override
        public List<Entry> collections() {
            calls.add("collections on " + (SwingUtilities.isEventDispatchThread() ? "EDT" : "worker"));
            return entries;
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

        @Override
        public void create(String name) {
            calls.add("create " + name + " on " + thread());
            if (name.equals("Keepers")) {
                throw new IllegalArgumentException("a collection 'Keepers' exists already");
            }
        }

        @Override
        public void saveSearch(String name, SearchRequest request) {
            calls.add("saveSearch " + name + " " + request.text() + " bpm " + request.bpm() + " sort "
                    + request.sort() + " on " + thread());
        }

        @Override
        public void rename(String from, String to) {
            calls.add("rename " + from + " " + to + " on " + thread());
        }

        @Override
        public void delete(String name) {
            calls.add("delete " + name + " on " + thread());
        }

        @Override
        public int remove(String collection, Collection<Long> contentIds) {
            calls.add("remove " + collection + " " + contentIds + " on " + thread());
            return contentIds.size();
        }

        @Override
        public void move(String collection, long contentId, int position) {
            calls.add("move " + collection + " " + contentId + " " + position + " on " + thread());
        }

        @Override
        public int moveBefore(String collection, Collection<Long> contentIds, Long beforeId) {
            calls.add("moveBefore " + collection + " " + contentIds + " " + beforeId + " on " + thread());
            return contentIds.size();
        }

        @Override
        public void recordSearch(SearchRequest request) {
            calls.add("record " + request.text() + " on " + thread());
        }
    };

    static String thread() {
        return SwingUtilities.isEventDispatchThread() ? "EDT" : "worker";
    }

    /** Prompts that answer {@code name} and confirm, and note what was asked. */
    final List<String> asked = Collections.synchronizedList(new ArrayList<>());

    com.midicenter.browser.sidebar.Prompts answering(String name, boolean confirm) {
        return new com.midicenter.browser.sidebar.Prompts() {
            @Override
            public String askName(java.awt.Component parent, String title, String question, String initial) {
                asked.add(title + ": " + initial);
                return name;
            }

            @Override
            public boolean confirm(java.awt.Component parent, String title, String question) {
                asked.add(question);
                return confirm;
            }
        };
    }

    void runAll() throws Exception {
        Runnable t = tasks.poll(500, TimeUnit.MILLISECONDS); // tasks are queued before this is called
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

    @Test
    void newCollection_fromThePlusMenu_createsOffTheEdtAndReloads() throws Exception {
        // given
        BrowserPanel panel = panel();
        calls.clear();
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().setPrompts(answering("  Drums  ", true));
            return null;
        });

        // when: "+" then "New collection…"
        JPopupMenu menu = BrowserPanelTest.onEdt(() -> panel.sidebar().menuFor(null));
        BrowserPanelTest.onEdt(() -> {
            ResultsMenuTest.item(menu, "sidebar.newCollection").doClick();
            return null;
        });
        runAll();

        // then: created with the stripped name on a worker, said once, the lists read again
        assertThat(calls).containsExactly("create Drums on worker", "collections on worker");
        assertThat(BrowserPanelTest.onEdt(() -> panel.statusBar().jobText())).startsWith("Created \u201cDrums\u201d");
        assertThat(BrowserPanelTest.onEdt(() -> panel.sidebar().isSettled())).isTrue();
    }

    @Test
    void newCollection_nameTaken_saysSoInPlainWords() throws Exception {
        // given
        BrowserPanel panel = panel();
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().setPrompts(answering("Keepers", true));
            return null;
        });

        // when
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().newCollection();
            return null;
        });
        runAll();

        // then
        assertThat(BrowserPanelTest.onEdt(() -> panel.statusBar().jobText()))
                .isEqualTo("Could not create \u201cKeepers\u201d: a collection 'Keepers' exists already");
    }

    @Test
    void newCollection_cancelledOrBlank_changesNothing() throws Exception {
        // given
        BrowserPanel panel = panel();
        calls.clear();

        // when: cancelled, then a blank name
        for (String answer : new String[] {null, "   "}) {
            BrowserPanelTest.onEdt(() -> {
                panel.sidebar().setPrompts(answering(answer, true));
                panel.sidebar().newCollection();
                return null;
            });
        }
        runAll();

        // then
        assertThat(calls).isEmpty();
    }

    @Test
    void saveSearch_storesTheCurrentTextFiltersAndSort() throws Exception {
        // given: a search for "kick" at 120 BPM sorted by BPM
        BrowserPanel panel = panel();
        BrowserPanelTest.onEdt(() -> {
            panel.searchField().setText("kick");
            panel.setFilterState(panel.filterState().withBpm("120"));
            panel.setSort(Sort.BPM, false);
            return null;
        });
        runAll();
        calls.clear();
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().setPrompts(answering("Kicks", true));
            return null;
        });

        // when
        JPopupMenu menu = BrowserPanelTest.onEdt(() -> panel.sidebar().menuFor(null));
        BrowserPanelTest.onEdt(() -> {
            ResultsMenuTest.item(menu, "sidebar.saveSearch").doClick();
            return null;
        });
        runAll();

        // then: the name offered first is the search described; what is stored is that search
        assertThat(asked).containsExactly("Save search: kick \u00b7 bpm 120");
        assertThat(calls).containsExactly("saveSearch Kicks kick bpm 120 sort BPM on worker", "collections on worker");
        assertThat(BrowserPanelTest.onEdt(() -> panel.statusBar().jobText()))
                .isEqualTo("Saved the search as \u201cKicks\u201d");
    }

    @Test
    void renameAndDelete_fromTheContextMenu_actOnThatCollection() throws Exception {
        // given
        BrowserPanel panel = panel();
        calls.clear();
        CollectionsSource.Entry keepers = BrowserPanelTest.onEdt(
                () -> panel.sidebar().collectionList().getModel().getElementAt(1));
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().setPrompts(answering("Best", true));
            return null;
        });

        // when
        JPopupMenu menu = BrowserPanelTest.onEdt(() -> panel.sidebar().menuFor(keepers));
        BrowserPanelTest.onEdt(() -> {
            ResultsMenuTest.item(menu, "sidebar.rename").doClick();
            ResultsMenuTest.item(menu, "sidebar.delete").doClick();
            return null;
        });
        runAll();

        // then: renamed, then (after the confirmation, which says the files stay) deleted
        assertThat(calls).contains("rename Keepers Best on worker", "delete Keepers on worker");
        assertThat(asked).contains("Rename collection: Keepers",
                "Delete the collection \u201cKeepers\u201d (12 files stay in the library)?");
    }

    @Test
    void delete_notConfirmed_keepsTheCollection() throws Exception {
        // given
        BrowserPanel panel = panel();
        calls.clear();
        CollectionsSource.Entry keepers = BrowserPanelTest.onEdt(
                () -> panel.sidebar().collectionList().getModel().getElementAt(1));

        // when
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().setPrompts(answering("x", false));
            panel.sidebar().delete(keepers);
            return null;
        });
        runAll();

        // then
        assertThat(calls).isEmpty();
    }

    @Test
    void dropOfRows_ontoAManualCollection_addsThemAndOntoASmartOneIsRefused() throws Exception {
        // given: the rows the results table exports, as a drop onto each collection
        BrowserPanel panel = panel();
        calls.clear();
        java.awt.datatransfer.Transferable rows = com.midicenter.browser.dnd.FileTransferable
                .of(List.of(java.nio.file.Path.of("/music/a.mid")))
                .withRows(new com.midicenter.browser.dnd.LibraryRows(List.of(7L, 9L)));

        // when
        boolean smart = BrowserPanelTest.onEdt(() -> panel.sidebar().drop(0, rows));
        boolean manual = BrowserPanelTest.onEdt(() -> panel.sidebar().drop(1, rows));
        boolean filesOnly = BrowserPanelTest.onEdt(() -> panel.sidebar().drop(1, com.midicenter.browser.dnd
                .FileTransferable.of(List.of(java.nio.file.Path.of("/music/a.mid")))));
        runAll();

        // then
        assertThat(smart).isFalse();
        assertThat(manual).isTrue();
        assertThat(filesOnly).as("files from elsewhere are not library rows").isFalse();
        assertThat(calls).contains("add Keepers [7, 9] on worker");
    }

    @Test
    void recordSearch_sameSearchTwice_isSentOnce() throws Exception {
        // given
        BrowserPanel panel = panel();
        calls.clear();

        // when
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().recordSearch(SearchRequest.text("pad"));
            panel.sidebar().recordSearch(SearchRequest.text("pad"));
            panel.sidebar().recordSearch(SearchRequest.text("   "));
            return null;
        });
        runAll();

        // then: once, and the list read again
        assertThat(calls).containsExactly("record pad on worker", "collections on worker");
    }

    @Test
    void enterInTheSearchField_remembersTheSearchOnceShown() throws Exception {
        // given
        BrowserPanel panel = panel();
        calls.clear();

        // when: "bass" typed and Enter
        BrowserPanelTest.onEdt(() -> {
            panel.searchField().setText("bass");
            panel.searchField().postActionEvent();
            return null;
        });
        runAll();

        // then
        assertThat(calls).contains("record bass on worker");
    }

    @Test
    void resultsShownTwoSeconds_rememberedAsARecentSearch() throws Exception {
        // given
        BrowserPanel panel = panel();
        BrowserPanelTest.onEdt(() -> {
            panel.searchField().setText("lead");
            return null;
        });
        runAll();
        calls.clear();

        // when: nothing happens for the wait
        Thread.sleep(BrowserPanel.RECORD_AFTER_MS + 300);
        runAll();

        // then
        assertThat(calls).contains("record lead on worker");
    }

    @Test
    void openManualCollection_limitsTheSearchToItWithAChipThatGoesBack() throws Exception {
        // given: a text search
        BrowserPanel panel = panel();
        BrowserPanelTest.onEdt(() -> {
            panel.searchField().setText("kick");
            return null;
        });
        runAll();
        requests.clear();

        // when: the manual collection is chosen in the sidebar
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().collectionList().setSelectedIndex(1);
            return null;
        });
        runAll();

        // then: its files, in its own order (no words, no sort), and a chip says so
        SearchRequest sent = requests.get(requests.size() - 1);
        assertThat(sent.collection()).isEqualTo(5L);
        assertThat(sent.text()).isNull();
        assertThat(sent.sort()).isNull();
        assertThat(BrowserPanelTest.onEdt(() -> panel.chipBar().scope())).isEqualTo("Collection: Keepers");
        assertThat(BrowserPanelTest.onEdt(() -> panel.chipBar().isVisible())).isTrue();
        assertThat(BrowserPanelTest.onEdt(panel::showsCollectionOrder)).isTrue();

        // when: its chip is removed
        BrowserPanelTest.onEdt(() -> {
            ((javax.swing.JButton) com.midicenter.browser.testing.Components.find(panel.chipBar(), "chip.collection"))
                    .doClick();
            return null;
        });
        runAll();

        // then: the whole library again
        assertThat(requests.get(requests.size() - 1).collection()).isNull();
        assertThat(BrowserPanelTest.onEdt(() -> panel.chipBar().scope())).isNull();
        assertThat(BrowserPanelTest.onEdt(() -> panel.chipBar().isVisible())).isFalse();
        assertThat(BrowserPanelTest.onEdt(() -> panel.sidebar().collectionList().isSelectionEmpty())).isTrue();
    }

    @Test
    void openCollection_moveAndRemoveFromTheResultsMenu_goToTheSourceAndSearchAgain() throws Exception {
        // given: the collection open, its second row selected
        BrowserPanel panel = panel();
        BrowserPanelTest.onEdt(() -> {
            panel.openCollection(new BrowserPanel.OpenCollection(5L, "Keepers"));
            return null;
        });
        runAll();
        BrowserPanelTest.onEdt(() -> {
            panel.resultsTable().setRowSelectionInterval(1, 1);
            return null;
        });
        ResultsMenu menu = BrowserPanelTest.onEdt(() -> new ResultsMenu(panel));
        JPopupMenu popup = BrowserPanelTest.onEdt(() -> {
            menu.build();
            return menu.popup();
        });
        calls.clear();
        requests.clear();

        // when: Move up
        BrowserPanelTest.onEdt(() -> {
            ResultsMenuTest.item(popup, "menu.moveUp").doClick();
            return null;
        });
        runAll();

        // then: file 1 to position 1, the collection shown again with the moved row still selected (now row 0)
        assertThat(calls).contains("move Keepers 1 1 on worker");
        assertThat(requests).isNotEmpty();
        assertThat(requests.get(requests.size() - 1).collection()).isEqualTo(5L);
        assertThat(BrowserPanelTest.onEdt(() -> panel.resultsTable().getSelectedRow())).isEqualTo(0);

        // when: Ctrl+Down on the table, then "Remove from “Keepers”"
        BrowserPanelTest.onEdt(() -> {
            panel.resultsTable().getActionMap().get("moveDown").actionPerformed(null);
            return null;
        });
        runAll();
        BrowserPanelTest.onEdt(() -> {
            menu.build();
            ResultsMenuTest.item(popup, "menu.removeFromCollection").doClick();
            return null;
        });
        runAll();

        // then
        assertThat(calls).contains("move Keepers 0 2 on worker", "remove Keepers [1] on worker");
        assertThat(BrowserPanelTest.onEdt(() -> panel.statusBar().jobText()))
                .isEqualTo("Removed 1 file from \u201cKeepers\u201d");
    }

    @Test
    void openCollection_rowsDroppedOntoAGap_moveThereAsABlockAndStaySelected() throws Exception {
        // given: the collection open in its order (rows 0, 1, 2)
        BrowserPanel panel = panel();
        BrowserPanelTest.onEdt(() -> {
            panel.openCollection(new BrowserPanel.OpenCollection(5L, "Keepers"));
            return null;
        });
        runAll();
        calls.clear();
        requests.clear();

        // when: row 2 dropped onto the gap above row 0
        boolean top = BrowserPanelTest.onEdt(() -> panel.dropRowsAt(List.of(2L), 0));
        runAll();

        // then: it goes before file 0; the collection is shown again with the moved row selected at its new place
        assertThat(top).isTrue();
        assertThat(calls).containsExactly("moveBefore Keepers [2] 0 on worker");
        assertThat(requests).isNotEmpty().allSatisfy(r -> assertThat(r.collection()).isEqualTo(5L));
        assertThat(BrowserPanelTest.onEdt(() -> panel.resultsTable().getSelectedRows())).containsExactly(0);

        // when: rows 0 and 1 dropped below the last row
        calls.clear();
        boolean end = BrowserPanelTest.onEdt(() -> panel.dropRowsAt(List.of(0L, 1L), 3));
        runAll();

        // then: last, as a block, both selected
        assertThat(end).isTrue();
        assertThat(calls).containsExactly("moveBefore Keepers [0, 1] null on worker");
        assertThat(BrowserPanelTest.onEdt(() -> panel.resultsTable().getSelectedRows())).containsExactly(1, 2);

        // when: a row dropped next to itself, and rows onto a collection narrowed by a filter
        calls.clear();
        boolean itself = BrowserPanelTest.onEdt(() -> panel.dropRowsAt(List.of(1L), 2));
        boolean filtered = BrowserPanelTest.onEdt(() -> {
            panel.setFilterState(panel.filterState().withBpm("120"));
            return panel.dropRowsAt(List.of(2L), 0);
        });
        runAll();

        // then: nothing moves (no place to go; a row's place is not its position when filtered)
        assertThat(itself).isFalse();
        assertThat(filtered).isFalse();
        assertThat(calls).noneMatch(c -> c.startsWith("moveBefore"));
        // and the table takes no drop that is not its own rows onto a gap (here: not a drop at all)
        assertThat(BrowserPanelTest.onEdt(() -> panel.dragHandler().canImport(new javax.swing.TransferHandler
                .TransferSupport(panel.resultsTable(), com.midicenter.browser.dnd.FileTransferable
                .of(List.of(java.nio.file.Path.of("/music/a.mid")))
                .withRows(new com.midicenter.browser.dnd.LibraryRows(List.of(2L))))))).isFalse();
    }

    @Test
    void collectionWithFilters_rowsNotMovable() throws Exception {
        // given: the collection open and narrowed by a tempo filter
        BrowserPanel panel = panel();
        BrowserPanelTest.onEdt(() -> {
            panel.openCollection(new BrowserPanel.OpenCollection(5L, "Keepers"));
            panel.setFilterState(panel.filterState().withBpm("120"));
            panel.resultsTable().setRowSelectionInterval(1, 1);
            return null;
        });
        runAll();
        calls.clear();

        // when
        BrowserPanelTest.onEdt(() -> {
            panel.moveSelected(-1);
            return null;
        });
        runAll();

        // then: a row's place is not its position in the collection: nothing moves
        assertThat(BrowserPanelTest.onEdt(panel::showsCollectionOrder)).isFalse();
        assertThat(calls).noneMatch(c -> c.startsWith("move"));
        assertThat(requests.get(requests.size() - 1).collection()).isEqualTo(5L);
    }

    @Test
    void openCollection_renamedOrDeletedMeanwhile_chipFollowsOrBackToTheLibrary() throws Exception {
        // given: "Keepers" open
        BrowserPanel panel = panel();
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().collectionList().setSelectedIndex(1);
            return null;
        });
        runAll();

        // when: renamed (elsewhere), the lists read again
        entries = List.of(new CollectionsSource.Entry("Best", false, 12, null, 5L));
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().refresh();
            return null;
        });
        runAll();

        // then
        assertThat(BrowserPanelTest.onEdt(() -> panel.chipBar().scope())).isEqualTo("Collection: Best");

        // when: deleted
        entries = List.of();
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().refresh();
            return null;
        });
        runAll();

        // then
        assertThat(BrowserPanelTest.onEdt(() -> panel.openCollection())).isNull();
        assertThat(requests.get(requests.size() - 1).collection()).isNull();
        assertThat(BrowserPanelTest.onEdt(() -> panel.statusBar().jobText()))
                .isEqualTo("\u201cBest\u201d is gone; back to the whole library");
    }

    @Test
    void openCollectionAlone_isNoRecentSearchButWordsWithinItAre() throws Exception {
        // given: "Keepers" open and shown
        BrowserPanel panel = panel();
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().collectionList().setSelectedIndex(1);
            return null;
        });
        runAll();
        calls.clear();

        // when: Enter with nothing typed, then "pad" typed and Enter
        BrowserPanelTest.onEdt(() -> {
            panel.searchField().postActionEvent();
            return null;
        });
        runAll();
        List<String> afterEmptyEnter = List.copyOf(calls);
        BrowserPanelTest.onEdt(() -> {
            panel.searchField().setText("pad");
            panel.searchField().postActionEvent();
            return null;
        });
        runAll();

        // then
        assertThat(afterEmptyEnter).noneMatch(c -> c.startsWith("record"));
        assertThat(calls).contains("record pad on worker");
        assertThat(BrowserPanelTest.onEdt(() -> panel.sidebar().recentList().getCellRenderer()
                .getListCellRendererComponent(panel.sidebar().recentList(),
                        requests.get(requests.size() - 1).page(50, null, false), 0, false, false).toString()))
                .contains("pad \u00b7 in Keepers");
    }

    @Test
    void reload_keepsTheChosenCollectionMarkedWithoutRunningItAgain() throws Exception {
        // given: "Keepers" open
        BrowserPanel panel = panel();
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().collectionList().setSelectedIndex(1);
            return null;
        });
        runAll();
        requests.clear();

        // when
        BrowserPanelTest.onEdt(() -> {
            panel.sidebar().refresh();
            return null;
        });
        runAll();

        // then
        assertThat(BrowserPanelTest.onEdt(() -> panel.sidebar().collectionList().getSelectedIndex())).isEqualTo(1);
        assertThat(requests).isEmpty();
    }

    @Test
    void clickOnTheSmartCollectionAlreadySelected_runsItAgain() throws Exception {
        // given: the smart collection chosen, then other words typed
        BrowserPanel panel = panel();
        javax.swing.JList<CollectionsSource.Entry> list = BrowserPanelTest.onEdt(() -> {
            panel.sidebar().collectionList().setSelectedIndex(0);
            return panel.sidebar().collectionList();
        });
        runAll();
        BrowserPanelTest.onEdt(() -> {
            panel.searchField().setText("other");
            return null;
        });
        runAll();
        requests.clear();
        Thread.sleep(450); // longer than one click: the next click is not the one that chose it

        // when: a click on it
        BrowserPanelTest.onEdt(() -> {
            list.setSize(160, 100); // as laid out in a window
            java.awt.Rectangle cell = list.getCellBounds(0, 0);
            list.dispatchEvent(new java.awt.event.MouseEvent(list, java.awt.event.MouseEvent.MOUSE_CLICKED,
                    System.currentTimeMillis(), 0, cell.x + 5, cell.y + cell.height / 2, 1, false,
                    java.awt.event.MouseEvent.BUTTON1));
            return null;
        });
        runAll();

        // then: its search again
        assertThat(requests).isNotEmpty();
        assertThat(requests.get(requests.size() - 1).text()).isEqualTo("deep bass");
    }
}
