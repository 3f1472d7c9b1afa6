package com.midicenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.filters.FilterState;
import com.midicenter.browser.results.ResultColumn;
import com.midicenter.library.search.SearchException;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;
import com.midicenter.persistence.search.FacetCount;
import com.midicenter.persistence.search.SearchCriteria.Sort;
import com.midicenter.persistence.search.SearchHit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.swing.JComboBox;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** Search as you type without a window: a fake library, an executor whose tasks the test runs in the order it wants. */
class BrowserPanelTest {

    /** Answers with {@code n} rows named after the text, {@code n} = the text's length (blank: 100). */
    static SearchResult answer(SearchRequest r) {
        if ("bad".equals(r.text())) {
            throw new SearchException("cannot search for 'bad'");
        }
        int n = r.text() == null ? 100 : r.text().length();
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < Math.min(n, r.limit()); i++) {
            hits.add(new SearchHit(i, "/" + i, r.text() + " " + i, null, null, null, null, null, null, null, null,
                    false, false, null, "done", null, null, null, Integer.toString(i)));
        }
        return new SearchResult(n, false, false, 0, hits, null, List.of());
    }

    final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    /** The counts of filter values, asked for after a pause: apart, so that they never pass for a search. */
    final BlockingQueue<Runnable> facetTasks = new LinkedBlockingQueue<>();

    /** The panel's executor: searches and page loads to {@link #tasks}, facet counts to {@link #facetTasks}. */
    void execute(Runnable r) {
        (r.getClass().getSimpleName().equals("FacetCount") ? facetTasks : tasks).add(r);
    }

    static <T> T onEdt(Callable<T> work) throws Exception {
        T t = com.midicenter.browser.edt.Edt.call(work);
        SwingUtilities.invokeAndWait(() -> { }); // then what the work posted
        return t;
    }

    BrowserPanel panel() throws Exception {
        BrowserPanel panel = onEdt(() -> new BrowserPanel(BrowserPanelTest::answer, this::execute));
        tasks.take().run(); // the whole library
        onEdt(() -> null);
        return panel;
    }

    @Test
    void searchNow_olderAnswerArrivesLast_isDropped() throws Exception {
        // given: two searches started, their tasks queued
        BrowserPanel panel = panel();
        onEdt(() -> {
            panel.searchField().setText("ba"); // searches at once
            panel.searchField().setText("bass"); // coalesced...
            panel.searchNow(); // ...but a search is asked for now (as a filter click does)
            return null;
        });
        Runnable older = tasks.take();
        Runnable newer = tasks.take();
        assertThat(tasks).isEmpty();

        // when: the newer answer comes first, the older one after it
        newer.run();
        older.run();
        onEdt(() -> null);

        // then
        assertThat(onEdt(() -> panel.resultsModel().request().text())).isEqualTo("bass");
        assertThat(onEdt(panel::statusText)).isEqualTo("4 files");
        assertThat(onEdt(panel::isSettled)).isTrue();
    }

    @Test
    void typing_searchesAtOnce_keysTypedMeanwhileBecomeOneSearchForTheLatestText() throws Exception {
        // given
        BrowserPanel panel = panel();

        // when: three keystrokes in quick succession, the first search still running
        for (String text : List.of("l", "le", "lead")) {
            onEdt(() -> {
                panel.searchField().setText(text);
                return null;
            });
        }

        // then: the first key searched at once, the other two wait for its answer
        Runnable first = tasks.poll(2, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(tasks).isEmpty();
        assertThat(onEdt(() -> panel.currentRequest().text())).isEqualTo("l");
        assertThat(onEdt(panel::isSettled)).isFalse();
        first.run();
        onEdt(() -> null);
        // the answer for "l" is dropped (the text changed) and one search for "lead" starts
        assertThat(onEdt(() -> panel.resultsModel().getRowCount())).isEqualTo(100);
        Runnable latest = tasks.poll(2, TimeUnit.SECONDS);
        assertThat(latest).isNotNull();
        assertThat(onEdt(() -> panel.currentRequest().text())).isEqualTo("lead");
        latest.run();
        onEdt(() -> null);
        assertThat(tasks.poll(100, TimeUnit.MILLISECONDS)).isNull();
        assertThat(onEdt(() -> panel.resultsModel().request().text())).isEqualTo("lead");
        assertThat(onEdt(() -> panel.resultsModel().getRowCount())).isEqualTo(4);
        assertThat(onEdt(panel::isSettled)).isTrue();
    }

    @Test
    void searchNow_searchRefused_statusSaysWhyAndTheRowsStay() throws Exception {
        // given
        BrowserPanel panel = panel();

        // when
        onEdt(() -> {
            panel.searchField().setText("bad");
            return null;
        });
        runSearch();

        // then
        assertThat(onEdt(panel::statusText)).isEqualTo("Search failed: cannot search for 'bad'");
        assertThat(onEdt(() -> panel.resultsModel().getRowCount())).isEqualTo(100);
    }

    // ---- filters and sort ----------------------------------------------------------------------------------------

    static final int PAGED_TOTAL = 450;

    final List<SearchRequest> seen = Collections.synchronizedList(new ArrayList<>());

    /** A library of {@value #PAGED_TOTAL} rows paged by offset cursors, with facets when asked; records requests. */
    SearchResult paged(SearchRequest r) {
        seen.add(r);
        int from = r.cursor() == null ? 0 : Integer.parseInt(r.cursor());
        List<SearchHit> hits = new ArrayList<>();
        for (int i = from; i < Math.min(PAGED_TOTAL, from + r.limit()); i++) {
            hits.add(new SearchHit(i, "/" + i, "f" + i, null, null, 120.0, 19, "4/4", 4, 8.0, List.of(), false,
                    false, i % 6, "done", null, null, null, Integer.toString(i)));
        }
        int end = from + hits.size();
        List<FacetCount> facets = r.facets()
                ? List.of(new FacetCount("key", "19", 1_234), new FacetCount("vendor", "Loop Co", 7)) : List.of();
        return new SearchResult(PAGED_TOTAL, false, false, 0, hits, end < PAGED_TOTAL ? Integer.toString(end) : null,
                facets);
    }

    BrowserPanel pagedPanel() throws Exception {
        BrowserPanel panel = onEdt(() -> new BrowserPanel(this::paged, this::execute));
        tasks.take().run();
        onEdt(() -> null);
        return panel;
    }

    /**
     * Runs the searches the last actions queued, oldest first, and what their answers start (typing while a search
     * runs searches again when it answers), until nothing is queued; the newest answer is then shown.
     */
    void runSearch() throws Exception {
        Runnable search = tasks.poll(2, TimeUnit.SECONDS);
        assertThat(search).as("a search was started").isNotNull();
        while (search != null) {
            search.run();
            onEdt(() -> null);
            search = tasks.poll();
        }
    }

    @Test
    void facets_countedOnceTheAnswerIsShown_andTheFilterCombosShowThem() throws Exception {
        // given / when: the first page (without counts), then the pause after it
        BrowserPanel panel = pagedPanel();
        assertThat(seen.get(0).facets()).as("the rows first, without counts").isFalse();
        Runnable counts = facetTasks.poll(2, TimeUnit.SECONDS);
        assertThat(counts).as("the counts asked for after the pause").isNotNull();
        counts.run();
        onEdt(() -> null);

        // then
        assertThat(seen.get(1).facets()).isTrue();
        assertThat(seen.get(1).limit()).isEqualTo(1);
        JComboBox<?> key = onEdt(() -> find(panel, "filter.key"));
        assertThat(onEdt(() -> String.valueOf(key.getItemAt(1)))).isEqualTo("Am (1,234)");
        JComboBox<?> vendor = onEdt(() -> find(panel, "filter.vendor"));
        assertThat(onEdt(() -> String.valueOf(vendor.getItemAt(1)))).isEqualTo("Loop Co (7)");
    }

    @Test
    void pickingAKey_searchesAtOnceWithThatKeyAndShowsAChip() throws Exception {
        // given
        BrowserPanel panel = pagedPanel();
        onEdt(() -> {
            panel.searchField().setText("bass");
            panel.searchNow();
            return null;
        });
        runSearch();

        Runnable counts = facetTasks.poll(2, TimeUnit.SECONDS); // the key combo's items come with the counts
        assertThat(counts).isNotNull();
        counts.run();
        onEdt(() -> null);

        // when: Am picked in the filter panel
        onEdt(() -> {
            ((JComboBox<?>) find(panel, "filter.key")).setSelectedIndex(1);
            return null;
        });
        runSearch();

        // then
        SearchRequest shown = onEdt(() -> panel.resultsModel().request());
        assertThat(shown.key()).isEqualTo("Am");
        assertThat(shown.text()).isEqualTo("bass");
        assertThat(shown.facets()).as("counts come apart, after the rows").isFalse();
        assertThat(onEdt(panel::currentRequest)).isEqualTo(shown);
        assertThat(onEdt(panel::filterState)).isEqualTo(FilterState.NONE.withKey("Am"));
        assertThat(onEdt(() -> panel.chipBar().isVisible())).isTrue();
        assertThat(onEdt(() -> panel.chipBar().chips())).extracting(c -> c.label()).containsExactly("Am");
    }

    @Test
    void removingAChip_searchesWithoutItsFilter_andClearAllClearsTextToo() throws Exception {
        // given
        BrowserPanel panel = pagedPanel();
        onEdt(() -> {
            panel.searchField().setText("lead");
            panel.setFilterState(FilterState.NONE.withKey("Am").withDrums(true));
            return null;
        });
        runSearch();
        assertThat(onEdt(() -> panel.resultsModel().request().drums())).isTrue();

        // when: the Drums chip removed
        onEdt(() -> {
            panel.chipBar().chips().stream().filter(c -> c.label().equals("Drums")).findFirst().orElseThrow();
            java.awt.Component chip = find(panel, "chip.drums");
            ((javax.swing.JButton) chip).doClick();
            return null;
        });
        runSearch();

        // then
        SearchRequest afterChip = onEdt(() -> panel.resultsModel().request());
        assertThat(afterChip.drums()).isNull();
        assertThat(afterChip.key()).isEqualTo("Am");
        assertThat(onEdt(() -> ((JComboBox<?>) find(panel, "filter.drums")).getSelectedIndex())).isZero();

        // when: Clear all
        onEdt(() -> {
            ((javax.swing.JButton) find(panel, "chips.clearAll")).doClick();
            return null;
        });
        runSearch();

        // then
        SearchRequest cleared = onEdt(() -> panel.resultsModel().request());
        assertThat(cleared.key()).isNull();
        assertThat(cleared.text()).isNull();
        assertThat(onEdt(() -> panel.searchField().getText())).isEmpty();
        assertThat(onEdt(() -> panel.chipBar().isVisible())).isFalse();
        assertThat(onEdt(panel::isSettled)).isTrue();
    }

    @Test
    void headerClick_sortsInTheLibraryAndTogglesDescending() throws Exception {
        // given
        BrowserPanel panel = pagedPanel();
        RowSorter<?> sorter = onEdt(() -> panel.resultsTable().getRowSorter());

        // when: the BPM header clicked (what the header's mouse handler calls)
        onEdt(() -> {
            sorter.toggleSortOrder(ResultColumn.BPM.ordinal());
            return null;
        });
        runSearch();

        // then: a new first page sorted by tempo, the arrow on the BPM column, the rows not reordered here
        SearchRequest first = onEdt(() -> panel.resultsModel().request());
        assertThat(first.sort()).isEqualTo(Sort.BPM);
        assertThat(first.descending()).isFalse();
        assertThat(first.cursor()).isNull();
        assertThat(onEdt(sorter::getSortKeys)).containsExactly(
                new RowSorter.SortKey(ResultColumn.BPM.ordinal(), SortOrder.ASCENDING));
        assertThat(onEdt(() -> panel.resultsTable().convertRowIndexToModel(7))).isEqualTo(7);
        assertThat(onEdt(() -> panel.resultsTable().getValueAt(0, 0))).isEqualTo("f0");

        // when: clicked again
        onEdt(() -> {
            sorter.toggleSortOrder(ResultColumn.BPM.ordinal());
            return null;
        });
        runSearch();

        // then
        assertThat(onEdt(() -> panel.resultsModel().request().descending())).isTrue();
        assertThat(onEdt(sorter::getSortKeys)).containsExactly(
                new RowSorter.SortKey(ResultColumn.BPM.ordinal(), SortOrder.DESCENDING));

        // when: a third time: back to the default order, no arrow
        onEdt(() -> {
            sorter.toggleSortOrder(ResultColumn.BPM.ordinal());
            return null;
        });
        runSearch();
        assertThat(onEdt(() -> panel.resultsModel().request().sort())).isNull();
        assertThat(onEdt(sorter::getSortKeys)).isEmpty();
    }

    @Test
    void headerClick_ratingStartsBestFirst_meterDoesNotSort() throws Exception {
        // given
        BrowserPanel panel = pagedPanel();
        RowSorter<?> sorter = onEdt(() -> panel.resultsTable().getRowSorter());

        // when: meter (no server-side sort), then rating
        onEdt(() -> {
            sorter.toggleSortOrder(ResultColumn.METER.ordinal());
            return null;
        });
        assertThat(tasks.poll(200, TimeUnit.MILLISECONDS)).as("meter does not search").isNull();
        onEdt(() -> {
            sorter.toggleSortOrder(ResultColumn.RATING.ordinal());
            return null;
        });
        runSearch();

        // then
        SearchRequest r = onEdt(() -> panel.resultsModel().request());
        assertThat(r.sort()).isEqualTo(Sort.RATING);
        assertThat(r.descending()).isTrue();
        assertThat(onEdt(() -> panel.resultsTable().getValueAt(5, ResultColumn.RATING.ordinal())))
                .isEqualTo("★★★★★");
    }

    @Test
    void pageLoads_keepTheFiltersAndTheSort() throws Exception {
        // given: filters and a sort, the first page shown
        BrowserPanel panel = pagedPanel();
        onEdt(() -> {
            panel.searchField().setText("pad");
            panel.setSort(Sort.DURATION, true);
            return null;
        });
        runSearch();
        onEdt(() -> {
            panel.setFilterState(FilterState.NONE.withBpm("118-126").withVendor("Loop Co").withMinRating(3));
            return null;
        });
        runSearch();
        SearchRequest first = onEdt(() -> panel.resultsModel().request());
        seen.clear();

        // when: a row of the second page is painted
        onEdt(() -> panel.resultsModel().getValueAt(300, 0));
        Runnable load = tasks.poll(2, TimeUnit.SECONDS);
        assertThat(load).isNotNull();
        load.run();
        onEdt(() -> null);

        // then: the same search after the first page's cursor, without facets
        assertThat(seen).hasSize(1);
        SearchRequest page = seen.get(0);
        assertThat(page.cursor()).isEqualTo("200");
        assertThat(page.facets()).isFalse();
        assertThat(page).isEqualTo(new SearchRequest("pad", "118-126", false, null, false, null, null, null, null,
                null, null, "Loop Co", null, false, 3, null, Sort.DURATION, true, first.limit(), "200", false, null));
        assertThat(onEdt(() -> panel.resultsModel().getValueAt(300, 0))).isEqualTo("f300");
    }

    @Test
    void saveState_thenRestoreInANewPanel_searchesTheSameTextFiltersAndSort() throws Exception {
        // given: a search with text, filters, a sort and a column made wider
        BrowserPanel panel = pagedPanel();
        onEdt(() -> {
            panel.searchField().setText("pad");
            panel.setFilterState(FilterState.NONE.withKey("Am").withBpm("118-126"));
            panel.setSort(Sort.BPM, true);
            panel.resultsTable().getColumnModel().getColumn(ResultColumn.NAME.ordinal()).setWidth(333);
            return null;
        });
        runSearch();
        com.midicenter.browser.state.UiState state = new com.midicenter.browser.state.UiState();
        onEdt(() -> {
            panel.saveState(state);
            return null;
        });

        // when: a new panel (the next run) restores it from the saved text
        BrowserPanel next = pagedPanel();
        onEdt(() -> {
            next.restoreState(com.midicenter.browser.state.UiState.fromText(state.toText()));
            return null;
        });
        runSearch();

        // then
        SearchRequest r = onEdt(() -> next.resultsModel().request());
        assertThat(r.text()).isEqualTo("pad");
        assertThat(r.key()).isEqualTo("Am");
        assertThat(r.bpm()).isEqualTo("118-126");
        assertThat(r.sort()).isEqualTo(Sort.BPM);
        assertThat(r.descending()).isTrue();
        assertThat(onEdt(() -> next.chipBar().chips())).hasSize(2);
        assertThat(onEdt(() -> next.resultsTable().getColumnModel().getColumn(ResultColumn.NAME.ordinal())
                .getPreferredWidth())).isEqualTo(333);
    }

    static <T extends java.awt.Component> T find(java.awt.Container root, String name) {
        return com.midicenter.browser.testing.Components.find(root, name);
    }
}
