package com.midicenter.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;

import java.util.List;

import org.junit.jupiter.api.Test;

class DrumAnalyzerTest {

    private static final int PPQ = 480;
    private static final int STEP = PPQ / 4;
    private static final int DRUMS = 9;
    private final DrumAnalyzer analyzer = new DrumAnalyzer();

    private DrumResult analyze(SmfBuilder smf) throws Exception {
        MidiFile file = new MidiReader().read(smf.toBytes());
        return analyzer.analyze(Notes.of(file), Timeline.of(file));
    }

    /** A 4/4 groove: kick on 1 and 3, snare on 2 and 4, closed hats on every sixteenth (odd ones delayed by swing). */
    private static SmfBuilder groove(int bars, int swingPercent) {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack().timeSignature(0, 4, 4);
        int delay = (int) Math.round((swingPercent - 50) / 50.0 * STEP);
        for (int bar = 0; bar < bars; bar++) {
            long start = (long) bar * 16 * STEP;
            for (int s = 0; s < 16; s++) {
                long tick = start + (long) s * STEP + (s % 2 == 1 ? delay : 0);
                t.note(tick, DRUMS, 42, s % 2 == 0 ? 90 : 60, STEP / 2);
                if (s % 8 == 0) {
                    t.note(tick, DRUMS, 36, 115, STEP / 2);
                }
                if (s % 8 == 4) {
                    t.note(tick, DRUMS, 38, 110, STEP / 2);
                }
            }
        }
        t.meta((long) bars * 16 * STEP, 0x2F, new byte[0]);
        return smf;
    }

    @Test
    void analyze_straightSixteenths_swing50Groove() throws Exception {
        // given
        SmfBuilder smf = groove(2, 50);
        // when
        DrumResult r = analyze(smf);
        // then
        assertThat(r.hasDrums()).isTrue();
        assertThat(r.swingPercent()).isEqualTo(50);
        assertThat(r.role()).isEqualTo(DrumRole.GROOVE);
        assertThat(r.fillBars()).isEmpty();
        assertThat(r.pieces()).containsExactly("kick", "snare", "closed hat");
        assertThat(r.count(DrumPiece.CLOSED_HAT)).isEqualTo(32);
        assertThat(r.hitsPerBar()).isEqualTo(20.0);
        assertThat(r.ghostNotes()).isZero();
    }

    @Test
    void analyze_swungSixteenths_swingNear66() throws Exception {
        // given: odd sixteenths delayed to two thirds of the eighth (triplet feel)
        SmfBuilder smf = groove(2, 66);
        // when
        DrumResult r = analyze(smf);
        // then
        assertThat(r.swingPercent()).isBetween(65, 67);
    }

    @Test
    void analyze_swungEighthsWithoutSixteenths_measuresEighthSwing() throws Exception {
        // given: ride on the beat and on a late off-beat eighth (60% of the beat), no sixteenths
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack();
        for (int beat = 0; beat < 8; beat++) {
            t.note((long) beat * PPQ, DRUMS, 51, 90, 60);
            t.note((long) beat * PPQ + PPQ * 60 / 100, DRUMS, 51, 70, 60);
        }
        // when
        DrumResult r = analyze(smf);
        // then
        assertThat(r.swingPercent()).isEqualTo(60);
    }

    @Test
    void analyze_hatRollsInThirtySeconds_stayStraight() throws Exception {
        // given: a straight groove whose bar ends in a 32nd-note hat roll
        SmfBuilder smf = groove(1, 50);
        SmfBuilder.Track roll = smf.addTrack();
        for (int k = 0; k < 8; k++) {
            roll.note(12L * STEP + k * STEP / 2 + STEP / 2, DRUMS, 42, 70, STEP / 4);
        }
        // when
        DrumResult r = analyze(smf);
        // then
        assertThat(r.swingPercent()).isEqualTo(50);
    }

    @Test
    void analyze_softSnaresBetweenBackbeats_countsGhostNotes() throws Exception {
        // given: three snares at velocity 35 in each of two bars
        SmfBuilder smf = groove(2, 50);
        SmfBuilder.Track ghosts = smf.addTrack();
        for (int bar = 0; bar < 2; bar++) {
            for (int s : new int[] {3, 7, 14}) {
                ghosts.note((long) (bar * 16 + s) * STEP, DRUMS, 38, 35, STEP / 2);
            }
        }
        // when
        DrumResult r = analyze(smf);
        // then
        assertThat(r.ghostNotes()).isEqualTo(6);
        assertThat(r.fillBars()).isEmpty();
    }

    @Test
    void analyze_tomFillInLastBar_fillBar4GrooveWithFill() throws Exception {
        // given: 4 bars; in bar 4 the last beat is a high-mid-low tom run on sixteenths
        SmfBuilder smf = groove(4, 50);
        SmfBuilder.Track fill = smf.addTrack();
        int[] toms = {48, 47, 45, 41};
        for (int k = 0; k < 4; k++) {
            fill.note((long) (3 * 16 + 12 + k) * STEP, DRUMS, toms[k], 90 + 8 * k, STEP / 2);
        }
        // when
        DrumResult r = analyze(smf);
        // then
        assertThat(r.fillBars()).containsExactly(4);
        assertThat(r.role()).isEqualTo(DrumRole.GROOVE_WITH_FILL);
        assertThat(r.count(DrumPiece.TOM)).isEqualTo(4);
    }

    @Test
    void analyze_oneBarSnareRoll_roleFill() throws Exception {
        // given: one bar: kick and snare on beat 1 and 2, then a snare roll on every sixteenth of beats 3 and 4
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack().timeSignature(0, 4, 4);
        t.note(0, DRUMS, 36, 110, STEP).note(4L * STEP, DRUMS, 38, 105, STEP);
        for (int s = 8; s < 16; s++) {
            t.note((long) s * STEP, DRUMS, 38, 70 + 5 * (s - 8), STEP / 2);
        }
        t.meta(16L * STEP, 0x2F, new byte[0]);
        // when
        DrumResult r = analyze(smf);
        // then
        assertThat(r.fillBars()).containsExactly(1);
        assertThat(r.role()).isEqualTo(DrumRole.FILL);
    }

    @Test
    void analyze_tomGrooveInEveryBar_isGrooveNotFill() throws Exception {
        // given: toms at the end of every one of 4 bars (a tom groove)
        SmfBuilder smf = groove(4, 50);
        SmfBuilder.Track toms = smf.addTrack();
        for (int bar = 0; bar < 4; bar++) {
            toms.note((long) (bar * 16 + 10) * STEP, DRUMS, 45, 90, STEP).note((long) (bar * 16 + 14) * STEP, DRUMS, 41, 90, STEP);
        }
        // when
        DrumResult r = analyze(smf);
        // then
        assertThat(r.fillBars()).isEmpty();
        assertThat(r.role()).isEqualTo(DrumRole.GROOVE);
    }

    @Test
    void analyze_noNotes_noDrums() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().tempoBpm(0, 120);
        // when
        DrumResult r = analyze(smf);
        // then
        assertThat(r).isEqualTo(new DrumResult(false, new int[DrumPiece.values().length], 0, 0, 0, List.of(), DrumRole.NONE));
        assertThat(r.pieces()).isEmpty();
    }

    @Test
    void analyze_pitchedNotesOnly_noDrumsAndSwingZero() throws Exception {
        // given: a bass line on channel 1 with swung sixteenths
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack();
        for (int s = 0; s < 16; s++) {
            t.note((long) s * STEP + (s % 2 == 1 ? 38 : 0), 0, 40, 100, STEP / 2);
        }
        // when
        DrumResult r = analyze(smf);
        // then
        assertThat(r.hasDrums()).isFalse();
        assertThat(r.swingPercent()).isZero();
        assertThat(r.role()).isEqualTo(DrumRole.NONE);
    }

    @Test
    void analyze_fourOnTheFloorWithSwungBass_takesSwingFromPitchedChannels() throws Exception {
        // given: drums only on quarters and off-beat eighths, the bass on swung sixteenths (62%)
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack();
        int delay = (int) Math.round(0.24 * STEP);
        for (int s = 0; s < 32; s++) {
            long tick = (long) s * STEP + (s % 2 == 1 ? delay : 0);
            if (s % 4 == 0) {
                t.note(tick, DRUMS, 36, 115, STEP);
            } else if (s % 4 == 2) {
                t.note(tick, DRUMS, 46, 90, STEP);
            }
            if (s % 4 != 0) {
                t.note(tick, 1, 36, 100, STEP / 2);
            }
        }
        // when
        DrumResult r = analyze(smf);
        // then
        assertThat(r.swingPercent()).isEqualTo(62);
    }

    @Test
    void of_gmDrumKeys_mapToPieces() {
        // given / when / then
        assertThat(DrumPiece.of(36)).isEqualTo(DrumPiece.KICK);
        assertThat(DrumPiece.of(35)).isEqualTo(DrumPiece.KICK);
        assertThat(DrumPiece.of(37)).isEqualTo(DrumPiece.SNARE);
        assertThat(DrumPiece.of(39)).isEqualTo(DrumPiece.CLAP);
        assertThat(DrumPiece.of(44)).isEqualTo(DrumPiece.PEDAL_HAT);
        assertThat(DrumPiece.of(46)).isEqualTo(DrumPiece.OPEN_HAT);
        assertThat(DrumPiece.of(50)).isEqualTo(DrumPiece.TOM);
        assertThat(DrumPiece.of(57)).isEqualTo(DrumPiece.CRASH);
        assertThat(DrumPiece.of(53)).isEqualTo(DrumPiece.RIDE);
        assertThat(DrumPiece.of(70)).isEqualTo(DrumPiece.PERCUSSION);
        assertThat(DrumPiece.of(-1)).isEqualTo(DrumPiece.PERCUSSION);
        assertThat(DrumPiece.CLOSED_HAT.word()).isEqualTo("closed hat");
    }
}
