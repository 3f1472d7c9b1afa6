package com.midicenter.browser.tools;

import com.midicenter.library.duplicates.MusicalDuplicate;
import com.midicenter.library.duplicates.MusicalScan;
import com.midicenter.persistence.duplicates.DuplicateTotals;
import com.midicenter.persistence.duplicates.PathDuplicate;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.TableRowSorter;

/**
 * The "Duplicates" view. First tab: files found at several paths (the same bytes), most wasted space first, a page of
 * {@value #PAGE} at a time, with the totals; a click on a row lists its paths, a click on a path shows that file in the
 * inspector; "Copy paths" and "Show in folder". Second tab: "Find musical duplicates" reads the candidate files on a
 * background thread (Cancel stops it; the groups confirmed so far stay) and lists the groups of files that play the
 * same notes with different bytes.
 *
 * <p>[EDT] Build and use on the EDT only.
 */
public final class DuplicatesDialog {

    /** Groups per page of the path duplicates. */
    public static final int PAGE = 100;

    private final CurationActions actions;
    private final JDialog dialog;
    private final JLabel totals = new JLabel("Counting …");
    private final JLabel pageLabel = new JLabel(" ");
    private final JButton previous = new JButton("‹ Previous");
    private final JButton next = new JButton("Next ›");
    private final PathModel pathModel = new PathModel();
    private final JTable pathTable = new JTable(pathModel);
    private final DefaultListModel<String> paths = new DefaultListModel<>();
    private final JList<String> pathList = new JList<>(paths);
    private final JButton copy = new JButton("Copy paths");
    private final JButton show = new JButton("Show in folder");
    private final JLabel message = new JLabel(" ");
    private final JButton scan = new JButton("Find musical duplicates");
    private final JButton cancelScan = new JButton("Cancel");
    private final JProgressBar scanProgress = new JProgressBar();
    private final JLabel scanStatus = new JLabel("Reads the files that could be the same music and compares their"
            + " notes.");
    private final MusicalModel musicalModel = new MusicalModel();
    private final JTable musicalTable = new JTable(musicalModel);
    private final JTabbedPane tabs = new JTabbedPane();
    private DuplicateTotals shownTotals;
    private long offset;
    private boolean loading;
    private AtomicBoolean scanning;
    private MusicalScan lastScan;
    /** The id of the newest page asked for; older answers are dropped. */
    private long pageSeq;

    DuplicatesDialog(Component owner, CurationActions actions) {
        this.actions = actions;
        dialog = new JDialog(SwingUtilities.getWindowAncestor(owner), "Duplicates");
        dialog.setName("duplicatesDialog");
        totals.setName("dup.totals");
        pageLabel.setName("dup.page");
        previous.setName("dup.previous");
        next.setName("dup.next");
        pathTable.setName("dup.table");
        pathList.setName("dup.paths");
        copy.setName("dup.copy");
        show.setName("dup.showFolder");
        message.setName("dup.message");
        scan.setName("dup.scan");
        cancelScan.setName("dup.cancelScan");
        scanProgress.setName("dup.scanProgress");
        scanStatus.setName("dup.scanStatus");
        musicalTable.setName("dup.musical");
        tabs.setName("dup.tabs");

        TableRowSorter<PathModel> sorter = new TableRowSorter<>(pathModel);
        sorter.setComparator(0, Comparator.naturalOrder());
        pathTable.setRowSorter(sorter); // within the page; the pages come most wasted first
        pathTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        pathTable.getColumnModel().getColumn(0).setPreferredWidth(60);
        pathTable.getColumnModel().getColumn(3).setPreferredWidth(260);
        pathTable.getColumnModel().getColumn(4).setPreferredWidth(300);
        pathTable.setFillsViewportHeight(true);
        pathTable.getColumnModel().getColumn(1).setCellRenderer(new SizeRenderer());
        pathTable.getColumnModel().getColumn(2).setCellRenderer(new SizeRenderer());
        pathTable.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                groupSelected();
            }
        });
        pathList.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                pathSelected();
            }
        });
        musicalTable.setRowSorter(new TableRowSorter<>(musicalModel));
        musicalTable.getColumnModel().getColumn(0).setPreferredWidth(50);
        musicalTable.getColumnModel().getColumn(1).setPreferredWidth(50);
        musicalTable.getColumnModel().getColumn(2).setPreferredWidth(260);
        musicalTable.getColumnModel().getColumn(3).setPreferredWidth(320);
        musicalTable.setFillsViewportHeight(true);
        musicalTable.getColumnModel().getColumn(4).setCellRenderer(new SizeRenderer());
        musicalTable.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                memberSelected();
            }
        });
        previous.addActionListener(e -> loadPage(Math.max(0, offset - PAGE)));
        next.addActionListener(e -> loadPage(offset + PAGE));
        copy.addActionListener(e -> {
            List<String> selected = selectedPaths();
            if (!selected.isEmpty()) {
                Desktops.copy(selected, this::say);
            }
        });
        show.addActionListener(e -> {
            List<String> selected = selectedPaths();
            if (!selected.isEmpty()) {
                Desktops.showFolder(Desktops.folderOf(selected.get(0)), this::say);
            }
        });
        scan.addActionListener(e -> startScan());
        cancelScan.addActionListener(e -> {
            if (scanning != null) {
                scanning.set(true);
                cancelScan.setEnabled(false);
                scanStatus.setText("Stopping …");
            }
        });
        cancelScan.setEnabled(false);
        scanProgress.setVisible(false);

        JPanel byPath = new JPanel(new BorderLayout(0, 6));
        byPath.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        JPanel top = new JPanel(new BorderLayout(8, 0));
        top.add(totals, BorderLayout.CENTER);
        JPanel paging = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 0));
        paging.add(pageLabel);
        paging.add(previous);
        paging.add(next);
        top.add(paging, BorderLayout.EAST);
        byPath.add(top, BorderLayout.NORTH);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(pathTable),
                new JScrollPane(pathList));
        split.setResizeWeight(0.65);
        byPath.add(split, BorderLayout.CENTER);

        JPanel musical = new JPanel(new BorderLayout(0, 6));
        musical.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        JPanel scanButtons = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        scanButtons.add(scan);
        scanButtons.add(scanProgress);
        scanButtons.add(cancelScan);
        JPanel scanBar = new JPanel(new BorderLayout(0, 4));
        scanBar.add(scanButtons, BorderLayout.NORTH);
        scanBar.add(scanStatus, BorderLayout.SOUTH);
        musical.add(scanBar, BorderLayout.NORTH);
        musical.add(new JScrollPane(musicalTable), BorderLayout.CENTER);

        tabs.addTab("Same file at several paths", byPath);
        tabs.addTab("Same notes", musical);
        JPanel buttons = new JPanel(new BorderLayout(8, 0));
        buttons.add(message, BorderLayout.CENTER);
        JPanel actionsRow = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        actionsRow.add(copy);
        actionsRow.add(show);
        JButton close = new JButton("Close");
        close.setName("dup.close");
        close.addActionListener(e -> {
            if (scanning != null) {
                scanning.set(true);
            }
            dialog.dispose();
        });
        actionsRow.add(close);
        buttons.add(actionsRow, BorderLayout.EAST);
        JPanel content = new JPanel(new BorderLayout(0, 6));
        content.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        content.add(tabs, BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        dialog.setContentPane(content);
        dialog.setSize(new Dimension(860, 560));
        dialog.setLocationRelativeTo(owner);
    }

    /** [EDT] Shows the dialog and loads the first page and the totals. */
    JDialog open() {
        dialog.setVisible(true);
        loadPage(0);
        return dialog;
    }

    /** [EDT] Brings the dialog to the front and loads its page again (the library may have changed). */
    void reopen() {
        dialog.setVisible(true);
        dialog.toFront();
        loadPage(offset);
    }

    private void loadPage(long from) {
        long seq = ++pageSeq;
        loading = true;
        previous.setEnabled(false);
        next.setEnabled(false);
        CurationActions.start("duplicates", () -> {
            List<PathDuplicate> page = null;
            DuplicateTotals t = null;
            String problem = null;
            try {
                t = actions.tools().duplicateTotals();
                page = actions.tools().duplicatesByPath(PAGE, from);
            } catch (RuntimeException e) {
                problem = Desktops.why(e);
            }
            List<PathDuplicate> p = page;
            DuplicateTotals tt = t;
            String why = problem;
            SwingUtilities.invokeLater(() -> pageLoaded(seq, from, tt, p, why));
        });
    }

    private void pageLoaded(long seq, long from, DuplicateTotals t, List<PathDuplicate> page, String problem) {
        if (seq != pageSeq) {
            return;
        }
        loading = false;
        if (page == null) {
            totals.setText("Could not list the duplicates: " + problem);
            return;
        }
        offset = from;
        shownTotals = t;
        pathModel.set(page);
        paths.clear();
        totals.setText(totalsText(t));
        pageLabel.setText(t.contents() == 0 ? " " : String.format(Locale.ROOT, "%,d–%,d of %,d", page.isEmpty() ? 0
                : from + 1, from + page.size(), t.contents()));
        previous.setEnabled(from > 0);
        next.setEnabled(from + page.size() < t.contents());
    }

    /** {@code 12 files at several paths: 15 extra copies, 48.2 KB wasted}. */
    static String totalsText(DuplicateTotals t) {
        if (t.contents() == 0) {
            return "No file is at several paths.";
        }
        return String.format(Locale.ROOT, "%,d %s at several paths: %,d extra %s, %s wasted", t.contents(),
                t.contents() == 1 ? "file" : "files", t.extraCopies(), t.extraCopies() == 1 ? "copy" : "copies",
                Desktops.size(t.wastedBytes()));
    }

    private void groupSelected() {
        paths.clear();
        int row = pathTable.getSelectedRow();
        if (row < 0) {
            return;
        }
        PathDuplicate d = pathModel.rows.get(pathTable.convertRowIndexToModel(row));
        for (String p : d.paths()) {
            paths.addElement(p);
        }
        pathList.setSelectedIndex(0);
    }

    private void pathSelected() {
        int row = pathTable.getSelectedRow();
        String path = pathList.getSelectedValue();
        if (row >= 0 && path != null) {
            actions.showFile(pathModel.rows.get(pathTable.convertRowIndexToModel(row)).contentId(), path);
        }
    }

    private void memberSelected() {
        int row = musicalTable.getSelectedRow();
        if (row >= 0) {
            MusicalRow m = musicalModel.rows.get(musicalTable.convertRowIndexToModel(row));
            actions.showFile(m.member().contentId(), m.member().path());
        }
    }

    /** The paths the buttons act on: those of the tab shown. */
    private List<String> selectedPaths() {
        List<String> out = new ArrayList<>();
        if (tabs.getSelectedIndex() == 0) {
            List<String> chosen = pathList.getSelectedValuesList();
            if (!chosen.isEmpty()) {
                out.addAll(chosen);
            } else {
                for (int i = 0; i < paths.size(); i++) {
                    out.add(paths.get(i));
                }
            }
        } else {
            for (int row : musicalTable.getSelectedRows()) {
                out.add(musicalModel.rows.get(musicalTable.convertRowIndexToModel(row)).member().path());
            }
        }
        if (out.isEmpty()) {
            say("Select a file first");
        }
        return out;
    }

    private void startScan() {
        if (scanning != null) {
            return;
        }
        AtomicBoolean cancel = new AtomicBoolean();
        scanning = cancel;
        scan.setEnabled(false);
        cancelScan.setEnabled(true);
        scanProgress.setIndeterminate(true); // until the candidates are counted
        scanProgress.setStringPainted(false);
        scanProgress.setVisible(true);
        scanStatus.setText("Reading the candidate files …");
        // the latest figures; at most one update queued on the EDT at a time
        java.util.concurrent.atomic.AtomicReference<int[]> latest = new java.util.concurrent.atomic.AtomicReference<>();
        CurationActions.start("musical-duplicates", () -> {
            MusicalScan s = null;
            String problem = null;
            try {
                s = actions.tools().musicalDuplicates(cancel, (read, candidates) -> {
                    if (latest.getAndSet(new int[] {read, candidates}) == null) {
                        SwingUtilities.invokeLater(() -> showScanProgress(latest.getAndSet(null)));
                    }
                });
            } catch (RuntimeException e) {
                problem = Desktops.why(e);
            }
            MusicalScan result = s;
            String why = problem;
            SwingUtilities.invokeLater(() -> scanned(result, why));
        });
    }

    /** [EDT] {@code figures[0]} of {@code figures[1]} candidate files compared. */
    private void showScanProgress(int[] figures) {
        int read = figures[0];
        int candidates = figures[1];
        if (scanning == null || candidates <= 0) {
            return;
        }
        scanProgress.setIndeterminate(false);
        scanProgress.setMaximum(candidates);
        scanProgress.setValue(read);
        scanProgress.setStringPainted(true);
        scanProgress.setString(String.format(Locale.ROOT, "%,d / %,d", read, candidates));
        scanStatus.setText(String.format(Locale.ROOT, "Comparing the notes of %,d candidate files …", candidates));
    }

    private void scanned(MusicalScan s, String problem) {
        scanning = null;
        scan.setEnabled(true);
        cancelScan.setEnabled(false);
        scanProgress.setVisible(false);
        if (s == null) {
            scanStatus.setText("The scan failed: " + problem);
            return;
        }
        lastScan = s;
        List<MusicalRow> rows = new ArrayList<>();
        int group = 0;
        for (MusicalDuplicate g : s.groups()) {
            group++;
            for (MusicalDuplicate.Member m : g.members()) {
                rows.add(new MusicalRow(group, g.members().size(), m));
            }
        }
        musicalModel.set(rows);
        scanStatus.setText(scanText(s));
        if (!s.cancelled()) {
            actions.duplicatesStored(); // "Hide duplicates" now hides these groups' copies
        }
    }

    /**
     * {@code 3 groups of files with the same notes (40 files compared, 1 unreadable); "Hide duplicates" hides 4}, or
     * for a cancelled scan {@code Stopped: …; not stored}.
     */
    static String scanText(MusicalScan s) {
        long copies = s.groups().stream().mapToLong(g -> g.members().size() - 1).sum();
        return String.format(Locale.ROOT, "%s%,d %s of files with the same notes (%,d %s compared%s)%s",
                s.cancelled() ? "Stopped: " : "", s.groups().size(), s.groups().size() == 1 ? "group" : "groups",
                s.candidates(), s.candidates() == 1 ? "file" : "files",
                s.unreadable() > 0 ? String.format(Locale.ROOT, ", %,d unreadable", s.unreadable()) : "",
                s.cancelled() ? "; not stored: \"Hide duplicates\" keeps the last complete scan"
                        : String.format(Locale.ROOT, "; \"Hide duplicates\" hides %,d", copies));
    }

    private void say(String text) {
        message.setText(text);
        message.setToolTipText(text);
    }

    /** [EDT] The totals shown, or {@code null} before they are loaded. */
    public DuplicateTotals totals() {
        return shownTotals;
    }

    /** [EDT] The page of path duplicates shown, in the service's order. */
    public List<PathDuplicate> page() {
        return List.copyOf(pathModel.rows);
    }

    /** [EDT] True while a page loads. */
    public boolean isLoading() {
        return loading;
    }

    /** [EDT] The last musical scan's result, or {@code null}. */
    public MusicalScan lastScan() {
        return lastScan;
    }

    /** [EDT] True while the musical scan runs. */
    public boolean isScanning() {
        return scanning != null;
    }

    /** [EDT] The dialog window. */
    public JDialog window() {
        return dialog;
    }

    /** [EDT] A table of fixed columns over an immutable list of rows, replaced whole by {@link #set}. */
    private abstract static class RowsModel<R> extends AbstractTableModel {
        private final String[] columns;
        List<R> rows = List.of();

        RowsModel(String... columns) {
            this.columns = columns.clone();
        }

        final void set(List<R> newRows) {
            rows = List.copyOf(newRows);
            fireTableDataChanged();
        }

        @Override
        public final int getRowCount() {
            return rows.size();
        }

        @Override
        public final int getColumnCount() {
            return columns.length;
        }

        @Override
        public final String getColumnName(int column) {
            return columns[column];
        }
    }

    /** A page of path duplicates: copies, size of one, wasted, the first path. */
    private static final class PathModel extends RowsModel<PathDuplicate> {
        PathModel() {
            super("Copies", "Size", "Wasted", "File", "Folder (first path)");
        }

        @Override
        public Class<?> getColumnClass(int column) {
            return column >= 3 ? String.class : Long.class;
        }

        @Override
        public Object getValueAt(int row, int column) {
            PathDuplicate d = rows.get(row);
            String first = d.paths().isEmpty() ? "" : d.paths().get(0);
            return switch (column) {
                case 0 -> (long) d.paths().size();
                case 1 -> d.sizeBytes();
                case 2 -> d.wastedBytes();
                case 3 -> first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1);
                default -> first.isEmpty() ? "" : Desktops.folderOf(first).toString();
            };
        }
    }

    /** Bytes as {@code 12.3 KB}, right-aligned (the cell's value stays a number, so the column sorts by size). */
    private static final class SizeRenderer extends javax.swing.table.DefaultTableCellRenderer {
        SizeRenderer() {
            setHorizontalAlignment(RIGHT);
        }

        @Override
        protected void setValue(Object value) {
            setText(value instanceof Long bytes ? Desktops.size(bytes) : String.valueOf(value));
        }
    }

    /** One file of a musical duplicate group. */
    private record MusicalRow(int group, int files, MusicalDuplicate.Member member) {
    }

    /** The musical groups, a row per file: group number, files in the group, path, size. */
    private static final class MusicalModel extends RowsModel<MusicalRow> {
        MusicalModel() {
            super("Group", "Files", "File", "Folder", "Size");
        }

        @Override
        public Class<?> getColumnClass(int column) {
            return column == 2 || column == 3 ? String.class : Long.class;
        }

        @Override
        public Object getValueAt(int row, int column) {
            MusicalRow r = rows.get(row);
            String path = r.member().path();
            return switch (column) {
                case 0 -> (long) r.group();
                case 1 -> (long) r.files();
                case 2 -> path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
                case 3 -> Desktops.folderOf(path).toString();
                default -> r.member().sizeBytes();
            };
        }
    }
}
