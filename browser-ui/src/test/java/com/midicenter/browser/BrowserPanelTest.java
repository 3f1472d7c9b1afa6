package com.midicenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.library.search.SearchException;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;
import com.midicenter.persistence.search.SearchHit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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

    static <T> T onEdt(Callable<T> work) throws Exception {
        T t = com.midicenter.browser.edt.Edt.call(work);
        SwingUtilities.invokeAndWait(() -> { }); // then what the work posted
        return t;
    }

    BrowserPanel panel() throws Exception {
        BrowserPanel panel = onEdt(() -> new BrowserPanel(BrowserPanelTest::answer, tasks::add));
        tasks.take().run(); // the whole library
        onEdt(() -> null);
        return panel;
    }

    @Test
    void searchNow_olderAnswerArrivesLast_isDropped() throws Exception {
        // given: two searches started, their tasks queued
        BrowserPanel panel = panel();
        onEdt(() -> {
            panel.searchField().setText("ba");
            panel.searchNow();
            panel.searchField().setText("bass");
            panel.searchNow();
            return null;
        });
        Runnable older = tasks.take();
        Runnable newer = tasks.take();

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
    void typing_waitsForThePauseThenSearchesOnce() throws Exception {
        // given
        BrowserPanel panel = panel();

        // when: three keystrokes in quick succession
        for (String text : List.of("l", "le", "lead")) {
            onEdt(() -> {
                panel.searchField().setText(text);
                return null;
            });
        }

        // then: nothing before the pause, one search after it
        assertThat(tasks.poll(BrowserPanel.DEBOUNCE_MS / 2, TimeUnit.MILLISECONDS)).isNull();
        Runnable search = tasks.poll(2, TimeUnit.SECONDS);
        assertThat(search).isNotNull();
        search.run();
        onEdt(() -> null);
        assertThat(tasks.poll(BrowserPanel.DEBOUNCE_MS * 2L, TimeUnit.MILLISECONDS)).isNull();
        assertThat(onEdt(() -> panel.resultsModel().request().text())).isEqualTo("lead");
        assertThat(onEdt(() -> panel.resultsModel().getRowCount())).isEqualTo(4);
    }

    @Test
    void searchNow_searchRefused_statusSaysWhyAndTheRowsStay() throws Exception {
        // given
        BrowserPanel panel = panel();

        // when
        onEdt(() -> {
            panel.searchField().setText("bad");
            panel.searchNow();
            return null;
        });
        tasks.take().run();
        onEdt(() -> null);

        // then
        assertThat(onEdt(panel::statusText)).isEqualTo("Search failed: cannot search for 'bad'");
        assertThat(onEdt(() -> panel.resultsModel().getRowCount())).isEqualTo(100);
    }
}
