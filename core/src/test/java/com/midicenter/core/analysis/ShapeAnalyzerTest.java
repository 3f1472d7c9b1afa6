package com.midicenter.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ShapeAnalyzerTest {

    private static final int PPQ = 480;
    private static final int STEP = PPQ / 4;
    private static final int BAR = 16 * STEP;
    private static final int DRUMS = 9;
    /** A one-bar bass riff: sixteenth step, pitch offset from the root. */
    private static final int[][] RIFF = {{0, 0}, {3, 0}, {6, 7}, {8, 5}, {10, 3}, {11, 0}, {14, 12}};
    private final ShapeAnalyzer analyzer = new ShapeAnalyzer();

    private Shape analyze(SmfBuilder smf) throws Exception {
        MidiFile file = new MidiReader().read(smf.toBytes());
        return analyzer.analyze(Notes.of(file), Timeline.of(file));
    }

    /** The riff for {@code bars} bars from {@code root}, onsets moved by up to ±{@code jitter} ticks, at 120 BPM. */
    private static SmfBuilder riff(int bars, int root, int jitter, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack().tempoBpm(0, 120).timeSignature(0, 4, 4);
        for (int bar = 0; bar < bars; bar++) {
            for (int[] n : RIFF) {
                long tick = (long) bar * BAR + (long) n[0] * STEP;
                if (jitter > 0 && tick > 0) {
                    tick += random.nextInt(-jitter, jitter + 1);
                }
                t.note(tick, 0, root + n[1], 90 + random.nextInt(0, 20), STEP - 20);
            }
        }
        t.meta((long) bars * BAR, 0x2F, new byte[0]);
        return smf;
    }

    @Test
    void analyze_quantisedFourBarRiff_loopWithRangesAndNoOffset() throws Exception {
        // given
        SmfBuilder smf = riff(4, 36, 0, 1);
        // when
        Shape s = analyze(smf);
        // then
        assertThat(s.bars()).isEqualTo(4);
        assertThat(s.durationSec()).isCloseTo(8.0, within(1e-9));
        assertThat(s.loop()).isTrue();
        assertThat(s.notes()).isEqualTo(28);
        assertThat(s.notesPerBar()).isEqualTo(7.0);
        assertThat(s.polyphonyMax()).isEqualTo(1);
        assertThat(s.pitchMin()).isEqualTo(36);
        assertThat(s.pitchMax()).isEqualTo(48);
        assertThat(s.velocityMin()).isBetween(90, 109);
        assertThat(s.quantized()).isTrue();
        assertThat(s.grooveOffsetMs()).isZero();
    }

    @Test
    void analyze_humanisedRiff_notQuantisedWithGrooveOffset() throws Exception {
        // given: every onset but the first moved by up to ±10 ticks (±10 ms at 120 BPM and ppq 480)
        SmfBuilder smf = riff(4, 36, 10, 7);
        // when
        Shape s = analyze(smf);
        // then
        assertThat(s.quantized()).isFalse();
        assertThat(s.grooveOffsetMs()).isBetween(2.5, 10.0);
        assertThat(s.loop()).isTrue();
    }

    @Test
    void analyze_swungButQuantisedSixteenths_quantised() throws Exception {
        // given: hats on every sixteenth, odd ones delayed to 62% swing
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack();
        for (int s = 0; s < 32; s++) {
            t.note((long) s * STEP + (s % 2 == 1 ? 29 : 0), DRUMS, 42, 80, STEP / 2);
        }
        // when
        Shape shape = analyze(smf);
        // then
        assertThat(shape.quantized()).isTrue();
        assertThat(shape.grooveOffsetMs()).isLessThan(1.0);
    }

    @Test
    void analyze_tripletEighths_quantised() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack();
        for (int k = 0; k < 12; k++) {
            t.note((long) k * PPQ / 3, 0, 60 + k % 3, 80, PPQ / 3);
        }
        // when / then
        assertThat(analyze(smf).quantized()).isTrue();
    }

    @Test
    void analyze_pickupBeforeTheBar_notALoop() throws Exception {
        // given: a pickup on beat 4 of bar 1, then two bars of riff ending on the bar line
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack().timeSignature(0, 4, 4);
        t.note(3L * PPQ, 0, 43, 90, PPQ);
        for (int bar = 1; bar < 3; bar++) {
            for (int[] n : RIFF) {
                t.note((long) bar * BAR + (long) n[0] * STEP, 0, 36 + n[1], 90, STEP - 20);
            }
        }
        t.meta(3L * BAR, 0x2F, new byte[0]);
        // when / then
        assertThat(analyze(smf).loop()).isFalse();
    }

    @Test
    void analyze_noteRingingPastTheBarLine_notALoop() throws Exception {
        // given: two bars of riff and a last note that rings one beat into bar 3
        SmfBuilder smf = riff(2, 36, 0, 1);
        smf.addTrack().note(2L * BAR - STEP, 0, 60, 90, STEP + PPQ);
        // when / then
        assertThat(analyze(smf).loop()).isFalse();
    }

    @Test
    void analyze_noNotes_emptyShape() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().tempoBpm(0, 120).meta(BAR, 0x2F, new byte[0]);
        // when
        Shape s = analyze(smf);
        // then
        assertThat(s.notes()).isZero();
        assertThat(s.loop()).isFalse();
        assertThat(s.pitchMin()).isEqualTo(-1);
        assertThat(s.velocityMax()).isEqualTo(-1);
        assertThat(s.rhythmPrint()).isZero();
        assertThat(s.pitchPrint()).isZero();
        assertThat(s.durationSec()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void analyze_chord_polyphonyAndPitchPrintRegister() throws Exception {
        // given: a C major triad held for a bar
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().note(0, 0, 60, 80, BAR).note(0, 0, 64, 80, BAR).note(0, 0, 67, 80, BAR);
        // when
        Shape s = analyze(smf);
        // then
        assertThat(s.polyphonyMax()).isEqualTo(3);
        long levels = s.pitchPrint() & 0xFFFFFFL;
        assertThat(levels).isEqualTo(0b11L | 0b11L << 8 | 0b11L << 14); // C, E, G strong
        assertThat(s.pitchPrint() >>> 60).isEqualTo(0b0111L); // mean 63.7: above 36, 48 and 60
    }

    @Test
    void rhythmPrint_transposedLoop_identical() throws Exception {
        // given
        Shape original = analyze(riff(4, 36, 0, 1));
        Shape transposed = analyze(riff(4, 41, 0, 1));
        // when
        int distance = Long.bitCount(original.rhythmPrint() ^ transposed.rhythmPrint());
        // then
        assertThat(distance).isZero();
        assertThat(original.rhythmPrint()).isNotZero();
        assertThat((original.pitchPrint() >>> 24) & 0xFFF).as("pitch-class set relative to the strongest")
                .isEqualTo((transposed.pitchPrint() >>> 24) & 0xFFF);
        assertThat(Shape.similarity(original, transposed)).isGreaterThan(100);
    }

    @Test
    void rhythmPrint_oneBarAndTheSameBarFourTimes_identical() throws Exception {
        // given / when
        Shape one = analyze(riff(1, 36, 0, 1));
        Shape four = analyze(riff(4, 36, 0, 1));
        // then
        assertThat(one.rhythmPrint()).isEqualTo(four.rhythmPrint());
    }

    @Test
    void similarity_humanisedCopy_withinAFewBits() throws Exception {
        // given
        Shape original = analyze(riff(4, 36, 0, 1));
        Shape humanised = analyze(riff(4, 36, 10, 99));
        // when
        int similarity = Shape.similarity(original, humanised);
        // then
        assertThat(Long.bitCount(original.rhythmPrint() ^ humanised.rhythmPrint())).isZero();
        assertThat(similarity).isGreaterThanOrEqualTo(124);
    }

    @Test
    void similarity_differentGrooves_manyBitsApart() throws Exception {
        // given: four on the floor with claps vs a boom-bap kick/snare pattern, both with sixteenth hats
        Shape fourOnTheFloor = analyze(drumGroove(new int[] {0, 4, 8, 12}, new int[] {4, 12}));
        Shape boomBap = analyze(drumGroove(new int[] {0, 3, 7, 10}, new int[] {6, 14}));
        // when
        int distance = Long.bitCount(fourOnTheFloor.rhythmPrint() ^ boomBap.rhythmPrint());
        // then
        assertThat(distance).isGreaterThanOrEqualTo(24);
        assertThat(Shape.similarity(fourOnTheFloor, boomBap)).isLessThanOrEqualTo(104);
    }

    private static SmfBuilder drumGroove(int[] kicks, int[] snares) {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack();
        for (int bar = 0; bar < 2; bar++) {
            for (int s = 0; s < 16; s++) {
                t.note((long) (bar * 16 + s) * STEP, DRUMS, 42, 70, STEP / 2);
            }
            for (int s : kicks) {
                t.note((long) (bar * 16 + s) * STEP, DRUMS, 36, 110, STEP / 2);
            }
            for (int s : snares) {
                t.note((long) (bar * 16 + s) * STEP, DRUMS, 38, 110, STEP / 2);
            }
        }
        t.meta(2L * BAR, 0x2F, new byte[0]);
        return smf;
    }
}
