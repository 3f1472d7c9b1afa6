package com.midicenter.browser;

import com.midicenter.browser.details.DetailsSource;
import com.midicenter.persistence.search.SearchHit;

import java.awt.Desktop;
import java.awt.Point;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPopupMenu;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.event.PopupMenuEvent;
import javax.swing.event.PopupMenuListener;

/**
 * The results table's context menu: preview, show in folder, copy path, favourite, rate, tag, add to a collection
 * (and, while a manual collection is open, remove from it and move up/down), similar files. A right
 * click on a row outside the selection selects that row first. Library edits run on the panel's executor and apply to
 * every selected file; the details pane shows the result.
 *
 * <p>[EDT]
 */
final class ResultsMenu {

    private final BrowserPanel panel;
    private final JPopupMenu popup = new JPopupMenu();

    ResultsMenu(BrowserPanel panel) {
        this.panel = panel;
        popup.setName("resultsMenu");
        popup.addPopupMenuListener(new PopupMenuListener() {
            @Override
            public void popupMenuWillBecomeVisible(PopupMenuEvent e) {
                selectRowUnderMouse();
                build();
            }

            @Override
            public void popupMenuWillBecomeInvisible(PopupMenuEvent e) {
            }

            @Override
            public void popupMenuCanceled(PopupMenuEvent e) {
            }
        });
    }

    JPopupMenu popup() {
        return popup;
    }

    private void selectRowUnderMouse() {
        JTable table = panel.resultsTable();
        Point p = table.getMousePosition();
        if (p != null) {
            int row = table.rowAtPoint(p);
            if (row >= 0 && !table.isRowSelected(row)) {
                table.setRowSelectionInterval(row, row);
            }
        }
    }

    /** Fills the menu for the current selection. */
    void build() {
        popup.removeAll();
        List<SearchHit> hits = panel.selectedHits();
        boolean any = !hits.isEmpty();
        SearchHit first = any ? hits.get(0) : null;
        boolean previewing = panel.inspector().isPreviewing();
        popup.add(item(previewing ? "Stop preview" : "Preview", "menu.preview", any || previewing,
                () -> panel.inspector().togglePreview()));
        popup.addSeparator();
        popup.add(item("Show in folder", "menu.showInFolder", any, () -> showInFolder(first)));
        popup.add(item(hits.size() > 1 ? "Copy paths" : "Copy path", "menu.copyPath", any, () -> copyPaths(hits)));
        DetailsSource source = panel.detailsSource();
        if (source != null) {
            popup.addSeparator();
            boolean allFavourite = any && hits.stream().allMatch(SearchHit::favorite);
            popup.add(item(allFavourite ? "Remove from favourites" : "Add to favourites", "menu.favorite", any,
                    () -> edit(hits, "change the favourite", h -> source.setFavorite(h.contentId(), !allFavourite),
                            h -> h.withMarks(!allFavourite, h.rating()))));
            JMenu rate = new JMenu("Rate");
            rate.setName("menu.rate");
            rate.setEnabled(any);
            for (int stars = 1; stars <= 5; stars++) {
                int s = stars;
                rate.add(item("★".repeat(s) + "☆".repeat(5 - s), "menu.rate" + s, true,
                        () -> edit(hits, "rate", h -> source.setRating(h.contentId(), s), h -> h.withMarks(h.favorite(), s))));
            }
            rate.add(item("No rating", "menu.rate0", true,
                    () -> edit(hits, "rate", h -> source.setRating(h.contentId(), null),
                            h -> h.withMarks(h.favorite(), null))));
            popup.add(rate);
            popup.add(item(hits.size() > 1 ? "Tag " + hits.size() + " files…" : panel.tags() != null ? "Tag…"
                    : "Add tag…", "menu.tag", any, () -> tag(hits)));
        }
        if (panel.sidebar() != null) {
            JMenu add = new JMenu("Add to collection");
            add.setName("menu.addToCollection");
            List<String> names = panel.sidebar().manualCollections();
            add.setEnabled(any && !names.isEmpty());
            List<Long> ids = hits.stream().map(SearchHit::contentId).toList();
            for (String name : names) {
                add.add(item(name, "menu.collection." + name, true, () -> panel.sidebar().addTo(name, ids)));
            }
            popup.add(add);
            if (panel.openCollection() != null) {
                collectionItems(hits);
            }
        }
        if (panel.curationActions() != null) { // split and export: the curation tools' own items
            popup.addSeparator();
            panel.curationActions().addTo(popup, hits);
        }
        popup.addSeparator();
        popup.add(item("Similar files", "menu.similar", any, () -> panel.showSimilar(first)));
    }

    /** Remove from the open collection, and Move up/down (Ctrl+Up/Down) while it shows in its own order. */
    private void collectionItems(List<SearchHit> hits) {
        String name = panel.openCollection().name();
        popup.add(item("Remove from \u201c" + name + "\u201d", "menu.removeFromCollection", !hits.isEmpty(),
                panel::removeSelectedFromCollection));
        boolean movable = panel.showsCollectionOrder() && panel.resultsTable().getSelectedRowCount() == 1;
        int row = panel.resultsTable().getSelectedRow();
        JMenuItem up = item("Move up", "menu.moveUp", movable && row > 0, () -> panel.moveSelected(-1));
        up.setAccelerator(javax.swing.KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_UP,
                java.awt.event.InputEvent.CTRL_DOWN_MASK));
        JMenuItem down = item("Move down", "menu.moveDown",
                movable && row < panel.resultsTable().getRowCount() - 1, () -> panel.moveSelected(1));
        down.setAccelerator(javax.swing.KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_DOWN,
                java.awt.event.InputEvent.CTRL_DOWN_MASK));
        popup.add(up);
        popup.add(down);
    }

    private static JMenuItem item(String text, String name, boolean enabled, Runnable action) {
        JMenuItem item = new JMenuItem(text);
        item.setName(name);
        item.setEnabled(enabled);
        item.addActionListener(e -> action.run());
        return item;
    }

    /** The folder holding the file (for an archive member: the folder holding the archive). */
    static Path folderOf(String location) {
        int bang = location.indexOf("!/");
        Path file = Path.of(bang >= 0 ? location.substring(0, bang) : location);
        return file.getParent() == null ? file : file.getParent();
    }

    private void showInFolder(SearchHit hit) {
        Path folder = folderOf(hit.path());
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            copyPaths(List.of(hit));
            panel.statusBar().showMessage("No file manager to open here; the path was copied: " + folder);
            return;
        }
        background(() -> {
            try {
                if (!Files.isDirectory(folder)) {
                    throw new IOException("the folder " + folder + " is gone");
                }
                Desktop.getDesktop().open(new File(folder.toString()));
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                SwingUtilities.invokeLater(() -> panel.statusBar().showMessage("Cannot show the folder: " + why));
            }
        });
    }

    private void copyPaths(List<SearchHit> hits) {
        String text = hits.stream().map(SearchHit::path).collect(Collectors.joining("\n"));
        try {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
            panel.statusBar().showMessage(hits.size() == 1 ? "Path copied" : hits.size() + " paths copied");
        } catch (IllegalStateException e) {
            panel.statusBar().showMessage("The clipboard is busy; try again");
        }
    }

    private void tag(List<SearchHit> hits) {
        if (panel.tags() != null) { // add or remove, with autocomplete
            com.midicenter.browser.tags.TagEditPanel edit = new com.midicenter.browser.tags.TagEditPanel(
                    hits.stream().map(SearchHit::contentId).toList(), panel.tags(), panel.executor(),
                    panel::tagsChanged);
            com.midicenter.browser.tags.TagEditPanel.open(SwingUtilities.getWindowAncestor(panel), edit);
            return;
        }
        String tag = JOptionPane.showInputDialog(panel, hits.size() == 1 ? "Tag for " + hits.get(0).name() + ":"
                : "Tag for " + hits.size() + " files:", "Add tag", JOptionPane.PLAIN_MESSAGE);
        if (tag == null || tag.isBlank()) {
            return;
        }
        List<Long> ids = hits.stream().map(SearchHit::contentId).toList();
        DetailsSource source = panel.detailsSource();
        background(() -> {
            String outcome;
            try {
                int n = source.addTag(ids, tag);
                outcome = "Tagged " + n + (n == 1 ? " file" : " files") + " \u201c" + tag.strip() + "\u201d";
            } catch (RuntimeException e) {
                outcome = "Could not add the tag: " + (e.getMessage() == null ? e : e.getMessage());
            }
            String o = outcome;
            SwingUtilities.invokeLater(() -> {
                panel.statusBar().showMessage(o);
                panel.refreshDetails();
            });
        });
    }

    /** Applies {@code change} to every file on the executor; says what failed, once; refreshes the details. */
    /**
     * Runs {@code change} for each file off the EDT, then shows the rows of those it changed as {@code shown} makes
     * them from what the rows hold then (their favourite or rating at once; order and filters on the next search)
     * and reloads the details.
     */
    private void edit(List<SearchHit> hits, String what, Consumer<SearchHit> change,
                      java.util.function.UnaryOperator<SearchHit> shown) {
        background(() -> {
            String problem = null;
            List<Long> changed = new java.util.ArrayList<>();
            for (SearchHit h : hits) {
                try {
                    change.accept(h);
                    changed.add(h.contentId());
                } catch (RuntimeException e) {
                    problem = "Could not " + what + ": " + (e.getMessage() == null ? e : e.getMessage());
                }
            }
            String p = problem;
            SwingUtilities.invokeLater(() -> {
                if (p != null) {
                    panel.statusBar().showMessage(p);
                }
                for (long id : changed) {
                    panel.resultsModel().update(id, shown);
                }
                panel.refreshDetails();
            });
        });
    }

    private void background(Runnable work) {
        try {
            panel.executor().execute(work);
        } catch (RejectedExecutionException e) {
            panel.statusBar().showMessage("Busy; try again in a moment");
        }
    }

}
