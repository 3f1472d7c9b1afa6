package com.midicenter.browser.inspect;

import com.formdev.flatlaf.FlatClientProperties;
import com.midicenter.browser.details.DetailsPane;
import com.midicenter.browser.details.DetailsSource;
import com.midicenter.browser.dnd.DragOptions;
import com.midicenter.browser.preview.PreviewOutputs;
import com.midicenter.browser.preview.Previewer;
import com.midicenter.browser.preview.ReceiverSource;
import com.midicenter.browser.roll.PianoRollView;
import com.midicenter.browser.state.UiState;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.music.MusicalKey;
import com.midicenter.core.roll.NoteRoll;
import com.midicenter.library.analysis.LocationReader;
import com.midicenter.persistence.search.SearchHit;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.SwingUtilities;

/**
 * The right-hand side of the browser: what is known about the selected file ({@link DetailsPane}, when the host gives
 * a {@link DetailsSource}), its piano roll with a playhead, and the preview and drag controls above it: Play/Stop,
 * loop, the file's tempo or a chosen BPM, the output (the JDK synthesizer or a MIDI device), and "drag as" a key
 * and/or a tempo.
 *
 * <p>Selecting a file reads it (a plain file or an archive member) on the executor and builds its {@link NoteRoll}
 * there; the roll is shown when it comes back, if that file is still the selected one. A new selection stops the old
 * preview; if a preview was playing, the new file plays as soon as it is read (audition by arrowing through the list).
 *
 * <p>[EDT] Build and use on the EDT only; the previewer's listeners hop to the EDT.
 */
public final class Inspector extends JPanel {

    /** Height of the piano roll, in pixels. */
    public static final int ROLL_HEIGHT = 190;
    /** "Drag as" key choice meaning: the file's own key. */
    static final String AS_IS = "Key as is";

    private final Executor executor;
    private final DetailsPane details;
    private final PianoRollView roll = new PianoRollView();
    private final Previewer previewer;
    private final Consumer<String> messages;
    private final JToggleButton playButton = new JToggleButton("▶ Play");
    private final JCheckBox loop = new JCheckBox("Loop", true);
    private final JTextField tempo = new JTextField(4);
    private final JComboBox<String> output = new JComboBox<>();
    private final JComboBox<String> dragKey = new JComboBox<>();
    private final JTextField dragBpm = new JTextField(4);
    private final AtomicLong playhead = new AtomicLong(-1);
    private final AtomicBoolean playheadQueued = new AtomicBoolean();
    private Consumer<DragOptions> dragOptionsListener = o -> { };

    private SearchHit selected;
    private long loadSeq;
    /** The selected file's bytes and roll once read (null while reading or when unreadable). */
    private byte[] bytes;
    private NoteRoll noteRoll;
    /** Play as soon as the selected file is read. */
    private boolean playWhenLoaded;
    private boolean outputsListed;

    /**
     * @param details  the library's details and marks, or {@code null} for the roll and preview only
     * @param output   where previews play; {@code null}: the JDK's software synthesizer
     * @param messages one-line messages for the user (the status bar)
     */
    public Inspector(DetailsSource details, Executor executor, ReceiverSource output, Consumer<String> messages) {
        super(new BorderLayout());
        setName("inspector");
        this.executor = executor;
        this.messages = messages;
        this.details = details == null ? null : new DetailsPane(details, executor);
        this.previewer = new Previewer(output == null ? PreviewOutputs.softwareSynth() : output);
        previewer.setLoop(true);
        previewer.setErrorListener(message -> SwingUtilities.invokeLater(() -> {
            messages.accept(message);
            playButton.setSelected(false);
            playButton.setText("▶ Play");
        }));
        previewer.setStoppedListener(() -> SwingUtilities.invokeLater(this::previewStopped));
        previewer.setPositionListener(this::positionFromPreview);
        if (output != null) {
            this.output.addItem("Test output");
            outputsListed = true;
        } else {
            this.output.addItem(PreviewOutputs.SOFTWARE_SYNTH);
        }

        roll.setName("pianoRoll");
        roll.setPreferredSize(new Dimension(360, ROLL_HEIGHT));
        playButton.setName("play");
        playButton.setToolTipText("Preview the selected file (Space)");
        playButton.addActionListener(e -> {
            if (playButton.isSelected()) {
                play();
            } else {
                stop();
            }
        });
        loop.setName("loop");
        loop.setToolTipText("Play the file again and again");
        loop.addActionListener(e -> previewer.setLoop(loop.isSelected()));
        tempo.setName("previewTempo");
        tempo.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "BPM");
        tempo.setToolTipText("Preview at this tempo (empty: the file's own tempo)");
        tempo.addActionListener(e -> applyTempo());
        tempo.addFocusListener(new java.awt.event.FocusAdapter() {
            @Override
            public void focusLost(java.awt.event.FocusEvent e) {
                applyTempo();
            }
        });
        this.output.setName("previewOutput");
        this.output.setToolTipText("Where previews play: the built-in synthesizer or a MIDI output");
        this.output.addPopupMenuListener(new javax.swing.event.PopupMenuListener() {
            @Override
            public void popupMenuWillBecomeVisible(javax.swing.event.PopupMenuEvent e) {
                listOutputs();
            }

            @Override
            public void popupMenuWillBecomeInvisible(javax.swing.event.PopupMenuEvent e) {
            }

            @Override
            public void popupMenuCanceled(javax.swing.event.PopupMenuEvent e) {
            }
        });
        this.output.addActionListener(e -> chooseOutput());

        dragKey.setName("dragKey");
        dragKey.setToolTipText("Drag a copy transposed to this key");
        dragKey.addItem(AS_IS);
        for (int code = 0; code < 24; code++) {
            dragKey.addItem(MusicalKey.ofCode(code).name());
        }
        dragKey.addActionListener(e -> dragOptionsChanged());
        dragBpm.setName("dragBpm");
        dragBpm.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "BPM");
        dragBpm.setToolTipText("Drag a copy set to this tempo (empty: as is)");
        dragBpm.addActionListener(e -> dragOptionsChanged());
        dragBpm.addFocusListener(new java.awt.event.FocusAdapter() {
            @Override
            public void focusLost(java.awt.event.FocusEvent e) {
                dragOptionsChanged();
            }
        });

        JPanel previewBar = new JPanel(new FlowLayout(FlowLayout.LEADING, 6, 2));
        previewBar.setName("previewBar");
        previewBar.add(playButton);
        previewBar.add(loop);
        previewBar.add(new JLabel("Tempo"));
        previewBar.add(tempo);
        previewBar.add(this.output);
        JPanel dragBar = new JPanel(new FlowLayout(FlowLayout.LEADING, 6, 2));
        dragBar.setName("dragBar");
        dragBar.add(new JLabel("Drag as"));
        dragBar.add(dragKey);
        dragBar.add(dragBpm);
        dragBar.add(new JLabel("BPM"));
        JPanel bars = new JPanel(new BorderLayout());
        bars.add(previewBar, BorderLayout.NORTH);
        bars.add(dragBar, BorderLayout.SOUTH);
        JPanel rollWithBars = new JPanel(new BorderLayout());
        rollWithBars.add(bars, BorderLayout.NORTH);
        rollWithBars.add(roll, BorderLayout.CENTER);
        rollWithBars.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        if (this.details != null) {
            this.details.setPianoRoll(rollWithBars);
            add(this.details, BorderLayout.CENTER);
        } else {
            add(rollWithBars, BorderLayout.NORTH);
        }
        roll.setRoll(null);
    }

    /** [EDT] Shows {@code hit} (null: nothing selected); stops the preview of the file selected before. */
    public void select(SearchHit hit) {
        if (hit != null && selected != null && hit.contentId() == selected.contentId()) {
            return;
        }
        boolean wasPlaying = previewer.isPlaying() || playWhenLoaded;
        if (previewer.isPlaying()) {
            previewer.stop();
        }
        selected = hit;
        bytes = null;
        noteRoll = null;
        playWhenLoaded = hit != null && wasPlaying;
        long seq = ++loadSeq;
        setPlayhead(-1);
        if (hit == null) {
            roll.setRoll(null);
            if (details != null) {
                details.clear();
            }
            showPlaying(false);
            return;
        }
        if (details != null) {
            details.show(hit.contentId());
        }
        roll.showLoading();
        showPlaying(playWhenLoaded);
        try {
            executor.execute(new Load(seq, hit.path()));
        } catch (RejectedExecutionException e) {
            roll.showError("busy: select the file again");
        }
    }

    /** [executor] Reads one file and builds its roll. */
    private final class Load implements Runnable {
        private final long seq;
        private final String path;

        Load(long seq, String path) {
            this.seq = seq;
            this.path = path;
        }

        @Override
        public void run() {
            byte[] b;
            NoteRoll r;
            String problem = null;
            try (LocationReader reader = new LocationReader()) {
                b = reader.read(path);
                MidiFile file = new MidiReader().read(b);
                r = NoteRoll.of(file);
            } catch (java.nio.file.NoSuchFileException e) {
                b = null;
                r = null;
                problem = "the file is no longer there (moved or deleted?)";
            } catch (java.nio.file.AccessDeniedException e) {
                b = null;
                r = null;
                problem = "no permission to read the file";
            } catch (IOException e) {
                b = null;
                r = null;
                problem = "cannot read the file: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            } catch (MidiFormatException e) {
                b = null;
                r = null;
                problem = "not a readable MIDI file (damaged, or not MIDI at all)";
            } catch (RuntimeException e) {
                b = null;
                r = null;
                problem = "cannot show this file: " + e;
            }
            byte[] fb = b;
            NoteRoll fr = r;
            String fp = problem;
            SwingUtilities.invokeLater(() -> loaded(seq, fb, fr, fp));
        }
    }

    private void loaded(long seq, byte[] b, NoteRoll r, String problem) {
        if (seq != loadSeq) {
            return; // another file was selected meanwhile
        }
        if (problem != null) {
            roll.showError(problem);
            playWhenLoaded = false;
            showPlaying(false);
            return;
        }
        bytes = b;
        noteRoll = r;
        roll.setRoll(r);
        if (playWhenLoaded) {
            playWhenLoaded = false;
            startPlaying();
        }
    }

    /** [EDT] Plays the selected file (as soon as it is read). */
    public void play() {
        if (selected == null) {
            showPlaying(false);
            return;
        }
        if (bytes == null) {
            playWhenLoaded = true;
            showPlaying(true);
            return;
        }
        startPlaying();
    }

    private void startPlaying() {
        applyTempo();
        previewer.setLoop(loop.isSelected());
        previewer.play(bytes);
        showPlaying(true);
    }

    /** [EDT] Stops the preview (all notes off). */
    public void stop() {
        playWhenLoaded = false;
        previewer.stop();
        showPlaying(false);
        setPlayhead(-1);
    }

    /** [EDT] Space: plays the selected file, or stops the preview playing. */
    public void togglePreview() {
        if (isPreviewing()) {
            stop();
        } else {
            play();
        }
    }

    /** [EDT] True while a preview plays or is about to (the file being read). */
    public boolean isPreviewing() {
        return previewer.isPlaying() || playWhenLoaded;
    }

    private void previewStopped() {
        if (!previewer.isPlaying() && !playWhenLoaded) {
            showPlaying(false);
            setPlayhead(-1);
        }
    }

    private void showPlaying(boolean on) {
        playButton.setSelected(on);
        playButton.setText(on ? "■ Stop" : "▶ Play");
    }

    /** [preview thread] Coalesces positions into one pending EDT update. */
    private void positionFromPreview(long tick) {
        playhead.set(tick);
        if (playheadQueued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(() -> {
                playheadQueued.set(false);
                if (previewer.isPlaying()) {
                    roll.setPlayhead(playhead.get());
                }
            });
        }
    }

    private void setPlayhead(long tick) {
        playhead.set(tick);
        roll.setPlayhead(tick);
    }

    private void applyTempo() {
        String t = tempo.getText().strip();
        if (t.isEmpty()) {
            previewer.setTempo(null);
            tempo.putClientProperty(FlatClientProperties.OUTLINE, null);
            return;
        }
        Double bpm = bpmOf(t);
        if (bpm == null) {
            tempo.putClientProperty(FlatClientProperties.OUTLINE, FlatClientProperties.OUTLINE_ERROR);
            messages.accept("Preview tempo: type a BPM between 20 and 400, or leave it empty for the file's tempo");
        } else {
            tempo.putClientProperty(FlatClientProperties.OUTLINE, null);
            previewer.setTempo(bpm);
        }
    }

    static Double bpmOf(String text) {
        try {
            double v = Double.parseDouble(text.strip().replace(',', '.'));
            return v >= 20 && v <= 400 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void listOutputs() {
        if (outputsListed) {
            return;
        }
        outputsListed = true;
        try {
            executor.execute(() -> {
                List<String> names = new ArrayList<>(PreviewOutputs.list());
                SwingUtilities.invokeLater(() -> {
                    Object chosen = output.getSelectedItem();
                    for (String n : names) {
                        if (((javax.swing.DefaultComboBoxModel<String>) output.getModel()).getIndexOf(n) < 0) {
                            output.addItem(n);
                        }
                    }
                    output.setSelectedItem(chosen);
                });
            });
        } catch (RejectedExecutionException e) {
            outputsListed = false;
        }
    }

    private void chooseOutput() {
        Object name = output.getSelectedItem();
        if (name == null || "Test output".equals(name)) {
            return;
        }
        previewer.setOutput(PreviewOutputs.byName(name.toString()));
    }

    private void dragOptionsChanged() {
        dragOptionsListener.accept(dragOptions());
    }

    /** [EDT] What the drag controls say: a key and/or a BPM, or as is; a bad BPM is ignored and said once. */
    public DragOptions dragOptions() {
        Object k = dragKey.getSelectedItem();
        MusicalKey key = k == null || AS_IS.equals(k) ? null : MusicalKey.parse(k.toString()).orElse(null);
        String t = dragBpm.getText().strip();
        Double bpm = null;
        if (!t.isEmpty()) {
            bpm = bpmOf(t);
            dragBpm.putClientProperty(FlatClientProperties.OUTLINE, bpm == null ? FlatClientProperties.OUTLINE_ERROR
                    : null);
        } else {
            dragBpm.putClientProperty(FlatClientProperties.OUTLINE, null);
        }
        return key == null && bpm == null ? DragOptions.AS_IS : new DragOptions(key, bpm);
    }

    /** [EDT] Runs with the new drag options whenever the drag controls change. */
    public void onDragOptions(Consumer<DragOptions> listener) {
        this.dragOptionsListener = listener;
    }

    /** [EDT] Remembers loop, preview tempo, output and drag options. */
    public void saveState(UiState state) {
        state.put("preview.loop", loop.isSelected());
        state.put("preview.tempo", tempo.getText().strip());
        Object o = output.getSelectedItem();
        state.put("preview.output", o == null || "Test output".equals(o) ? null : o.toString());
        state.put("drag.key", String.valueOf(dragKey.getSelectedItem()));
        state.put("drag.bpm", dragBpm.getText().strip());
    }

    /** [EDT] Restores what {@link #saveState} wrote. */
    public void restoreState(UiState state) {
        loop.setSelected(state.getBoolean("preview.loop", true));
        previewer.setLoop(loop.isSelected());
        tempo.setText(Optional.ofNullable(bpmOf(state.get("preview.tempo", "")))
                .map(v -> String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.1f", v)).orElse(""));
        String out = state.get("preview.output", null);
        if (out != null && !"Test output".equals(output.getItemAt(0))) {
            if (((javax.swing.DefaultComboBoxModel<String>) output.getModel()).getIndexOf(out) < 0) {
                output.addItem(out);
            }
            output.setSelectedItem(out);
        }
        String key = state.get("drag.key", AS_IS);
        dragKey.setSelectedItem(((javax.swing.DefaultComboBoxModel<String>) dragKey.getModel()).getIndexOf(key) >= 0
                ? key : AS_IS);
        dragBpm.setText(Optional.ofNullable(bpmOf(state.get("drag.bpm", "")))
                .map(v -> String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.1f", v)).orElse(""));
        dragOptionsChanged();
    }

    /** [EDT] Stops the preview and lets the output go (the window closes, the plugin editor goes away). */
    public void dispose() {
        previewer.stop();
        previewer.close();
    }

    /** [EDT] The details pane, or null when the host gave no details source. */
    public DetailsPane detailsPane() {
        return details;
    }

    /** [EDT] The piano roll. */
    public PianoRollView pianoRoll() {
        return roll;
    }

    /** [EDT] The selected file's roll once read, or null. */
    public NoteRoll noteRoll() {
        return noteRoll;
    }

    /** [EDT] The file shown, or null. */
    public SearchHit selected() {
        return selected;
    }

    /** The previewer (tests wait on its futures). */
    public Previewer previewer() {
        return previewer;
    }
}
