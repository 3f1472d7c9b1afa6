package com.midicenter.browser;

import com.formdev.flatlaf.FlatClientProperties;
import com.midicenter.browser.actions.ClearSearchAction;
import com.midicenter.browser.actions.FocusSearchAction;
import com.midicenter.browser.results.Requests;
import com.midicenter.browser.state.UiState;
import com.midicenter.browser.tasks.AddFolderAction;
import com.midicenter.browser.tasks.LibraryJobs;
import com.midicenter.browser.tasks.TaskStrip;
import com.midicenter.browser.results.ResultCellRenderer;
import com.midicenter.browser.results.ResultColumn;
import com.midicenter.browser.results.ResultsTableModel;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;

import java.awt.BorderLayout;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.TableColumn;

/**
 * The library browser: a search field (search as you type), the results table and a status line.
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
    private final TaskStrip statusBar;
    private final LibraryJobs jobs;
    private final Timer debounce;
    /** The last search started; an answer with an older number is dropped. */
    private long searchSeq;
    /** The number of the search shown. */
    private long shownSeq;
    /** A new answer is shown but not painted yet. */
    private boolean answerUnpainted;
    private java.util.function.Consumer<Boolean> paintListener;

    /** A panel without library actions (no "Add folder…", no library status). */
    public BrowserPanel(Searcher searcher, Executor executor) {
        this(searcher, executor, null);
    }

    /**
     * @param jobs "Add folder…" and the library status of the status bar, or {@code null} for none
     */
    public BrowserPanel(Searcher searcher, Executor executor, LibraryJobs jobs) {
        super(new BorderLayout());
        this.searcher = searcher;
        this.executor = executor;
        this.jobs = jobs;
        this.statusBar = new TaskStrip(jobs, executor);
        this.model = new ResultsTableModel(searcher, executor);
        this.table = new JTable(model) {
            @Override
            protected void paintComponent(java.awt.Graphics g) {
                super.paintComponent(g);
                tablePainted();
            }
        };
        this.scroll = new JScrollPane(table);
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
        for (ResultColumn c : ResultColumn.values()) {
            TableColumn column = table.getColumnModel().getColumn(c.ordinal());
            column.setPreferredWidth(c.preferredWidthPx());
        }
        model.onError(this::showError);

        JPanel top = new JPanel(new BorderLayout(6, 0));
        top.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        top.add(searchField, BorderLayout.CENTER);
        if (jobs != null) {
            JButton addFolder = new JButton(new AddFolderAction(this, statusBar));
            addFolder.setName("addFolder");
            top.add(addFolder, BorderLayout.EAST);
            statusBar.onJobEnded(outcome -> searchNow());
        }
        add(top, BorderLayout.NORTH);
        add(scroll, BorderLayout.CENTER);
        add(statusBar, BorderLayout.SOUTH);
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

    private void bind(int condition, KeyStroke key, String name, javax.swing.Action action) {
        getInputMap(condition).put(key, name);
        getActionMap().put(name, action);
    }

    /** [EDT] Re-reads the theme's colours when the look and feel changes. */
    @Override
    public void updateUI() {
        super.updateUI();
        if (statusBar != null) {
            applyTheme();
        }
    }

    private void applyTheme() {
        if (scroll != null) {
            scroll.setBorder(BorderFactory.createEmptyBorder());
        }
    }

    /** [EDT] Searches for the field's text now (typing does this after {@value #DEBOUNCE_MS} ms). */
    public void searchNow() {
        debounce.stop();
        long seq = ++searchSeq;
        SearchRequest request = Requests.firstPage(searchField.getText(), model.pageSize());
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
        answerUnpainted = true;
        if (model.getRowCount() > 0) {
            table.scrollRectToVisible(table.getCellRect(0, 0, true));
        }
        statusBar.setSearchStatus(filesText(result, model.getRowCount()), null);
    }

    private void failed(long seq, String message) {
        if (seq == searchSeq) {
            showError(message);
        }
    }

    private void showError(String message) {
        statusBar.setSearchStatus("Search failed: " + message, message);
    }

    /** {@code 1,234 files}, {@code about 12,000 files}, {@code 1 file}; a typo match says so. */
    static String filesText(SearchResult result, int rows) {
        long n = result.totalEstimated() ? result.total() : rows;
        String text = String.format(Locale.ROOT, "%s%,d %s", result.totalEstimated() ? "about " : "", n,
                n == 1 ? "file" : "files");
        return result.fuzzy() ? text + " with a similar name" : text;
    }

    /**
     * [EDT] Writes what the panel remembers between runs into {@code state}: the search text, the column widths.
     */
    public void saveState(UiState state) {
        state.put("search.text", searchField.getText());
        for (ResultColumn c : ResultColumn.values()) {
            state.put("column." + c.name().toLowerCase(Locale.ROOT) + ".width",
                    table.getColumnModel().getColumn(c.ordinal()).getWidth());
        }
    }

    /** [EDT] Restores what {@link #saveState} wrote (values that make no sense are ignored) and searches again. */
    public void restoreState(UiState state) {
        for (ResultColumn c : ResultColumn.values()) {
            int w = state.getInt("column." + c.name().toLowerCase(Locale.ROOT) + ".width", -1, 16, 4_000);
            if (w > 0) {
                TableColumn column = table.getColumnModel().getColumn(c.ordinal());
                column.setPreferredWidth(w);
                column.setWidth(w);
            }
        }
        String text = state.get("search.text", "");
        if (!text.equals(searchField.getText())) {
            searchField.setText(text);
            searchNow();
        }
    }

    private void tablePainted() {
        boolean first = answerUnpainted;
        answerUnpainted = false;
        if (paintListener != null) {
            paintListener.accept(first);
        }
    }

    /**
     * [EDT] For benchmarks and tests: {@code listener} runs after every paint of the results table, with {@code true}
     * on the first paint of a new search answer ({@code null}: none).
     */
    public void onTablePainted(java.util.function.Consumer<Boolean> listener) {
        this.paintListener = listener;
    }

    /** [EDT] The search field (for the host's focus handling and for tests). */
    public JTextField searchField() {
        return searchField;
    }

    /** [EDT] The results table. */
    public JTable resultsTable() {
        return table;
    }

    /** [EDT] The results' vertical scroll bar (benchmarks, tests). */
    public javax.swing.JScrollBar resultsScrollBar() {
        return scroll.getVerticalScrollBar();
    }

    /** [EDT] The results model. */
    public ResultsTableModel resultsModel() {
        return model;
    }

    /** [EDT] The status line's text, e.g. {@code 1,234 files}. */
    public String statusText() {
        return statusBar.searchStatus();
    }

    /** [EDT] The status bar (library size, analysis, the "Add folder…" job). */
    public TaskStrip statusBar() {
        return statusBar;
    }

    /** [EDT] True when the answer shown is that of the last search started (no search in flight). */
    public boolean isSettled() {
        return shownSeq == searchSeq && !debounce.isRunning();
    }
}
