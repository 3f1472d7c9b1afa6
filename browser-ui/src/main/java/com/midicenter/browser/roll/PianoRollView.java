package com.midicenter.browser.roll;

import com.midicenter.core.roll.NoteRoll;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * A whole file at a glance: a {@link NoteRoll} fitted to the component's width, with a bar grid and bar numbers,
 * a strip of chord labels above the bars, note rectangles coloured per track and shaded by velocity (soft and ghost
 * notes paler: {@link #shadeOf(int)}), and a playhead.
 *
 * <p>Pitched notes are drawn on a pitch axis fitted to the notes' range with {@value #PITCH_MARGIN} semitones of
 * margin (at least {@value #MIN_PITCH_SPAN} semitones tall). A drum file (every note on a drum channel) is drawn
 * as one labelled lane per drum key instead; a file with both gets the pitched notes above and the drum lanes
 * below. Without a roll the view shows a short text: nothing selected, loading, or why the file cannot be shown.
 *
 * <p>Colours come from the theme ({@code PianoRoll.*} keys in the browser's FlatLaf properties, re-read on
 * {@link #updateUI()}): {@code PianoRoll.track.0..7} colour the tracks in turn, the others are listed as
 * constants here. Painting works on the roll's arrays and the clip: it allocates nothing per note, and a
 * {@link #setPlayhead playhead} move repaints only the two thin strips it leaves and enters.
 *
 * <p>[EDT] Like every Swing component, use it on the event dispatch thread only.
 */
public class PianoRollView extends JComponent {

    /** Track colours: {@code PianoRoll.track.0} .. {@code PianoRoll.track.7}, reused for tracks 8 and up. */
    public static final String TRACK_COLOR_PREFIX = "PianoRoll.track.";
    public static final int TRACK_COLORS = 8;
    public static final String BACKGROUND = "PianoRoll.background";
    /** The background of rows of black keys and of the header strips. */
    public static final String ALTERNATE_BACKGROUND = "PianoRoll.alternateBackground";
    public static final String BAR_LINE_COLOR = "PianoRoll.barLineColor";
    public static final String BEAT_LINE_COLOR = "PianoRoll.beatLineColor";
    public static final String TEXT_FOREGROUND = "PianoRoll.textForeground";
    public static final String CHORD_FOREGROUND = "PianoRoll.chordForeground";
    public static final String PLAYHEAD_COLOR = "PianoRoll.playheadColor";

    /** Text shown without a roll. */
    public static final String NO_FILE_TEXT = "No file selected";
    public static final String LOADING_TEXT = "Loading…";
    public static final String NO_NOTES_TEXT = "No notes in this file";
    public static final String ERROR_PREFIX = "Cannot show notes: ";

    static final int PITCH_MARGIN = 2;
    static final int MIN_PITCH_SPAN = 12;
    /** Beat lines are drawn when beats are at least this many pixels apart. */
    private static final int MIN_BEAT_PIXELS = 6;
    private static final int MIN_BAR_LINE_PIXELS = 3;
    /** The drum lanes of a mixed file take at most this share of the note area. */
    private static final double MAX_DRUM_SHARE = 0.4;
    private static final int PAD = 2;
    /** How much of the track colour a note of each velocity band shows (the rest is the background). */
    private static final float[] SHADES = {1f, 0.8f, 0.6f, 0.4f};
    private static final boolean[] BLACK_KEY = {false, true, false, true, false, false, true, false, true, false,
        true, false};

    private NoteRoll roll;
    private String message = NO_FILE_TEXT;
    private long playhead = -1;

    private final Color[] trackColors = new Color[TRACK_COLORS];
    /** Per track colour, by {@link #shadeOf(int)}: full, then mixed ever more with the background. */
    private final Color[] shadedColors = new Color[TRACK_COLORS * SHADES.length];
    private Color background;
    private Color alternateBackground;
    private Color barLineColor;
    private Color beatLineColor;
    private Color textForeground;
    private Color chordForeground;
    private Color playheadColor;

    // layout, recomputed by layout() when the size, font or roll changed
    private int laidOutWidth = -1;
    private int laidOutHeight = -1;
    private NoteRoll laidOutRoll;
    private Font laidOutFont;
    private int chordTop;
    private int rulerTop;
    private int noteLeft;
    private int noteRight;
    private int noteTop;
    private int noteBottom;
    private int pitchBottom; // pitched area: noteTop .. pitchBottom
    private int drumTop; // drum lanes: drumTop .. noteBottom
    private int lowPitch;
    private int highPitch;
    private double rowHeight;
    private double laneHeight;
    private double pixelsPerTick;
    private int ascent;

    public PianoRollView() {
        updateUI();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        for (int i = 0; i < TRACK_COLORS; i++) {
            Color c = UIManager.getColor(TRACK_COLOR_PREFIX + i);
            // outside our themes (a host's own look and feel): hues spread round the colour wheel
            trackColors[i] = c != null ? c : Color.getHSBColor(i / (float) TRACK_COLORS, 0.55f, 0.85f);
        }
        background = color(BACKGROUND, "Table.background", Color.WHITE);
        alternateBackground = color(ALTERNATE_BACKGROUND, "Panel.background", background);
        barLineColor = color(BAR_LINE_COLOR, "Label.disabledForeground", Color.GRAY);
        beatLineColor = color(BEAT_LINE_COLOR, "Table.gridColor", alternateBackground);
        textForeground = color(TEXT_FOREGROUND, "Label.foreground", Color.BLACK);
        chordForeground = color(CHORD_FOREGROUND, "Label.foreground", textForeground);
        playheadColor = color(PLAYHEAD_COLOR, "Component.focusColor", Color.RED);
        for (int i = 0; i < TRACK_COLORS; i++) {
            for (int band = 0; band < SHADES.length; band++) {
                shadedColors[i * SHADES.length + band] = mix(trackColors[i], background, SHADES[band]);
            }
        }
        Font font = UIManager.getFont("Label.font");
        if (font != null) {
            setFont(font.deriveFont(font.getSize2D() * 0.9f));
        }
        setOpaque(true);
        laidOutWidth = -1;
        repaint();
    }

    private static Color color(String key, String fallbackKey, Color last) {
        Color c = UIManager.getColor(key);
        if (c == null) {
            c = UIManager.getColor(fallbackKey);
        }
        return c != null ? c : last;
    }

    // ---- state

    /** Shows {@code roll}; {@code null} shows {@value #NO_FILE_TEXT}. The playhead is hidden. */
    public void setRoll(NoteRoll roll) {
        this.roll = roll;
        this.message = roll == null ? NO_FILE_TEXT : roll.isEmpty() ? NO_NOTES_TEXT : null;
        this.playhead = -1;
        laidOutWidth = -1;
        repaint();
    }

    /** The roll shown, or {@code null} while loading, on error or with nothing selected. */
    public NoteRoll roll() {
        return roll;
    }

    /** Shows {@value #LOADING_TEXT} until the next {@link #setRoll} or {@link #showError}. */
    public void showLoading() {
        showText(LOADING_TEXT);
    }

    /** Shows why the notes cannot be shown, e.g. {@code "not a MIDI file"}. */
    public void showError(String reason) {
        showText(ERROR_PREFIX + (reason == null || reason.isBlank() ? "unknown error" : reason.strip()));
    }

    private void showText(String text) {
        roll = null;
        message = text;
        playhead = -1;
        laidOutWidth = -1;
        repaint();
    }

    /** The text shown instead of notes (no file, loading, error, no notes), {@code null} while notes are shown. */
    public String message() {
        return message;
    }

    /**
     * Moves the playhead to {@code tick} of the roll; a negative tick hides it. Repaints only the strips of the
     * old and the new position.
     */
    public void setPlayhead(long tick) {
        long next = tick < 0 ? -1 : tick;
        if (next == playhead) {
            return;
        }
        int oldX = playheadX();
        playhead = next;
        int newX = playheadX();
        if (oldX == newX) {
            return;
        }
        if (oldX >= 0) {
            repaint(oldX - 1, 0, 3, getHeight());
        }
        if (newX >= 0) {
            repaint(newX - 1, 0, 3, getHeight());
        }
    }

    /** The playhead's tick, -1 when hidden. */
    public long playhead() {
        return playhead;
    }

    private int playheadX() {
        if (playhead < 0 || roll == null || message != null) {
            return -1;
        }
        layout(getFontMetrics(getFont()));
        return xOf(playhead);
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        return new Dimension(480, 160);
    }

    // ---- geometry (package-private for tests)

    /** The x of {@code tick}, clamped to the note area. */
    int xOf(long tick) {
        long t = Math.max(0, Math.min(tick, roll.lengthTicks()));
        return noteLeft + (int) (t * pixelsPerTick);
    }

    /** The top y of the row of pitched key {@code pitch}. */
    int yOfPitch(int pitch) {
        return noteTop + (int) ((highPitch - pitch) * rowHeight);
    }

    /** The top y of drum lane {@code lane}. */
    int yOfLane(int lane) {
        return drumTop + (int) (lane * laneHeight);
    }

    int rowHeightPixels() {
        return (int) rowHeight;
    }

    int laneHeightPixels() {
        return (int) laneHeight;
    }

    int chordTop() {
        return chordTop;
    }

    int rulerTop() {
        return rulerTop;
    }

    int noteLeft() {
        return noteLeft;
    }

    int noteTop() {
        return noteTop;
    }

    int noteBottom() {
        return noteBottom;
    }

    int lowPitch() {
        return lowPitch;
    }

    int highPitch() {
        return highPitch;
    }

    /** Lays the roll out for the current size and font; cheap when nothing changed. */
    void layout(FontMetrics fm) {
        if (laidOutWidth == getWidth() && laidOutHeight == getHeight() && laidOutRoll == roll
                && laidOutFont == fm.getFont()) {
            return;
        }
        laidOutWidth = getWidth();
        laidOutHeight = getHeight();
        laidOutRoll = roll;
        laidOutFont = fm.getFont();
        if (roll == null) {
            return;
        }
        Insets in = getInsets();
        int textHeight = fm.getHeight();
        ascent = fm.getAscent();
        boolean chords = false;
        for (int b = 0; b < roll.barCount() && !chords; b++) {
            chords = !roll.chord(b).isEmpty();
        }
        chordTop = in.top;
        rulerTop = chordTop + (chords ? textHeight + PAD : 0);
        noteTop = rulerTop + textHeight + PAD;
        noteBottom = Math.max(noteTop + 1, getHeight() - in.bottom);
        int lanes = roll.drumLaneCount();
        int gutter = 0;
        if (lanes > 0) {
            for (int lane = 0; lane < lanes; lane++) {
                gutter = Math.max(gutter, fm.stringWidth(roll.drumLaneName(lane)));
            }
            gutter += 2 * PAD;
        }
        noteLeft = in.left + gutter;
        noteRight = Math.max(noteLeft + 1, getWidth() - in.right);
        pixelsPerTick = (noteRight - noteLeft) / (double) Math.max(1, roll.lengthTicks());
        int area = noteBottom - noteTop;
        if (roll.isDrumsOnly()) {
            pitchBottom = noteTop;
            drumTop = noteTop;
        } else if (lanes > 0) {
            int drums = (int) Math.min(area * MAX_DRUM_SHARE, lanes * (double) textHeight);
            drumTop = noteBottom - drums;
            pitchBottom = drumTop - 1;
        } else {
            pitchBottom = noteBottom;
            drumTop = noteBottom;
        }
        laneHeight = lanes == 0 ? 0 : (noteBottom - drumTop) / (double) lanes;
        if (roll.maxPitch() >= 0) {
            int low = roll.minPitch() - PITCH_MARGIN;
            int high = roll.maxPitch() + PITCH_MARGIN;
            int missing = MIN_PITCH_SPAN - (high - low + 1);
            if (missing > 0) {
                low -= missing / 2;
                high += missing - missing / 2;
            }
            lowPitch = Math.max(0, low - Math.max(0, high - 127));
            highPitch = Math.min(127, high + Math.max(0, -low));
        } else {
            lowPitch = 60;
            highPitch = 60 + MIN_PITCH_SPAN - 1;
        }
        rowHeight = (pitchBottom - noteTop) / (double) (highPitch - lowPitch + 1);
    }

    // ---- painting

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics;
        Rectangle clip = g.getClipBounds();
        if (clip == null) {
            clip = new Rectangle(0, 0, getWidth(), getHeight());
        }
        g.setColor(background);
        g.fillRect(clip.x, clip.y, clip.width, clip.height);
        g.setFont(getFont());
        FontMetrics fm = g.getFontMetrics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        if (roll == null || message != null) {
            g.setColor(textForeground);
            String text = message == null ? NO_FILE_TEXT : message;
            g.drawString(text, (getWidth() - fm.stringWidth(text)) / 2, (getHeight() - fm.getHeight()) / 2 + fm.getAscent());
            return;
        }
        layout(fm);
        long fromTick = tickAt(clip.x - 1);
        long toTick = tickAt(clip.x + clip.width + 1);
        paintRows(g, clip);
        paintGrid(g, fm, clip, fromTick, toTick);
        paintNotes(g, fromTick, toTick);
        paintLaneLabels(g, clip);
        int x = playheadX();
        if (x >= clip.x - 1 && x <= clip.x + clip.width) {
            g.setColor(playheadColor);
            g.drawLine(x, rulerTop, x, noteBottom - 1);
        }
    }

    /** The tick at {@code x}, clamped to the roll. */
    private long tickAt(int x) {
        if (x <= noteLeft) {
            return 0;
        }
        return Math.min(roll.lengthTicks(), (long) ((x - noteLeft) / pixelsPerTick));
    }

    private void paintRows(Graphics2D g, Rectangle clip) {
        int left = Math.max(clip.x, noteLeft);
        int right = Math.min(clip.x + clip.width, noteRight);
        if (right <= left) {
            return;
        }
        g.setColor(alternateBackground);
        g.fillRect(clip.x, chordTop, clip.width, noteTop - chordTop - 1); // header strips
        if (roll.maxPitch() >= 0 && rowHeight >= 2) {
            for (int p = lowPitch; p <= highPitch; p++) {
                if (BLACK_KEY[p % 12]) {
                    int y = yOfPitch(p);
                    g.fillRect(left, y, right - left, yOfPitch(p - 1) - y);
                }
            }
        }
        for (int lane = 1; lane < roll.drumLaneCount(); lane += 2) {
            int y = yOfLane(lane);
            g.fillRect(clip.x, y, clip.width, yOfLane(lane + 1) - y);
        }
        if (!roll.isDrumsOnly() && roll.drumLaneCount() > 0) {
            g.setColor(barLineColor);
            g.drawLine(clip.x, drumTop - 1, clip.x + clip.width, drumTop - 1);
        }
    }

    private void paintGrid(Graphics2D g, FontMetrics fm, Rectangle clip, long fromTick, long toTick) {
        int bars = roll.barCount();
        int firstBar = roll.barOf(fromTick);
        int lastBar = roll.barOf(toTick);
        double barPixels = (noteRight - noteLeft) / (double) bars;
        int lineStep = step(barPixels, MIN_BAR_LINE_PIXELS);
        int numberStep = step(barPixels, fm.stringWidth(Integer.toString(bars)) + 2 * PAD);
        firstBar -= firstBar % lineStep;
        // chord labels may start left of the clip and reach into it
        int chordFrom = Math.max(0, roll.barOf(tickAt(clip.x - 8 * fm.getHeight())));
        for (int b = firstBar; b <= lastBar; b += lineStep) {
            int x = xOf(roll.barStart(b));
            long beat = roll.beatTicks(b);
            if (lineStep == 1 && beat * pixelsPerTick >= MIN_BEAT_PIXELS) {
                g.setColor(beatLineColor);
                for (long t = roll.barStart(b) + beat; t < roll.barStart(b + 1); t += beat) {
                    int bx = xOf(t);
                    g.drawLine(bx, noteTop, bx, noteBottom - 1);
                }
            }
            g.setColor(barLineColor);
            g.drawLine(x, rulerTop, x, noteBottom - 1);
            if (b % numberStep == 0) {
                g.setColor(textForeground);
                g.drawString(Integer.toString(b + 1), x + PAD, rulerTop + ascent);
            }
        }
        g.setColor(chordForeground);
        int labelEnd = Integer.MIN_VALUE;
        String previous = "";
        for (int b = chordFrom; b <= lastBar; b++) {
            String chord = roll.chord(b);
            if (chord.isEmpty() || chord.equals(previous)) {
                previous = chord;
                continue;
            }
            int x = xOf(roll.barStart(b)) + PAD;
            if (x >= labelEnd) {
                g.drawString(chord, x, chordTop + ascent);
                labelEnd = x + fm.stringWidth(chord) + 2 * PAD;
                previous = chord;
            }
        }
    }

    /** [EDT] Every colour a note can be painted in: each track colour at each velocity shade. */
    public java.util.List<Color> noteColors() {
        return java.util.List.of(shadedColors);
    }

    /**
     * The velocity band of a note: 0 for 80 and louder (the track colour itself), 1 for 64-79, 2 for 40-63, 3 for
     * ghost notes under 40.
     */
    static int shadeOf(int velocity) {
        return velocity >= 80 ? 0 : velocity >= 64 ? 1 : velocity >= 40 ? 2 : 3;
    }

    /** {@code share} of {@code color} over {@code under}. */
    private static Color mix(Color color, Color under, float share) {
        return new Color(Math.round(color.getRed() * share + under.getRed() * (1 - share)),
                Math.round(color.getGreen() * share + under.getGreen() * (1 - share)),
                Math.round(color.getBlue() * share + under.getBlue() * (1 - share)));
    }

    /** The smallest of 1, 2, 4, 8... bars whose span is at least {@code minPixels} wide. */
    private static int step(double barPixels, int minPixels) {
        int step = 1;
        while (step < (1 << 20) && step * barPixels < minPixels) {
            step <<= 1;
        }
        return step;
    }

    private void paintNotes(Graphics2D g, long fromTick, long toTick) {
        int n = roll.noteCount();
        int row = Math.max(1, (int) rowHeight - (rowHeight >= 4 ? 1 : 0));
        int lane = Math.max(1, (int) laneHeight - (laneHeight >= 4 ? 1 : 0));
        int lastTrackColor = -1;
        for (int i = roll.firstNoteAtOrAfter(fromTick - roll.maxNoteTicks()); i < n; i++) {
            long start = roll.start(i);
            if (start > toTick) {
                break;
            }
            if (roll.end(i) < fromTick) {
                continue;
            }
            int x = xOf(start);
            int width = Math.max(roll.isDrum(i) ? 2 : 1, xOf(roll.end(i)) - x);
            int colorIndex = (roll.track(i) % TRACK_COLORS) * SHADES.length + shadeOf(roll.velocity(i));
            if (colorIndex != lastTrackColor) {
                g.setColor(shadedColors[colorIndex]);
                lastTrackColor = colorIndex;
            }
            if (roll.isDrum(i)) {
                g.fillRect(x, yOfLane(roll.drumLaneOf(roll.pitch(i))), width, lane);
            } else {
                g.fillRect(x, yOfPitch(roll.pitch(i)), width, row);
            }
        }
    }

    private void paintLaneLabels(Graphics2D g, Rectangle clip) {
        if (roll.drumLaneCount() == 0 || clip.x >= noteLeft) {
            return;
        }
        g.setColor(textForeground);
        int textTop = (int) (laneHeight - g.getFontMetrics().getHeight()) / 2 + ascent;
        for (int lane = 0; lane < roll.drumLaneCount(); lane++) {
            g.drawString(roll.drumLaneName(lane), getInsets().left + PAD, yOfLane(lane) + textTop);
        }
    }
}
