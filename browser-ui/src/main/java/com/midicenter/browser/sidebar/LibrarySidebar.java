package com.midicenter.browser.sidebar;

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
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;

/**
 * The "Library" section above the filters: the collections (smart and manual, with their file counts) and the recent
 * searches. Choosing a smart collection or a recent search hands its stored search to {@link #onSearch}; a manual
 * collection is listed (and offered by "Add to collection") but not yet opened: a search cannot be restricted to a
 * collection's files.
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
    private Consumer<SearchRequest> onSearch = r -> { };
    /** Reloads started; an older answer is dropped. */
    private long loadSeq;

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
        recentList.setCellRenderer(LibrarySidebar.<SearchRequest>renderer(LibrarySidebar::describe));
        for (JList<?> l : List.of(collectionList, recentList)) {
            l.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
            l.setVisibleRowCount(VISIBLE_ROWS);
            // a long search must not widen the column: the filters set its width, cells take what is there
            l.setFixedCellWidth(NARROW_CELL_PX);
        }
        collectionList.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                choose(collectionList.getSelectedValue());
            }
        });
        recentList.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && recentList.getSelectedValue() != null) {
                SearchRequest r = recentList.getSelectedValue();
                collectionList.clearSelection();
                onSearch.accept(r);
            }
        });
        add(section("Collections", collectionList));
        add(section("Recent searches", recentList));
    }

    private static JPanel section(String title, JList<?> list) {
        JPanel p = new JPanel(new BorderLayout(0, 2));
        p.add(new JLabel(title), BorderLayout.NORTH);
        p.add(new JScrollPane(list), BorderLayout.CENTER);
        return p;
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
        } else {
            messages.accept("\u201c" + e.name() + "\u201d holds " + e.items()
                    + " files; opening a manual collection is not there yet");
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
                SwingUtilities.invokeLater(() -> messages.accept("Could not read the collections: " + why));
            }
        }
    }

    private void show(long seq, List<CollectionsSource.Entry> c, List<SearchRequest> r) {
        if (seq != loadSeq) {
            return;
        }
        collections.clear();
        collections.addAll(c);
        recent.clear();
        recent.addAll(r);
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
        try {
            executor.execute(() -> {
                String outcome;
                try {
                    int n = source.add(collection, contentIds);
                    outcome = "Added " + n + (n == 1 ? " file" : " files") + " to \u201c" + collection + "\u201d";
                } catch (RuntimeException e) {
                    outcome = "Could not add to \u201c" + collection + "\u201d: "
                            + (e.getMessage() == null ? e : e.getMessage());
                }
                String o = outcome;
                SwingUtilities.invokeLater(() -> {
                    messages.accept(o);
                    refresh();
                });
            });
        } catch (RejectedExecutionException e) {
            messages.accept("Busy; try again in a moment");
        }
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
