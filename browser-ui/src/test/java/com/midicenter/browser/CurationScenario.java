package com.midicenter.browser;

import static com.midicenter.browser.testing.ScenarioSteps.centreOnScreen;
import static com.midicenter.browser.testing.ScenarioSteps.check;
import static com.midicenter.browser.testing.ScenarioSteps.key;
import static com.midicenter.browser.testing.ScenarioSteps.moveMouseAway;
import static com.midicenter.browser.testing.ScenarioSteps.onEdt;
import static com.midicenter.browser.testing.ScenarioSteps.settle;

import com.midicenter.browser.details.DetailsSource;
import com.midicenter.browser.edt.EdtWatchdog;
import com.midicenter.browser.filters.FilterState;
import com.midicenter.browser.sidebar.CollectionsSource;
import com.midicenter.browser.tags.TagCompletion;
import com.midicenter.browser.tags.TagEditPanel;
import com.midicenter.browser.tags.TagsSource;
import com.midicenter.browser.testing.RobotDrag;
import com.midicenter.browser.testing.ScenarioLibrary;
import com.midicenter.browser.testing.ScenarioMain;
import com.midicenter.browser.testing.ScenarioSteps;
import com.midicenter.library.curation.CollectionService;
import com.midicenter.library.curation.TagService;
import com.midicenter.library.details.FileDetailsService;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.curation.CollectionItemRow;
import com.midicenter.persistence.curation.RecentSearchRow;
import com.midicenter.persistence.curation.TagCount;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.search.SearchHit;
import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JList;
import javax.swing.JPopupMenu;
import javax.swing.JTextField;
import javax.swing.MenuElement;
import javax.swing.SwingUtilities;

/**
 * The curation scenario {@link CurationWindowIT} runs in a child JVM on its own Xvfb display (with openbox): a real
 * embedded library, the real window with the collections, tags and details of the library, driven with {@link Robot}
 * like a hand: a manual collection created from the sidebar's "+" (its name typed into the real dialog), a row
 * dragged onto it, the collection opened (exactly that file), the chip's × back to the library, a search typed and
 * remembered as recent, saved as a smart collection from "+" and run again from the sidebar, two rows tagged through
 * the results menu's "Tag…" dialog (checked in the database through {@link TagService}), autocomplete and the
 * automatic-tags toggle of the details pane, and a tag of the tag cloud clicked (the results filtered by it). A first
 * pass over the menus and dialogs runs in the cold JVM; the EDT watchdog measures the second. Facts go to a
 * properties file the parent asserts on; exit code 0 when the scenario ran to its end.
 *
 * <p>Arguments: {@code REPORT_FILE SCREENSHOT_DIR}.
 */
public final class CurationScenario {

    static final long SEED = 20_261_128L;
    static final int FILES = 160;
    static final String COLLECTION = "keepers";
    static final String QUERY = "bass";
    static final String SMART = "bass search";
    static final String TAG = "keeperx";
    private static final long WAIT_MS = 20_000;

    private final Properties report = new Properties();
    private final Path shots;
    private Robot robot;
    private JFrame frame;
    private BrowserPanel panel;
    private EdtWatchdog watchdog;
    private SearchService search;
    private CollectionService collections;
    private TagService tags;

    private CurationScenario(Path shots) {
        this.shots = shots;
    }

    public static void main(String[] args) throws Exception {
        CurationScenario scenario = new CurationScenario(Path.of(args[1]));
        ScenarioMain.runAndExit("CurationScenario", Path.of(args[0]).toAbsolutePath(), scenario.report, scenario::run);
    }

    private void run() throws Exception {
        ScenarioLibrary.run("curation-ui", SEED, FILES, ScenarioLibrary.Extra.NONE, this::put,
                (db, s, executor, home) -> {
            search = s;
            collections = new CollectionService(db.sqlSessionFactory(), s);
            tags = new TagService(db.sqlSessionFactory(), s);
            browse(db, executor, home.resolve("drag-cache"));
        });
    }

    private void browse(Database db, ThreadPoolExecutor executor, Path dragCache) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        SwingUtilities.invokeAndWait(() -> {
            BrowserTheme.setup(false);
            panel = new BrowserPanel(new BrowserPanel.Services(search::search, executor, null,
                    DetailsSource.of(new FileDetailsService(db.sqlSessionFactory())), dragCache, new PreviewCapture(),
                    CollectionsSource.of(collections), TagsSource.of(tags)));
            frame = BrowserFrame.open("curation library", panel, new com.midicenter.browser.state.UiState()
                    .put("window.x", 0).put("window.y", 0).put("window.width", 1280).put("window.height", 800),
                    closed::countDown);
        });
        robot = new Robot();
        robot.setAutoDelay(15);
        List<SearchHit> everything = BrowserScenario.all(search, "");
        put("allRows", everything.size());
        waitFor("the whole library shown", () -> panel.isSettled()
                && panel.resultsModel().getRowCount() == everything.size() && panel.sidebar().isSettled());

        try (EdtWatchdog cold = EdtWatchdog.start(20, 100)) {
            warmUp();
            put("coldMaxStallMs", String.format(Locale.ROOT, "%.1f", cold.maxStallMs()));
            put("coldStalls", cold.stalls());
        }

        try (EdtWatchdog w = EdtWatchdog.start(20, 100)) {
            this.watchdog = w;
            SearchHit dragged = createCollectionAndDragARowOntoIt();
            openTheCollection(dragged);
            saveAndRerunASmartCollection();
            bulkTagTwoRows();
            detailsAutocompleteAndToggle();
            tagCloud();
            put("watchdogMaxStallMs", String.format(Locale.ROOT, "%.1f", w.maxStallMs()));
            put("watchdogMaxAtMs", w.maxAtMs());
            put("watchdogStalls", w.stalls());
            put("watchdogProbes", w.probes());
            put("watchdogReports", String.join("\n---\n", w.reports()));
        }
        onEdt(() -> {
            for (Window win : Window.getWindows()) {
                if (win != frame) {
                    win.dispose();
                }
            }
            panel.dispose();
            frame.dispose();
            return null;
        });
        put("closed", closed.await(10, TimeUnit.SECONDS));
    }

    /**
     * The menus, dialogs and popups of the measured pass once in the cold JVM (classes loading, first paints): the
     * "+" menu and the new-collection dialog (cancelled), a drag of a row onto the recent searches (which refuse it),
     * the results menu, the "Tag…" dialog (closed), the details' tag suggestions, the tags popup.
     */
    private void warmUp() throws Exception {
        JPopupMenu plus = openPlusMenu();
        click(menuItem(plus, "sidebar.newCollection"));
        JDialog ask = waitForDialog("the new-collection dialog (warm-up)", "nameDialog");
        key(robot, KeyEvent.VK_ESCAPE);
        waitFor("the dialog closed", () -> !ask.isShowing());
        clickRow(0);
        Point from = cellOnScreen(0);
        Point to = centreOnScreen(panel.sidebar().recentList());
        robot.mouseMove(from.x, from.y);
        Thread.sleep(200);
        RobotDrag.pressAndHover(robot, from, to);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        Thread.sleep(300);
        SearchHit first = onEdt(() -> panel.resultsModel().hitAt(0));
        waitFor("row 0 in the details", () -> panel.inspector().detailsPane().isSettled()
                && panel.inspector().detailsPane().details().map(d -> d.contentId() == first.contentId())
                .orElse(false));
        JTextField tagField = onEdt(() -> BrowserScenario.find(panel.inspector().detailsPane(), "addTag"));
        TagCompletion completion = onEdt(() -> panel.inspector().detailsPane().enableTagCompletion(tags::autocomplete));
        click(centreOnScreen(tagField));
        waitFor("the details tag field focused", tagField::isFocusOwner);
        type("b");
        poll(() -> onEdt(completion::isOpen), 3_000);
        key(robot, KeyEvent.VK_ESCAPE);
        onEdt(() -> {
            completion.close();
            tagField.setText("");
            return null;
        });
        clickRow(1, InputEvent.BUTTON3_DOWN_MASK);
        JPopupMenu menu = waitForPopup("resultsMenu");
        click(menuItem(menu, "menu.tag"));
        JDialog tagDialog = waitForDialog("the Tag… dialog (warm-up)", "tagDialog");
        onEdt(() -> {
            tagDialog.setVisible(false); // as its close box does
            return null;
        });
        click(centreOnScreen(panel.tagCloudButton()));
        waitForPopup("tagCloudPopup");
        waitFor("the warm-up cloud", () -> panel.tagCloud().isSettled());
        key(robot, KeyEvent.VK_ESCAPE);
        waitFor("the tags popup closed", () -> !panel.tagCloud().isShowing());
        moveMouseAway(robot);
        settle();
    }

    /** "+" → "New collection…", the name typed into the dialog; then row 3 dragged onto the new collection. */
    private SearchHit createCollectionAndDragARowOntoIt() throws Exception {
        JPopupMenu plus = openPlusMenu();
        click(menuItem(plus, "sidebar.newCollection"));
        JDialog ask = waitForDialog("the new-collection dialog", "nameDialog");
        typeInto(ask, COLLECTION);
        key(robot, KeyEvent.VK_ENTER);
        waitFor("the collection listed", () -> panel.sidebar().isSettled() && indexOf(COLLECTION) >= 0,
                () -> " status: " + panel.statusBar().jobText());
        put("createdStatus", onEdt(() -> panel.statusBar().jobText()));
        put("createdInDb", collections.get(COLLECTION).kind());

        int row = 3;
        SearchHit hit = onEdt(() -> panel.resultsModel().hitAt(row));
        clickRow(row);
        Point from = cellOnScreen(row);
        Point to = collectionCellOnScreen(COLLECTION);
        robot.mouseMove(from.x, from.y);
        Thread.sleep(200);
        RobotDrag.pressAndHover(robot, from, to);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        boolean added = poll(() -> collections.items(COLLECTION).size() == 1, 10_000);
        put("dragAdded", added);
        if (!added) {
            throw new AssertionError("the drop did not add the row; status: " + onEdt(() -> panel.statusBar()
                    .jobText()));
        }
        waitFor("the count shown", () -> panel.sidebar().isSettled()
                && panel.sidebar().collectionList().getModel().getElementAt(indexOf(COLLECTION)).items() == 1);
        put("dragStatus", onEdt(() -> panel.statusBar().jobText()));
        put("draggedId", hit.contentId());
        put("collectionItems", collections.items(COLLECTION).stream().map(CollectionItemRow::contentId).toList());
        moveMouseAway(robot);
        return hit;
    }

    /** A click on the collection in the sidebar: its one file; then the chip's ×: the whole library again. */
    private void openTheCollection(SearchHit dragged) throws Exception {
        click(collectionCellOnScreen(COLLECTION));
        waitFor("the collection's files", () -> panel.isSettled()
                && panel.resultsModel().request().collection() != null);
        put("collectionRows", onEdt(() -> panel.resultsModel().getRowCount()));
        put("collectionRowId", onEdt(() -> panel.resultsModel().hitAt(0).contentId()));
        put("collectionChip", onEdt(() -> panel.chipBar().scope()));
        put("collectionStatus", onEdt(panel::statusText));
        moveMouseAway(robot);
        screenshot("collection.png", "collection");
        reorderByDrag(dragged);
        click(centreOnScreen(BrowserScenario.find(panel.chipBar(), "chip.collection")));
        waitFor("the whole library again", () -> panel.isSettled()
                && panel.resultsModel().request().collection() == null);
        put("afterChipRows", onEdt(() -> panel.resultsModel().getRowCount()));
        put("afterChipScope", onEdt(() -> String.valueOf(panel.chipBar().scope())));
    }

    /**
     * Three more files put into the open collection (by the service: adding by drag is the step before), then its
     * last row dragged onto the gap above the first: the block order in the library and in the table, the moved row
     * selected at the top.
     */
    private void reorderByDrag(SearchHit dragged) throws Exception {
        List<Long> more = BrowserScenario.all(search, "").stream().map(SearchHit::contentId)
                .filter(id -> id != dragged.contentId()).limit(3).toList();
        collections.add(COLLECTION, more);
        onEdt(() -> {
            panel.searchNow();
            return null;
        });
        waitFor("the collection's four files", () -> panel.isSettled() && panel.resultsModel().getRowCount() == 4
                && panel.resultsModel().hitAt(3) != null);
        List<Long> before = shownIds();
        put("reorderBefore", before);
        clickRow(3);
        Point from = cellOnScreen(3);
        Point to = onEdt(() -> { // the upper quarter of row 0: the gap above it
            Rectangle r = panel.resultsTable().getCellRect(0, 0, true);
            Point p = panel.resultsTable().getLocationOnScreen();
            return new Point(p.x + r.x + Math.min(60, r.width / 2), p.y + r.y + Math.max(1, r.height / 4));
        });
        robot.mouseMove(from.x, from.y);
        Thread.sleep(200);
        RobotDrag.pressAndHover(robot, from, to);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        List<Long> expected = List.of(before.get(3), before.get(0), before.get(1), before.get(2));
        boolean moved = poll(() -> collections.items(COLLECTION).stream().map(CollectionItemRow::contentId).toList()
                .equals(expected), 10_000);
        put("reorderMoved", moved);
        put("reorderExpected", expected);
        put("reorderInDb", collections.items(COLLECTION).stream().map(CollectionItemRow::contentId).toList());
        if (moved) {
            waitFor("the table in the new order", () -> panel.isSettled() && panel.resultsModel().getRowCount() == 4
                    && panel.resultsModel().hitAt(0) != null
                    && panel.resultsModel().hitAt(0).contentId() == expected.get(0));
        }
        put("reorderShown", shownIds());
        put("reorderSelected", onEdt(() -> java.util.Arrays.toString(panel.resultsTable().getSelectedRows())));
        moveMouseAway(robot);
        collections.remove(COLLECTION, more); // the steps after see the one dragged file, as before
        onEdt(() -> {
            panel.searchNow();
            return null;
        });
        waitFor("the collection's one file again", () -> panel.isSettled()
                && panel.resultsModel().getRowCount() == 1);
    }

    private List<Long> shownIds() throws Exception {
        return onEdt(() -> {
            List<Long> ids = new java.util.ArrayList<>();
            for (int r = 0; r < panel.resultsModel().getRowCount(); r++) {
                ids.add(panel.resultsModel().hitAt(r).contentId());
            }
            return ids;
        });
    }

    /**
     * "bass" typed (and remembered as recent once its results stayed), saved from "+" as a smart collection, Esc, then
     * the smart collection chosen in the sidebar: the same search again.
     */
    private void saveAndRerunASmartCollection() throws Exception {
        click(centreOnScreen(panel.searchField()));
        waitFor("search field focused", () -> panel.searchField().isFocusOwner());
        type(QUERY);
        waitFor("results for '" + QUERY + "'", () -> panel.isSettled()
                && QUERY.equals(panel.resultsModel().request().text()));
        List<SearchHit> expected = BrowserScenario.all(search, QUERY);
        put("queryExpectedRows", expected.size());
        boolean recorded = poll(() -> collections.recentSearches().stream().map(RecentSearchRow::query)
                .anyMatch(q -> q.equals("text=" + QUERY + "\n")), BrowserPanel.RECORD_AFTER_MS + 8_000);
        put("recentRecorded", recorded);
        waitFor("the recent list shows it", () -> panel.sidebar().isSettled()
                && panel.sidebar().recentList().getModel().getSize() > 0
                && QUERY.equals(panel.sidebar().recentList().getModel().getElementAt(0).text()));
        put("recentListFirst", onEdt(() -> panel.sidebar().recentList().getModel().getElementAt(0).text()));

        JPopupMenu plus = openPlusMenu();
        click(menuItem(plus, "sidebar.saveSearch"));
        JDialog ask = waitForDialog("the save-search dialog", "nameDialog");
        put("saveSearchOffered", onEdt(() -> textField(ask).getText()));
        typeInto(ask, SMART);
        key(robot, KeyEvent.VK_ENTER);
        waitFor("the smart collection listed", () -> panel.sidebar().isSettled() && indexOf(SMART) >= 0,
                () -> " status: " + panel.statusBar().jobText());
        put("smartStoredText", collections.savedSearch(SMART, 50).text());

        click(centreOnScreen(panel.searchField()));
        key(robot, KeyEvent.VK_ESCAPE);
        waitFor("the whole library after Esc", () -> panel.isSettled()
                && panel.resultsModel().request().text() == null);
        click(collectionCellOnScreen(SMART));
        waitFor("the smart collection's results", () -> panel.isSettled()
                && QUERY.equals(panel.resultsModel().request().text()));
        put("smartFieldText", onEdt(() -> panel.searchField().getText()));
        put("smartRows", onEdt(() -> panel.resultsModel().getRowCount()));
        put("smartRowsMatch", onEdt(() -> sameIds(expected)));
        moveMouseAway(robot);
        screenshot("smart.png", "smart");
    }

    /** Rows 0 and 1 of the search selected, right click → "Tag 2 files…", the tag typed, "Add to 2 files". */
    private void bulkTagTwoRows() throws Exception {
        List<Long> ids = onEdt(() -> List.of(panel.resultsModel().hitAt(0).contentId(),
                panel.resultsModel().hitAt(1).contentId()));
        clickRow(0);
        robot.keyPress(KeyEvent.VK_SHIFT);
        click(cellOnScreen(1));
        robot.keyRelease(KeyEvent.VK_SHIFT);
        waitFor("two rows selected", () -> panel.resultsTable().getSelectedRowCount() == 2);
        click(cellOnScreen(1), InputEvent.BUTTON3_DOWN_MASK);
        JPopupMenu menu = waitForPopup("resultsMenu");
        put("tagMenuText", onEdt(() -> ((AbstractButton) find(menu, "menu.tag")).getText()));
        click(menuItem(menu, "menu.tag"));
        JDialog dialog = waitForDialog("the Tag… dialog", "tagDialog");
        TagEditPanel edit = onEdt(() -> (TagEditPanel) dialog.getContentPane());
        click(centreOnScreen(edit.field()));
        waitFor("the tag field focused", () -> edit.field().isFocusOwner());
        type(TAG);
        // the Robot's keys reach the field as the EDT gets to them: wait for the last one before reading it
        waitFor("'" + TAG + "' typed", () -> TAG.equals(edit.field().getText()), () -> " field: " + edit.field().getText());
        put("tagFieldText", onEdt(() -> edit.field().getText()));
        click(centreOnScreen(edit.addButton()));
        waitFor("the tag added", () -> !edit.isBusy() && edit.messageText().startsWith("Tagged"),
                () -> " message: " + edit.messageText());
        put("tagMessage", onEdt(edit::messageText));
        put("tagDialogRegion", "shown");
        screenshotWindow(dialog, "tag-dialog.png", "tagDialog");
        onEdt(() -> {
            dialog.setVisible(false);
            return null;
        });
        put("taggedIds", ids);
        put("tagDbFiles", tags.userTags(TAG, 10).stream().filter(t -> t.name().equals(TAG))
                .map(TagCount::files).findFirst().orElse(0L));
        put("tagSearchIds", BrowserScenario.all(search, FilterState.NONE.withTag(TAG), "").stream()
                .map(SearchHit::contentId).sorted().toList());
        put("taggedIdsSorted", ids.stream().sorted().toList());
    }

    /** The details pane of row 0: "kee" in its tag field lists the new tag; "Automatic tags" off leaves yours. */
    private void detailsAutocompleteAndToggle() throws Exception {
        SearchHit hit = onEdt(() -> panel.resultsModel().hitAt(0));
        clickRow(0);
        waitFor("row 0 in the details", () -> panel.inspector().detailsPane().isSettled()
                && panel.inspector().detailsPane().details().map(d -> d.contentId() == hit.contentId()).orElse(false));
        JTextField field = onEdt(() -> BrowserScenario.find(panel.inspector().detailsPane(), "addTag"));
        TagCompletion completion = onEdt(() -> panel.inspector().detailsPane().enableTagCompletion(tags::autocomplete));
        click(centreOnScreen(field));
        waitFor("the details tag field focused", () -> field.isFocusOwner());
        type("keep");
        waitFor("suggestions for 'keep'", () -> completion.isOpen() && !completion.suggestions().isEmpty());
        put("detailsSuggestions", onEdt(completion::suggestions));
        key(robot, KeyEvent.VK_ESCAPE);
        waitFor("the suggestions closed", () -> !completion.isOpen());
        onEdt(() -> {
            field.setText("");
            return null;
        });
        put("chipsWithAutomatic", onEdt(() -> panel.inspector().detailsPane().tagChips()));
        click(centreOnScreen(BrowserScenario.find(panel.inspector().detailsPane(), "showAutomaticTags")));
        waitFor("automatic tags hidden", () -> !panel.inspector().detailsPane().showsAutomaticTags());
        put("chipsWithoutAutomatic", onEdt(() -> panel.inspector().detailsPane().tagChips()));
        click(centreOnScreen(BrowserScenario.find(panel.inspector().detailsPane(), "showAutomaticTags")));
        waitFor("automatic tags shown", () -> panel.inspector().detailsPane().showsAutomaticTags());
    }

    /** "Tags" → the cloud of the search → a click on the tag: the results filtered by it. */
    private void tagCloud() throws Exception {
        int before = onEdt(() -> panel.resultsModel().getRowCount());
        put("cloudRowsBefore", before);
        click(centreOnScreen(panel.tagCloudButton()));
        waitForPopup("tagCloudPopup");
        waitFor("the cloud counted", () -> panel.tagCloud().isSettled() && !panel.tagCloud().buttons().isEmpty());
        put("cloudTags", onEdt(() -> panel.tagCloud().tags().stream().map(t -> t.name() + "=" + t.files()).toList()));
        AbstractButton tagButton = onEdt(() -> BrowserScenario.find(panel.tagCloud(), "cloud.tag:" + TAG));
        check(tagButton != null, "the cloud of '" + QUERY + "' shows '" + TAG + "'; it shows "
                + report.getProperty("cloudTags"));
        put("cloudFontSizes", onEdt(() -> panel.tagCloud().buttons().stream()
                .map(b -> String.format(Locale.ROOT, "%.1f", b.getFont().getSize2D())).distinct().count()));
        screenshot("tag-cloud.png", "cloud");
        click(centreOnScreen(tagButton));
        waitFor("results filtered by the tag", () -> panel.isSettled()
                && TAG.equals(panel.resultsModel().request().tag()));
        List<SearchHit> expected = BrowserScenario.all(search, FilterState.NONE.withTag(TAG), QUERY);
        put("cloudExpectedRows", expected.size());
        put("cloudRows", onEdt(() -> panel.resultsModel().getRowCount()));
        put("cloudRowsMatch", onEdt(() -> sameIds(expected)));
        put("cloudChips", onEdt(() -> panel.chipBar().chips().toString()));
        moveMouseAway(robot);
        screenshot("tag-filtered.png", "filtered");
    }

    // ------------------------------------------------------------------ helpers

    /** [EDT] "true", or how the rows differ from {@code expected} (ids in order). */
    private String sameIds(List<SearchHit> expected) {
        if (panel.resultsModel().getRowCount() != expected.size()) {
            return "rows " + panel.resultsModel().getRowCount() + " != " + expected.size();
        }
        for (int i = 0; i < Math.min(expected.size(), 200); i++) {
            SearchHit h = panel.resultsModel().hitAt(i);
            if (h == null || h.contentId() != expected.get(i).contentId()) {
                return "row " + i + ": " + (h == null ? "not loaded" : h.name()) + " != " + expected.get(i).name();
            }
        }
        return "true";
    }

    private JPopupMenu openPlusMenu() throws Exception {
        click(centreOnScreen(panel.sidebar().addButton()));
        return waitForPopup("collectionsMenu");
    }

    /** Waits for a showing popup menu named {@code name}. */
    private JPopupMenu waitForPopup(String name) throws Exception {
        JPopupMenu[] found = new JPopupMenu[1];
        waitFor("the popup " + name, () -> {
            for (MenuElement e : javax.swing.MenuSelectionManager.defaultManager().getSelectedPath()) {
                if (e instanceof JPopupMenu p && name.equals(p.getName()) && p.isShowing()) {
                    found[0] = p;
                    return true;
                }
            }
            return false;
        });
        settle();
        return found[0];
    }

    /** The centre of the menu item named {@code name}, on screen. */
    private Point menuItem(JPopupMenu menu, String name) throws Exception {
        Component item = onEdt(() -> find(menu, name));
        check(item != null, "menu item " + name);
        return centreOnScreen(item);
    }

    /** Waits for a showing dialog named {@code name}. */
    private JDialog waitForDialog(String what, String name) throws Exception {
        JDialog[] found = new JDialog[1];
        waitFor(what, () -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof JDialog d && d.isShowing() && name.equals(d.getName())) {
                    found[0] = d;
                    return true;
                }
            }
            return false;
        });
        settle();
        Thread.sleep(200); // the window manager maps and focuses it
        return found[0];
    }

    /** [EDT] The first text field in the dialog. */
    private static JTextField textField(JDialog d) {
        return first(d.getContentPane(), JTextField.class);
    }

    private static <T> T first(Component c, Class<T> type) {
        if (type.isInstance(c)) {
            return type.cast(c);
        }
        if (c instanceof java.awt.Container k) {
            for (Component child : k.getComponents()) {
                T t = first(child, type);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** Clicks into the dialog's text field, selects what it holds and types {@code text} over it. */
    private void typeInto(JDialog dialog, String text) throws Exception {
        JTextField field = onEdt(() -> textField(dialog));
        check(field != null, "a text field in the dialog");
        click(centreOnScreen(field));
        waitFor("the dialog's field focused", field::isFocusOwner);
        key(robot, KeyEvent.VK_CONTROL, KeyEvent.VK_A);
        type(text);
        waitFor("'" + text + "' typed", () -> text.equals(field.getText()), () -> " field: " + field.getText());
    }

    /** Types lower-case letters and spaces. */
    private void type(String text) {
        for (char c : text.toCharArray()) {
            key(robot, c == ' ' ? KeyEvent.VK_SPACE : KeyEvent.getExtendedKeyCodeForChar(c));
        }
    }

    private int indexOf(String collection) {
        JList<CollectionsSource.Entry> list = panel.sidebar().collectionList();
        for (int i = 0; i < list.getModel().getSize(); i++) {
            if (list.getModel().getElementAt(i).name().equals(collection)) {
                return i;
            }
        }
        return -1;
    }

    private Point collectionCellOnScreen(String collection) throws Exception {
        return onEdt(() -> {
            JList<CollectionsSource.Entry> list = panel.sidebar().collectionList();
            int i = indexOf(collection);
            check(i >= 0, "collection " + collection + " listed");
            list.ensureIndexIsVisible(i);
            Rectangle r = list.getCellBounds(i, i);
            Point p = list.getLocationOnScreen();
            return new Point(p.x + r.x + Math.min(40, r.width / 2), p.y + r.y + r.height / 2);
        });
    }

    private Point cellOnScreen(int row) throws Exception {
        return onEdt(() -> {
            Rectangle r = panel.resultsTable().getCellRect(row, 0, true);
            Point p = panel.resultsTable().getLocationOnScreen();
            return new Point(p.x + r.x + Math.min(60, r.width / 2), p.y + r.y + r.height / 2);
        });
    }

    private void click(Point p) throws InterruptedException {
        click(p, InputEvent.BUTTON1_DOWN_MASK);
    }

    private void click(Point p, int button) throws InterruptedException {
        ScenarioSteps.click(robot, p, button);
        Thread.sleep(50);
    }

    private void clickRow(int row) throws Exception {
        clickRow(row, InputEvent.BUTTON1_DOWN_MASK);
    }

    /** Clicks on {@code row} (a right click keeps or makes it the selection) until it is selected. */
    private void clickRow(int row, int button) throws Exception {
        for (int attempt = 0; attempt < 2; attempt++) {
            click(cellOnScreen(row), button);
            if (poll(() -> onEdt(() -> panel.resultsTable().isRowSelected(row)), 3_000)) {
                return;
            }
        }
        throw new AssertionError("two clicks did not select row " + row);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> T find(java.awt.Container root, String name) {
        return (T) com.midicenter.browser.testing.Components.find(root, name);
    }

    /** The frame's pixels, with the table's and the sidebar's places in them. */
    private void screenshot(String name, String prefix) throws Exception {
        settle();
        Thread.sleep(80);
        Rectangle bounds = onEdt(() -> new Rectangle(frame.getLocationOnScreen(), frame.getSize()));
        Map<String, Rectangle> regions = new LinkedHashMap<>();
        regions.put("Table", onEdt(() -> region(panel.resultsTable())));
        regions.put("Sidebar", onEdt(() -> region(panel.sidebar())));
        BufferedImage image = robot.createScreenCapture(bounds);
        write(image, name, prefix);
        for (Map.Entry<String, Rectangle> e : regions.entrySet()) {
            Rectangle r = e.getValue();
            put(prefix + e.getKey() + "Region", r.x + "," + r.y + "," + r.width + "," + r.height);
        }
    }

    /** A dialog's own pixels. */
    private void screenshotWindow(Window w, String name, String prefix) throws Exception {
        settle();
        Thread.sleep(80);
        Rectangle bounds = onEdt(() -> new Rectangle(w.getLocationOnScreen(), w.getSize()));
        write(robot.createScreenCapture(bounds), name, prefix);
    }

    private void write(BufferedImage image, String name, String prefix) throws IOException {
        Files.createDirectories(shots);
        Path file = shots.resolve(name);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        put(prefix + "Screenshot", file.toAbsolutePath());
    }

    /** [EDT] The visible part of {@code c}, in the frame's coordinates. */
    private Rectangle region(JComponent c) {
        Rectangle visible = c.getVisibleRect();
        Point p = SwingUtilities.convertPoint(c, visible.getLocation(), frame);
        return new Rectangle(p.x, p.y, visible.width, visible.height);
    }

    /** True once {@code condition} (run on this thread) holds, false after {@code ms}. */
    private static boolean poll(Callable<Boolean> condition, long ms) throws Exception {
        long deadline = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < deadline) {
            if (condition.call()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.call();
    }

    private static void waitFor(String what, BooleanSupplier condition) throws Exception {
        waitFor(what, condition, () -> "");
    }

    private static void waitFor(String what, BooleanSupplier condition, Callable<String> state) throws Exception {
        ScenarioSteps.waitFor(what, WAIT_MS, condition, state);
    }

    private void put(String key, Object value) {
        report.setProperty(key, String.valueOf(value));
        System.out.println("curation" + (watchdog == null ? "" : " @" + watchdog.elapsedMs() + " ms") + ": " + key
                + " = " + value);
    }

}
