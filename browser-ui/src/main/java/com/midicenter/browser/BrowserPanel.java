package com.midicenter.browser;

import com.formdev.flatlaf.FlatClientProperties;
import com.midicenter.browser.actions.ClearSearchAction;
import com.midicenter.browser.actions.FocusSearchAction;
import com.midicenter.browser.filters.ChipBar;
import com.midicenter.browser.filters.FilterPanel;
import com.midicenter.browser.filters.FilterState;
import com.midicenter.browser.results.ResultCellRenderer;
import com.midicenter.browser.results.ResultColumn;
import com.midicenter.browser.results.ResultsTableModel;
import com.midicenter.browser.results.ServerSorter;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;
import com.midicenter.persistence.search.SearchCriteria.Sort;

import java.awt.BorderLayout;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ScrollPaneConstants;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.TableColumn;

/**
 * The library browser: a search field (search as you type), the filters beside the results ({@link FilterPanel}) and
 * the active ones as chips above them ({@link ChipBar}), the results table (a click on a header sorts by that column
 * in the library, never in the table: the rows are paged) and a status line.
 *
 * <p>A search is the text, the {@link FilterState} and the sort; its first page also asks for the counts of the
 * filter values in the result (facets: cheap on the index, capped at {@code SearchService.FACET_CAP} matches in SQL),
 * which the filter combos show. A filter change or a sort click searches at once; page loads of the table repeat the
 * same request with a cursor ({@code Requests.page}).
 *
 * <p>It owns neither the process, the window, the menu bar nor the database: the host passes a {@link Searcher} and
 * the {@link Executor} searches and page loads run on, and keeps both alive while the panel is shown.
 *
 * <p>Typing restarts a {@value #DEBOUNCE_MS} ms one-shot timer; when it fires the search runs on the executor and its
 * answer comes back to the EDT, where it is shown only if no newer search was started meanwhile (a sequence number).
 * Ctrl+F (Cmd+F on macOS) focuses the search field, Esc clears it.
 *
 * <p>[EDT] Build and use on the EDT only.
 */
public final class BrowserPanel extends JPanel {

    /** Pause after the last keystroke before searching, in milliseconds. */
    public static final int DEBOUNCE_MS = 150;

    private final Searcher searcher;
    private final Executor executor;
    private final JTextField searchField = new JTextField(30);
    private final ResultsTableModel model;
    private final JTable table;
    private final JScrollPane scroll;
    private final JLabel status = new JLabel(" ");
    private final FilterPanel filterPanel = new FilterPanel();
    private final ChipBar chipBar = new ChipBar();
    private final ServerSorter sorter;
    private final Timer debounce;
    /** The request of the last search started. */
    private SearchRequest lastRequest;
    /** The order asked for: {@code null} for the default (relevance with text, name without). */
    private Sort sort;
    private boolean descending;
    /** The last search started; an answer with an older number is dropped. */
    private long searchSeq;
    /** The number of the search shown. */
    private long shownSeq;

    public BrowserPanel(Searcher searcher, Executor executor) {
        super(new BorderLayout());
        this.searcher = searcher;
        this.executor = executor;
        this.model = new ResultsTableModel(searcher, executor);
        this.table = new JTable(model);
        this.scroll = new JScrollPane(table);
        this.sorter = new ServerSorter(model);
        this.debounce = new Timer(DEBOUNCE_MS, e -> searchNow());
        debounce.setRepeats(false);

        searchField.setName("search");
        searchField.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "Search names, tags, instruments…");
        searchField.putClientProperty(FlatClientProperties.TEXT_FIELD_SHOW_CLEAR_BUTTON, true);
        searchField.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                debounce.restart();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                debounce.restart();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                // attributes only
            }
        });

        table.setName("results");
        table.setFillsViewportHeight(true);
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.setDefaultRenderer(String.class, new ResultCellRenderer());
        table.getTableHeader().setReorderingAllowed(false);
        table.setRowSorter(sorter); // shows the sort arrow; never reorders rows
        sorter.onSort((s, d) -> {
            sort = s;
            descending = d;
            searchNow();
        });
        for (ResultColumn c : ResultColumn.values()) {
            TableColumn column = table.getColumnModel().getColumn(c.ordinal());
            column.setPreferredWidth(c.preferredWidthPx());
        }
        model.onError(this::showError);

        filterPanel.onChange(state -> {
            chipBar.setChips(state.chips());
            searchNow();
        });
        chipBar.onRemove(chip -> setFilterState(chip.removeFrom(filterPanel.state())));
        chipBar.onClearAll(this::clearAll);

        status.setName("status");
        JPanel top = new JPanel(new BorderLayout());
        top.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        top.add(searchField, BorderLayout.CENTER);
        top.add(chipBar, BorderLayout.SOUTH);
        add(top, BorderLayout.NORTH);
        add(filterScroll(), BorderLayout.WEST);
        add(scroll, BorderLayout.CENTER);
        add(status, BorderLayout.SOUTH);
        applyTheme();

        // Cmd on macOS, Ctrl elsewhere; a headless toolkit (unit tests) refuses to say: Ctrl
        int menuKey = GraphicsEnvironment.isHeadless() ? InputEvent.CTRL_DOWN_MASK
                : Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        bind(JComponent.WHEN_IN_FOCUSED_WINDOW, KeyStroke.getKeyStroke(KeyEvent.VK_F, menuKey), "focusSearch",
                new FocusSearchAction(searchField));
        bind(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                "clearSearch", new ClearSearchAction(searchField, this::searchNow));

        searchNow(); // the whole library until something is typed
    }

    private JScrollPane filterScroll() {
        JScrollPane s = new JScrollPane(filterPanel, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        s.setName("filtersScroll");
        s.setBorder(BorderFactory.createEmptyBorder());
        s.getVerticalScrollBar().setUnitIncrement(16);
        int width = filterPanel.getPreferredSize().width + s.getVerticalScrollBar().getPreferredSize().width;
        s.setPreferredSize(new java.awt.Dimension(width, 0));
        return s;
    }

    private void bind(int condition, KeyStroke key, String name, javax.swing.Action action) {
        getInputMap(condition).put(key, name);
        getActionMap().put(name, action);
    }

    /** [EDT] Re-reads the theme's colours when the look and feel changes. */
    @Override
    public void updateUI() {
        super.updateUI();
        if (status != null) {
            applyTheme();
        }
    }

    private void applyTheme() {
        status.setForeground(BrowserTheme.color(BrowserTheme.STATUS_FOREGROUND, "Label.disabledForeground"));
        status.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 0, 0, 0,
                        BrowserTheme.color(BrowserTheme.SEPARATOR_COLOR, "Separator.foreground")),
                BorderFactory.createEmptyBorder(3, 8, 3, 8)));
        if (scroll != null) {
            scroll.setBorder(BorderFactory.createEmptyBorder());
        }
    }

    /**
     * [EDT] Searches for the field's text with the filters and the sort now (typing does this after
     * {@value #DEBOUNCE_MS} ms; a filter change or a header click at once).
     */
    public void searchNow() {
        debounce.stop();
        long seq = ++searchSeq;
        SearchRequest request = filterPanel.state().toRequest(searchField.getText(), sort, descending,
                model.pageSize(), true);
        lastRequest = request;
        try {
            executor.execute(() -> {
                try {
                    SearchResult result = searcher.search(request);
                    SwingUtilities.invokeLater(() -> answered(seq, request, result));
                } catch (RuntimeException e) {
                    String message = e.getMessage() == null ? e.toString() : e.getMessage();
                    SwingUtilities.invokeLater(() -> failed(seq, message));
                }
            });
        } catch (RejectedExecutionException e) {
            showError("too busy to search; type again in a moment");
        }
    }

    private void answered(long seq, SearchRequest request, SearchResult result) {
        if (seq != searchSeq) {
            return; // a newer search is on its way
        }
        shownSeq = seq;
        model.show(request, result);
        filterPanel.setFacets(result.facets());
        if (model.getRowCount() > 0) {
            table.scrollRectToVisible(table.getCellRect(0, 0, true));
        }
        status.setText(filesText(result, model.getRowCount()));
        status.setToolTipText(null);
    }

    private void failed(long seq, String message) {
        if (seq == searchSeq) {
            showError(message);
        }
    }

    private void showError(String message) {
        status.setText("Search failed: " + message);
        status.setToolTipText(message);
    }

    /** {@code 1,234 files}, {@code about 12,000 files}, {@code 1 file}; a typo match says so. */
    static String filesText(SearchResult result, int rows) {
        long n = result.totalEstimated() ? result.total() : rows;
        String text = String.format(Locale.ROOT, "%s%,d %s", result.totalEstimated() ? "about " : "", n,
                n == 1 ? "file" : "files");
        return result.fuzzy() ? text + " with a similar name" : text;
    }

    /** [EDT] Removes every filter and the text, and searches (the chips' "Clear all"). */
    public void clearAll() {
        searchField.setText("");
        setFilterState(FilterState.NONE);
        searchField.requestFocusInWindow();
    }

    /** [EDT] The filters of the search (the text and the sort apart). */
    public FilterState filterState() {
        return filterPanel.state();
    }

    /** [EDT] Shows {@code filters} in the filter panel and the chips, and searches with them (a remembered search). */
    public void setFilterState(FilterState filters) {
        filterPanel.setState(filters);
        chipBar.setChips(filters.chips());
        searchNow();
    }

    /** [EDT] The sort of the search ({@code null}: relevance with text, name without). */
    public Sort sort() {
        return sort;
    }

    /** [EDT] Whether the search is sorted descending. */
    public boolean sortDescending() {
        return descending;
    }

    /**
     * [EDT] Sorts by {@code sort} ({@code null}: the default order) and searches; the header shows an arrow when a
     * column has that sort ({@link Sort#ADDED} and {@link Sort#RELEVANCE} have none).
     */
    public void setSort(Sort sort, boolean descending) {
        this.sort = sort;
        this.descending = descending;
        sorter.show(sort, descending);
        searchNow();
    }

    /** [EDT] The request of the last search started (its answer may not be shown yet); {@code null} before any. */
    public SearchRequest currentRequest() {
        return lastRequest;
    }

    /** [EDT] The filter controls beside the results. */
    public FilterPanel filterPanel() {
        return filterPanel;
    }

    /** [EDT] The active filters above the results. */
    public ChipBar chipBar() {
        return chipBar;
    }

    /** [EDT] The search field (for the host's focus handling and for tests). */
    public JTextField searchField() {
        return searchField;
    }

    /** [EDT] The results table. */
    public JTable resultsTable() {
        return table;
    }

    /** [EDT] The results model. */
    public ResultsTableModel resultsModel() {
        return model;
    }

    /** [EDT] The status line's text, e.g. {@code 1,234 files}. */
    public String statusText() {
        return status.getText();
    }

    /** [EDT] True when the answer shown is that of the last search started (no search in flight). */
    public boolean isSettled() {
        return shownSeq == searchSeq && !debounce.isRunning();
    }
}
