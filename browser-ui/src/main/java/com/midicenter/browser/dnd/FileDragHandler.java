package com.midicenter.browser.dnd;

import com.midicenter.library.analysis.LocationReader;
import com.midicenter.persistence.search.SearchHit;
import java.awt.datatransfer.Transferable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javax.swing.JComponent;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drags the selected rows of the results table out as files: onto a DAW track, a file manager, anything that takes
 * a file list or {@code text/uri-list} (see {@link FileTransferable}). Copy only.
 *
 * <p>Plain files dragged as they are cost no I/O beyond a readability check: their own paths are offered at once (a
 * 500-row drag writes nothing). Rows that need a real file first (archive members, or copies in the key or tempo of
 * {@link #setOptions}) are written into the {@link DragCache} on {@code executor}, off the EDT, starting when the
 * drag starts; drop targets ask for the data on drop, and the transferable waits for the copies then (at most
 * {@code maxWaitMs}). A row that cannot be read is left out and named to {@code problems}; the others are dragged.
 * The drag also carries the rows' content ids in a JVM-local flavor ({@link LibraryRows}) for the sidebar's
 * collections; other applications see only the files.
 *
 * <p>The table imports only its own rows, and only when a {@link RowDrop} accepts them (a manual collection shown in
 * its order: the rows dropped onto a gap move there). Files from elsewhere are never imported.
 *
 * <p>Use: {@code handler.installOn(table)}.
 */
public final class FileDragHandler extends TransferHandler {

    /** How long a drop waits for copies still being written. */
    public static final long DEFAULT_MAX_WAIT_MS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(FileDragHandler.class);

    private final transient IntFunction<SearchHit> hits;
    private final transient DragCache cache;
    private final transient Executor executor;
    private final transient Consumer<String> problems;
    private final long maxWaitMs;
    private volatile DragOptions options = DragOptions.AS_IS;
    private transient RowDrop rowDrop;

    /** [EDT] Where the table's own rows may be dropped back onto it, and what that does. */
    public interface RowDrop {

        /** [EDT] Whether rows dropped onto the table now would be moved (asked while the drag hovers). */
        boolean accepts();

        /**
         * [EDT] The rows {@code contentIds} were dropped onto the gap before view row {@code row} (the row count: after
         * the last).
         *
         * @return whether the drop was taken
         */
        boolean drop(List<Long> contentIds, int row);
    }

    /**
     * @param hits     [EDT] the hit of a model row, {@code null} while its page loads ({@code ResultsTableModel::hitAt})
     * @param cache    where copies are written
     * @param executor runs the copying; a bounded one that may reject (the drag is then refused with a message)
     * @param problems [EDT] told, in one clear sentence each, about rows that could not be dragged
     */
    public FileDragHandler(IntFunction<SearchHit> hits, DragCache cache, Executor executor, Consumer<String> problems) {
        this(hits, cache, executor, problems, DEFAULT_MAX_WAIT_MS);
    }

    public FileDragHandler(IntFunction<SearchHit> hits, DragCache cache, Executor executor, Consumer<String> problems,
                           long maxWaitMs) {
        this.hits = Objects.requireNonNull(hits, "hits");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.problems = Objects.requireNonNull(problems, "problems");
        if (maxWaitMs < 0) {
            throw new IllegalArgumentException("maxWaitMs=" + maxWaitMs);
        }
        this.maxWaitMs = maxWaitMs;
    }

    /** [any thread] Key and tempo of the files of the next drags; {@link DragOptions#AS_IS} to drag them unchanged. */
    public void setOptions(DragOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public DragOptions options() {
        return options;
    }

    /** [EDT] Makes {@code table}'s selected rows draggable through this handler. */
    public void installOn(JTable table) {
        if (!java.awt.GraphicsEnvironment.isHeadless()) {
            table.setDragEnabled(true); // a headless toolkit refuses (unit tests): the handler still exports
        }
        table.setDropMode(javax.swing.DropMode.INSERT_ROWS);
        table.setTransferHandler(this);
    }

    /** [EDT] Lets the table take its own rows back as {@code drop} says ({@code null}: it imports nothing). */
    public void setRowDrop(RowDrop drop) {
        this.rowDrop = drop;
    }

    /** [EDT] Only the table's own rows ({@link LibraryRows}), dropped onto a gap, while the {@link RowDrop} accepts. */
    @Override
    public boolean canImport(TransferSupport support) {
        RowDrop drop = rowDrop;
        return drop != null && support.isDrop() && support.getDropLocation() instanceof JTable.DropLocation
                && support.isDataFlavorSupported(LibraryRows.FLAVOR) && drop.accepts();
    }

    @Override
    public boolean importData(TransferSupport support) {
        if (!canImport(support)) {
            return false;
        }
        try {
            LibraryRows rows = (LibraryRows) support.getTransferable().getTransferData(LibraryRows.FLAVOR);
            return rowDrop.drop(rows.contentIds(), ((JTable.DropLocation) support.getDropLocation()).getRow());
        } catch (java.awt.datatransfer.UnsupportedFlavorException | IOException e) {
            LOG.debug("the dropped rows could not be read", e);
            return false;
        }
    }

    @Override
    public int getSourceActions(JComponent c) {
        return COPY;
    }

    /** [EDT] The selected rows of the table as a {@link FileTransferable}, or {@code null} when none can be dragged. */
    @Override
    protected Transferable createTransferable(JComponent c) {
        if (!(c instanceof JTable table)) {
            return null;
        }
        List<SearchHit> selected = new ArrayList<>();
        for (int row : table.getSelectedRows()) {
            SearchHit hit = hits.apply(table.convertRowIndexToModel(row));
            if (hit == null) {
                problems.accept("Row " + (row + 1) + " is still loading and was not dragged.");
            } else {
                selected.add(hit);
            }
        }
        FileTransferable files = transferableFor(selected);
        return files == null ? null
                : files.withRows(new LibraryRows(selected.stream().map(SearchHit::contentId).toList()));
    }

    /**
     * [EDT] The transferable for {@code selected} with the current options: ready at once when every row is a plain
     * file taken as it is, else pending while the copies are written on the executor.
     *
     * @return {@code null} when nothing can be dragged (the reasons went to {@code problems})
     */
    public FileTransferable transferableFor(List<SearchHit> selected) {
        DragOptions opts = options;
        if (selected.stream().noneMatch(hit -> DragCache.needsCopy(hit, opts))) {
            List<Path> files = new ArrayList<>(selected.size());
            for (SearchHit hit : selected) {
                Path path = Path.of(hit.path());
                if (Files.isRegularFile(path) && Files.isReadable(path)) {
                    files.add(path);
                } else {
                    problems.accept(cannotDrag(hit, new NoSuchFileException(hit.path(), null, "not found or not readable")));
                }
            }
            return files.isEmpty() ? null : FileTransferable.of(files);
        }
        try {
            return FileTransferable.pending(CompletableFuture.supplyAsync(() -> prepare(selected, opts), executor),
                    maxWaitMs);
        } catch (RejectedExecutionException e) {
            problems.accept("Still preparing the files of an earlier drag: try again in a moment.");
            return null;
        }
    }

    /** [executor] The file of each hit, copies written; rows that fail are reported and left out. */
    private List<Path> prepare(List<SearchHit> selected, DragOptions opts) {
        List<Path> files = new ArrayList<>(selected.size());
        boolean copied = false;
        try (LocationReader reader = new LocationReader()) {
            for (SearchHit hit : selected) {
                try {
                    files.add(cache.fileFor(hit, opts, reader));
                    copied |= DragCache.needsCopy(hit, opts);
                } catch (IOException | RuntimeException e) {
                    String message = cannotDrag(hit, e);
                    LOG.debug("drag: {}", message, e);
                    SwingUtilities.invokeLater(() -> problems.accept(message));
                }
            }
        }
        if (copied) {
            try {
                long freed = cache.prune(files);
                if (freed > 0) {
                    LOG.debug("drag cache {}: pruned {} bytes past the cap of {}", cache.folder(), freed, cache.maxBytes());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("drag cache {}: pruning failed, the drag goes on: {}", cache.folder(), e.toString());
            }
        }
        return List.copyOf(files);
    }

    /** "Cannot drag "b.mid": reason (location)." */
    static String cannotDrag(SearchHit hit, Exception e) {
        String reason = e instanceof NoSuchFileException n ? (n.getReason() == null ? "file not found" : n.getReason())
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Cannot drag \"" + DragCache.baseName(hit) + "\": " + reason + " (" + hit.path() + ").";
    }
}
