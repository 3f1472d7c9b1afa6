package com.midicenter.browser;

import com.formdev.flatlaf.FlatClientProperties;
import com.midicenter.browser.actions.FocusSearchAction;
import com.midicenter.browser.state.UiState;
import com.midicenter.browser.tasks.AddFolderAction;
import com.midicenter.browser.tasks.LibraryJobs;
import com.midicenter.browser.tasks.TaskStrip;
import com.midicenter.browser.tools.CurationActions;
import com.midicenter.browser.tools.CurationTools;
import com.midicenter.browser.edt.TextChanged;
import com.midicenter.browser.filters.ChipBar;
import com.midicenter.browser.filters.FilterPanel;
import com.midicenter.browser.filters.FilterState;
import com.midicenter.browser.details.DetailsSource;
import com.midicenter.browser.dnd.DragCache;
import com.midicenter.browser.dnd.FileDragHandler;
import com.midicenter.browser.inspect.Inspector;
import com.midicenter.browser.preview.ReceiverSource;
import com.midicenter.browser.results.ResultCellRenderer;
import com.midicenter.browser.results.ResultColumn;
import com.midicenter.browser.results.ResultsTableModel;
import com.midicenter.browser.results.ServerSorter;
import com.midicenter.browser.sidebar.CollectionsSource;
import com.midicenter.browser.sidebar.LibrarySidebar;
import com.midicenter.browser.tags.ManageTagsPanel;
import com.midicenter.browser.tags.TagCloudPanel;
import com.midicenter.browser.tags.TagsSource;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.persistence.search.SearchHit;
import com.midicenter.library.search.SearchResult;
import com.midicenter.persistence.search.SearchCriteria.Sort;

import java.awt.BorderLayout;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ScrollPaneConstants;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
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
 * <p>Typing searches at once when no search is in flight; keys typed while one is in flight are coalesced: when its
 * answer comes back it is dropped (the text changed) and one search for the latest text starts. So a fast library
 * (the in-memory index answers in a few ms) shows results for every keystroke, and a slow one (SQL before the index
 * is built) runs one search at a time and never a queue of outdated ones. Answers come back to the EDT and are shown
 * only if no newer search was started meanwhile (a sequence number).
 * Ctrl+F (Cmd+F on macOS) focuses the search field, Esc clears it.
 *
 * <p>With a {@link CollectionsSource} the "Library" sidebar manages collections and runs stored searches; a manual
 * collection opened from it limits the results to its files ({@link #openCollection}); a search the user settles on
 * (its results shown {@value #RECORD_AFTER_MS} ms, or Enter) is remembered among the recent searches. With a
 * {@link TagsSource} the results menu's "Tag…", the details' tag autocomplete, the "Tags" cloud and "Manage tags" work.
 *
 * <p>[EDT] Build and use on the EDT only.
 */
public final class BrowserPanel extends JPanel {

    /** Pause after the last answer before the filter values are counted (facets), in ms. */
    public static final int FACETS_AFTER_MS = 120;
    /**
     * How long a search's results stay on screen, unchanged, before it counts as one the user settled on and is
     * remembered among the recent searches, in ms (Enter in the search field remembers it at once).
     */
    public static final int RECORD_AFTER_MS = 2_000;

    private final Searcher searcher;
    private final Executor executor;
    private final JTextField searchField = new JTextField(30);
    private final ResultsTableModel model;
    private final JTable table;
    private final JScrollPane scroll;
    private final TaskStrip statusBar;
    private final LibraryJobs jobs;
    private final FilterPanel filterPanel = new FilterPanel();
    private final ChipBar chipBar = new ChipBar();
    private final ServerSorter sorter;
    private final Inspector inspector;
    private final JSplitPane split;
    private final DetailsSource detailsSource;
    private final FileDragHandler dragHandler;
    /** The collections and recent searches above the filters, or {@code null} when the host gave no source. */
    private final LibrarySidebar sidebar;
    /** The user's tags across files (bulk tag, autocomplete, cloud, manage), or {@code null} when the host gave none. */
    private final TagsSource tags;
    /** The tag cloud of the current search, in the "Tags" popup; null without tags. */
    private final TagCloudPanel tagCloud;
    private final JPopupMenu tagCloudPopup = new JPopupMenu();
    private final JButton tagCloudButton = new JButton("Tags");
    /** Remembers the search shown as a recent one once it has stayed {@value #RECORD_AFTER_MS} ms. */
    private final javax.swing.Timer recordTimer = new javax.swing.Timer(RECORD_AFTER_MS, e -> recordShownSearch());
    /** The manual collection the results are limited to, or {@code null} for the whole library. */
    private OpenCollection openCollection;
    /** The buttons beside the search field ("Add folder…", the curation tools'). */
    private final JPanel actionsBar = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.RIGHT, 6, 0));
    /** Leave out the files the last musical duplicate scan found to repeat an older one's notes. */
    private final javax.swing.JCheckBox hideDuplicates = new javax.swing.JCheckBox("Hide duplicates");
    /** Split, export and duplicates, or {@code null} until {@link #installTools} (the plugin has none). */
    private CurationActions curation;
    /** Files like this one (a content id) instead of a text search, or {@code null}. */
    private String similarTo;
    private String similarName;
    private final DocumentListener textListener = new TextChanged(this::typed);
    /** Counts the filter values of the results shown, {@value #FACETS_AFTER_MS} ms after the last answer. */
    private final javax.swing.Timer facetTimer = new javax.swing.Timer(FACETS_AFTER_MS, e -> fetchFacets());
    /** The request whose results are shown (the facets are counted for it). */
    private SearchRequest facetsFor;
    /** The search whose facets were asked for last; older facet answers are dropped. */
    private long facetSeq;
    /** The row to select when the next answer is shown (after a move), or -1. */
    private int pendingSelection = -1;
    /** How many rows from {@link #pendingSelection} on to select (a block of dropped rows). */
    private int pendingSelectionRows = 1;
    /** Enter was pressed in the search field: remember the search when its answer is shown. */
    private boolean recordWhenShown;
    /** A search was started and its answer (or failure) has not come back. */
    private boolean inFlight;
    /** The text changed while a search was in flight: search again when it answers. */
    private boolean typedWhileBusy;
    /** The request of the last search started. */
    private SearchRequest lastRequest;
    /** The order asked for: {@code null} for the default (relevance with text, name without). */
    private Sort sort;
    private boolean descending;
    /** The last search started; an answer with an older number is dropped. */
    private long searchSeq;
    /** The number of the search shown. */
    private long shownSeq;
    /** A new answer is shown but not painted yet. */
    private boolean answerUnpainted;
    private java.util.function.Consumer<Boolean> paintListener;

    /**
     * What the host gives the panel. Only the searcher and the executor are required.
     *
     * @param searcher      one page of a search ({@code SearchService::search})
     * @param executor      where searches, page loads, file reads and library edits run (never the EDT)
     * @param jobs          "Add folder…" and the library status of the status bar, or {@code null} for none
     * @param details       the details pane's data and the favourite/rating/tag edits, or {@code null} for none
     * @param dragCache     the folder for drag copies (archive members, transposed or retimed copies), or
     *                      {@code null} for one under the temporary folder
     * @param previewOutput where previews play, or {@code null} for the JDK's synthesizer (a MIDI device can be
     *                      chosen in the panel)
     * @param collections   the collections and recent searches of the "Library" sidebar, or {@code null} for no
     *                      sidebar
     * @param tags          the user's tags across files (the "Tag…" dialog, autocomplete, the tag cloud, "Manage
     *                      tags"), or {@code null} for none
     */
    public record Services(Searcher searcher, Executor executor, LibraryJobs jobs, DetailsSource details,
                           Path dragCache, ReceiverSource previewOutput, CollectionsSource collections,
                           TagsSource tags) {

        public Services {
            Objects.requireNonNull(searcher, "searcher");
            Objects.requireNonNull(executor, "executor");
        }

        /** Without the tag tools. */
        public Services(Searcher searcher, Executor executor, LibraryJobs jobs, DetailsSource details,
                        Path dragCache, ReceiverSource previewOutput, CollectionsSource collections) {
            this(searcher, executor, jobs, details, dragCache, previewOutput, collections, null);
        }

        /** Without the "Library" sidebar. */
        public Services(Searcher searcher, Executor executor, LibraryJobs jobs, DetailsSource details,
                        Path dragCache, ReceiverSource previewOutput) {
            this(searcher, executor, jobs, details, dragCache, previewOutput, null, null);
        }

        /** Searching only: no library actions, no details. */
        public static Services of(Searcher searcher, Executor executor) {
            return new Services(searcher, executor, null, null, null, null);
        }
    }

    /**
     * A manual collection open in the results.
     *
     * @param id   its id (what the search is limited to)
     * @param name its name (the chip's label)
     */
    public record OpenCollection(long id, String name) {
        public OpenCollection {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A panel without library actions (no "Add folder…", no library status) and without details. */
    public BrowserPanel(Searcher searcher, Executor executor) {
        this(Services.of(searcher, executor));
    }

    /** A panel with "Add folder…" and the library status, without details. */
    public BrowserPanel(Searcher searcher, Executor executor, LibraryJobs jobs) {
        this(new Services(searcher, executor, jobs, null, null, null));
    }

    public BrowserPanel(Services services) {
        super(new BorderLayout());
        this.searcher = services.searcher();
        this.executor = services.executor();
        this.jobs = services.jobs();
        this.detailsSource = services.details();
        this.statusBar = new TaskStrip(jobs, executor);
        facetTimer.setRepeats(false);
        this.model = new ResultsTableModel(searcher, executor);
        this.table = new JTable(model) {
            @Override
            protected void paintComponent(java.awt.Graphics g) {
                super.paintComponent(g);
                tablePainted();
            }
        };
        this.scroll = new JScrollPane(table);
        this.sorter = new ServerSorter(model);
        this.inspector = new Inspector(detailsSource, executor, services.previewOutput(), statusBar::showMessage);
        this.dragHandler = new FileDragHandler(model::hitAt, new DragCache(services.dragCache() != null
                ? services.dragCache() : defaultDragCache(), DragCache.DEFAULT_MAX_BYTES), executor,
                statusBar::showMessage);
        this.split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, scroll, inspector);
        this.sidebar = services.collections() == null ? null
                : new LibrarySidebar(services.collections(), executor, statusBar::showMessage);
        this.tags = services.tags();
        this.tagCloud = tags == null ? null : new TagCloudPanel(tags, executor);
        recordTimer.setRepeats(false);

        searchField.setName("search");
        searchField.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "Search names, tags, instruments…");
        searchField.putClientProperty(FlatClientProperties.TEXT_FIELD_SHOW_CLEAR_BUTTON, true);
        searchField.getDocument().addDocumentListener(textListener);

        table.setName("results");
        table.setPreferredScrollableViewportSize(new java.awt.Dimension(760, 400));
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
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                selectionChanged();
            }
        });
        dragHandler.installOn(table);
        dragHandler.setRowDrop(new FileDragHandler.RowDrop() {
            @Override
            public boolean accepts() {
                return showsCollectionOrder() && sidebar != null;
            }

            @Override
            public boolean drop(java.util.List<Long> contentIds, int row) {
                return dropRowsAt(contentIds, row);
            }
        });
        inspector.onDragOptions(dragHandler::setOptions);
        if (inspector.detailsPane() != null) { // a favourite or rating set there shows in its row at once
            inspector.detailsPane().onShown(d -> model.update(d.contentId(), h -> h.withMarks(d.favorite(), d.rating())));
        }
        table.setComponentPopupMenu(new ResultsMenu(this).popup());
        bindTable(KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0), "togglePreview", inspector::togglePreview);
        bindTable(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "preview", this::previewSelected);
        bindTable(KeyStroke.getKeyStroke(KeyEvent.VK_UP, InputEvent.CTRL_DOWN_MASK), "moveUp", () -> moveSelected(-1));
        bindTable(KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, InputEvent.CTRL_DOWN_MASK), "moveDown",
                () -> moveSelected(1));
        searchField.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, 0),
                "toResults");
        searchField.getActionMap().put("toResults", action(this::focusResults));
        searchField.addActionListener(e -> { // Enter: remember this search (once shown, if it is on its way)
            if (isSettled()) {
                recordShownSearch();
            } else {
                recordWhenShown = true;
            }
        });

        filterPanel.onChange(state -> {
            chipBar.setChips(state.chips());
            searchNow();
        });
        chipBar.onRemove(chip -> setFilterState(chip.removeFrom(filterPanel.state())));
        chipBar.onClearAll(this::clearAll);
        chipBar.onClearScope(() -> openCollection(null));

        JPanel top = new JPanel(new BorderLayout(6, 0));
        top.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        top.add(searchField, BorderLayout.CENTER);
        top.add(chipBar, BorderLayout.SOUTH);
        actionsBar.setName("actions");
        actionsBar.setOpaque(false);
        top.add(actionsBar, BorderLayout.EAST);
        if (tagCloud != null) {
            tagCloudButton.setName("tagCloudButton");
            tagCloudButton.setToolTipText("The tags of these results; click one to filter by it");
            tagCloudButton.addActionListener(e -> showTagCloud());
            tagCloud.onChoose(t -> {
                tagCloudPopup.setVisible(false);
                setFilterState(filterState().withTag(t.name()));
            });
            tagCloudPopup.setName("tagCloudPopup");
            tagCloudPopup.add(tagCloud);
            JButton manage = new JButton("Manage your tags\u2026");
            manage.setName("manageTagsButton");
            manage.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_BORDERLESS);
            manage.putClientProperty(FlatClientProperties.STYLE_CLASS, "midiCenterLink");
            manage.addActionListener(e -> {
                tagCloudPopup.setVisible(false);
                manageTags();
            });
            tagCloudPopup.add(manage);
            actionsBar.add(tagCloudButton);
            if (inspector.detailsPane() != null) {
                inspector.detailsPane().enableTagCompletion(tags::complete);
            }
        }
        if (jobs != null) {
            JButton addFolder = new JButton(new AddFolderAction(this, statusBar));
            addFolder.setName("addFolder");
            actionsBar.add(addFolder);
            statusBar.onJobEnded(outcome -> searchNow());
        }
        add(top, BorderLayout.NORTH);
        if (sidebar == null) {
            add(filterScroll(), BorderLayout.WEST);
        } else {
            sidebar.onSearch(this::applySearch);
            sidebar.onReloaded(this::checkOpenCollection);
            sidebar.onOpen(e -> {
                if (e.id() != null) {
                    openCollection(new OpenCollection(e.id(), e.name()));
                }
            });
            sidebar.setCurrentSearch(() -> lastRequest == null ? null : lastRequest.page(model.pageSize(), null, false));
            JPanel west = new JPanel(new BorderLayout());
            west.setName("west");
            west.add(sidebar, BorderLayout.NORTH);
            west.add(filterScroll(), BorderLayout.CENTER);
            add(west, BorderLayout.WEST);
            sidebar.refresh();
        }
        split.setName("split");
        inspector.setMinimumSize(new java.awt.Dimension(300, 200));
        inspector.setPreferredSize(new java.awt.Dimension(440, 400));
        split.setResizeWeight(0.62);
        split.setContinuousLayout(true);
        split.setBorder(BorderFactory.createEmptyBorder());
        add(split, BorderLayout.CENTER);
        add(statusBar, BorderLayout.SOUTH);
        applyTheme();

        // Cmd on macOS, Ctrl elsewhere; a headless toolkit (unit tests) refuses to say: Ctrl
        int menuKey = GraphicsEnvironment.isHeadless() ? InputEvent.CTRL_DOWN_MASK
                : Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        bind(JComponent.WHEN_IN_FOCUSED_WINDOW, KeyStroke.getKeyStroke(KeyEvent.VK_F, menuKey), "focusSearch",
                new FocusSearchAction(searchField));
        bind(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                "escape", action(this::escape));

        searchNow(); // the whole library until something is typed
    }

    /** The filters, with "Hide duplicates" fixed above them (the scroll pane's column header). */
    private JScrollPane filterScroll() {
        JScrollPane s = new JScrollPane(filterPanel, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        hideDuplicates.setName("hideDuplicates");
        hideDuplicates.setToolTipText("Leave out files with the same notes as an older file (found by Duplicates… →"
                + " Find musical duplicates)");
        hideDuplicates.addActionListener(e -> searchNow());
        JPanel toggle = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 6, 2));
        toggle.add(hideDuplicates);
        s.setColumnHeaderView(toggle);
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

    private void bindTable(KeyStroke key, String name, Runnable r) {
        table.getInputMap(JComponent.WHEN_FOCUSED).put(key, name);
        table.getActionMap().put(name, action(r));
    }

    private static javax.swing.Action action(Runnable r) {
        return new javax.swing.AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                r.run();
            }
        };
    }

    private static Path defaultDragCache() {
        return Path.of(System.getProperty("java.io.tmpdir"),
                "midicenter-drag-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    /** The table's selection changed: the inspector shows the lead row's file. */
    private void selectionChanged() {
        int row = table.getSelectionModel().getLeadSelectionIndex();
        SearchHit hit = row >= 0 && table.isRowSelected(row) && row < table.getRowCount()
                ? model.hitAt(table.convertRowIndexToModel(row)) : null;
        inspector.select(hit);
    }

    /** [EDT] Enter: previews the selected file from its start. */
    public void previewSelected() {
        inspector.stop();
        inspector.play();
    }

    /** [EDT] Down in the search field: to the results, the first row selected if none is. */
    private void focusResults() {
        if (table.getRowCount() == 0) {
            return;
        }
        if (table.getSelectedRow() < 0) {
            table.setRowSelectionInterval(0, 0);
        }
        table.requestFocusInWindow();
    }

    /** [EDT] Esc: leaves "similar to" and clears the text (a new search); with nothing to clear, stops the preview. */
    public void escape() {
        boolean hadSearch = !searchField.getText().isEmpty() || similarTo != null;
        similarTo = null;
        similarName = null;
        if (!searchField.getText().isEmpty()) {
            searchField.setText(""); // searches
        } else if (hadSearch) {
            searchNow();
        } else {
            inspector.stop();
        }
        searchField.requestFocusInWindow();
    }

    /** [EDT] Lists the files most like {@code hit} (compatible key, close tempo, nearest rhythm and pitch prints). */
    public void showSimilar(SearchHit hit) {
        similarTo = Long.toString(hit.contentId());
        similarName = hit.name();
        if (!searchField.getText().isEmpty()) {
            searchField.getDocument().removeDocumentListener(textListener);
            searchField.setText("");
            searchField.getDocument().addDocumentListener(textListener);
        }
        searchNow();
    }

    /** [EDT] The files of the selected rows whose pages are loaded, in view order. */
    public java.util.List<SearchHit> selectedHits() {
        java.util.List<SearchHit> hits = new java.util.ArrayList<>();
        for (int row : table.getSelectedRows()) {
            SearchHit h = model.hitAt(table.convertRowIndexToModel(row));
            if (h != null) {
                hits.add(h);
            }
        }
        return hits;
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

    /** The field's text changed: search now, or when the search in flight answers. */
    private void typed() {
        similarTo = null;
        similarName = null;
        if (inFlight) {
            typedWhileBusy = true;
        } else {
            searchNow();
        }
    }

    /**
     * [EDT] Searches for the field's text with the filters and the sort now (typing does this when no search is in
     * flight; a filter change or a header click always).
     */
    public void searchNow() {
        typedWhileBusy = false;
        long seq = ++searchSeq;
        SearchRequest request = filterPanel.state().toRequest(searchField.getText(), sort, descending,
                model.pageSize(), false);
        if (similarTo != null) {
            request = request.similarTo(similarTo);
        }
        if (openCollection != null) {
            request = request.inCollection(openCollection.id());
        }
        if (hideDuplicates.isSelected()) {
            request = request.hidingDuplicates(true);
        }
        lastRequest = request;
        try {
            // a named task, not a lambda: linking a new lambda call site on the EDT costs tens of ms the first time
            executor.execute(new Search(seq, request));
            inFlight = true;
        } catch (RejectedExecutionException e) {
            inFlight = false;
            showError("too busy to search; type again in a moment");
        }
    }

    /** [executor] One search; its answer or failure goes back to the EDT. */
    private final class Search implements Runnable {
        private final long seq;
        private final SearchRequest request;

        Search(long seq, SearchRequest request) {
            this.seq = seq;
            this.request = request;
        }

        @Override
        public void run() {
            try {
                SearchResult result = searcher.search(request);
                SwingUtilities.invokeLater(() -> answered(seq, request, result));
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                SwingUtilities.invokeLater(() -> failed(seq, message));
            }
        }
    }

    /** True when the answer of search {@code seq} is to be dropped; starts the search for newer text if typed. */
    private boolean outdated(long seq) {
        if (seq != searchSeq) {
            return true; // a newer search is on its way
        }
        inFlight = false;
        if (typedWhileBusy) {
            searchNow(); // the text changed meanwhile: this answer is for old text
            return true;
        }
        return false;
    }

    private void answered(long seq, SearchRequest request, SearchResult result) {
        if (outdated(seq)) {
            return;
        }
        shownSeq = seq;
        model.show(request, result);
        answerUnpainted = true;
        facetsFor = request;
        facetTimer.restart(); // the counts once typing pauses: the rows first, and no counts for every keystroke
        if (recordWhenShown) {
            recordWhenShown = false;
            recordShownSearch();
        } else {
            recordTimer.restart();
        }
        if (pendingSelection >= 0 && pendingSelection < model.getRowCount()) {
            int last = Math.min(model.getRowCount(), pendingSelection + pendingSelectionRows) - 1;
            table.setRowSelectionInterval(pendingSelection, last);
            table.scrollRectToVisible(table.getCellRect(pendingSelection, 0, true));
        } else if (model.getRowCount() > 0) {
            table.scrollRectToVisible(table.getCellRect(0, 0, true));
        }
        pendingSelection = -1;
        pendingSelectionRows = 1;
        String files = filesText(result, model.getRowCount());
        statusBar.setSearchStatus(request.similarTo() != null && similarName != null
                ? files + " like " + similarName + " (Esc: back)" : files, null);
    }

    /**
     * Remembers the search shown among the recent searches (through the sidebar's source, the store the CLI's
     * {@code search} writes): when its results have stayed {@value #RECORD_AFTER_MS} ms with no newer search started,
     * or at once when the user pressed Enter in the search field. Not every keystroke: typing restarts the wait.
     */
    private void recordShownSearch() {
        if (sidebar != null && facetsFor != null && shownSeq == searchSeq
                && !com.midicenter.library.curation.SearchText.format(facetsFor.inCollection(null)).isEmpty()) {
            // (a collection opened and looked at is no search worth remembering: the sidebar lists it already)
            sidebar.recordSearch(facetsFor.page(model.pageSize(), null, false));
        }
    }

    /** [EDT] Opens the "Tags" popup and counts the tags of the current search in it. */
    public void showTagCloud() {
        if (tagCloud == null) {
            return;
        }
        SearchRequest current = lastRequest == null ? filterState().toRequest(searchField.getText(), sort, descending,
                model.pageSize(), false) : lastRequest.page(model.pageSize(), null, false);
        tagCloud.load(current);
        tagCloudPopup.pack();
        tagCloudPopup.show(tagCloudButton, 0, tagCloudButton.getHeight());
    }

    /** [EDT] Opens "Manage tags" (rename, merge your tags) over the window. */
    public javax.swing.JDialog manageTags() {
        if (tags == null) {
            return null;
        }
        return ManageTagsPanel.open(SwingUtilities.getWindowAncestor(this),
                new ManageTagsPanel(tags, executor, this::tagsChanged));
    }

    /** [EDT] After a tag edit: the details shown again and the search run again (tags are searchable words). */
    void tagsChanged() {
        refreshDetails();
        searchNow();
    }

    /** [EDT] The tag tools' source, or null when the host gave none. */
    public TagsSource tags() {
        return tags;
    }

    /** [EDT] The tag cloud in the "Tags" popup, or null without tags. */
    public TagCloudPanel tagCloud() {
        return tagCloud;
    }

    /** [EDT] The "Tags" button of the top bar. */
    public JButton tagCloudButton() {
        return tagCloudButton;
    }

    /** Counts the filter values of the results shown (a second, cheap request: one row and the facets). */
    private void fetchFacets() {
        SearchRequest shown = facetsFor;
        if (shown == null || shownSeq != searchSeq) {
            return;
        }
        long seq = shownSeq;
        facetSeq = seq;
        SearchRequest r = shown.page(1, null, true);
        try {
            executor.execute(new FacetCount(seq, r));
        } catch (RejectedExecutionException e) {
            facetTimer.restart(); // busy: try again in a moment
        }
    }

    /** [executor] The facets of one search; applied on the EDT if that search is still the one shown. */
    private final class FacetCount implements Runnable {
        private final long seq;
        private final SearchRequest request;

        FacetCount(long seq, SearchRequest request) {
            this.seq = seq;
            this.request = request;
        }

        @Override
        public void run() {
            try {
                java.util.List<com.midicenter.persistence.search.FacetCount> facets = searcher.search(request).facets();
                SwingUtilities.invokeLater(() -> {
                    if (seq == shownSeq && seq == facetSeq && seq == searchSeq) {
                        filterPanel.setFacets(facets);
                    }
                });
            } catch (RuntimeException e) {
                // the counts are a help, not the answer: the rows are shown already
            }
        }
    }

    private void failed(long seq, String message) {
        if (!outdated(seq)) {
            shownSeq = seq; // the failure is the answer shown; the rows stay
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
     * [EDT] Writes what the panel remembers between runs into {@code state}: the search text, filters and sort, the
     * column widths.
     */
    public void saveState(UiState state) {
        state.put("search.text", searchField.getText());
        state.put("search.filters", filterState().format());
        state.put("search.sort", sort == null ? null : sort.name());
        state.put("search.descending", descending);
        state.put("search.hideDuplicates", hideDuplicates.isSelected());
        state.put("split.divider", split.getDividerLocation());
        if (inspector.detailsPane() != null) {
            state.put("details.automaticTags", inspector.detailsPane().showsAutomaticTags());
        }
        inspector.saveState(state);
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
        int divider = state.getInt("split.divider", -1, 200, 10_000);
        if (divider > 0) {
            split.setDividerLocation(divider);
        }
        inspector.restoreState(state);
        if (inspector.detailsPane() != null) {
            inspector.detailsPane().setShowAutomaticTags(state.getBoolean("details.automaticTags", true));
        }
        FilterState filters = FilterState.parse(state.get("search.filters", ""));
        filterPanel.setState(filters);
        chipBar.setChips(filters.chips());
        Sort remembered = null;
        try {
            String name = state.get("search.sort", null);
            remembered = name == null ? null : Sort.valueOf(name);
        } catch (IllegalArgumentException e) {
            // a sort of another release: the default order
        }
        this.sort = remembered;
        this.descending = remembered != null && state.getBoolean("search.descending", false);
        sorter.show(sort, descending);
        hideDuplicates.setSelected(state.getBoolean("search.hideDuplicates", false));
        searchField.setText(state.get("search.text", ""));
        searchNow();
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

    /** [EDT] Removes every filter and the text, and searches (the chips' "Clear all"). */
    public void clearAll() {
        setOpenCollectionQuietly(null);
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

    /**
     * [EDT] Runs a stored search (a smart collection, a recent search): shows its text, filters and sort, and
     * searches. A filter value this panel refuses is said in the status line and nothing changes.
     */
    public void applySearch(SearchRequest request) {
        FilterState filters;
        try {
            filters = FilterState.of(request);
        } catch (IllegalArgumentException e) {
            statusBar.showMessage("Cannot run that search: " + e.getMessage());
            return;
        }
        searchField.getDocument().removeDocumentListener(textListener);
        searchField.setText(request.text() == null ? "" : request.text());
        searchField.getDocument().addDocumentListener(textListener);
        similarTo = request.similarTo();
        similarName = similarTo == null ? null : "#" + similarTo;
        String inName = request.collection() == null || sidebar == null ? null : sidebar.nameOf(request.collection());
        setOpenCollectionQuietly(request.collection() == null ? null
                : new OpenCollection(request.collection(), inName == null ? "#" + request.collection() : inName));
        sort = request.sort() == Sort.POSITION ? null : request.sort();
        descending = sort != null && request.descending();
        sorter.show(sort, descending);
        filterPanel.setState(filters);
        chipBar.setChips(filters.chips());
        searchNow();
    }

    /**
     * [EDT] Limits the results to a manual collection ({@code null}: back to the whole library): a "Collection: NAME"
     * chip leads the chip bar (its × comes back here with null); opening one clears the text, the filters and the
     * sort, so its files show in the collection's own order. Filters and words then narrow within it.
     */
    public void openCollection(OpenCollection collection) {
        setOpenCollectionQuietly(collection);
        similarTo = null;
        similarName = null;
        if (collection != null) {
            searchField.getDocument().removeDocumentListener(textListener);
            searchField.setText("");
            searchField.getDocument().addDocumentListener(textListener);
            sort = null;
            descending = false;
            sorter.show(null, false);
            filterPanel.setState(FilterState.NONE);
            chipBar.setChips(List.of());
        } else if (sidebar != null) {
            sidebar.collectionList().clearSelection();
        }
        searchNow();
    }

    /** After the sidebar reloads: the open collection renamed (the chip follows) or deleted (back to the library). */
    private void checkOpenCollection() {
        if (openCollection == null) {
            return;
        }
        String name = sidebar.nameOf(openCollection.id());
        if (name == null) {
            statusBar.showMessage("\u201c" + openCollection.name() + "\u201d is gone; back to the whole library");
            openCollection(null);
        } else if (!name.equals(openCollection.name())) {
            setOpenCollectionQuietly(new OpenCollection(openCollection.id(), name));
        }
    }

    private void setOpenCollectionQuietly(OpenCollection collection) {
        openCollection = collection;
        chipBar.setScope(collection == null ? null : "Collection: " + collection.name());
    }

    /** [EDT] The manual collection the results are limited to, or {@code null}. */
    public OpenCollection openCollection() {
        return openCollection;
    }

    /**
     * [EDT] Whether the rows show the open collection whole, in its own order (no words, filters or other sort): only
     * then is a row's place its position, and rows can be moved.
     */
    public boolean showsCollectionOrder() {
        return openCollection != null && similarTo == null && searchField.getText().isBlank()
                && filterPanel.state().isEmpty() && (sort == null || sort == Sort.POSITION);
    }

    /** [EDT] Takes the selected files out of the open collection, then shows it again. */
    public void removeSelectedFromCollection() {
        OpenCollection c = openCollection;
        java.util.List<SearchHit> hits = selectedHits();
        if (c == null || hits.isEmpty() || sidebar == null) {
            return;
        }
        sidebar.removeFrom(c.name(), hits.stream().map(SearchHit::contentId).toList(), this::searchNow);
    }

    /**
     * [EDT] Moves the selected row {@code by} places (-1 up, +1 down) in the open collection (Ctrl+Up/Down, "Move
     * up/down"), then shows the collection again with that file selected at its new place.
     */
    public void moveSelected(int by) {
        OpenCollection c = openCollection;
        int row = table.getSelectedRow();
        if (c == null || sidebar == null || !showsCollectionOrder() || table.getSelectedRowCount() != 1) {
            return;
        }
        int target = row + by;
        SearchHit hit = model.hitAt(table.convertRowIndexToModel(row));
        if (hit == null || target < 0 || target >= model.getRowCount()) {
            return;
        }
        pendingSelection = target;
        sidebar.move(c.name(), hit.contentId(), target + 1, this::searchNow);
    }

    /**
     * [EDT] Moves the files of dragged rows of the open collection to the gap before view row {@code row} (the row
     * count: the end), as a block in their order, then shows the collection again with them selected at their new
     * place. Only while it shows in its own order; a drop where the block already is moves nothing.
     *
     * @return whether a move was started
     */
    public boolean dropRowsAt(java.util.List<Long> contentIds, int row) {
        OpenCollection c = openCollection;
        if (c == null || sidebar == null || !showsCollectionOrder() || contentIds.isEmpty() || row < 0
                || row > model.getRowCount()) {
            return false;
        }
        java.util.Set<Long> moving = new java.util.HashSet<>(contentIds);
        int above = 0; // dragged rows above the gap: the block lands that many rows higher
        Long before = null; // the first row below the gap that stays, null: the block goes last
        for (int r = 0; r < model.getRowCount() && before == null; r++) {
            SearchHit hit = loadedHit(r);
            if (r < row) {
                if (hit != null && moving.contains(hit.contentId())) {
                    above++;
                }
            } else if (hit == null) {
                statusBar.showMessage("Wait until the rows have loaded, then drop again");
                return false;
            } else if (!moving.contains(hit.contentId())) {
                before = hit.contentId();
            }
        }
        int target = row - above;
        int first = Integer.MAX_VALUE;
        for (int r = 0; r < model.getRowCount(); r++) {
            SearchHit hit = loadedHit(r);
            if (hit != null && moving.contains(hit.contentId())) {
                first = r;
                break;
            }
        }
        if (first == target && contiguous(moving, first)) {
            return false; // dropped where the block already is
        }
        pendingSelection = target;
        pendingSelectionRows = contentIds.size();
        sidebar.moveBefore(c.name(), java.util.List.copyOf(contentIds), before, this::searchNow);
        return true;
    }

    /** Whether the rows from {@code first} on are exactly the files of {@code ids}, one after the other. */
    private boolean contiguous(java.util.Set<Long> ids, int first) {
        for (int r = first; r < first + ids.size(); r++) {
            SearchHit hit = r < model.getRowCount() ? loadedHit(r) : null;
            if (hit == null || !ids.contains(hit.contentId())) {
                return false;
            }
        }
        return true;
    }

    /** The hit of view row {@code row} when its page is in memory, else {@code null} (without asking for it). */
    private SearchHit loadedHit(int row) {
        int m = table.convertRowIndexToModel(row);
        return model.isLoaded(m) ? model.hitAt(m) : null;
    }

    /**
     * [EDT] Adds the curation tools: "Split into tracks…" and "Export…" in the results menu, "Export results…" and
     * "Duplicates…" beside the search field. Once; a second call is refused.
     */
    public void installTools(CurationTools tools) {
        if (curation != null) {
            throw new IllegalStateException("the curation tools are installed already");
        }
        curation = new CurationActions(this, searcher, tools);
        for (JButton b : curation.buttons()) {
            actionsBar.add(b);
        }
        actionsBar.revalidate();
    }

    /** [EDT] The curation tools, or {@code null} when none were installed. */
    public CurationActions curationActions() {
        return curation;
    }

    /** [EDT] The "Library" sidebar (collections, recent searches), or null when the host gave no source. */
    public LibrarySidebar sidebar() {
        return sidebar;
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

    /** [EDT] The "Hide duplicates" toggle above the filters. */
    public javax.swing.JCheckBox hideDuplicatesToggle() {
        return hideDuplicates;
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

    /** [EDT] The selected file's details, piano roll and preview. */
    public Inspector inspector() {
        return inspector;
    }

    /** [EDT] The details and marks of the library, or null when the host gave none. */
    public DetailsSource detailsSource() {
        return detailsSource;
    }

    /** [EDT] The drag support of the results table. */
    public FileDragHandler dragHandler() {
        return dragHandler;
    }

    /** [EDT] Reloads the details of the file shown (after a favourite, rating or tag edit). */
    public void refreshDetails() {
        if (inspector.detailsPane() != null && inspector.selected() != null) {
            inspector.detailsPane().show(inspector.selected().contentId());
        }
    }

    /** [EDT] Stops the preview and lets its output go; call when the panel goes away for good. */
    public void dispose() {
        inspector.dispose();
    }

    /** [EDT] The executor the panel's background work runs on. */
    Executor executor() {
        return executor;
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
        return shownSeq == searchSeq && !inFlight && !typedWhileBusy;
    }
}
