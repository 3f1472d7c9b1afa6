package com.midicenter.browser.roll;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.BrowserTheme;
import com.midicenter.browser.edt.Edt;
import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.core.roll.NoteRoll;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.swing.UIManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paints into an image at a fixed size (no window, works headless) and looks at the pixels. */
class PianoRollViewTest {

    private static final int PPQ = 96;
    private static final int BAR = 4 * PPQ;
    private static final int WIDTH = 800;
    private static final int HEIGHT = 300;

    @BeforeAll
    static void theme() throws Exception {
        Edt.call(() -> {
            BrowserTheme.setup(false);
            return null;
        });
    }

    private static NoteRoll roll(SmfBuilder smf) throws Exception {
        return NoteRoll.of(new MidiReader().read(smf.toBytes()));
    }

    /** Four bars: Am | F | (silence) | C, track 1 chords, track 2 a bass note on each chord. */
    private static NoteRoll chordsAndBass() throws Exception {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        smf.addTrack().tempoBpm(0, 120).timeSignature(0, 4, 4).meta(4L * BAR, 0x2F, new byte[0]);
        SmfBuilder.Track chords = smf.addTrack();
        int[][] triads = {{57, 60, 64}, {53, 57, 60}, null, {60, 64, 67}};
        for (int bar = 0; bar < 4; bar++) {
            if (triads[bar] != null) {
                for (int key : triads[bar]) {
                    chords.note((long) bar * BAR, 0, key, 90, BAR);
                }
            }
        }
        smf.addTrack().note(0, 1, 45, 100, BAR).note(BAR, 1, 41, 100, BAR).note(3L * BAR, 1, 48, 100, BAR);
        return roll(smf);
    }

    private static NoteRoll drums() throws Exception {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack();
        for (int eighth = 0; eighth < 16; eighth++) {
            t.note((long) eighth * PPQ / 2, 9, 42, 80, PPQ / 4);
        }
        for (int beat = 0; beat < 8; beat++) {
            t.note((long) beat * PPQ, 9, beat % 2 == 0 ? 36 : 38, 110, PPQ / 4);
        }
        return roll(smf);
    }

    private static PianoRollView view(NoteRoll roll) throws Exception {
        return Edt.call(() -> {
            PianoRollView v = new PianoRollView();
            v.setSize(WIDTH, HEIGHT);
            v.setRoll(roll);
            return v;
        });
    }

    private static BufferedImage paint(PianoRollView view) throws Exception {
        return Edt.call(() -> {
            BufferedImage image = new BufferedImage(view.getWidth(), view.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            view.paint(g);
            g.dispose();
            return image;
        });
    }

    private static int rgb(String key) {
        return UIManager.getColor(key).getRGB() | 0xFF000000;
    }

    /** Pixels in the rectangle that differ from every colour given. */
    private static int ink(BufferedImage image, Rectangle r, int... except) {
        int count = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                int p = image.getRGB(x, y) | 0xFF000000;
                if (Arrays.stream(except).noneMatch(c -> c == p)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int count(BufferedImage image, Rectangle r, int rgb) {
        int count = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                count += (image.getRGB(x, y) | 0xFF000000) == rgb ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void paint_pitchedNotes_inTrackColourAtTheirPitchAndTime() throws Exception {
        // given
        NoteRoll roll = chordsAndBass();
        PianoRollView view = view(roll);
        // when
        BufferedImage image = paint(view);
        // then: the bass A2 (track 2) in bar 1, the F major C4 (track 1) in bar 2, in their theme colours
        int track1 = rgb("PianoRoll.track.1");
        int track2 = rgb("PianoRoll.track.2");
        assertThat(track1).isNotEqualTo(track2);
        int rowMid = view.rowHeightPixels() / 2;
        int bar1Mid = view.xOf(BAR / 2);
        int bar2Mid = view.xOf(BAR + BAR / 2);
        assertThat(image.getRGB(bar1Mid, view.yOfPitch(45) + rowMid) | 0xFF000000).isEqualTo(track2);
        assertThat(image.getRGB(bar2Mid, view.yOfPitch(60) + rowMid) | 0xFF000000).isEqualTo(track1);
        // nothing sounds in bar 3 at C4, nor anywhere at D4 in bar 1
        assertThat(image.getRGB(view.xOf(2 * BAR + BAR / 2), view.yOfPitch(60) + rowMid) | 0xFF000000)
                .isNotIn(track1, track2);
        assertThat(image.getRGB(bar1Mid, view.yOfPitch(62) + rowMid) | 0xFF000000).isNotIn(track1, track2);
        // the pitch axis is fitted: lowest note 41 and highest 67 with a margin of 2
        assertThat(view.lowPitch()).isEqualTo(39);
        assertThat(view.highPitch()).isEqualTo(69);
        assertThat(view.yOfPitch(view.lowPitch()) + view.rowHeightPixels()).isLessThanOrEqualTo(HEIGHT);
        assertThat(view.message()).isNull();
    }

    @Test
    void paint_notesOfFallingVelocity_eachPalerTowardsTheBackground() throws Exception {
        // given: one track, C4 in each bar at velocity 110, 70, 50, 20 (loud, medium, soft, ghost)
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        smf.addTrack().tempoBpm(0, 120).timeSignature(0, 4, 4).meta(4L * BAR, 0x2F, new byte[0]);
        int[] velocities = {110, 70, 50, 20};
        SmfBuilder.Track t = smf.addTrack();
        for (int bar = 0; bar < 4; bar++) {
            t.note((long) bar * BAR, 0, 60, velocities[bar], BAR / 2);
        }
        PianoRollView view = view(roll(smf));

        // when
        BufferedImage image = paint(view);

        // then: the loud note in the track colour, each softer one nearer the roll's background
        int rowMid = view.rowHeightPixels() / 2;
        int track = rgb("PianoRoll.track.1");
        int background = image.getRGB(view.xOf(BAR - PPQ / 2), view.yOfPitch(60) + rowMid) | 0xFF000000; // no note
        int[] shown = new int[4];
        for (int bar = 0; bar < 4; bar++) {
            shown[bar] = image.getRGB(view.xOf((long) bar * BAR + BAR / 4), view.yOfPitch(60) + rowMid) | 0xFF000000;
        }
        assertThat(shown[0]).isEqualTo(track);
        for (int bar = 1; bar < 4; bar++) {
            assertThat(distance(shown[bar], background)).as("velocity %d", velocities[bar])
                    .isLessThan(distance(shown[bar - 1], background)).isPositive();
        }
        assertThat(PianoRollView.shadeOf(127)).isZero();
        assertThat(PianoRollView.shadeOf(80)).isZero();
        assertThat(PianoRollView.shadeOf(79)).isEqualTo(1);
        assertThat(PianoRollView.shadeOf(1)).isEqualTo(3);
    }

    private static int distance(int a, int b) {
        return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) + Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff))
                + Math.abs((a & 0xff) - (b & 0xff));
    }

    @Test
    void paint_barGrid_barLinesAndNumbersInRuler() throws Exception {
        // given
        PianoRollView view = view(chordsAndBass());
        // when
        BufferedImage image = paint(view);
        // then: a bar line at the start of bar 3 in a row without notes, and a number right of it in the ruler
        int barLine = rgb("PianoRoll.barLineColor");
        int x = view.xOf(2 * BAR);
        int freeRow = view.yOfPitch(70 - 1) + 1;
        assertThat(image.getRGB(x, freeRow) | 0xFF000000).isEqualTo(barLine);
        assertThat(image.getRGB(x + 5, freeRow) | 0xFF000000).isNotEqualTo(barLine);
        Rectangle ruler = new Rectangle(x + 1, view.rulerTop(), 20, view.noteTop() - view.rulerTop() - 1);
        int header = rgb("PianoRoll.alternateBackground");
        assertThat(ink(image, ruler, header)).as("bar number 3").isGreaterThan(5);
        // beat lines: 200 px per bar is room enough
        int beat = rgb("PianoRoll.beatLineColor");
        assertThat(image.getRGB(view.xOf(2 * BAR + PPQ), freeRow) | 0xFF000000).isEqualTo(beat);
    }

    @Test
    void paint_chords_labelledInStripAboveBarsWhereTheyChange() throws Exception {
        // given: Am | F | - | C
        NoteRoll roll = chordsAndBass();
        PianoRollView view = view(roll);
        // when
        BufferedImage image = paint(view);
        // then
        assertThat(roll.chord(0)).isEqualTo("Am");
        assertThat(roll.chord(2)).isEmpty();
        int header = rgb("PianoRoll.alternateBackground");
        int barLine = rgb("PianoRoll.barLineColor");
        int stripHeight = view.rulerTop() - view.chordTop();
        assertThat(stripHeight).isGreaterThan(5);
        int[] inkPerBar = new int[4];
        for (int bar = 0; bar < 4; bar++) {
            int x = view.xOf((long) bar * BAR) + 1;
            inkPerBar[bar] = ink(image, new Rectangle(x, view.chordTop(), view.xOf((bar + 1L) * BAR) - x - 1,
                    stripHeight - 1), header, barLine);
        }
        assertThat(inkPerBar[0]).as("Am").isGreaterThan(5);
        assertThat(inkPerBar[1]).as("F").isGreaterThan(5);
        assertThat(inkPerBar[2]).as("no chord").isZero();
        assertThat(inkPerBar[3]).as("C").isGreaterThan(5);
    }

    @Test
    void paint_drumFile_oneLabelledLanePerDrumKey() throws Exception {
        // given: kick, snare, closed hat on channel 10
        NoteRoll roll = drums();
        PianoRollView view = view(roll);
        // when
        BufferedImage image = paint(view);
        // then: three lanes, each with a label left of the notes, kick hits in the kick lane only
        assertThat(roll.drumLaneCount()).isEqualTo(3);
        assertThat(view.noteLeft()).isGreaterThan(30);
        int background = rgb("PianoRoll.background");
        int alternate = rgb("PianoRoll.alternateBackground");
        for (int lane = 0; lane < 3; lane++) {
            Rectangle label = new Rectangle(0, view.yOfLane(lane), view.noteLeft() - 1, view.laneHeightPixels());
            assertThat(ink(image, label, background, alternate)).as(roll.drumLaneName(lane)).isGreaterThan(10);
        }
        int noteColor = rgb("PianoRoll.track.0");
        int kickLane = roll.drumLaneOf(36);
        int snareLane = roll.drumLaneOf(38);
        int laneMid = view.laneHeightPixels() / 2;
        assertThat(image.getRGB(view.xOf(0) + 1, view.yOfLane(kickLane) + laneMid) | 0xFF000000).isEqualTo(noteColor);
        assertThat(image.getRGB(view.xOf(0) + 1, view.yOfLane(snareLane) + laneMid) | 0xFF000000)
                .isNotEqualTo(noteColor);
        assertThat(image.getRGB(view.xOf(PPQ) + 1, view.yOfLane(snareLane) + laneMid) | 0xFF000000)
                .isEqualTo(noteColor);
    }

    @Test
    void setPlayhead_moved_lineFollowsAndOnlyStripsRepaint() throws Exception {
        // given
        List<Rectangle> repaints = new ArrayList<>();
        NoteRoll roll = chordsAndBass();
        PianoRollView view = Edt.call(() -> {
            PianoRollView v = new PianoRollView() {
                @Override
                public void repaint(long tm, int x, int y, int width, int height) {
                    repaints.add(new Rectangle(x, y, width, height));
                }
            };
            v.setSize(WIDTH, HEIGHT);
            v.setRoll(roll);
            return v;
        });
        int playhead = rgb("PianoRoll.playheadColor");
        // when
        Edt.call(() -> {
            repaints.clear();
            view.setPlayhead(BAR / 2);
            return null;
        });
        BufferedImage first = paint(view);
        int firstX = view.xOf(BAR / 2);
        Edt.call(() -> {
            view.setPlayhead(2L * BAR + PPQ / 2);
            return null;
        });
        BufferedImage second = paint(view);
        int secondX = view.xOf(2L * BAR + PPQ / 2);
        int column = view.noteTop() + 5; // laid out by the paint
        // then
        assertThat(count(first, new Rectangle(firstX, view.rulerTop(), 1, HEIGHT - view.rulerTop()), playhead))
                .isGreaterThan(HEIGHT / 2);
        assertThat(count(second, new Rectangle(firstX, view.rulerTop(), 1, HEIGHT - view.rulerTop()), playhead))
                .isZero();
        assertThat(second.getRGB(secondX, column) | 0xFF000000).isEqualTo(playhead);
        assertThat(view.playhead()).isEqualTo(2L * BAR + PPQ / 2);
        assertThat(repaints).hasSize(3); // the first move only enters; the second leaves one strip, enters another
        assertThat(repaints).allSatisfy(r -> assertThat(r.width).isLessThanOrEqualTo(3));
        assertThat(repaints.get(2).x).isEqualTo(secondX - 1);
    }

    @Test
    void states_noFileLoadingErrorNoNotes_showText() throws Exception {
        // given
        PianoRollView view = view(null);
        int background = rgb("PianoRoll.background");
        Rectangle middle = new Rectangle(0, HEIGHT / 2 - 20, WIDTH, 40);
        // when / then
        assertThat(view.message()).isEqualTo(PianoRollView.NO_FILE_TEXT);
        assertThat(ink(paint(view), middle, background)).isGreaterThan(20);
        Edt.call(() -> {
            view.showLoading();
            return null;
        });
        assertThat(view.message()).isEqualTo(PianoRollView.LOADING_TEXT);
        Edt.call(() -> {
            view.showError("not a MIDI file");
            return null;
        });
        assertThat(view.message()).isEqualTo("Cannot show notes: not a MIDI file");
        assertThat(view.roll()).isNull();
        assertThat(ink(paint(view), middle, background)).isGreaterThan(20);
        Edt.call(() -> {
            view.setRoll(NoteRoll.empty());
            return null;
        });
        assertThat(view.message()).isEqualTo(PianoRollView.NO_NOTES_TEXT);
    }

    @Test
    void paint_20000Notes_fastestPaintUnderOneFrame() throws Exception {
        // given: 8 tracks of 2,500 sixteenths each over 160 bars
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        for (int track = 0; track < 8; track++) {
            SmfBuilder.Track t = smf.addTrack();
            for (int i = 0; i < 2500; i++) {
                t.note((long) i * PPQ / 4 + track, track, 36 + (i * 7 + track * 5) % 60, 100, PPQ / 4);
            }
        }
        NoteRoll roll = roll(smf);
        assertThat(roll.noteCount()).isEqualTo(20_000);
        PianoRollView view = Edt.call(() -> {
            PianoRollView v = new PianoRollView();
            v.setSize(1600, 400);
            v.setRoll(roll);
            return v;
        });
        BufferedImage image = new BufferedImage(1600, 400, BufferedImage.TYPE_INT_RGB);
        // when: warm up, then time 40 paints
        long[] nanos = Edt.call(() -> {
            Graphics2D g = image.createGraphics();
            for (int i = 0; i < 40; i++) {
                view.paint(g);
            }
            long[] times = new long[40];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                view.paint(g);
                times[i] = System.nanoTime() - start;
            }
            g.dispose();
            return times;
        });
        // then
        Arrays.sort(nanos);
        double medianMs = nanos[nanos.length / 2] / 1e6;
        System.out.printf("PianoRollView paint, 20,000 notes, 1600x400: median %.2f ms, min %.2f ms, max %.2f ms%n",
                medianMs, nanos[0] / 1e6, nanos[nanos.length - 1] / 1e6);
        // the fastest of 40 paints: what the code costs, not what a loaded machine's scheduler adds (the median is a
        // figure to read, ~2 ms quiet; the paint budget of a 60 Hz frame is the bound)
        assertThat(nanos[0] / 1e6).isLessThan(16.0);
        assertThat(count(image, new Rectangle(0, 0, 1600, 400), rgb("PianoRoll.track.7"))).isGreaterThan(100);
    }

    @Test
    void themes_lightAndDark_bothDefineEveryPianoRollColour() throws Exception {
        // given
        String[] keys = {PianoRollView.BACKGROUND, PianoRollView.ALTERNATE_BACKGROUND, PianoRollView.BAR_LINE_COLOR,
            PianoRollView.BEAT_LINE_COLOR, PianoRollView.TEXT_FOREGROUND, PianoRollView.CHORD_FOREGROUND,
            PianoRollView.PLAYHEAD_COLOR};
        try {
            // when
            Color[][] colors = new Color[2][];
            for (int dark = 0; dark < 2; dark++) {
                boolean isDark = dark == 1;
                colors[dark] = Edt.call(() -> {
                    BrowserTheme.setup(isDark);
                    Color[] c = new Color[keys.length + PianoRollView.TRACK_COLORS];
                    for (int k = 0; k < keys.length; k++) {
                        c[k] = UIManager.getColor(keys[k]);
                    }
                    for (int t = 0; t < PianoRollView.TRACK_COLORS; t++) {
                        c[keys.length + t] = UIManager.getColor(PianoRollView.TRACK_COLOR_PREFIX + t);
                    }
                    return c;
                });
            }
            // then
            for (Color[] theme : colors) {
                assertThat(theme).doesNotContainNull();
                assertThat(Arrays.copyOfRange(theme, keys.length, theme.length)).as("track palette")
                        .doesNotHaveDuplicates();
            }
            assertThat(colors[1][0]).as("dark background").isNotEqualTo(colors[0][0]);
            assertThat(colors[1][keys.length]).as("dark track 0").isNotEqualTo(colors[0][keys.length]);
        } finally {
            Edt.call(() -> {
                BrowserTheme.setup(false);
                return null;
            });
        }
    }

    @Test
    void updateUI_noThemeKeys_fallsBackToComputedColours() throws Exception {
        // given: the track key missing, as in a host with its own look and feel
        Color saved = UIManager.getColor("PianoRoll.track.3");
        try {
            UIManager.put("PianoRoll.track.3", null);
            // when
            PianoRollView view = view(chordsAndBass());
            // then: still paints, with a colour
            assertThat(ink(paint(view), new Rectangle(0, 0, WIDTH, HEIGHT), rgb("PianoRoll.background")))
                    .isGreaterThan(100);
        } finally {
            UIManager.put("PianoRoll.track.3", saved);
        }
    }
}
