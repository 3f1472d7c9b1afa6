package com.midicenter.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.midicenter.core.analysis.MidiSummary.BpmSource;
import com.midicenter.core.analysis.MidiSummary.MeterSource;
import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;
import org.junit.jupiter.api.Test;

class SummaryAnalyzerTest {

    private static final int PPQ = 480;
    private final SummaryAnalyzer analyzer = new SummaryAnalyzer();

    private static MidiFile read(SmfBuilder smf) throws Exception {
        return new MidiReader().read(smf.toBytes());
    }

    @Test
    void summarize_fourBarBassLoop_reportsTimingNotesAndInstrument() throws Exception {
        // given: 4 bars of 4/4 at 100 BPM, one bass note per beat on channel 1, program 33
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        smf.addTrack().tempoBpm(0, 100).timeSignature(0, 4, 4);
        SmfBuilder.Track bass = smf.addTrack().trackName("Bass").programChange(0, 0, 33);
        for (int beat = 0; beat < 16; beat++) {
            bass.note(beat * PPQ, 0, 40 + (beat % 4), 80 + beat, PPQ / 2);
        }
        bass.meta(16 * PPQ, 0x2F, new byte[0]);
        // when
        MidiSummary s = analyzer.summarize(read(smf), "Bass Loop.mid");
        // then
        assertThat(s.format()).isEqualTo(1);
        assertThat(s.tracks()).isEqualTo(2);
        assertThat(s.ppq()).isEqualTo(PPQ);
        assertThat(s.bpm()).isEqualTo(100.0);
        assertThat(s.bpmSource()).isEqualTo(BpmSource.META);
        assertThat(s.durationSec()).isCloseTo(16 * 0.6, within(1e-6));
        assertThat(s.bars()).isEqualTo(4);
        assertThat(s.meter()).isEqualTo("4/4");
        assertThat(s.meterSource()).isEqualTo(MeterSource.META);
        assertThat(s.notes()).isEqualTo(16);
        assertThat(s.pitchMin()).isEqualTo(40);
        assertThat(s.pitchMax()).isEqualTo(43);
        assertThat(s.velocityMean()).isEqualTo(87.5);
        assertThat(s.polyphonyMax()).isEqualTo(1);
        assertThat(s.hasDrums()).isFalse();
        assertThat(s.channels()).containsExactly(1);
        assertThat(s.programs()).containsExactly(33);
        assertThat(s.instruments()).containsExactly("Bass");
        assertThat(s.trackNames()).containsExactly("Bass");
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void summarize_tempoChangeHalfway_integratesDurationAndWeightsBpm() throws Exception {
        // given: 2 bars at 120, then 2 bars at 60
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack().tempoBpm(0, 120).tempoBpm(8 * PPQ, 60);
        t.note(0, 0, 60, 100, 16 * PPQ);
        // when
        MidiSummary s = analyzer.summarize(read(smf), null);
        // then: 8 beats at 0.5 s + 8 beats at 1 s
        assertThat(s.durationSec()).isCloseTo(12.0, within(1e-6));
        assertThat(s.bpm()).isEqualTo(90.0);
        assertThat(s.tempoChanges()).isEqualTo(1);
        assertThat(s.bars()).isEqualTo(4);
    }

    @Test
    void summarize_noTempoEvent_usesFilenameOrReportsDefault() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(96));
        smf.addTrack().note(0, 0, 60, 100, 96 * 4);
        MidiFile file = read(smf);
        // when
        MidiSummary named = analyzer.summarize(file, "Pad 87bpm.mid");
        MidiSummary unnamed = analyzer.summarize(file, "Pad.mid");
        // then
        assertThat(named.bpm()).isEqualTo(87.0);
        assertThat(named.bpmSource()).isEqualTo(BpmSource.FILENAME);
        assertThat(unnamed.bpm()).isNull();
        assertThat(unnamed.bpmSource()).isEqualTo(BpmSource.DEFAULT);
        assertThat(unnamed.durationSec()).isCloseTo(2.0, within(1e-6)); // SMF default 120 BPM still times the file
        assertThat(unnamed.meterSource()).isEqualTo(MeterSource.DEFAULT);
    }

    @Test
    void summarize_softwareDefaultTempoButNameSaysOtherwise_followsFilename() throws Exception {
        // given: a tempo event of exactly 120 BPM, the name says 140
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().tempo(0, 500_000).note(0, 0, 60, 100, PPQ);
        MidiFile file = read(smf);
        // when
        MidiSummary s = analyzer.summarize(file, "Trap_Lead_140_Gm.mid");
        MidiSummary agreeing = analyzer.summarize(file, "Trap_Lead_120_Gm.mid");
        // then
        assertThat(s.bpm()).isEqualTo(140.0);
        assertThat(s.bpmSource()).isEqualTo(BpmSource.FILENAME);
        assertThat(agreeing.bpm()).isEqualTo(120.0);
        assertThat(agreeing.bpmSource()).isEqualTo(BpmSource.META);
    }

    @Test
    void summarize_drumsOnChannel10_hasDrumsAndDrumFamily() throws Exception {
        // given: kick/snare/hat on channel 10 and nothing else
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack();
        for (int beat = 0; beat < 4; beat++) {
            t.note(beat * PPQ, 9, beat % 2 == 0 ? 36 : 38, 110, 60);
            t.note(beat * PPQ, 9, 42, 70, 60);
        }
        // when
        MidiSummary s = analyzer.summarize(read(smf), "Drums.mid");
        // then
        assertThat(s.hasDrums()).isTrue();
        assertThat(s.channels()).containsExactly(10);
        assertThat(s.instruments()).containsExactly("Drums");
        assertThat(s.polyphonyMax()).isEqualTo(2);
        assertThat(s.pitchMin()).isEqualTo(36); // drum-only: range over drum notes
        assertThat(s.pitchMax()).isEqualTo(42);
    }

    @Test
    void summarize_highPitchedNotesOnOtherChannels_notDrums() throws Exception {
        // given: notes in the GM drum pitch range but on channel 1 (no pitch-range guessing)
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().note(0, 0, 36, 100, 60).note(PPQ, 0, 38, 100, 60);
        // when / then
        assertThat(analyzer.summarize(read(smf), null).hasDrums()).isFalse();
    }

    @Test
    void summarize_chordAndOverlaps_countsMaxPolyphony() throws Exception {
        // given: a 4-note chord, and a note-off at the same tick as the next note-on of the same key
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack();
        for (int key : new int[] {48, 52, 55, 59}) {
            t.note(0, 0, key, 90, PPQ);
        }
        t.note(PPQ, 0, 48, 90, PPQ); // starts exactly when the chord ends
        // when / then
        assertThat(analyzer.summarize(read(smf), null).polyphonyMax()).isEqualTo(4);
    }

    @Test
    void summarize_meterChange_countsBarsPerMeter() throws Exception {
        // given: 2 bars of 4/4 then 3 bars of 6/8
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        smf.addTrack().timeSignature(0, 4, 4).timeSignature(8 * PPQ, 6, 8).tempoBpm(0, 120);
        long end = 8L * PPQ + 3L * 3 * PPQ;
        smf.addTrack().note(0, 0, 60, 100, end);
        // when
        MidiSummary s = analyzer.summarize(read(smf), null);
        // then
        assertThat(s.meter()).isEqualTo("4/4");
        assertThat(s.meterChanges()).isEqualTo(1);
        assertThat(s.bars()).isEqualTo(5);
    }

    @Test
    void summarize_releaseTailPastTheBar_doesNotAddABar() throws Exception {
        // given: 2 bars plus a 10-tick release
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().note(0, 0, 60, 100, 8 * PPQ + 10);
        // when / then
        assertThat(analyzer.summarize(read(smf), null).bars()).isEqualTo(2);
    }

    @Test
    void summarize_smpteDivision_timesBySeconds() throws Exception {
        // given: 25 fps x 40 ticks per frame = 1000 ticks per second
        SmfBuilder smf = new SmfBuilder(0, Division.smpte(25, 40));
        smf.addTrack().note(0, 0, 60, 100, 3000);
        // when
        MidiSummary s = analyzer.summarize(read(smf), null);
        // then
        assertThat(s.ppq()).isZero();
        assertThat(s.durationSec()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void summarize_noNotesAtAll_reportsEmptyStatistics() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        smf.addTrack().tempoBpm(0, 90).trackName("Conductor");
        // when
        MidiSummary s = analyzer.summarize(read(smf), null);
        // then
        assertThat(s.notes()).isZero();
        assertThat(s.pitchMin()).isEqualTo(-1);
        assertThat(s.polyphonyMax()).isZero();
        assertThat(s.instruments()).isEmpty();
        assertThat(s.bars()).isZero();
        assertThat(s.bpm()).isEqualTo(90.0);
    }
}
