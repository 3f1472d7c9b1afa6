package com.midicenter.core.roll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.midicenter.core.analysis.DrumPiece;
import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;
import org.junit.jupiter.api.Test;

class NoteRollTest {

    private static final int PPQ = 96;
    private static final int BAR = 4 * PPQ;

    private static MidiFile read(SmfBuilder smf) throws Exception {
        return new MidiReader().read(smf.toBytes());
    }

    /** A C major triad for one bar at {@code bar}, on channel {@code channel} of {@code track}. */
    private static void triad(SmfBuilder.Track track, int bar, int channel, int root, boolean minor) {
        long at = (long) bar * BAR;
        track.note(at, channel, root, 90, BAR).note(at, channel, root + (minor ? 3 : 4), 80, BAR)
                .note(at, channel, root + 7, 70, BAR);
    }

    @Test
    void of_twoTracks_notesInStartOrderWithTrackChannelAndVelocity() throws Exception {
        // given: track 1 starts later than track 2
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        smf.addTrack().tempoBpm(0, 120).timeSignature(0, 4, 4);
        smf.addTrack().programChange(0, 0, 33).note(PPQ, 0, 40, 100, PPQ / 2);
        smf.addTrack().note(0, 1, 72, 64, 2 * PPQ);
        // when
        NoteRoll roll = NoteRoll.of(read(smf));
        // then
        assertThat(roll.noteCount()).isEqualTo(2);
        assertThat(roll.trackCount()).isEqualTo(3);
        assertThat(roll.start(0)).isZero();
        assertThat(roll.end(0)).isEqualTo(2 * PPQ);
        assertThat(roll.pitch(0)).isEqualTo(72);
        assertThat(roll.velocity(0)).isEqualTo(64);
        assertThat(roll.channel(0)).isEqualTo(1);
        assertThat(roll.track(0)).isEqualTo(2);
        assertThat(roll.start(1)).isEqualTo(PPQ);
        assertThat(roll.end(1)).isEqualTo(PPQ + PPQ / 2);
        assertThat(roll.track(1)).isEqualTo(1);
        assertThat(roll.minPitch()).isEqualTo(40);
        assertThat(roll.maxPitch()).isEqualTo(72);
        assertThat(roll.maxNoteTicks()).isEqualTo(2 * PPQ);
        assertThat(roll.program(0)).isEqualTo(33);
        assertThat(roll.program(1)).isEqualTo(-1);
        assertThat(roll.isTruncated()).isFalse();
        assertThat(roll.ppq()).isEqualTo(PPQ);
    }

    @Test
    void of_meterChange_barStartsFollowMeterMap() throws Exception {
        // given: two bars of 4/4, then two bars of 3/4
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().timeSignature(0, 4, 4).timeSignature(2L * BAR, 3, 4).note(0, 0, 60, 100, PPQ)
                .meta(2L * BAR + 6L * PPQ, 0x2F, new byte[0]);
        // when
        NoteRoll roll = NoteRoll.of(read(smf));
        // then
        assertThat(roll.barCount()).isEqualTo(4);
        assertThat(roll.barStart(0)).isZero();
        assertThat(roll.barStart(1)).isEqualTo(BAR);
        assertThat(roll.barStart(2)).isEqualTo(2L * BAR);
        assertThat(roll.barStart(3)).isEqualTo(2L * BAR + 3 * PPQ);
        assertThat(roll.lengthTicks()).isEqualTo(2L * BAR + 6 * PPQ);
        assertThat(roll.barNumerator(3)).isEqualTo(3);
        assertThat(roll.barDenominator(3)).isEqualTo(4);
        assertThat(roll.barOf(2L * BAR + 4 * PPQ)).isEqualTo(3);
        assertThat(roll.beatTicks(0)).isEqualTo(PPQ);
    }

    @Test
    void of_chordPerBar_labelsFromChordAnalysis() throws Exception {
        // given: Am | F | C | G, then a bar of silence before the end
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        smf.addTrack().timeSignature(0, 4, 4).meta(5L * BAR, 0x2F, new byte[0]);
        SmfBuilder.Track t = smf.addTrack();
        triad(t, 0, 0, 57, true);
        triad(t, 1, 0, 53, false);
        triad(t, 2, 0, 60, false);
        triad(t, 3, 0, 55, false);
        // when
        NoteRoll roll = NoteRoll.of(read(smf));
        // then
        assertThat(roll.barCount()).isEqualTo(5);
        assertThat(roll.chord(0)).isEqualTo("Am");
        assertThat(roll.chord(1)).isEqualTo("F");
        assertThat(roll.chord(2)).isEqualTo("C");
        assertThat(roll.chord(3)).isEqualTo("G");
        assertThat(roll.chord(4)).isEmpty();
    }

    @Test
    void of_drumFile_lanesPerKeyOrderedByPieceWithGmNames() throws Exception {
        // given: hats, snare and kick on channel 10, in that order
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack();
        for (int beat = 0; beat < 4; beat++) {
            t.note((long) beat * PPQ, 9, 42, 80, PPQ / 4);
        }
        t.note(PPQ, 9, 38, 100, PPQ / 4).note(3 * PPQ, 9, 38, 100, PPQ / 4);
        t.note(0, 9, 36, 120, PPQ / 4).note(2 * PPQ, 9, 36, 120, PPQ / 4);
        // when
        NoteRoll roll = NoteRoll.of(read(smf));
        // then
        assertThat(roll.isDrumsOnly()).isTrue();
        assertThat(roll.hasDrums()).isTrue();
        assertThat(roll.isDrumChannel(9)).isTrue();
        assertThat(roll.isDrumChannel(0)).isFalse();
        assertThat(roll.drumNoteCount()).isEqualTo(8);
        assertThat(roll.minPitch()).isEqualTo(-1);
        assertThat(roll.drumLaneCount()).isEqualTo(3);
        assertThat(roll.drumLaneKey(0)).isEqualTo(36);
        assertThat(roll.drumLaneName(0)).isEqualTo("Bass Drum 1");
        assertThat(roll.drumLanePiece(0)).isEqualTo(DrumPiece.KICK);
        assertThat(roll.drumLaneName(1)).isEqualTo("Acoustic Snare");
        assertThat(roll.drumLaneName(2)).isEqualTo("Closed Hi-Hat");
        assertThat(roll.drumLaneOf(42)).isEqualTo(2);
        assertThat(roll.drumLaneOf(60)).isEqualTo(-1);
        assertThat(roll.isDrum(0)).isTrue();
        assertThat(roll.chord(0)).as("drums have no chord").isEmpty();
    }

    @Test
    void of_mixedFile_drumsAndPitchedCountedApart() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().note(0, 9, 36, 100, PPQ).note(0, 2, 48, 100, PPQ).note(PPQ, 2, 50, 100, PPQ);
        // when
        NoteRoll roll = NoteRoll.of(read(smf));
        // then
        assertThat(roll.isDrumsOnly()).isFalse();
        assertThat(roll.hasDrums()).isTrue();
        assertThat(roll.pitchedNoteCount()).isEqualTo(2);
        assertThat(roll.minPitch()).isEqualTo(48);
        assertThat(roll.maxPitch()).isEqualTo(50);
        assertThat(roll.drumLaneCount()).isEqualTo(1);
    }

    @Test
    void seconds_tempoChange_followsTempoMapBothWays() throws Exception {
        // given: 120 BPM for 4 quarters, then 60 BPM
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().tempoBpm(0, 120).tempoBpm(BAR, 60).note(0, 0, 60, 100, 8L * PPQ);
        // when
        NoteRoll roll = NoteRoll.of(read(smf));
        // then
        assertThat(roll.seconds(0)).isZero();
        assertThat(roll.seconds(BAR)).isCloseTo(2.0, within(1e-9));
        assertThat(roll.seconds(BAR + 2 * PPQ)).isCloseTo(4.0, within(1e-9));
        assertThat(roll.durationSeconds()).isCloseTo(6.0, within(1e-9));
        assertThat(roll.tickAt(1.0)).isEqualTo(2 * PPQ);
        assertThat(roll.tickAt(3.0)).isEqualTo(BAR + PPQ);
        assertThat(roll.bpmAt(0)).isCloseTo(120, within(1e-6));
        assertThat(roll.bpmAt(BAR)).isCloseTo(60, within(1e-6));
        assertThat(roll.tempoCount()).isEqualTo(2);
        assertThatThrownBy(() -> roll.tickAt(-1)).hasMessageContaining("seconds=-1");
    }

    @Test
    void seconds_noTempoEvent_is120Bpm() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().note(0, 0, 60, 100, BAR);
        // when
        NoteRoll roll = NoteRoll.of(read(smf));
        // then
        assertThat(roll.seconds(BAR)).isCloseTo(2.0, within(1e-9));
        assertThat(roll.tickAt(0.5)).isEqualTo(PPQ);
        assertThat(roll.bpmAt(0)).isEqualTo(120.0);
    }

    @Test
    void of_moreNotesThanCap_keepsEarliestAndFlagsTruncation() throws Exception {
        // given: 1,000 sixteenth notes
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack();
        for (int i = 0; i < 1000; i++) {
            t.note((long) i * PPQ / 4, 0, 48 + i % 24, 100, PPQ / 4);
        }
        // when
        NoteRoll capped = NoteRoll.of(read(smf), 100);
        NoteRoll whole = NoteRoll.of(read(smf));
        // then
        assertThat(capped.noteCount()).isEqualTo(100);
        assertThat(capped.totalNotes()).isEqualTo(1000);
        assertThat(capped.isTruncated()).isTrue();
        assertThat(capped.start(99)).isEqualTo(99L * PPQ / 4);
        assertThat(whole.isTruncated()).isFalse();
        assertThat(whole.noteCount()).isEqualTo(1000);
        assertThatThrownBy(() -> NoteRoll.of(read(smf), -1)).hasMessageContaining("maxNotes=-1");
    }

    @Test
    void firstNoteAtOrAfter_sortedStarts_binarySearches() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().note(0, 0, 60, 100, PPQ).note(PPQ, 0, 62, 100, PPQ).note(PPQ, 0, 64, 100, PPQ)
                .note(3 * PPQ, 0, 65, 100, PPQ);
        NoteRoll roll = NoteRoll.of(read(smf));
        // when / then
        assertThat(roll.firstNoteAtOrAfter(0)).isZero();
        assertThat(roll.firstNoteAtOrAfter(1)).isEqualTo(1);
        assertThat(roll.firstNoteAtOrAfter(PPQ)).isEqualTo(1);
        assertThat(roll.firstNoteAtOrAfter(PPQ + 1)).isEqualTo(3);
        assertThat(roll.firstNoteAtOrAfter(10 * PPQ)).isEqualTo(4);
    }

    @Test
    void empty_hasOneBarNoNotes() {
        // given / when
        NoteRoll roll = NoteRoll.empty();
        // then
        assertThat(roll.isEmpty()).isTrue();
        assertThat(roll.barCount()).isEqualTo(1);
        assertThat(roll.chord(0)).isEmpty();
        assertThat(roll.drumLaneCount()).isZero();
        assertThat(roll.lengthTicks()).isEqualTo(4L * 480);
    }

    @Test
    void gmDrumKeys_mapEnds_namedAndOutsideByNumber() {
        assertThat(GmDrumKeys.name(35)).isEqualTo("Acoustic Bass Drum");
        assertThat(GmDrumKeys.name(81)).isEqualTo("Open Triangle");
        assertThat(GmDrumKeys.name(82)).isEqualTo("Key 82");
        assertThat(GmDrumKeys.name(20)).isEqualTo("Key 20");
        assertThatThrownBy(() -> GmDrumKeys.name(128)).hasMessageContaining("key=128");
    }
}
