package com.midicenter.browser.results;

import com.midicenter.browser.Searcher;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;
import com.midicenter.persistence.search.SearchHit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import javax.swing.table.AbstractTableModel;

/**
 * The rows of one search, loaded a page at a time through keyset cursors, never all of them: the row count is the
 * search's exact total, and a row whose page is not loaded yet reads as {@code null} (painted as pending) while its
 * page loads on the executor. Cursors are kept for every page reached (a short string per page); the rows of at most
 * {@link #MAX_CACHED_PAGES} pages are kept, least recently used dropped first.
 *
 * <p>Reaching page {@code p} takes the cursor at the end of page {@code p - 1}: a jump far ahead (dragging the scroll
 * bar to the end) loads the pages in between in one background task, keeping only their cursors and the last rows.
 *
 * <p>[EDT] Every method except the constructor runs on the EDT; background work comes back through
 * {@link SwingUtilities#invokeLater} and is dropped when a newer search has been shown since.
 */
public final class ResultsTableModel extends AbstractTableModel {

    /** Rows per page. */
    public static final int PAGE_SIZE = 200;
    /** Pages whose rows are kept. */
    static final int MAX_CACHED_PAGES = 50;
    /** Pages asked for and not loaded yet, at most (older wishes are forgotten: the user scrolled past them). */
    static final int MAX_WANTED = 4;
    /** Pages loaded in one background task with their rows; pages before those only give their cursor. */
    private static final int KEEP_ROWS_OF_LAST = 3;

    private static final ResultColumn[] COLUMNS = ResultColumn.values();

    private final Searcher searcher;
    private final Executor executor;
    private final int pageSize;
    /** The generation of the search shown, for the background tasks to notice they are stale. */
    private final AtomicLong shownGeneration = new AtomicLong();

    private SearchRequest request;
    private long generation;
    private int rowCount;
    /** {@code cursors.get(p)}: the cursor page {@code p} starts after ({@code null} for page 0). */
    private final List<String> cursors = new ArrayList<>();
    private final Map<Integer, List<SearchHit>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<SearchHit>> eldest) {
            return size() > MAX_CACHED_PAGES;
        }
    };
    private final Set<Integer> wanted = new LinkedHashSet<>();
    private final Set<Integer> failed = new TreeSet<>();
    private boolean loading;
    private long pagesLoaded;
    private Consumer<String> errors = message -> { };

    public ResultsTableModel(Searcher searcher, Executor executor) {
        this(searcher, executor, PAGE_SIZE);
    }

    /** With another page size (tests). */
    public ResultsTableModel(Searcher searcher, Executor executor, int pageSize) {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize=" + pageSize);
        }
        this.searcher = searcher;
        this.executor = executor;
        this.pageSize = pageSize;
    }

    public int pageSize() {
        return pageSize;
    }

    /** [EDT] Where a page that failed to load says why (the panel's status line). */
    public void onError(Consumer<String> errors) {
        this.errors = errors;
    }

    /**
     * [EDT] Shows a new search: {@code first} is the answer to {@code request} (a first page of {@link #pageSize()}
     * rows); the other pages load when they are painted.
     */
    public void show(SearchRequest request, SearchResult first) {
        if (request.cursor() != null || request.limit() != pageSize) {
            throw new IllegalArgumentException("not a first page of " + pageSize + " rows: limit=" + request.limit()
                    + ", cursor=" + request.cursor());
        }
        this.request = request;
        generation++;
        shownGeneration.set(generation);
        cursors.clear();
        cursors.add(null);
        pages.clear();
        wanted.clear();
        failed.clear();
        loading = false;
        rowCount = (int) Math.min(first.total(), Integer.MAX_VALUE);
        accept(0, first.hits(), first.next(), false);
        fireTableDataChanged();
    }

    /** [EDT] The request shown ({@code null} before the first search). */
    public SearchRequest request() {
        return request;
    }

    /** [EDT] The hit at {@code row}, or {@code null} while its page loads (asking for it). */
    public SearchHit hitAt(int row) {
        if (row < 0 || row >= rowCount) {
            return null;
        }
        int page = row / pageSize;
        List<SearchHit> hits = pages.get(page);
        if (hits == null) {
            want(page);
            return null;
        }
        int i = row - page * pageSize;
        return i < hits.size() ? hits.get(i) : null;
    }

    /** [EDT] Whether the page holding {@code row} is in memory (does not ask for it). */
    public boolean isLoaded(int row) {
        return pages.containsKey(row / pageSize);
    }

    /** [EDT] The pages whose rows are in memory, in ascending order. */
    public List<Integer> loadedPages() {
        List<Integer> list = new ArrayList<>(pages.keySet());
        Collections.sort(list);
        return list;
    }

    /** [EDT] Pages loaded in the background since this model was made (the first page of a search not counted). */
    public long pagesLoaded() {
        return pagesLoaded;
    }

    @Override
    public int getRowCount() {
        return rowCount;
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column].title();
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return String.class;
    }

    /** The cell's text, or {@code null} while its page loads. */
    @Override
    public Object getValueAt(int row, int column) {
        SearchHit hit = hitAt(row);
        return hit == null ? null : COLUMNS[column].cell(hit);
    }

    private void want(int page) {
        if (failed.contains(page)) {
            return;
        }
        wanted.remove(page);
        wanted.add(page);
        if (wanted.size() > MAX_WANTED) {
            Iterator<Integer> oldest = wanted.iterator();
            oldest.next();
            oldest.remove();
        }
        pump();
    }

    /** Starts loading the most recently wanted page, one task at a time. */
    private void pump() {
        if (loading || request == null) {
            return;
        }
        Integer target = null;
        while (!wanted.isEmpty() && target == null) {
            Iterator<Integer> it = wanted.iterator();
            Integer last = null;
            while (it.hasNext()) {
                last = it.next();
            }
            wanted.remove(last);
            if (!pages.containsKey(last)) {
                target = last;
            }
        }
        if (target == null) {
            return;
        }
        int from = Math.min(target, cursors.size() - 1);
        String cursor = cursors.get(from);
        if (from > 0 && cursor == null) {
            return; // the end came before this page (the total was an estimate)
        }
        long gen = generation;
        SearchRequest base = request;
        int to = target;
        loading = true;
        try {
            // a named task, not a lambda: linking a new lambda call site on the EDT costs tens of ms the first time
            executor.execute(new PageLoad(gen, base, from, to, cursor));
        } catch (RejectedExecutionException e) {
            loading = false; // busy: the page is asked for again when it is painted
        }
    }

    /** [executor] Loads pages {@code from..to} (each one's cursor is the previous one's {@code next}). */
    private void load(long gen, SearchRequest base, int from, int to, String firstCursor) {
        List<Loaded> loaded = new ArrayList<>();
        String cursor = firstCursor;
        try {
            for (int p = from; p <= to; p++) {
                if (shownGeneration.get() != gen) {
                    return; // a newer search is shown; its own loads will come
                }
                SearchResult r = searcher.search(Requests.page(base, cursor));
                boolean keep = to - p < KEEP_ROWS_OF_LAST || r.next() == null; // the last page tells where the end is
                loaded.add(new Loaded(p, keep ? r.hits() : null, r.next()));
                cursor = r.next();
                if (cursor == null) {
                    break;
                }
            }
            SwingUtilities.invokeLater(() -> loaded(gen, to, loaded, null));
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            SwingUtilities.invokeLater(() -> loaded(gen, to, loaded, message));
        }
    }

    /** [executor] {@link #load} for pages {@code from..to}. */
    private final class PageLoad implements Runnable {
        private final long gen;
        private final SearchRequest base;
        private final int from;
        private final int to;
        private final String cursor;

        PageLoad(long gen, SearchRequest base, int from, int to, String cursor) {
            this.gen = gen;
            this.base = base;
            this.from = from;
            this.to = to;
            this.cursor = cursor;
        }

        @Override
        public void run() {
            load(gen, base, from, to, cursor);
        }
    }

    /** One page's answer; {@code hits} is {@code null} when only its cursor was kept. */
    private record Loaded(int page, List<SearchHit> hits, String next) {
    }

    private void loaded(long gen, int target, List<Loaded> loaded, String error) {
        if (gen != generation) {
            return;
        }
        loading = false;
        for (Loaded l : loaded) {
            pagesLoaded++;
            if (l.hits() != null) {
                accept(l.page(), l.hits(), l.next(), true);
                int first = l.page() * pageSize;
                int last = Math.min(rowCount, first + l.hits().size()) - 1;
                if (last >= first) {
                    fireTableRowsUpdated(first, last);
                }
            } else {
                setCursor(l.page() + 1, l.next());
            }
        }
        if (error != null) {
            failed.add(target); // not asked for again in this search: one message, not one per repaint
            errors.accept(error);
        }
        pump();
    }

    /**
     * [EDT] Shows the file's row as {@code change} makes it, if the row is in memory: a favourite or rating edited in
     * the details pane or the results menu shows at once (the order and the filters follow on the next search).
     */
    public void update(long contentId, java.util.function.UnaryOperator<SearchHit> change) {
        for (Map.Entry<Integer, List<SearchHit>> e : pages.entrySet()) {
            List<SearchHit> hits = e.getValue();
            for (int i = 0; i < hits.size(); i++) {
                SearchHit h = hits.get(i);
                SearchHit now = h.contentId() == contentId ? change.apply(h) : h;
                if (!now.equals(h)) {
                    List<SearchHit> changed = new ArrayList<>(hits);
                    changed.set(i, now);
                    e.setValue(changed); // not an access: the pages' order stays
                    int row = e.getKey() * pageSize + i;
                    if (row < rowCount) {
                        fireTableRowsUpdated(row, row);
                    }
                    return;
                }
            }
        }
    }

    /**
     * Keeps a page's rows and the cursor of the page after it; shortens the table when this was the last page
     * ({@code notify}: telling the table).
     */
    private void accept(int page, List<SearchHit> hits, String next, boolean notify) {
        pages.put(page, hits);
        setCursor(page + 1, next);
        if (next == null) {
            int end = page * pageSize + hits.size();
            if (end < rowCount) { // the total was an estimate, or rows went away since the count
                int old = rowCount;
                rowCount = end;
                if (notify) {
                    fireTableRowsDeleted(end, old - 1);
                }
            }
        }
    }

    private void setCursor(int page, String cursor) {
        while (cursors.size() <= page) {
            cursors.add(null);
        }
        cursors.set(page, cursor);
    }
}
