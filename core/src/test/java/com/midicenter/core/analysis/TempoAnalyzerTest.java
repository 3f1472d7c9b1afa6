package com.midicenter.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.midicenter.core.analysis.MidiSummary.BpmSource;
import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Random;

class TempoAnalyzerTest {

    private static final int PPQ = 480;
    private final TempoAnalyzer analyzer = new TempoAnalyzer();

    private static MidiFile read(SmfBuilder smf) throws Exception {
        return new MidiReader().read(smf.toBytes());
    }

    private TempoResult analyze(SmfBuilder smf, Double nameBpm) throws Exception {
        MidiFile file = read(smf);
        return analyzer.analyze(Timeline.of(file), Notes.of(file), nameBpm, true);
    }

    private static SmfBuilder.Track quarterNotes(SmfBuilder.Track track, int beats) {
        for (int b = 0; b < beats; b++) {
            track.note((long) b * PPQ, 0, 60, 90, PPQ / 2);
        }
        return track;
    }

    @Test
    void analyze_tempoChange_mapAndDurationWeightedBpm() throws Exception {
        // given: 4 beats at 100 then 4 beats at 140
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        smf.addTrack().tempoBpm(0, 100).tempoBpm(4L * PPQ, 140);
        quarterNotes(smf.addTrack(), 8).meta(8L * PPQ, 0x2F, new byte[0]);
        // when
        TempoResult r = analyze(smf, null);
        // then
        assertThat(r.source()).isEqualTo(BpmSource.META);
        assertThat(r.bpm()).isCloseTo(120.0, within(0.01));
        assertThat(r.changes()).hasSize(2);
        assertThat(r.changes().get(1).seconds()).isCloseTo(2.4, within(1e-3));
        assertThat(r.changes().get(1).bpm()).isEqualTo(140.0);
    }

    @Test
    void analyze_lone120AndNameSays92_followsName() throws Exception {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        quarterNotes(smf.addTrack().tempoBpm(0, 120), 8);
        TempoResult r = analyze(smf, 92.0);
        assertThat(r.source()).isEqualTo(BpmSource.FILENAME);
        assertThat(r.bpm()).isEqualTo(92.0);
    }

    @Test
    void analyze_lone120AndWeakNameNumber_keepsMeta() throws Exception {
        // given: "keys_141" - the number may be the loop's index
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        quarterNotes(smf.addTrack().tempoBpm(0, 120), 8);
        MidiFile file = read(smf);
        // when
        TempoResult r = analyzer.analyze(Timeline.of(file), Notes.of(file), 141.0, false);
        // then
        assertThat(r.source()).isEqualTo(BpmSource.META);
        assertThat(r.bpm()).isEqualTo(120.0);
    }

    @Test
    void analyze_lone120AndNoName_keepsMeta() throws Exception {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        quarterNotes(smf.addTrack().tempoBpm(0, 120), 8);
        TempoResult r = analyze(smf, null);
        assertThat(r.source()).isEqualTo(BpmSource.META);
        assertThat(r.bpm()).isEqualTo(120.0);
    }

    @Test
    void analyze_noTempoEventNameBpm_filename() throws Exception {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        quarterNotes(smf.addTrack(), 8);
        TempoResult r = analyze(smf, 124.0);
        assertThat(r.source()).isEqualTo(BpmSource.FILENAME);
        assertThat(r.bpm()).isEqualTo(124.0);
        assertThat(r.changes()).isEmpty();
    }

    @Test
    void analyze_quantisedWithoutAnyTempo_defaultWithoutBpm() throws Exception {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        quarterNotes(smf.addTrack(), 16);
        TempoResult r = analyze(smf, null);
        assertThat(r.source()).isEqualTo(BpmSource.DEFAULT);
        assertThat(r.bpm()).isNull();
        assertThat(r.confidence()).isZero();
    }

    @Test
    void analyze_noNotesNoTempo_default() throws Exception {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().meta(PPQ, 0x2F, new byte[0]);
        TempoResult r = analyze(smf, null);
        assertThat(r.source()).isEqualTo(BpmSource.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(doubles = {75, 88, 97, 110, 128, 145, 168})
    void analyze_performedOffGridDrums_estimatesTheBeat(double trueBpm) throws Exception {
        // given: a groove played at trueBpm, recorded without a click (no tempo event: ticks run at 120 BPM),
        // kick on 1 and 3, snare on 2 and 4, hats on eighths, +-12 ms of human timing
        Random random = new Random(7);
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track track = smf.addTrack();
        double secondsPerBeat = 60.0 / trueBpm;
        double ticksPerSecond = PPQ * 2.0; // 120 BPM
        for (int eighth = 0; eighth < 64; eighth++) {
            double seconds = eighth * secondsPerBeat / 2 + (random.nextDouble() - 0.5) * 0.024;
            long tick = Math.max(0, Math.round(seconds * ticksPerSecond));
            track.note(tick, 9, 42, 60 + random.nextInt(20), 30);
            if (eighth % 2 == 0) {
                track.note(tick, 9, (eighth / 2) % 2 == 0 ? 36 : 38, 100 + random.nextInt(20), 30);
            }
        }
        // when
        TempoResult r = analyze(smf, null);
        // then
        assertThat(r.source()).isEqualTo(BpmSource.ESTIMATED);
        assertThat(r.bpm()).isCloseTo(trueBpm, within(trueBpm * 0.03));
        assertThat(r.confidence()).isBetween(0.0, 1.0);
    }
}
