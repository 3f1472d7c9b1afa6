package com.midicenter.browser.filters;

import com.formdev.flatlaf.FlatClientProperties;
import com.midicenter.browser.edt.TextChanged;
import com.midicenter.core.music.MusicalKey;
import com.midicenter.persistence.search.FacetCount;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

/**
 * The controls of every filter of a {@link FilterState}, stacked for a narrow sidebar ({@value #WIDTH_PX} px): key,
 * meter, instrument, vendor and tag combos whose items count the current result ({@code Am (12,408)}), tempo, bars and
 * duration ranges checked as typed, drums yes/no/any, minimum rating, analysis state, favourites only, and the
 * compatible-keys and half/double-tempo options.
 *
 * <p>Every change the user makes gives the new state to the {@link #onChange listener} at once (a text field's once
 * the edit is complete, in an {@code invokeLater}; a range only when its text is valid: invalid text gets a red
 * outline and changes nothing). {@link #setState} and {@link #setFacets}
 * update the controls without telling the listener.
 *
 * <p>Components are named {@code filter.key}, {@code filter.bpm}, … for tests and accessibility tools.
 *
 * <p>[EDT] Build and use on the EDT only.
 */
public final class FilterPanel extends JPanel {

    /** The preferred width of the panel in pixels (before scaling). */
    public static final int WIDTH_PX = 200;

    private final JComboBox<FacetItem> key = facetCombo("filter.key", "Any key");
    private final JCheckBox compatible = new JCheckBox("Compatible keys");
    private final JTextField bpm = rangeField("filter.bpm", "e.g. 118-126", "Tempo in BPM: 120 or 118-126 (20 to 400)");
    private final JCheckBox halfDouble = new JCheckBox("Half/double tempo");
    private final JComboBox<FacetItem> meter = facetCombo("filter.meter", "Any meter");
    private final JTextField bars = rangeField("filter.bars", "4 or 4-8", "Length in bars: 4 or 4-8");
    private final JTextField duration = rangeField("filter.duration", "0-30", "Length in seconds: 30 or 0-30");
    private final JComboBox<FacetItem> instrument = facetCombo("filter.instrument", "Any instrument");
    private final JComboBox<FacetItem> vendor = facetCombo("filter.vendor", "Any vendor");
    private final JComboBox<FacetItem> tag = facetCombo("filter.tag", "Any tag");
    private final JTextField pack = new JTextField();
    private final JComboBox<Choice<Boolean>> drums = choices(List.of(new Choice<>(null, "Drums or not"),
            new Choice<>(true, "With drums"), new Choice<>(false, "Without drums")));
    private final JComboBox<Choice<Integer>> rating = choices(ratingChoices());
    private final JComboBox<Choice<String>> analysis = choices(List.of(new Choice<>(null, "Any state"),
            new Choice<>("done", "Analysed"), new Choice<>("failed", "Failed analysis")));
    private final JCheckBox favorite = new JCheckBox("Favourites only");

    private FilterState state = FilterState.NONE;
    private List<FacetCount> facets = List.of();
    /** True while the controls are set from code: their events are not the user's. */
    private boolean updating;
    private Consumer<FilterState> listener = s -> { };
    /** Text fields edited whose new text is not read yet. */
    private final java.util.Set<JTextField> pendingEdits = new java.util.HashSet<>();

    public FilterPanel() {
        super(new GridBagLayout());
        setName("filters");
        setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        compatible.setName("filter.compatible");
        halfDouble.setName("filter.halfDouble");
        pack.setName("filter.pack");
        pack.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "Pack name");
        pack.setColumns(8);
        drums.setName("filter.drums");
        rating.setName("filter.rating");
        analysis.setName("filter.state");
        favorite.setName("filter.favorite");

        row("Key", key);
        row(null, compatible);
        row("Tempo (BPM)", bpm);
        row(null, halfDouble);
        row("Meter", meter);
        row("Bars", bars);
        row("Duration (s)", duration);
        row("Instrument", instrument);
        row("Drums", drums);
        row("Vendor", vendor);
        row("Pack", pack);
        row("Tag", tag);
        row("Rating", rating);
        row("Analysis", analysis);
        row(null, favorite);
        GridBagConstraints filler = new GridBagConstraints();
        filler.gridx = 0;
        filler.weighty = 1;
        add(new JLabel(), filler);

        onSelect(key, i -> state.withKey(i.value()));
        onSelect(meter, i -> state.withMeter(i.value()));
        onSelect(instrument, i -> state.withInstrument(i.value()));
        onSelect(vendor, i -> state.withVendor(i.value()));
        onSelect(tag, i -> state.withTag(i.value()));
        onSelect(drums, c -> state.withDrums(c.value()));
        onSelect(rating, c -> state.withMinRating(c.value()));
        onSelect(analysis, c -> state.withState(c.value()));
        compatible.addActionListener(e -> userChanged(state.withCompatible(compatible.isSelected())));
        halfDouble.addActionListener(e -> userChanged(state.withHalfDouble(halfDouble.isSelected())));
        favorite.addActionListener(e -> userChanged(state.withFavorite(favorite.isSelected())));
        onRange(bpm, RangeSyntax.BPM, FilterState::withBpm);
        onRange(bars, RangeSyntax.BARS, FilterState::withBars);
        onRange(duration, RangeSyntax.DURATION, FilterState::withDuration);
        onText(pack, () -> state.withPack(pack.getText()));
        setFacets(List.of());
    }

    /** [EDT] Where the new state goes when the user changes a filter (replaces the previous listener). */
    public void onChange(Consumer<FilterState> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** [EDT] The filters the controls show. */
    public FilterState state() {
        return state;
    }

    /** [EDT] Shows {@code s} in the controls (a chip removed, a remembered search) without telling the listener. */
    public void setState(FilterState s) {
        Objects.requireNonNull(s, "state");
        updating = true;
        try {
            state = s;
            fillCombos();
            select(drums, s.drums());
            select(rating, s.minRating());
            select(analysis, s.state());
            compatible.setSelected(s.compatible());
            halfDouble.setSelected(s.halfDouble());
            favorite.setSelected(s.favorite());
            showRange(bpm, RangeSyntax.BPM, s.bpm());
            showRange(bars, RangeSyntax.BARS, s.bars());
            showRange(duration, RangeSyntax.DURATION, s.duration());
            if (!Objects.equals(blankToNull(pack.getText()), s.pack())) {
                pack.setText(s.pack() == null ? "" : s.pack());
            }
        } finally {
            updating = false;
        }
    }

    /**
     * [EDT] The counts of the current result ({@code SearchResult.facets()}): the combos list the values found, most
     * frequent first, each with its count; a selected value stays listed (with its count, 0 when the result has none).
     */
    public void setFacets(List<FacetCount> facets) {
        this.facets = List.copyOf(facets);
        updating = true;
        try {
            fillCombos();
        } finally {
            updating = false;
        }
    }

    private void fillCombos() {
        fill(key, "Any key", "key", state.key(), v -> {
            try {
                String name = MusicalKey.ofCode(Integer.parseInt(v)).name();
                return new String[] {name, name};
            } catch (IllegalArgumentException e) { // not a key code: left out
                return null;
            }
        });
        fill(meter, "Any meter", "meter", state.meter(), v -> new String[] {v, v});
        fill(instrument, "Any instrument", "instrument", state.instrument(), v -> new String[] {v, v});
        fill(vendor, "Any vendor", "vendor", state.vendor(), v -> new String[] {v, v});
        fill(tag, "Any tag", "tag", state.tag(), v -> {
            // "genre:house": the filter matches the tag's name in any category
            int colon = v.indexOf(':');
            return colon < 0 ? new String[] {v, v}
                    : new String[] {v.substring(colon + 1), v.substring(colon + 1) + " · " + v.substring(0, colon)};
        });
    }

    /** Rebuilds a combo's items from the facet {@code facet}; {@code spell} gives {value, label} of a facet value. */
    private void fill(JComboBox<FacetItem> combo, String any, String facet, String selected,
                      Function<String, String[]> spell) {
        List<FacetItem> items = new ArrayList<>();
        items.add(FacetItem.any(any));
        FacetItem chosen = items.get(0);
        for (FacetCount f : facets) {
            if (!f.facet().equals(facet) || f.value() == null) {
                continue;
            }
            String[] vl = spell.apply(f.value());
            if (vl == null) {
                continue;
            }
            FacetItem item = new FacetItem(vl[0], vl[1], f.count());
            items.add(item);
            if (chosen.isAny() && vl[0].equalsIgnoreCase(selected == null ? "" : selected)) {
                chosen = item;
            }
        }
        if (selected != null && chosen.isAny()) {
            chosen = new FacetItem(selected, selected, 0);
            items.add(1, chosen);
        }
        combo.setModel(new DefaultComboBoxModel<>(items.toArray(new FacetItem[0])));
        combo.setSelectedItem(chosen);
    }

    private static <T> void select(JComboBox<Choice<T>> combo, T value) {
        for (int i = 0; i < combo.getItemCount(); i++) {
            if (Objects.equals(combo.getItemAt(i).value(), value)) {
                combo.setSelectedIndex(i);
                return;
            }
        }
    }

    /** Sets a range field's text unless it already says the same range (the caret stays where the user typed). */
    private static void showRange(JTextField field, RangeSyntax syntax, String canonical) {
        String shown = field.getText().isBlank() ? null : syntax.canonical(field.getText()).orElse("\0bad");
        if (!Objects.equals(shown, canonical)) {
            field.setText(canonical == null ? "" : RangeSyntax.display(canonical));
        }
        field.putClientProperty(FlatClientProperties.OUTLINE, null);
    }

    private void userChanged(FilterState next) {
        if (updating || next.equals(state)) {
            return;
        }
        state = next;
        listener.accept(next);
    }

    private <T> void onSelect(JComboBox<T> combo, Function<T, FilterState> change) {
        combo.addActionListener(e -> {
            @SuppressWarnings("unchecked")
            T item = (T) combo.getSelectedItem();
            if (!updating && item != null) {
                userChanged(change.apply(item));
            }
        });
    }

    /** Applies the field's range as typed when it is valid or blank; else outlines the field in red. */
    private void onRange(JTextField field, RangeSyntax syntax,
                         java.util.function.BiFunction<FilterState, String, FilterState> change) {
        onText(field, () -> {
            String text = field.getText();
            boolean ok = text.isBlank() || syntax.accepts(text);
            field.putClientProperty(FlatClientProperties.OUTLINE, ok ? null : FlatClientProperties.OUTLINE_ERROR);
            return ok ? change.apply(state, text) : state;
        });
    }

    private void onText(JTextField field, java.util.function.Supplier<FilterState> change) {
        // read once the edit is complete: a replacement (paste over a selection, setText) is a removal then an
        // insertion, and the empty text between them is not the user's wish
        field.getDocument().addDocumentListener(new TextChanged(() -> {
            if (!updating && pendingEdits.add(field)) {
                SwingUtilities.invokeLater(() -> {
                    pendingEdits.remove(field);
                    if (!updating) {
                        userChanged(change.get());
                    }
                });
            }
        }));
    }

    private int rows;

    private void row(String title, JComponent control) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.anchor = GridBagConstraints.LINE_START;
        if (title != null) {
            JLabel label = new JLabel(title);
            label.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
            label.setLabelFor(control);
            c.gridy = rows++;
            c.insets = new Insets(rows == 1 ? 0 : 6, 0, 1, 0);
            add(label, c);
        }
        c.gridy = rows++;
        c.insets = new Insets(0, 0, 0, 0);
        add(control, c);
    }

    private static JComboBox<FacetItem> facetCombo(String name, String any) {
        JComboBox<FacetItem> combo = new JComboBox<>();
        combo.setName(name);
        // a long vendor name widens the popup, not the sidebar
        combo.setPrototypeDisplayValue(new FacetItem("", "Wwwwwwww", 99_999));
        combo.setMaximumRowCount(16);
        combo.getAccessibleContext().setAccessibleName(any.replace("Any ", "") + " filter");
        return combo;
    }

    private static JTextField rangeField(String name, String placeholder, String tip) {
        JTextField field = new JTextField(8);
        field.setName(name);
        field.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, placeholder);
        field.setToolTipText(tip);
        return field;
    }

    private static List<Choice<Integer>> ratingChoices() {
        List<Choice<Integer>> c = new ArrayList<>();
        c.add(new Choice<>(null, "Any rating"));
        for (int r = 1; r <= 5; r++) {
            c.add(new Choice<>(r, "★".repeat(r) + (r < 5 ? " or more" : "")));
        }
        return c;
    }

    private static <T> JComboBox<Choice<T>> choices(List<Choice<T>> items) {
        DefaultComboBoxModel<Choice<T>> model = new DefaultComboBoxModel<>();
        items.forEach(model::addElement);
        return new JComboBox<>(model);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A fixed combo item: a filter value ({@code null}: any) and its label. */
    public record Choice<T>(T value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    // ---- for tests -----------------------------------------------------------------------------------------------

    /** [EDT] The key combo's items as shown, e.g. {@code [Any key, Am (12), C (3)]}. */
    List<String> keyItems() {
        return items(key);
    }

    static List<String> items(JComboBox<?> combo) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < combo.getItemCount(); i++) {
            out.add(String.valueOf(combo.getItemAt(i)));
        }
        return out;
    }
}
