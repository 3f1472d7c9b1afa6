package com.midicenter.browser.sidebar;

import com.formdev.flatlaf.FlatClientProperties;
import com.midicenter.browser.dnd.LibraryRows;
import com.midicenter.library.search.SearchRequest;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.DropMode;
import javax.swing.JButton;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.TransferHandler;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;

/**
 * The "Library" section above the filters: the collections (smart and manual, with their file counts) and the recent
 * searches. Choosing a smart collection or a recent search hands its stored search to {@link #onSearch}; choosing a
 * manual one hands it to {@link #onOpen}.
 *
 * <p>Managing them: the "+" button beside "Collections" and the list's context menu create a manual collection,
 * save the current search ({@link #setCurrentSearch}) as a smart one, rename and delete (after a confirmation) the
 * collection under the mouse. Rows dragged from the results table onto a manual collection are added to it (the
 * drag's {@link LibraryRows}). Every change runs on the executor; its outcome, or the library's refusal in plain words
 * ("a collection 'Keepers' exists already"), is said once in the status line, and the lists are read again.
 *
 * <p>[EDT] Build and use on the EDT; the source is read on the executor and one snapshot is published back.
 */
public final class LibrarySidebar extends JPanel {

    /** Rows each list shows before it scrolls. */
    public static final int VISIBLE_ROWS = 5;

    /** The lists' own preferred cell width, in px: less than the filters', so the filters set the column width. */
    private static final int NARROW_CELL_PX = 120;

    private final CollectionsSource source;
    private final Executor executor;
    private final Consumer<String> messages;
    private final DefaultListModel<CollectionsSource.Entry> collections = new DefaultListModel<>();
    private final DefaultListModel<SearchRequest> recent = new DefaultListModel<>();
    private final JList<CollectionsSource.Entry> collectionList = new JList<>(collections);
    private final JList<SearchRequest> recentList = new JList<>(recent);
    private final JButton addButton = new JButton("+");
    private Consumer<SearchRequest> onSearch = r -> { };
    private Consumer<CollectionsSource.Entry> onOpen;
    private Supplier<SearchRequest> currentSearch = () -> null;
    private Runnable onReloaded = () -> { };
    private Prompts prompts = Prompts.DIALOGS;
    /** Reloads started; an older answer is dropped. */
    private long loadSeq;
    /** The number of the reload shown. */
    private long shownSeq;
    /** Longest press-to-click of one click: a choice younger than this was made by the click itself. */
    private static final long CLICK_NANOS = 400_000_000L;
    /** When an entry was last chosen (its search run or collection opened), {@link System#nanoTime()}. */
    private long chosenAtNanos;
    /** The lists are being refilled: their selection events are no choice of the user's. */
    private boolean reloading;
    /** Changes (create, rename, add...) started and not answered yet. */
    private int changesInFlight;
    /** The text form of the last search recorded as recent (the same one is not sent again). */
    private String lastRecorded;

    /**
     * @param messages the status line ({@code "Could not …"})
     */
    public LibrarySidebar(CollectionsSource source, Executor executor, Consumer<String> messages) {
        super(new GridLayout(2, 1, 0, 4));
        this.source = Objects.requireNonNull(source, "source");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.messages = Objects.requireNonNull(messages, "messages");
        setName("librarySidebar");
        setBorder(BorderFactory.createEmptyBorder(4, 6, 6, 6));
        collectionList.setName("collections");
        recentList.setName("recentSearches");
        collectionList.setCellRenderer(LibrarySidebar.<CollectionsSource.Entry>renderer(
                e -> e.smart() ? "\u2605 " + e.name() : e.name() + " (" + e.items() + ")"));
        recentList.setCellRenderer(LibrarySidebar.<SearchRequest>renderer(this::describeHere));
        for (JList<?> l : List.of(collectionList, recentList)) {
            l.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
            l.setVisibleRowCount(VISIBLE_ROWS);
            // a long search must not widen the column: the filters set its width, cells take what is there
            l.setFixedCellWidth(NARROW_CELL_PX);
        }
        collectionList.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && !reloading) {
                chosenAtNanos = System.nanoTime();
                choose(collectionList.getSelectedValue());
            }
        });
        recentList.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && !reloading) {
                chosenAtNanos = System.nanoTime();
                chooseRecent(recentList.getSelectedValue());
            }
        });
        // a click on the entry already selected runs it again (the selection does not change, so nothing else would)
        collectionList.addMouseListener(new ClickAgain(collectionList, () -> choose(collectionList.getSelectedValue())));
        recentList.addMouseListener(new ClickAgain(recentList, () -> chooseRecent(recentList.getSelectedValue())));
        addButton.setName("collections.add");
        addButton.setToolTipText("New collection, or save the search as a smart collection");
        addButton.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
        addButton.setMargin(new java.awt.Insets(0, 4, 0, 4));
        addButton.addActionListener(e -> {
            JPopupMenu menu = menuFor(null);
            menu.show(addButton, 0, addButton.getHeight());
        });
        collectionList.addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mousePressed(java.awt.event.MouseEvent e) {
                popup(e);
            }

            @Override
            public void mouseReleased(java.awt.event.MouseEvent e) {
                popup(e);
            }

            private void popup(java.awt.event.MouseEvent e) {
                if (e.isPopupTrigger()) {
                    menuFor(entryAt(e.getPoint())).show(collectionList, e.getX(), e.getY());
                }
            }
        });
        collectionList.setDropMode(DropMode.ON);
        collectionList.setTransferHandler(new CollectionDrop());
        JPanel title = new JPanel(new BorderLayout());
        title.add(new JLabel("Collections"), BorderLayout.CENTER);
        title.add(addButton, BorderLayout.EAST);
        add(section(title, collectionList));
        add(section(new JLabel("Recent searches"), recentList));
    }

    private static JPanel section(JComponent title, JList<?> list) {
        JPanel p = new JPanel(new BorderLayout(0, 2));
        p.add(title, BorderLayout.NORTH);
        p.add(new JScrollPane(list), BorderLayout.CENTER);
        return p;
    }

    private void chooseRecent(SearchRequest r) {
        if (r != null) {
            collectionList.clearSelection();
            onSearch.accept(r);
        }
    }

    /** Runs {@code again} on a left click on the selected entry when that click did not just select it. */
    private final class ClickAgain extends java.awt.event.MouseAdapter {
        private final JList<?> list;
        private final Runnable again;

        ClickAgain(JList<?> list, Runnable again) {
            this.list = list;
            this.again = again;
        }

        @Override
        public void mouseClicked(java.awt.event.MouseEvent e) {
            int i = list.locationToIndex(e.getPoint());
            boolean onSelected = i >= 0 && i == list.getSelectedIndex() && list.getCellBounds(i, i).contains(e.getPoint());
            // the selection listener ran for this very click when it chose moments ago (press to click)
            boolean justChosen = System.nanoTime() - chosenAtNanos < CLICK_NANOS;
            if (SwingUtilities.isLeftMouseButton(e) && e.getClickCount() == 1 && onSelected && !justChosen) {
                chosenAtNanos = System.nanoTime();
                again.run();
            }
        }
    }

    /** The collection at {@code p} in the list, or null below the last one. */
    private CollectionsSource.Entry entryAt(java.awt.Point p) {
        int i = collectionList.locationToIndex(p);
        return i >= 0 && collectionList.getCellBounds(i, i).contains(p) ? collections.get(i) : null;
    }

    private void choose(CollectionsSource.Entry e) {
        if (e == null) {
            return;
        }
        recentList.clearSelection();
        if (e.search() != null) {
            onSearch.accept(e.search());
        } else if (e.smart()) {
            messages.accept("The search of \u201c" + e.name() + "\u201d was saved by another version");
        } else if (onOpen != null) {
            onOpen.accept(e);
        } else {
            messages.accept("\u201c" + e.name() + "\u201d holds " + e.items() + " files");
        }
    }

    /**
     * [EDT] The context menu for {@code e} (null: the "+" menu): New collection…, Save search as smart collection…,
     * and for a collection Rename… and Delete….
     */
    public JPopupMenu menuFor(CollectionsSource.Entry e) {
        JPopupMenu menu = new JPopupMenu();
        menu.setName("collectionsMenu");
        if (e != null) {
            if (!e.smart() && onOpen != null) {
                menu.add(item("Open", "sidebar.open", () -> {
                    collectionList.setSelectedValue(e, true);
                    onOpen.accept(e);
                }));
            }
            menu.add(item("Rename \u201c" + e.name() + "\u201d\u2026", "sidebar.rename", () -> rename(e)));
            menu.add(item("Delete \u201c" + e.name() + "\u201d\u2026", "sidebar.delete", () -> delete(e)));
            menu.addSeparator();
        }
        menu.add(item("New collection\u2026", "sidebar.newCollection", this::newCollection));
        JMenuItem save = item("Save search as smart collection\u2026", "sidebar.saveSearch", this::saveSearch);
        save.setEnabled(currentSearch.get() != null);
        menu.add(save);
        return menu;
    }

    private static JMenuItem item(String text, String name, Runnable action) {
        JMenuItem item = new JMenuItem(text);
        item.setName(name);
        item.addActionListener(ev -> action.run());
        return item;
    }

    /** [EDT] Asks for a name and creates an empty manual collection. */
    public void newCollection() {
        String name = ask("New collection", "Name of the new collection:", "");
        if (name != null) {
            change("create \u201c" + name + "\u201d", () -> {
                source.create(name);
                return "Created \u201c" + name + "\u201d: drag files onto it, or use \u201cAdd to collection\u201d";
            });
        }
    }

    /** [EDT] Asks for a name and stores the current search (text, filters, sort) as a smart collection. */
    public void saveSearch() {
        SearchRequest request = currentSearch.get();
        if (request == null) {
            messages.accept("No search to save yet");
            return;
        }
        String name = ask("Save search", "Save \u201c" + describeHere(request) + "\u201d as the smart collection:",
                describeHere(request));
        if (name != null) {
            change("save the search as \u201c" + name + "\u201d", () -> {
                source.saveSearch(name, request);
                return "Saved the search as \u201c" + name + "\u201d";
            });
        }
    }

    /** [EDT] Asks for a new name and renames {@code e}. */
    public void rename(CollectionsSource.Entry e) {
        String name = ask("Rename collection", "New name for \u201c" + e.name() + "\u201d:", e.name());
        if (name != null && !name.equals(e.name())) {
            change("rename \u201c" + e.name() + "\u201d", () -> {
                source.rename(e.name(), name);
                return "Renamed \u201c" + e.name() + "\u201d to \u201c" + name + "\u201d";
            });
        }
    }

    /** [EDT] Asks, then deletes {@code e} (never its files). */
    public void delete(CollectionsSource.Entry e) {
        String what = e.smart() ? "the saved search \u201c" + e.name() + "\u201d"
                : "the collection \u201c" + e.name() + "\u201d (" + e.items() + (e.items() == 1 ? " file" : " files")
                + " stay in the library)";
        if (prompts.confirm(this, "Delete collection", "Delete " + what + "?")) {
            change("delete \u201c" + e.name() + "\u201d", () -> {
                source.delete(e.name());
                return "Deleted \u201c" + e.name() + "\u201d";
            });
        }
    }

    /** The name typed, stripped; null when cancelled or blank. */
    private String ask(String title, String question, String initial) {
        String answer = prompts.askName(this, title, question, initial);
        return answer == null || answer.isBlank() ? null : answer.strip();
    }

    /**
     * Runs a change on the executor; says its outcome (or "Could not WHAT: why") once in the status line, then reads
     * the lists again.
     */
    private void change(String what, Supplier<String> work) {
        change(what, work, () -> { });
    }

    /** {@link #change(String, Supplier)}, then {@code after} on the EDT (whether it worked or not). */
    private void change(String what, Supplier<String> work, Runnable after) {
        changesInFlight++;
        try {
            executor.execute(() -> {
                String outcome;
                try {
                    outcome = work.get();
                } catch (RuntimeException ex) {
                    outcome = "Could not " + what + ": " + (ex.getMessage() == null ? ex : ex.getMessage());
                }
                String o = outcome;
                SwingUtilities.invokeLater(() -> {
                    changesInFlight--;
                    messages.accept(o);
                    refresh();
                    after.run();
                });
            });
        } catch (RejectedExecutionException ex) {
            changesInFlight--;
            messages.accept("Busy; try again in a moment");
        }
    }

    /** [EDT] Takes the files out of the manual collection on the executor, says so, then runs {@code after}. */
    public void removeFrom(String collection, List<Long> contentIds, Runnable after) {
        change("remove from \u201c" + collection + "\u201d", () -> {
            int n = source.remove(collection, contentIds);
            return "Removed " + n + (n == 1 ? " file" : " files") + " from \u201c" + collection + "\u201d";
        }, after);
    }

    /**
     * [EDT] Moves the file to {@code position} (1-based) in the manual collection on the executor, then runs
     * {@code after}; says only a failure.
     */
    public void move(String collection, long contentId, int position, Runnable after) {
        quietly(() -> source.move(collection, contentId, position), "Could not move the file: ", after);
    }

    /**
     * [EDT] Moves the files as a block to just before {@code beforeId} ({@code null}: the end) in the manual
     * collection on the executor (a drag of rows onto a gap between others), then runs {@code after}; says only a
     * failure.
     */
    public void moveBefore(String collection, List<Long> contentIds, Long beforeId, Runnable after) {
        quietly(() -> source.moveBefore(collection, contentIds, beforeId),
                contentIds.size() == 1 ? "Could not move the file: " : "Could not move the files: ", after);
    }

    /** Runs {@code work} on the executor, then {@code after} on the EDT; says only a failure, after {@code failure}. */
    private void quietly(Runnable work, String failure, Runnable after) {
        changesInFlight++;
        try {
            executor.execute(() -> {
                String problem = null;
                try {
                    work.run();
                } catch (RuntimeException ex) {
                    problem = failure + (ex.getMessage() == null ? ex : ex.getMessage());
                }
                String p = problem;
                SwingUtilities.invokeLater(() -> {
                    changesInFlight--;
                    if (p != null) {
                        messages.accept(p);
                    }
                    after.run();
                });
            });
        } catch (RejectedExecutionException ex) {
            changesInFlight--;
            messages.accept("Busy; try again in a moment");
        }
    }

    /** [EDT] The name of the manual collection with {@code id} as listed, or {@code null}. */
    public String nameOf(long id) {
        for (int i = 0; i < collections.size(); i++) {
            if (Long.valueOf(id).equals(collections.get(i).id())) {
                return collections.get(i).name();
            }
        }
        return null;
    }

    /** [EDT] What the list's "Open" and a click on a manual collection do ({@code null}: only say its size). */
    public void onOpen(Consumer<CollectionsSource.Entry> action) {
        this.onOpen = action;
    }

    /** [EDT] Where "Save search as smart collection…" takes the search from ({@code null} answer: none yet). */
    public void setCurrentSearch(Supplier<SearchRequest> search) {
        this.currentSearch = Objects.requireNonNull(search, "search");
    }

    /** [EDT] Who asks the user for names and confirmations (modal dialogs unless a test says otherwise). */
    public void setPrompts(Prompts prompts) {
        this.prompts = Objects.requireNonNull(prompts, "prompts");
    }

    /**
     * [EDT] Remembers {@code request} as the newest recent search, on the executor, then reads the list again; the
     * search recorded last is not sent again. The empty search is not remembered (the store drops it as well).
     */
    public void recordSearch(SearchRequest request) {
        String text = com.midicenter.library.curation.SearchText.format(request);
        if (text.isEmpty() || text.equals(lastRecorded)) {
            return;
        }
        lastRecorded = text;
        changesInFlight++;
        try {
            executor.execute(() -> {
                String problem = null;
                try {
                    source.recordSearch(request);
                } catch (RuntimeException ex) {
                    problem = "Could not remember the search: " + (ex.getMessage() == null ? ex : ex.getMessage());
                }
                String p = problem;
                SwingUtilities.invokeLater(() -> {
                    changesInFlight--;
                    if (p != null) {
                        lastRecorded = null;
                        messages.accept(p);
                    }
                    refresh();
                });
            });
        } catch (RejectedExecutionException ex) {
            changesInFlight--;
            lastRecorded = null; // not recorded: try again next time
        }
    }

    /** [EDT] True when no change is under way and the newest reload is shown. */
    public boolean isSettled() {
        return changesInFlight == 0 && shownSeq == loadSeq;
    }

    /**
     * [EDT] A drop of {@code t} on the collection at {@code index}: the library rows it carries are added to that
     * manual collection.
     *
     * @return false (nothing added) when {@code t} holds no library rows or the collection is not a manual one
     */
    public boolean drop(int index, java.awt.datatransfer.Transferable t) {
        if (index < 0 || index >= collections.size() || collections.get(index).smart()
                || !t.isDataFlavorSupported(LibraryRows.FLAVOR)) {
            return false;
        }
        try {
            LibraryRows rows = (LibraryRows) t.getTransferData(LibraryRows.FLAVOR);
            addTo(collections.get(index).name(), rows.contentIds());
            return true;
        } catch (java.awt.datatransfer.UnsupportedFlavorException | java.io.IOException ex) {
            messages.accept("Could not add the dragged files: " + ex.getMessage());
            return false;
        }
    }

    /** [EDT] The "+" button. */
    public JButton addButton() {
        return addButton;
    }

    /** Drops of the results table's rows onto a manual collection: they are added to it. */
    private final class CollectionDrop extends TransferHandler {
        @Override
        public boolean canImport(TransferSupport support) {
            if (!support.isDrop() || !support.isDataFlavorSupported(LibraryRows.FLAVOR)) {
                return false;
            }
            CollectionsSource.Entry target = target(support);
            if (target == null || target.smart()) {
                return false;
            }
            support.setDropAction(COPY);
            return true;
        }

        @Override
        public boolean importData(TransferSupport support) {
            if (!canImport(support)) {
                return false;
            }
            return drop(collections.indexOf(target(support)), support.getTransferable());
        }

        private CollectionsSource.Entry target(TransferSupport support) {
            if (!(support.getDropLocation() instanceof JList.DropLocation at)) {
                return null;
            }
            int i = at.getIndex();
            if (i < 0 || i >= collections.size()) {
                return null;
            }
            java.awt.Rectangle cell = collectionList.getCellBounds(i, i);
            return cell != null && cell.contains(at.getDropPoint()) ? collections.get(i) : null;
        }
    }

    /** [EDT] What runs a stored search in the panel. */
    public void onSearch(Consumer<SearchRequest> action) {
        this.onSearch = Objects.requireNonNull(action, "action");
    }

    /** [EDT] Reads the collections and recent searches again, on the executor. */
    public void refresh() {
        long seq = ++loadSeq;
        try {
            executor.execute(new Load(seq));
        } catch (RejectedExecutionException e) {
            messages.accept("Busy; the collections were not reloaded");
        }
    }

    /** [executor] One read of the source, shown on the EDT if it is the newest. */
    private final class Load implements Runnable {
        private final long seq;

        Load(long seq) {
            this.seq = seq;
        }

        @Override
        public void run() {
            try {
                List<CollectionsSource.Entry> c = List.copyOf(source.collections());
                List<SearchRequest> r = List.copyOf(source.recentSearches());
                SwingUtilities.invokeLater(() -> show(seq, c, r));
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                SwingUtilities.invokeLater(() -> {
                    if (seq == loadSeq) {
                        shownSeq = seq;
                    }
                    messages.accept("Could not read the collections: " + why);
                });
            }
        }
    }

    private void show(long seq, List<CollectionsSource.Entry> c, List<SearchRequest> r) {
        if (seq != loadSeq) {
            return;
        }
        shownSeq = seq;
        CollectionsSource.Entry selected = collectionList.getSelectedValue();
        reloading = true;
        try {
            collections.clear();
            collections.addAll(c);
            recent.clear();
            recent.addAll(r);
            if (selected != null) { // the same collection stays marked (by name or id; its count may have changed)
                for (int i = 0; i < collections.size(); i++) {
                    CollectionsSource.Entry e = collections.get(i);
                    if (e.name().equals(selected.name()) || (e.id() != null && e.id().equals(selected.id()))) {
                        collectionList.setSelectedIndex(i);
                    }
                }
            }
        } finally {
            reloading = false;
        }
        onReloaded.run();
    }

    /** [EDT] What runs after each reload is shown (the browser checks the collection it has open). */
    public void onReloaded(Runnable action) {
        this.onReloaded = Objects.requireNonNull(action, "action");
    }

    /** {@link #describe}, with the name of the collection a search is limited to. */
    private String describeHere(SearchRequest r) {
        String d = describe(r);
        if (r.collection() == null) {
            return d;
        }
        String name = nameOf(r.collection());
        String in = "in " + (name == null ? "#" + r.collection() : name);
        return d.equals("(everything)") ? in : d + " \u00b7 " + in;
    }

    /** [EDT] The manual collections shown (what "Add to collection" offers). */
    public List<String> manualCollections() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < collections.size(); i++) {
            if (!collections.get(i).smart()) {
                names.add(collections.get(i).name());
            }
        }
        return names;
    }

    /**
     * [EDT] Adds the files to the manual collection on the executor, then says how many were added and reloads the
     * counts.
     */
    public void addTo(String collection, List<Long> contentIds) {
        change("add to \u201c" + collection + "\u201d", () -> {
            int n = source.add(collection, contentIds);
            return "Added " + n + (n == 1 ? " file" : " files") + " to \u201c" + collection + "\u201d";
        });
    }

    /** [EDT] The collections list (tests). */
    public JList<CollectionsSource.Entry> collectionList() {
        return collectionList;
    }

    /** [EDT] The recent searches list (tests). */
    public JList<SearchRequest> recentList() {
        return recentList;
    }

    /** A recent search in a line: its text and filters, e.g. {@code bass · bpm 120 · Am}. */
    static String describe(SearchRequest r) {
        List<String> parts = new ArrayList<>();
        add(parts, r.text(), "");
        add(parts, r.bpm(), "bpm ");
        add(parts, r.key(), "");
        add(parts, r.meter(), "");
        add(parts, r.bars(), "bars ");
        add(parts, r.instrument(), "");
        add(parts, r.tag(), "#");
        add(parts, r.vendor(), "");
        add(parts, r.pack(), "");
        if (r.favorite()) {
            parts.add("\u2665");
        }
        if (r.minRating() != null) {
            parts.add(r.minRating() + "\u2605+");
        }
        if (r.similarTo() != null) {
            parts.add("like #" + r.similarTo());
        }
        return parts.isEmpty() ? "(everything)" : String.join(" \u00b7 ", parts);
    }

    private static void add(List<String> parts, String value, String prefix) {
        if (value != null && !value.isBlank()) {
            parts.add(prefix + value.strip());
        }
    }

    private static <T> DefaultListCellRenderer renderer(java.util.function.Function<T, String> text) {
        return new DefaultListCellRenderer() {
            @Override
            @SuppressWarnings("unchecked")
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                          boolean focus) {
                return super.getListCellRendererComponent(list, value == null ? "" : text.apply((T) value), index,
                        selected, focus);
            }
        };
    }
}
