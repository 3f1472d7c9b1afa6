package com.midicenter.browser.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.Searcher;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;
import com.midicenter.persistence.search.SearchHit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The paged keyset model against a fake library of numbered rows; the EDT is the real one (no window needed). */
class ResultsTableModelTest {

    /** {@code n} rows named {@code f00000...}; cursors are the index of the last row; an optional lie about the total. */
    static final class FakeLibrary implements Searcher {
        final int n;
        final long reportedTotal;
        final AtomicInteger calls = new AtomicInteger();
        final List<String> cursorsAsked = new ArrayList<>();

        FakeLibrary(int n, long reportedTotal) {
            this.n = n;
            this.reportedTotal = reportedTotal;
        }

        @Override
        public synchronized SearchResult search(SearchRequest r) {
            calls.incrementAndGet();
            cursorsAsked.add(r.cursor());
            int from = r.cursor() == null ? 0 : Integer.parseInt(r.cursor()) + 1;
            int to = Math.min(n, from + r.limit());
            List<SearchHit> hits = new ArrayList<>();
            for (int i = from; i < to; i++) {
                hits.add(hit(i));
            }
            String next = to < n && hits.size() == r.limit() ? Integer.toString(to - 1) : null;
            return new SearchResult(reportedTotal, false, false, 0, hits, next, List.of());
        }
    }

    static SearchHit hit(int i) {
        return new SearchHit(i, "/lib/f" + i + ".mid", String.format("f%05d", i), "vendor", "pack", 120.0, 19, "4/4",
                4, 8.0, List.of("bass"), false, false, null, "done", null, null, null, Integer.toString(i));
    }

    /** Runs on the EDT and waits; then lets the EDT run what the work posted. */
    static <T> T onEdt(java.util.concurrent.Callable<T> work) throws Exception {
        T t = com.midicenter.browser.edt.Edt.call(work);
        SwingUtilities.invokeAndWait(() -> { }); // then what the work posted
        return t;
    }

    static ResultsTableModel shown(FakeLibrary library, Executor executor, int pageSize) throws Exception {
        ResultsTableModel model = new ResultsTableModel(library, executor, pageSize);
        SearchRequest first = Requests.firstPage("", pageSize);
        SearchResult answer = library.search(first);
        onEdt(() -> {
            model.show(first, answer);
            return null;
        });
        return model;
    }

    @Test
    void show_firstPage_rowCountIsTheTotalAndOnlyTheFirstPageIsLoaded() throws Exception {
        // given
        FakeLibrary library = new FakeLibrary(1_000, 1_000);

        // when
        ResultsTableModel model = shown(library, Runnable::run, 100);

        // then
        assertThat(onEdt(model::getRowCount)).isEqualTo(1_000);
        assertThat(onEdt(model::loadedPages)).containsExactly(0);
        assertThat(onEdt(() -> model.getValueAt(99, ResultColumn.NAME.ordinal()))).isEqualTo("f00099");
        assertThat(onEdt(() -> model.getValueAt(0, ResultColumn.KEY.ordinal()))).isEqualTo("Am");
        assertThat(library.calls.get()).isEqualTo(1);
    }

    @Test
    void hitAt_rowOnAnUnloadedPage_isNullThenItsPageLoadsThroughTheCursor() throws Exception {
        // given
        FakeLibrary library = new FakeLibrary(1_000, 1_000);
        ResultsTableModel model = shown(library, Runnable::run, 100);

        // when
        SearchHit before = onEdt(() -> model.hitAt(150));

        // then
        assertThat(before).isNull();
        assertThat(onEdt(() -> model.hitAt(150).name())).isEqualTo("f00150");
        assertThat(onEdt(model::loadedPages)).containsExactly(0, 1);
        assertThat(library.cursorsAsked).containsExactly(null, "99");
    }

    @Test
    void hitAt_lastRowOfALargeResult_loadsThePagesBetweenKeepingOnlyTheirCursorsAndTheLastRows() throws Exception {
        // given
        FakeLibrary library = new FakeLibrary(100_000, 100_000);
        ResultsTableModel model = shown(library, Runnable::run, 200);

        // when
        onEdt(() -> model.hitAt(99_999));

        // then
        assertThat(onEdt(() -> model.hitAt(99_999).name())).isEqualTo("f99999");
        assertThat(onEdt(() -> model.pagesLoaded())).isEqualTo(499);
        assertThat(onEdt(model::loadedPages)).containsExactly(0, 497, 498, 499);
        // a page evicted or skipped reloads from its kept cursor: one call, not a walk from the start
        int calls = library.calls.get();
        assertThat(onEdt(() -> model.hitAt(300))).isNull();
        assertThat(onEdt(() -> model.hitAt(300).name())).isEqualTo("f00300");
        assertThat(library.calls.get()).isEqualTo(calls + 1);
    }

    @Test
    void show_aNewSearchWhileAPageLoads_dropsTheStalePage() throws Exception {
        // given: a page load queued for the first search
        Queue<Runnable> queued = new ArrayDeque<>();
        FakeLibrary library = new FakeLibrary(1_000, 1_000);
        ResultsTableModel model = shown(library, queued::add, 100);
        onEdt(() -> model.hitAt(500));
        FakeLibrary other = new FakeLibrary(50, 50);
        SearchRequest second = Requests.firstPage("other", 100);
        SearchResult answer = other.search(second);
        onEdt(() -> {
            model.show(second, answer);
            return null;
        });

        // when: the stale load runs after the new search is shown
        queued.poll().run();
        onEdt(() -> null);

        // then
        assertThat(onEdt(model::getRowCount)).isEqualTo(50);
        assertThat(onEdt(model::loadedPages)).containsExactly(0);
        assertThat(onEdt(model::pagesLoaded)).isZero();
    }

    @Test
    void hitAt_totalWasAnOverestimate_tableShrinksToTheRowsThere() throws Exception {
        // given
        FakeLibrary library = new FakeLibrary(250, 12_000);
        ResultsTableModel model = shown(library, Runnable::run, 100);
        assertThat(onEdt(model::getRowCount)).isEqualTo(12_000);

        // when
        onEdt(() -> model.hitAt(11_999));
        onEdt(() -> null);

        // then
        assertThat(onEdt(model::getRowCount)).isEqualTo(250);
        assertThat(onEdt(() -> model.hitAt(249).name())).isEqualTo("f00249");
    }
}
