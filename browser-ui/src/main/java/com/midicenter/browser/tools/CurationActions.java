package com.midicenter.browser.tools;

import com.midicenter.browser.BrowserPanel;
import com.midicenter.browser.Searcher;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.persistence.search.SearchHit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.swing.JButton;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;

/**
 * The curation tools of one {@link BrowserPanel}: the results menu's "Split into tracks…" and "Export…", the panel's
 * "Export results…" and "Duplicates…" buttons, and the dialogs they open. Long work runs on named daemon threads of
 * its own (an export or a musical scan takes minutes; the panel's executor stays free for searches).
 *
 * <p>[EDT] Build and use on the EDT only.
 */
public final class CurationActions {

    private final BrowserPanel panel;
    private final Searcher searcher;
    private final CurationTools tools;
    private final JButton exportResults = new JButton("Export results…");
    private final JButton duplicates = new JButton("Duplicates…");
    private SplitDialog lastSplit;
    private ExportDialog lastExport;
    private DuplicatesDialog duplicatesDialog;
    /** The target and template of the last export started, offered by the next export dialog ({@code null}: none). */
    private String exportTarget;
    private String exportTemplate;

    public CurationActions(BrowserPanel panel, Searcher searcher, CurationTools tools) {
        this.panel = Objects.requireNonNull(panel, "panel");
        this.searcher = Objects.requireNonNull(searcher, "searcher");
        this.tools = Objects.requireNonNull(tools, "tools");
        exportResults.setName("exportResults");
        exportResults.setToolTipText("Copy every file of this search to a folder or a zip");
        exportResults.addActionListener(e -> exportResults());
        duplicates.setName("duplicates");
        duplicates.setToolTipText("Files found at several paths, and files with the same notes");
        duplicates.addActionListener(e -> duplicates());
    }

    /** The buttons the panel shows beside the search field. */
    public List<JButton> buttons() {
        return List.of(exportResults, duplicates);
    }

    /** Adds "Split into tracks…" (one file) and "Export…" (the selection) to the results menu. */
    public void addTo(JPopupMenu popup, List<SearchHit> hits) {
        JMenuItem split = new JMenuItem("Split into tracks…");
        split.setName("menu.split");
        split.setEnabled(hits.size() == 1);
        split.addActionListener(e -> split(hits.get(0)));
        popup.add(split);
        JMenuItem export = new JMenuItem(hits.size() > 1 ? "Export " + hits.size() + " files…" : "Export…");
        export.setName("menu.export");
        export.setEnabled(!hits.isEmpty());
        List<SearchHit> chosen = List.copyOf(hits);
        export.addActionListener(e -> exportSelection(chosen));
        popup.add(export);
    }

    /** Opens the split dialog for {@code hit}. */
    public SplitDialog split(SearchHit hit) {
        lastSplit = new SplitDialog(panel, this, hit);
        lastSplit.open();
        return lastSplit;
    }

    /** Opens the export dialog for these files. */
    public ExportDialog exportSelection(List<SearchHit> hits) {
        lastExport = new ExportDialog(panel, this, hits, null, searcher, hits, hits.size());
        lastExport.open();
        return lastExport;
    }

    /** Opens the export dialog for every file of the current search. */
    public ExportDialog exportResults() {
        SearchRequest request = panel.currentRequest();
        if (request == null) {
            message("Search first: the export takes the files of the search shown");
            return null;
        }
        List<SearchHit> first = new ArrayList<>();
        for (int row = 0; row < Math.min(ExportPreview.EXAMPLES, panel.resultsModel().getRowCount()); row++) {
            SearchHit h = panel.resultsModel().hitAt(row);
            if (h != null) {
                first.add(h);
            }
        }
        lastExport = new ExportDialog(panel, this, null, request, searcher, first,
                panel.resultsModel().getRowCount());
        lastExport.open();
        return lastExport;
    }

    /** Opens the duplicates view (one per panel: a second click brings it to the front). */
    public DuplicatesDialog duplicates() {
        if (duplicatesDialog == null || !duplicatesDialog.window().isDisplayable()) {
            duplicatesDialog = new DuplicatesDialog(panel, this);
            duplicatesDialog.open();
        } else {
            duplicatesDialog.reopen();
        }
        return duplicatesDialog;
    }

    /** The file's details, piano roll and preview in the panel's inspector. */
    void showFile(long contentId, String path) {
        panel.inspector().select(new SearchHit(contentId, path, Path.of(path.substring(path.lastIndexOf("!/") + 1))
                .getFileName().toString(), null, null, null, null, null, null, null, List.of(), false, false, null,
                null, null, null, null, null));
    }

    /** The library changed (parts imported): search again, the details (parts) and the library's size again. */
    void libraryChanged() {
        panel.searchNow();
        panel.refreshDetails();
        panel.statusBar().refreshStatus();
    }

    /** A complete musical scan was stored: search again when duplicates are hidden. */
    void duplicatesStored() {
        if (panel.hideDuplicatesToggle().isSelected()) {
            panel.searchNow();
        }
    }

    /** An export started with this target and template: the next dialog offers them. */
    void exportStarted(String target, String template) {
        exportTarget = target;
        exportTemplate = template;
    }

    /** The target of the last export started, or {@code null}. */
    String lastExportTarget() {
        return exportTarget;
    }

    /** The template of the last export started, or {@code null}. */
    String lastExportTemplate() {
        return exportTemplate;
    }

    /** A line in the panel's status bar. */
    void message(String text) {
        panel.statusBar().showMessage(text);
    }

    CurationTools tools() {
        return tools;
    }

    /** Runs {@code work} on a new daemon thread named {@code name} (it catches what it throws itself). */
    static void start(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    /** [EDT] The split dialog opened last, or {@code null} (tests). */
    public SplitDialog lastSplit() {
        return lastSplit;
    }

    /** [EDT] The export dialog opened last, or {@code null} (tests). */
    public ExportDialog lastExport() {
        return lastExport;
    }

    /** [EDT] The duplicates view, or {@code null} before it was opened (tests). */
    public DuplicatesDialog duplicatesDialog() {
        return duplicatesDialog;
    }
}
