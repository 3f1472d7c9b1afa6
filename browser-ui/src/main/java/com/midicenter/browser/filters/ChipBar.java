package com.midicenter.browser.filters;

import com.formdev.flatlaf.FlatClientProperties;

import java.awt.Component;
import java.awt.FlowLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JPanel;

/**
 * The active filters above the results, one removable chip each ({@code Am ×}, {@code 120–126 BPM ×}), and a
 * "Clear all" link; hidden when no filter is active.
 *
 * <p>Chips and the link are buttons: Tab reaches them, Space or Enter removes a chip. A chip removed with the keyboard
 * hands the focus to the chip now in its place (or the link), not back to the start of the window.
 *
 * <p>What removing means is the owner's: {@link #onRemove} gets the chip, {@link #onClearAll} the link's click (the
 * browser clears the filters and the text).
 *
 * <p>[EDT] Build and use on the EDT only.
 */
public final class ChipBar extends JPanel {

    private final JButton clearAll = new JButton("Clear all");
    /** The chip of the collection the results are limited to ("Collection: Keepers ×"), when one is open. */
    private final JButton scope = new JButton();
    private String scopeLabel;
    private Runnable onClearScope = () -> { };
    private final List<JButton> buttons = new ArrayList<>();
    private List<Chip> chips = List.of();
    private Consumer<Chip> onRemove = c -> { };
    private Runnable onClearAll = () -> { };

    public ChipBar() {
        super(new FlowLayout(FlowLayout.LEADING, 4, 2));
        setName("chips");
        setOpaque(false);
        clearAll.setName("chips.clearAll");
        clearAll.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_BORDERLESS);
        clearAll.putClientProperty(FlatClientProperties.STYLE_CLASS, "midiCenterLink"); // FlatLaf.properties
        clearAll.setToolTipText("Remove every filter and the search text");
        clearAll.addActionListener(e -> onClearAll.run());
        scope.setName("chip.collection");
        scope.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_ROUND_RECT);
        scope.putClientProperty(FlatClientProperties.STYLE_CLASS, "midiCenterChip");
        scope.addActionListener(e -> onClearScope.run());
        setVisible(false);
    }

    /**
     * [EDT] Shows the chip of what the results are limited to first, e.g. {@code Collection: Keepers} ({@code null}:
     * none, the whole library); its × runs {@link #onClearScope}.
     */
    public void setScope(String label) {
        if (java.util.Objects.equals(label, scopeLabel)) {
            return;
        }
        scopeLabel = label;
        if (label != null) {
            scope.setText(label + "  \u00d7");
            scope.setToolTipText("Back to the whole library");
            scope.getAccessibleContext().setAccessibleName("Close " + label);
        }
        rebuild(chips);
    }

    /** [EDT] The scope chip's label, or {@code null}. */
    public String scope() {
        return scopeLabel;
    }

    /** [EDT] What the scope chip's × does (the browser returns to the whole library). */
    public void onClearScope(Runnable action) {
        this.onClearScope = Objects.requireNonNull(action, "action");
    }

    /** [EDT] What removes a chip's filter (the owner then calls {@link #setChips} with what is left). */
    public void onRemove(Consumer<Chip> onRemove) {
        this.onRemove = Objects.requireNonNull(onRemove, "onRemove");
    }

    /** [EDT] What the "Clear all" link does. */
    public void onClearAll(Runnable onClearAll) {
        this.onClearAll = Objects.requireNonNull(onClearAll, "onClearAll");
    }

    /** [EDT] The chips shown. */
    public List<Chip> chips() {
        return chips;
    }

    /** [EDT] Shows {@code chips} (none: the bar hides). */
    public void setChips(List<Chip> chips) {
        List<Chip> next = List.copyOf(chips);
        if (next.equals(this.chips)) {
            return;
        }
        rebuild(next);
    }

    private void rebuild(List<Chip> next) {
        int focused = -1;
        for (int i = 0; i < buttons.size(); i++) {
            if (buttons.get(i).isFocusOwner()) {
                focused = i;
            }
        }
        boolean linkFocused = clearAll.isFocusOwner();
        this.chips = next;
        removeAll();
        buttons.clear();
        if (scopeLabel != null) {
            add(scope);
        }
        for (Chip chip : next) {
            JButton b = new JButton(chip.label() + "  ×");
            b.setName("chip." + chip.filter().id());
            b.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_ROUND_RECT);
            b.putClientProperty(FlatClientProperties.STYLE_CLASS, "midiCenterChip"); // FlatLaf.properties
            b.setToolTipText("Remove the filter " + chip.label());
            b.getAccessibleContext().setAccessibleName("Remove filter " + chip.label());
            b.addActionListener(e -> onRemove.accept(chip));
            buttons.add(b);
            add(b);
        }
        add(clearAll);
        setVisible(!next.isEmpty() || scopeLabel != null);
        revalidate();
        repaint();
        if (focused >= 0 || linkFocused) {
            Component target = focused >= 0 && focused < buttons.size() ? buttons.get(focused)
                    : !buttons.isEmpty() && focused >= 0 ? buttons.get(buttons.size() - 1) : clearAll;
            if (isVisible()) {
                target.requestFocusInWindow();
            }
        }
    }

    /** [EDT] The chip buttons, in order (tests). */
    List<JButton> chipButtons() {
        return List.copyOf(buttons);
    }

    /** [EDT] The "Clear all" link (tests). */
    JButton clearAllLink() {
        return clearAll;
    }
}
