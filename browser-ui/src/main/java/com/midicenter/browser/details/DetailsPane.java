package com.midicenter.browser.details;

import com.formdev.flatlaf.FlatClientProperties;
import com.midicenter.browser.BrowserTheme;
import com.midicenter.core.analysis.DrumPiece;
import com.midicenter.library.details.FileDetails;
import com.midicenter.library.details.FileDetails.Tag;
import com.midicenter.library.details.FileDetails.TempoChange;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;

/**
 * One file's details: a slot for the piano roll at the top, the file's name and path, its favourite star, its rating
 * (five stars; clicking the current one again clears it), its tags as chips (yours first, in bold on their own
 * colour, removable with ×; then the automatic ones from paths and analysis, which "Automatic tags" hides; a small
 * field adds one on Enter, with autocomplete when the host gives {@link #enableTagCompletion}), and every stored analysis field, read-only and grouped (File, Tempo &amp; meter,
 * Key &amp; harmony, Notes, Drums, Instruments, Warnings) in a scrollable form.
 *
 * <p>It owns neither the database nor the threads: the host passes a {@link DetailsSource} and the {@link Executor}
 * its calls run on (never the EDT). Every load and edit gets a sequence number; its answer comes back to the EDT and
 * is applied only if nothing newer was started meanwhile ({@link #show}, {@link #clear} or another edit), so an
 * answer for a file that is no longer selected is dropped. An edit reloads the file's details, so what is shown is
 * what is stored. While an edit is under way the pane's controls are disabled: edits of one file never overtake each
 * other on a multi-threaded executor. A failure is shown once, in plain words, in the pane's message line.
 *
 * <p>Colours come from the theme keys below ({@code FlatLaf.properties} of the browser), with standard fallbacks.
 *
 * <p>[EDT] Build and use on the EDT only.
 */
public final class DetailsPane extends JPanel {

    /** Theme key: section titles of the form. */
    public static final String SECTION_FOREGROUND = "MidiCenter.Details.sectionForeground";
    /** Theme key: field names of the form. */
    public static final String LABEL_FOREGROUND = "MidiCenter.Details.labelForeground";
    /** Theme key: filled stars (favourite, rating). */
    public static final String STAR_FOREGROUND = "MidiCenter.Details.starForeground";
    /** Theme key: the message line when something failed. */
    public static final String ERROR_FOREGROUND = "MidiCenter.Details.errorForeground";
    /** Theme key: tag chip background. */
    public static final String CHIP_BACKGROUND = "MidiCenter.Details.chipBackground";
    /** Theme key: user tag chip background. */
    public static final String USER_CHIP_BACKGROUND = "MidiCenter.Details.userChipBackground";

    /** Form section titles, in order. */
    public static final List<String> SECTIONS = List.of("File", "Tempo & meter", "Key & harmony", "Notes", "Drums",
            "Instruments", "Warnings");

    private static final String NONE = "—";
    private static final String FILLED = "★";
    private static final String EMPTY = "☆";
    private static final int MAX_LISTED = 32;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final DetailsSource source;
    private final Executor executor;

    private final JPanel pianoRollSlot = new JPanel(new BorderLayout());
    private final JLabel pianoRollPlaceholder = new JLabel("No piano roll", SwingConstants.CENTER);
    private final JLabel nameLabel = new JLabel(" ");
    private final JLabel pathLabel = new JLabel(" ");
    private final JButton favoriteButton = new JButton(EMPTY);
    private final JButton[] ratingButtons = new JButton[5];
    private final JPanel chips = new JPanel(new FlowLayout(FlowLayout.LEADING, 4, 2));
    private final JTextField tagField = new JTextField(10);
    private final javax.swing.JCheckBox showAutomatic = new javax.swing.JCheckBox("Automatic tags", true);
    private com.midicenter.browser.tags.TagCompletion tagCompletion;
    private final JLabel message = new JLabel(" ");
    private final JPanel form = new JPanel(new GridBagLayout());
    private final JScrollPane formScroll = new JScrollPane(form);
    /** Field name → shown value, of the form as last built (for the host's copy actions and for tests). */
    private final Map<String, String> fields = new LinkedHashMap<>();

    /** The file shown or being loaded, or -1. */
    private long contentId = -1;
    /** The details shown, or null. */
    private FileDetails shown;
    private java.util.function.Consumer<FileDetails> shownListener = d -> { };
    /** The last load or edit started; an answer with an older number is dropped. */
    private long seq;
    /** The number of the answer shown. */
    private long shownSeq;
    /** An edit is under way (its answer not yet back). */
    private boolean editing;
    private boolean error;

    public DetailsPane(DetailsSource source, Executor executor) {
        super(new BorderLayout());
        this.source = source;
        this.executor = executor;
        setName("details");

        pianoRollPlaceholder.setName("pianoRollPlaceholder");
        pianoRollSlot.setName("pianoRoll");
        pianoRollSlot.add(pianoRollPlaceholder, BorderLayout.CENTER);

        nameLabel.setName("name");
        nameLabel.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        pathLabel.setName("path");
        pathLabel.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");

        favoriteButton.setName("favorite");
        favoriteButton.setToolTipText("Favourite");
        favoriteButton.addActionListener(e -> toggleFavorite());
        styleStar(favoriteButton);
        JPanel marks = new JPanel(new FlowLayout(FlowLayout.LEADING, 2, 0));
        marks.add(favoriteButton);
        marks.add(Box.createHorizontalStrut(12));
        for (int i = 0; i < ratingButtons.length; i++) {
            int stars = i + 1;
            JButton b = new JButton(EMPTY);
            b.setName("rating" + stars);
            b.setToolTipText(stars == 1 ? "1 star" : stars + " stars");
            b.addActionListener(e -> rate(stars));
            styleStar(b);
            ratingButtons[i] = b;
            marks.add(b);
        }

        marks.add(Box.createHorizontalStrut(12));
        marks.add(tagField); // on the marks' row: always visible, however many tag chips there are
        tagField.setName("addTag");
        tagField.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "Add tag");
        tagField.addActionListener(e -> addTag());
        showAutomatic.setName("showAutomaticTags");
        showAutomatic.setToolTipText("Show the tags taken from paths and analysis (they come back with each import)");
        showAutomatic.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        showAutomatic.setFocusable(false);
        showAutomatic.addActionListener(e -> {
            renderChips(shown);
            updateControls();
            revalidate();
            repaint();
        });
        marks.add(showAutomatic);
        chips.setName("tags");

        message.setName("message");

        JPanel header = new JPanel();
        header.setLayout(new BoxLayout(header, BoxLayout.Y_AXIS));
        header.setBorder(BorderFactory.createEmptyBorder(6, 8, 4, 8));
        for (JComponent c : List.of(nameLabel, pathLabel, marks, chips, message)) {
            c.setAlignmentX(LEFT_ALIGNMENT);
            header.add(c);
        }

        form.setName("form");
        form.setBorder(BorderFactory.createEmptyBorder(4, 8, 8, 8));
        formScroll.getVerticalScrollBar().setUnitIncrement(16);
        formScroll.setBorder(BorderFactory.createEmptyBorder());

        JPanel top = new JPanel(new BorderLayout());
        top.add(pianoRollSlot, BorderLayout.NORTH);
        top.add(header, BorderLayout.CENTER);
        add(top, BorderLayout.NORTH);
        add(formScroll, BorderLayout.CENTER);
        render();
    }

    // ------------------------------------------------------------------ host API

    /** [EDT] Puts the piano roll at the top of the pane ({@code null}: an empty placeholder). */
    public void setPianoRoll(JComponent pianoRoll) {
        pianoRollSlot.removeAll();
        pianoRollSlot.add(pianoRoll == null ? pianoRollPlaceholder : pianoRoll, BorderLayout.CENTER);
        pianoRollSlot.revalidate();
        pianoRollSlot.repaint();
    }

    /** [EDT] The piano roll given to {@link #setPianoRoll}, or null. */
    public JComponent pianoRoll() {
        JComponent c = pianoRollSlot.getComponentCount() == 0 ? null : (JComponent) pianoRollSlot.getComponent(0);
        return c == pianoRollPlaceholder ? null : c;
    }

    /** [EDT] Loads and shows the file; what was shown stays until the answer comes. */
    public void show(long contentId) {
        this.contentId = contentId;
        editing = false;
        long mySeq = ++seq;
        run(mySeq, "load the details", false, () -> source.load(contentId));
    }

    /**
     * [EDT] Autocomplete in the tag field: {@code complete} [executor] gives the tags starting with a prefix
     * ({@code TagsSource::complete}).
     */
    public com.midicenter.browser.tags.TagCompletion enableTagCompletion(
            java.util.function.BiFunction<String, Integer, List<com.midicenter.persistence.curation.TagCount>> complete) {
        if (tagCompletion == null) {
            tagCompletion = com.midicenter.browser.tags.TagCompletion.install(tagField, complete, executor);
        }
        return tagCompletion;
    }

    /** [EDT] Whether the automatic tags (from paths and analysis) are shown beside yours. */
    public boolean showsAutomaticTags() {
        return showAutomatic.isSelected();
    }

    /** [EDT] Shows or hides the automatic tags (the "Automatic tags" check box). */
    public void setShowAutomaticTags(boolean show) {
        if (show != showAutomatic.isSelected()) {
            showAutomatic.doClick();
        }
    }

    /** [EDT] The names of the tag chips shown, in order (yours first). */
    public List<String> tagChips() {
        List<String> names = new ArrayList<>();
        for (var c : chips.getComponents()) {
            if (c.getName() != null && c.getName().startsWith("tag:")) {
                names.add(c.getName().substring(4));
            }
        }
        return names;
    }

    /** [EDT] Shows nothing; answers still on their way are dropped. */
    public void clear() {
        ++seq;
        shownSeq = seq;
        contentId = -1;
        shown = null;
        editing = false;
        setMessage(" ", false);
        render();
    }

    /** [EDT] The file shown or being loaded, or -1. */
    public long contentId() {
        return contentId;
    }

    /** [EDT] The details shown, if any. */
    public Optional<FileDetails> details() {
        return Optional.ofNullable(shown);
    }

    /** [EDT] True when the last load or edit started has been answered. */
    public boolean isSettled() {
        return shownSeq == seq;
    }

    /** [EDT] The message line: empty, or what went wrong. */
    public String messageText() {
        return message.getText().isBlank() ? "" : message.getText();
    }

    /** [EDT] True when the message line shows a failure. */
    public boolean showsError() {
        return error;
    }

    /** [EDT] The value the form shows for a field name (e.g. {@code BPM}, {@code Key}), or null if it has none. */
    public String fieldValue(String name) {
        return fields.get(name);
    }

    /** [EDT] The field names of the form, in order. */
    public List<String> fieldNames() {
        return List.copyOf(fields.keySet());
    }

    /** [EDT] The section titles the form shows, in order. */
    public List<String> sectionTitles() {
        List<String> titles = new ArrayList<>();
        for (var c : form.getComponents()) {
            if (c instanceof JLabel l && "section".equals(l.getClientProperty("midicenter.role"))) {
                titles.add(l.getText());
            }
        }
        return titles;
    }

    /** [EDT] Told each file the pane shows, as just read (after an edit: with the edit), on the EDT. */
    public void onShown(java.util.function.Consumer<FileDetails> listener) {
        this.shownListener = java.util.Objects.requireNonNull(listener, "listener");
    }

    // ------------------------------------------------------------------ edits

    private void toggleFavorite() {
        if (shown == null || editing) {
            return;
        }
        long id = shown.contentId();
        boolean favorite = !shown.favorite();
        edit("save the favourite", () -> source.setFavorite(id, favorite), id);
    }

    private void rate(int stars) {
        if (shown == null || editing) {
            return;
        }
        long id = shown.contentId();
        Integer rating = shown.rating() != null && shown.rating() == stars ? null : stars;
        edit("save the rating", () -> source.setRating(id, rating), id);
    }

    private void addTag() {
        String tag = tagField.getText();
        if (shown == null || editing || tag.isBlank()) {
            return;
        }
        long id = shown.contentId();
        edit("add the tag", () -> source.addTag(List.of(id), tag), id);
    }

    private void removeTag(String tag) {
        if (shown == null || editing) {
            return;
        }
        long id = shown.contentId();
        edit("remove the tag '" + tag + "'", () -> source.removeTag(id, tag), id);
    }

    /** Runs the change, then reloads the file; the reload's answer is shown if nothing newer started. */
    private void edit(String what, Runnable change, long id) {
        editing = true;
        long mySeq = ++seq;
        updateControls();
        run(mySeq, what, true, () -> {
            change.run();
            return source.load(id);
        });
    }

    // ------------------------------------------------------------------ threading

    private void run(long mySeq, String what, boolean isEdit, Supplier<Optional<FileDetails>> work) {
        try {
            executor.execute(() -> {
                try {
                    Optional<FileDetails> answer = work.get();
                    SwingUtilities.invokeLater(() -> answered(mySeq, answer));
                } catch (RuntimeException e) {
                    String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                    SwingUtilities.invokeLater(() -> failed(mySeq, what, isEdit, reason));
                }
            });
        } catch (RejectedExecutionException e) {
            failed(mySeq, what, isEdit, "too busy; try again in a moment");
        }
    }

    private void answered(long mySeq, Optional<FileDetails> answer) {
        if (mySeq != seq) {
            return; // another file, or a newer edit, is on its way
        }
        shownSeq = mySeq;
        boolean wasEditing = editing;
        editing = false;
        if (answer.isEmpty()) {
            shown = null;
            render();
            setMessage("This file is no longer in the library.", true);
            return;
        }
        shown = answer.get();
        shownListener.accept(shown);
        if (wasEditing) {
            tagField.setText("");
        }
        setMessage(" ", false);
        render();
    }

    /** A failed edit leaves the file shown as it was (the change did not happen); a failed load shows nothing. */
    private void failed(long mySeq, String what, boolean isEdit, String reason) {
        if (mySeq != seq) {
            return;
        }
        shownSeq = mySeq;
        editing = false;
        if (!isEdit) {
            shown = null;
            render();
        }
        setMessage("Could not " + what + ": " + reason, true);
        updateControls();
    }

    private void setMessage(String text, boolean isError) {
        error = isError;
        message.setText(text);
        message.setToolTipText(isError ? text : null);
        message.setForeground(isError ? BrowserTheme.color(ERROR_FOREGROUND, "Component.error.focusedBorderColor")
                : BrowserTheme.color(LABEL_FOREGROUND, "Label.disabledForeground"));
    }

    // ------------------------------------------------------------------ rendering

    /** [EDT] Re-reads the theme's colours when the look and feel changes. */
    @Override
    public void updateUI() {
        super.updateUI();
        if (form != null) {
            render();
        }
    }

    private void render() {
        FileDetails d = shown;
        nameLabel.setText(d == null ? " " : d.name());
        pathLabel.setText(d == null || d.path() == null ? " " : d.path());
        pathLabel.setToolTipText(d == null ? null : d.path());
        favoriteButton.setText(d != null && d.favorite() ? FILLED : EMPTY);
        favoriteButton.setForeground(d != null && d.favorite() ? starColor() : labelColor());
        int rating = d == null || d.rating() == null ? 0 : d.rating();
        for (int i = 0; i < ratingButtons.length; i++) {
            ratingButtons[i].setText(i < rating ? FILLED : EMPTY);
            ratingButtons[i].setForeground(i < rating ? starColor() : labelColor());
        }
        renderChips(d);
        renderForm(d);
        updateControls();
        revalidate();
        repaint();
    }

    private void updateControls() {
        boolean on = shown != null && !editing;
        favoriteButton.setEnabled(on);
        for (JButton b : ratingButtons) {
            b.setEnabled(on);
        }
        tagField.setEnabled(on);
        for (var c : chips.getComponents()) {
            if (c instanceof JPanel chip) {
                for (var inner : chip.getComponents()) {
                    if (inner instanceof JButton b) {
                        b.setEnabled(on);
                    }
                }
            }
        }
    }

    private void renderChips(FileDetails d) {
        chips.removeAll();
        if (d != null) {
            for (Tag t : d.tags()) {
                if (t.removable()) {
                    chips.add(chip(t));
                }
            }
            if (showAutomatic.isSelected()) {
                for (Tag t : d.tags()) {
                    if (!t.removable()) {
                        chips.add(chip(t));
                    }
                }
            }
        }
        chips.revalidate();
    }

    private JPanel chip(Tag t) {
        JPanel chip = new JPanel(new FlowLayout(FlowLayout.LEADING, 3, 0));
        chip.setName("tag:" + t.name());
        chip.setBackground(BrowserTheme.color(t.removable() ? USER_CHIP_BACKGROUND : CHIP_BACKGROUND,
                "Button.background"));
        chip.setBorder(BorderFactory.createEmptyBorder(1, 4, 1, 2));
        JLabel label = new JLabel(t.name());
        label.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        if (t.removable()) {
            label.putClientProperty(FlatClientProperties.STYLE, "font: bold"); // yours, apart from the automatic ones
        }
        chip.add(label);
        String from = switch (t.source()) {
            case PATH -> "from the path";
            case ANALYSIS -> "from the analysis";
            case USER -> "your tag";
        };
        chip.setToolTipText(t.category() + ": " + t.name() + " (" + from + ")");
        label.setToolTipText(chip.getToolTipText());
        if (t.removable()) {
            JButton remove = new JButton("×");
            remove.setName("removeTag:" + t.name());
            remove.setToolTipText("Remove the tag '" + t.name() + "'");
            remove.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
            remove.setMargin(new Insets(0, 2, 0, 2));
            remove.addActionListener(e -> removeTag(t.name()));
            chip.add(remove);
        }
        return chip;
    }

    private void renderForm(FileDetails d) {
        form.removeAll();
        fields.clear();
        if (d == null) {
            form.revalidate();
            return;
        }
        Rows rows = new Rows();
        var f = d.file();
        rows.section("File");
        rows.field("Name", d.name());
        rows.field("Path", d.path());
        if (d.locations().size() > 1) {
            rows.field("Also at", list(d.locations().subList(1, d.locations().size()),
                    l -> l.path() + (l.missing() ? " (missing)" : "")));
        }
        if (!d.locations().isEmpty() && d.locations().get(0).missing()) {
            rows.field("Missing", "not found by the last import");
        }
        if (d.parent() != null) { // split parts imported as children ("Split into tracks…")
            rows.field("Split from", d.parent().name() + " (part " + d.parent().partNo() + ")");
        }
        if (!d.children().isEmpty()) {
            rows.field("Parts", list(d.children(), c -> String.format(Locale.ROOT, "%02d %s", c.partNo(), c.name())));
        }
        rows.field("Vendor", d.locations().isEmpty() ? null : d.locations().get(0).vendor());
        rows.field("Pack", d.locations().isEmpty() ? null : d.locations().get(0).pack());
        rows.field("Format", f.format());
        rows.field("Tracks", f.tracks());
        rows.field("PPQ", f.ppq());
        rows.field("Duration", f.durationSec() == null ? null : String.format(Locale.ROOT, "%.2f s", f.durationSec()));
        rows.field("Bars", f.bars());
        rows.field("Loop", yesNo(f.loop()));
        rows.field("Track names", list(f.trackNames(), s -> s));
        rows.field("Size", String.format(Locale.ROOT, "%,d bytes", d.sizeBytes()));
        rows.field("SHA-256", d.sha256());
        rows.field("Added", d.addedAt() == null ? null : WHEN.format(d.addedAt()));
        rows.field("Analysis", analysisText(d));
        if (d.analysisError() != null) {
            rows.field("Error", d.analysisError());
        }

        var t = d.tempo();
        rows.section("Tempo & meter");
        rows.field("BPM", number(t.bpm(), 2));
        rows.field("BPM source", t.bpmSource());
        rows.field("BPM confidence", percent(t.bpmConfidence()));
        rows.field("Tempo changes", t.tempoChanges());
        rows.field("Tempo map", list(t.tempoMap(), DetailsPane::tempoChange));
        rows.field("Meter", t.meter());
        rows.field("Meter source", t.meterSource());
        rows.field("Meter map", list(t.meters(), s -> s));

        var h = d.harmony();
        rows.section("Key & harmony");
        rows.field("Key", h.key());
        rows.field("Camelot", h.camelot());
        rows.field("Key confidence", percent(h.keyConfidence()));
        rows.field("Runner-up", h.keyRunnerUp());
        rows.field("Key source", h.keySource());
        rows.field("Chords", h.chords());
        rows.field("Chords per bar", h.chordsPerBar().isEmpty() ? null : String.join(" | ", limit(h.chordsPerBar())));

        var n = d.notes();
        rows.section("Notes");
        rows.field("Notes", n.notes());
        rows.field("Notes per bar", number(n.notesPerBar(), 2));
        rows.field("Pitch range", range(n.pitchMin(), n.pitchMax(), DetailsPane::noteName));
        rows.field("Velocity range", range(n.velocityMin(), n.velocityMax(), String::valueOf));
        rows.field("Velocity mean", number(n.velocityMean(), 1));
        rows.field("Polyphony", n.polyphonyMax());
        rows.field("Quantised", yesNo(n.quantized()));
        rows.field("Groove offset", n.grooveOffsetMs() == null ? null
                : String.format(Locale.ROOT, "%.1f ms", n.grooveOffsetMs()));

        var dr = d.drums();
        rows.section("Drums");
        rows.field("Drums", yesNo(dr.hasDrums()));
        rows.field("Pieces", drumCounts(dr.counts(), dr.pieces()));
        rows.field("Hits per bar", number(dr.hitsPerBar(), 2));
        rows.field("Swing", dr.swing() == null ? null : dr.swing() + " %");
        rows.field("Ghost notes", dr.ghostNotes());
        rows.field("Fill bars", list(dr.fillBars(), String::valueOf));
        rows.field("Role", dr.role() == null ? null : dr.role().replace('_', ' '));

        var in = d.instruments();
        rows.section("Instruments");
        rows.field("Categories", list(in.categories(), s -> s));
        rows.field("GM families", list(in.families(), s -> s));
        rows.field("Programs", list(in.programs(), String::valueOf));
        rows.field("Channels", list(in.channels(), String::valueOf));

        rows.section("Warnings");
        if (d.warnings().isEmpty()) {
            rows.field("Warnings", "none");
        } else {
            rows.field("Warnings", String.join("\n", d.warnings()));
        }
        rows.end();
        form.revalidate();
        form.repaint();
    }

    /** Adds sections and label/value rows to the form's grid. */
    private final class Rows {
        private int row;

        void section(String title) {
            JLabel l = new JLabel(title);
            l.putClientProperty("midicenter.role", "section");
            l.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
            l.setForeground(BrowserTheme.color(SECTION_FOREGROUND, "Label.foreground"));
            GridBagConstraints c = constraints(0, row++);
            c.gridwidth = 2;
            c.insets = new Insets(row == 1 ? 0 : 10, 0, 2, 0);
            form.add(l, c);
        }

        void field(String name, Object value) {
            String text = value == null ? NONE : value.toString();
            fields.put(name, text);
            JLabel label = new JLabel(name);
            label.setForeground(labelColor());
            GridBagConstraints c = constraints(0, row);
            c.insets = new Insets(1, 0, 1, 12);
            form.add(label, c);
            JLabel v = new JLabel(text.contains("\n")
                    ? "<html>" + escape(text).replace("\n", "<br>") + "</html>" : text);
            v.setName("field:" + name);
            v.setToolTipText(text.length() > 40 ? text : null);
            c = constraints(1, row++);
            c.weightx = 1;
            c.fill = GridBagConstraints.HORIZONTAL;
            c.insets = new Insets(1, 0, 1, 0);
            form.add(v, c);
        }

        void end() {
            GridBagConstraints c = constraints(0, row++);
            c.weighty = 1;
            form.add(Box.createVerticalGlue(), c);
        }

        private GridBagConstraints constraints(int x, int y) {
            GridBagConstraints c = new GridBagConstraints();
            c.gridx = x;
            c.gridy = y;
            c.anchor = GridBagConstraints.FIRST_LINE_START;
            return c;
        }
    }

    // ------------------------------------------------------------------ formatting

    private Color starColor() {
        return BrowserTheme.color(STAR_FOREGROUND, "Actions.Yellow");
    }

    private Color labelColor() {
        return BrowserTheme.color(LABEL_FOREGROUND, "Label.disabledForeground");
    }

    private static void styleStar(JButton b) {
        b.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
        b.setFocusable(false);
        Font font = b.getFont();
        if (font != null) {
            b.setFont(font.deriveFont(font.getSize2D() * 1.3f));
        }
    }

    private static String analysisText(FileDetails d) {
        String state = d.analysisState().name().toLowerCase(Locale.ROOT);
        if (d.analyzerVersion() == null) {
            return state;
        }
        return state + ", analyser " + d.analyzerVersion()
                + (d.analyzedAt() == null ? "" : ", " + WHEN.format(d.analyzedAt()));
    }

    static String number(Double v, int decimals) {
        if (v == null) {
            return null;
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String percent(Double v) {
        return v == null ? null : Math.round(v * 100) + " %";
    }

    private static String yesNo(Boolean b) {
        return b == null ? null : b ? "yes" : "no";
    }

    private static String tempoChange(TempoChange c) {
        return number(c.bpm(), 2) + " BPM at " + number(c.seconds(), 2) + " s";
    }

    /** Middle C (60) is C4. */
    static String noteName(int pitch) {
        if (pitch < 0 || pitch > 127) {
            return String.valueOf(pitch);
        }
        String[] names = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
        return names[pitch % 12] + (pitch / 12 - 1) + " (" + pitch + ")";
    }

    private static String range(Integer lo, Integer hi, Function<Integer, String> format) {
        if (lo == null || hi == null || lo < 0 || hi < 0) {
            return null;
        }
        return lo.equals(hi) ? format.apply(lo) : format.apply(lo) + " – " + format.apply(hi);
    }

    /** {@code kick 16, snare 8}: the pieces played with their hit counts (counts are in DrumPiece order). */
    private static String drumCounts(List<Integer> counts, List<String> pieces) {
        DrumPiece[] all = DrumPiece.values();
        List<String> out = new ArrayList<>();
        if (counts.size() == all.length) {
            for (int i = 0; i < all.length; i++) {
                if (counts.get(i) > 0) {
                    out.add(all[i].word() + " " + counts.get(i));
                }
            }
        }
        if (out.isEmpty()) {
            return pieces.isEmpty() ? null : String.join(", ", pieces);
        }
        return String.join(", ", out);
    }

    private static <T> String list(List<T> values, Function<T, String> format) {
        if (values.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (T v : limit(values)) {
            out.add(format.apply(v));
        }
        String s = String.join(", ", out);
        return values.size() > MAX_LISTED ? s + ", … (" + values.size() + " in all)" : s;
    }

    private static <T> List<T> limit(List<T> values) {
        return values.size() > MAX_LISTED ? values.subList(0, MAX_LISTED) : values;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
