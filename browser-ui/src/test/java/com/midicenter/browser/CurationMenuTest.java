package com.midicenter.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.browser.testing.Components;
import com.midicenter.browser.tools.CurationTools;
import com.midicenter.library.duplicates.MusicalScan;
import com.midicenter.library.export.ExportListener;
import com.midicenter.library.export.ExportResult;
import com.midicenter.persistence.duplicates.DuplicateTotals;
import com.midicenter.persistence.duplicates.PathDuplicate;
import java.awt.Component;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JButton;
import javax.swing.JPopupMenu;
import org.junit.jupiter.api.Test;

/** The curation tools in the panel without a window: their buttons, and their items in the results menu. */
class CurationMenuTest {

    /** The fake search, executor and details of the results menu's test. */
    final ResultsMenuTest base = new ResultsMenuTest();


    /** Tools that must not be used by building menus and buttons. */
    static final CurationTools UNUSED = new CurationTools() {
        @Override
        public Path splitsFolder() {
            return Path.of("/tmp/splits");
        }

        @Override
        public byte[] read(String location) {
            throw new AssertionError("read " + location);
        }

        @Override
        public SplitImport splitIntoLibrary(long contentId, Path folder) {
            throw new AssertionError("split " + contentId);
        }

        @Override
        public ExportResult export(List<Long> ids, Path target, String template, ExportListener l, AtomicBoolean c) {
            throw new AssertionError("export " + ids);
        }

        @Override
        public List<PathDuplicate> duplicatesByPath(int limit, long offset) {
            throw new AssertionError("duplicates");
        }

        @Override
        public DuplicateTotals duplicateTotals() {
            throw new AssertionError("totals");
        }

        @Override
        public MusicalScan musicalDuplicates(AtomicBoolean cancel,
                com.midicenter.library.duplicates.DuplicatesService.ScanProgress progress) {
            throw new AssertionError("musical");
        }
    };

    private BrowserPanel panel(boolean tools) throws Exception {
        BrowserPanel panel = BrowserPanelTest.onEdt(() -> new BrowserPanel(new BrowserPanel.Services(base::answer,
                base::execute, null, base.source, null, null)));
        if (tools) {
            BrowserPanelTest.onEdt(() -> {
                panel.installTools(UNUSED);
                return null;
            });
        }
        base.runAll();
        return panel;
    }

    private JPopupMenu menuFor(BrowserPanel panel, int... rows) throws Exception {
        BrowserPanelTest.onEdt(() -> {
            panel.resultsTable().clearSelection();
            for (int r : rows) {
                panel.resultsTable().addRowSelectionInterval(r, r);
            }
            return null;
        });
        base.runAll();
        return BrowserPanelTest.onEdt(() -> {
            ResultsMenu menu = new ResultsMenu(panel);
            menu.build();
            return menu.popup();
        });
    }

    private static List<String> names(JPopupMenu popup) {
        return Arrays.stream(popup.getComponents()).map(Component::getName).filter(n -> n != null).toList();
    }

    @Test
    void menu_oneRowWithTools_offersSplitAndExport() throws Exception {
        // given
        BrowserPanel panel = panel(true);

        // when
        JPopupMenu popup = menuFor(panel, 2);

        // then
        assertThat(BrowserPanelTest.onEdt(() -> ResultsMenuTest.item(popup, "menu.split").isEnabled())).isTrue();
        assertThat(BrowserPanelTest.onEdt(() -> ResultsMenuTest.item(popup, "menu.split").getText())).isEqualTo("Split into tracks…");
        assertThat(BrowserPanelTest.onEdt(() -> ResultsMenuTest.item(popup, "menu.export").getText())).isEqualTo("Export…");
        assertThat(BrowserPanelTest.onEdt(() -> names(popup))).containsSubsequence("menu.split", "menu.export",
                "menu.similar");
    }

    @Test
    void menu_twoRowsWithTools_splitDisabledExportCountsThem() throws Exception {
        BrowserPanel panel = panel(true);

        JPopupMenu popup = menuFor(panel, 0, 3);

        assertThat(BrowserPanelTest.onEdt(() -> ResultsMenuTest.item(popup, "menu.split").isEnabled())).isFalse();
        assertThat(BrowserPanelTest.onEdt(() -> ResultsMenuTest.item(popup, "menu.export").getText())).isEqualTo("Export 2 files…");
        assertThat(BrowserPanelTest.onEdt(() -> ResultsMenuTest.item(popup, "menu.export").isEnabled())).isTrue();
    }

    @Test
    void panel_withoutTools_hasNeitherItemsNorButtons() throws Exception {
        BrowserPanel panel = panel(false);

        JPopupMenu popup = menuFor(panel, 1);

        assertThat(BrowserPanelTest.onEdt(() -> names(popup))).doesNotContain("menu.split", "menu.export");
        assertThat(BrowserPanelTest.onEdt(() -> (Component) Components.find(panel, "exportResults"))).isNull();
        assertThat(BrowserPanelTest.onEdt(panel::curationActions)).isNull();
    }

    @Test
    void hideDuplicates_toggled_searchesWithAndThenWithoutTheFlag() throws Exception {
        // given
        BrowserPanel panel = panel(false);
        base.requests.clear();

        // when: on, then off
        BrowserPanelTest.onEdt(() -> {
            panel.hideDuplicatesToggle().doClick();
            return null;
        });
        base.runAll();
        BrowserPanelTest.onEdt(() -> {
            panel.hideDuplicatesToggle().doClick();
            return null;
        });
        base.runAll();

        // then: one search each, the table's page loads keep the flag of their search
        assertThat(base.requests).extracting(r -> r.hideDuplicates()).startsWith(true).endsWith(false);
        assertThat(BrowserPanelTest.onEdt(() -> javax.swing.SwingUtilities.getAncestorOfClass(
                javax.swing.JScrollPane.class, panel.hideDuplicatesToggle()).getName()))
                .isEqualTo("filtersScroll");
    }

    @Test
    void installTools_buttonsBesideTheSearchField_andOnlyOnce() throws Exception {
        BrowserPanel panel = panel(true);

        JButton export = BrowserPanelTest.onEdt(() -> Components.find(panel, "exportResults"));
        JButton duplicates = BrowserPanelTest.onEdt(() -> Components.find(panel, "duplicates"));

        assertThat(BrowserPanelTest.onEdt(export::getText)).isEqualTo("Export results…");
        assertThat(BrowserPanelTest.onEdt(duplicates::getText)).isEqualTo("Duplicates…");
        assertThat(BrowserPanelTest.onEdt(() -> export.getParent().getName())).isEqualTo("actions");
        assertThatThrownBy(() -> BrowserPanelTest.onEdt(() -> {
            panel.installTools(UNUSED);
            return null;
        })).isInstanceOf(IllegalStateException.class);
    }
}
