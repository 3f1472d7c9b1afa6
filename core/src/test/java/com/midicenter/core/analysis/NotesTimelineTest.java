package com.midicenter.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;
import org.junit.jupiter.api.Test;

class NotesTimelineTest {

    private static final int PPQ = 96;

    private static MidiFile read(SmfBuilder smf) throws Exception {
        return new MidiReader().read(smf.toBytes());
    }

    @Test
    void notes_pairAcrossTracksInTickOrder_retriggerEndsEarlierNote() throws Exception {
        // given: track 2 plays before track 1; key 60 is struck twice without a note-off in between
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        smf.addTrack().noteOn(PPQ, 0, 60, 100).noteOn(2 * PPQ, 0, 60, 90).noteOff(3 * PPQ, 0, 60);
        smf.addTrack().note(0, 9, 36, 120, PPQ / 4);
        // when
        Notes notes = Notes.of(read(smf));
        // then
        assertThat(notes.count()).isEqualTo(3);
        assertThat(notes.start(0)).isZero();
        assertThat(notes.isDrum(0)).isTrue();
        assertThat(notes.track(0)).isEqualTo(1);
        assertThat(notes.end(0)).isEqualTo(PPQ / 4);
        assertThat(notes.start(1)).isEqualTo(PPQ);
        assertThat(notes.end(1)).isEqualTo(2 * PPQ);
        assertThat(notes.start(2)).isEqualTo(2 * PPQ);
        assertThat(notes.end(2)).isEqualTo(3 * PPQ);
        assertThat(notes.velocity(2)).isEqualTo(90);
    }

    @Test
    void notes_unterminatedNote_endsAtLastTick() throws Exception {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().noteOn(0, 2, 64, 80).meta(4 * PPQ, 0x2F, new byte[0]);
        Notes notes = Notes.of(read(smf));
        assertThat(notes.count()).isEqualTo(1);
        assertThat(notes.end(0)).isEqualTo(4 * PPQ);
        assertThat(notes.channel(0)).isEqualTo(2);
    }

    @Test
    void timeline_meterChangeAndTempoChange_layOutBarsAndSeconds() throws Exception {
        // given: 2 bars of 4/4 at 120, then 2 bars of 3/4 at 60 from bar 3 on
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        long change = 8L * PPQ;
        smf.addTrack().tempoBpm(0, 120).timeSignature(0, 4, 4).timeSignature(change, 3, 4).tempoBpm(change, 60)
                .meta(change + 6L * PPQ, 0x2F, new byte[0]);
        // when
        Timeline timeline = Timeline.of(read(smf));
        // then
        assertThat(timeline.barCount()).isEqualTo(4);
        assertThat(timeline.barStart(2)).isEqualTo(change);
        assertThat(timeline.barStart(3)).isEqualTo(change + 3L * PPQ);
        assertThat(timeline.numerator(3)).isEqualTo(3);
        assertThat(timeline.beatTicks(3)).isEqualTo(PPQ);
        assertThat(timeline.barOf(change + 3L * PPQ + 1)).isEqualTo(3);
        assertThat(timeline.barOf(Long.MAX_VALUE / 2)).isEqualTo(3);
        assertThat(timeline.seconds(change)).isCloseTo(4.0, within(1e-9));
        assertThat(timeline.seconds(change + PPQ)).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void timeline_sixEightWithoutTempo_barsOfSixEighths() throws Exception {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().timeSignature(0, 6, 8).note(0, 0, 60, 90, 6L * PPQ / 2 * 3).meta(9L * PPQ, 0x2F, new byte[0]);
        Timeline timeline = Timeline.of(read(smf));
        assertThat(timeline.barCount()).isEqualTo(3);
        assertThat(timeline.barTicks(0)).isEqualTo(3L * PPQ);
        assertThat(timeline.beatTicks(0)).isEqualTo(PPQ / 2);
        assertThat(timeline.tempoCount()).isZero();
        assertThat(timeline.seconds(PPQ)).isCloseTo(0.5, within(1e-9));
    }

    /** Fuzz finding (bench fuzz, hand-tempo-storm.mid): the tempo seconds were summed anew for every tempo event. */
    @Test
    void timeline_fiftyThousandTempoEvents_secondsInOnePassAndExact() throws Exception {
        // given: tempo alternating 250,000 and 1,000,000 us per quarter every quarter
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack();
        int events = 50_000;
        for (int k = 0; k < events; k++) {
            int us = k % 2 == 0 ? 250_000 : 1_000_000;
            t.meta((long) k * PPQ, 0x51, new byte[] {(byte) (us >> 16), (byte) (us >> 8), (byte) us});
        }
        t.note(0, 0, 60, 90, PPQ);
        MidiFile file = read(smf);

        // when: built in far less than the seconds the quadratic sum took
        Timeline timeline = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> Timeline.of(file));

        // then: 25,000 quarters at 0.25 s and 24,999 at 1 s before the last tempo event
        assertThat(timeline.tempoCount()).isEqualTo(events);
        assertThat(timeline.seconds((long) (events - 1) * PPQ)).isCloseTo(25_000 * 0.25 + 24_999 * 1.0, within(1e-6));
        assertThat(timeline.seconds((long) events * PPQ)).isCloseTo(25_000 * 0.25 + 25_000 * 1.0, within(1e-6));
    }
}
