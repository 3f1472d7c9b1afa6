package com.midicenter.core.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.core.music.MusicalKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link MidiTransform}: results read back with {@link MidiReader}, event by event. */
class MidiTransformTest {

    private final MidiReader reader = new MidiReader();

    /** Tempo track, a bass on channel 1, drums on channel 10, with CC, bend, aftertouch, SysEx and a marker. */
    private static byte[] song() {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().trackName("Tempo").tempoBpm(0, 100).timeSignature(0, 4, 4).tempoBpm(1920, 50)
                .tempoBpm(3840, 200).text(960, "verse");
        smf.addTrack().trackName("Bass").programChange(0, 0, 33).controlChange(0, 0, 7, 100)
                .note(0, 0, 45, 100, 240)
                .channelMessage(10, 0xA0, 45, 60)
                .note(480, 0, 125, 90, 240)
                .note(960, 0, 2, 80, 240)
                .pitchBend(1000, 0, 0x1000)
                .channelMessage(1100, 0xD0, 50, 0)
                .sysex(1200, 0xF0, new byte[] {0x7E, 0x7F, 0x09, 0x01, (byte) 0xF7});
        smf.addTrack().trackName("Drums").note(0, 9, 36, 127, 120).note(240, 9, 38, 110, 120)
                .channelMessage(250, 0xA9, 38, 40);
        return smf.toBytes();
    }

    @Test
    void transpose_upFive_shiftsPitchedNotesAndLeavesDrumsAndOtherEvents() throws Exception {
        // given
        MidiFile original = reader.read(song());

        // when
        MidiFile up = reader.read(MidiTransform.transpose(original, 5));

        // then: 45 -> 50, 125 + 5 = 130 folds to 118, 2 -> 7; aftertouch follows; drums and the rest unchanged
        assertThat(up.warnings()).isEmpty();
        assertThat(SongSpec.actualTrack(up, 0)).isEqualTo(SongSpec.actualTrack(original, 0));
        assertThat(SongSpec.actualTrack(up, 2)).isEqualTo(SongSpec.actualTrack(original, 2));
        assertThat(notes(up, 1)).containsExactly("90 50", "A0 50", "80 50", "90 118", "80 118", "90 7", "80 7");
        assertThat(withoutNotes(up, 1)).isEqualTo(withoutNotes(original, 1));
    }

    @Test
    void transpose_downSeven_foldsNotesBelowZeroUpByOctaves() throws Exception {
        // given
        MidiFile original = reader.read(song());

        // when
        MidiFile down = reader.read(MidiTransform.transpose(original, -7));

        // then: 45 -> 38, 125 -> 118, 2 - 7 = -5 folds to 7
        assertThat(notes(down, 1)).containsExactly("90 38", "A0 38", "80 38", "90 118", "80 118", "90 7", "80 7");
        assertThat(notes(down, 2)).isEqualTo(notes(original, 2));
    }

    @Test
    void transpose_outOfRangeSemitones_isRefusedWithTheValue() throws Exception {
        MidiFile original = reader.read(song());
        assertThatThrownBy(() -> MidiTransform.transpose(original, 128)).hasMessageContaining("semitones=128");
    }

    @Test
    void semitonesTo_sameMode_takesTheShortestWay() {
        assertThat(MidiTransform.semitonesTo(key("C"), key("G"))).isEqualTo(-5);
        assertThat(MidiTransform.semitonesTo(key("C"), key("F"))).isEqualTo(5);
        assertThat(MidiTransform.semitonesTo(key("C"), key("F#"))).isEqualTo(-6);
        assertThat(MidiTransform.semitonesTo(key("Am"), key("Bm"))).isEqualTo(2);
        assertThat(MidiTransform.semitonesTo(key("Bm"), key("Am"))).isEqualTo(-2);
        assertThat(MidiTransform.semitonesTo(key("Eb"), key("Eb"))).isZero();
    }

    @Test
    void semitonesTo_minorFileToMajorTarget_usesTheRelativeMinor() {
        // A minor into C major: C's relative minor is A minor, nothing to do
        assertThat(MidiTransform.semitonesTo(key("Am"), key("C"))).isZero();
        // A minor into D major: to B minor, up two
        assertThat(MidiTransform.semitonesTo(key("Am"), key("D"))).isEqualTo(2);
        // C major into A minor (and 8A Camelot): relative major C, nothing to do; into F#m: to A, down three
        assertThat(MidiTransform.semitonesTo(key("C"), key("8A"))).isZero();
        assertThat(MidiTransform.semitonesTo(key("C"), key("F#m"))).isEqualTo(-3);
    }

    @Test
    void setTempo_firstTempoTo120_scalesLaterChangesBySameRatio() throws Exception {
        // given: 100, then 50 at bar 2, then 200 at bar 3
        MidiFile original = reader.read(song());

        // when
        MidiFile faster = reader.read(MidiTransform.setTempo(original, 120));

        // then: ratio 1.2: 60, 240
        assertThat(tempos(faster)).containsExactly(120.0, 60.0, 240.0);
        assertThat(withoutTempos(faster)).isEqualTo(withoutTempos(original));
        assertThat(faster.trackCount()).isEqualTo(original.trackCount());
    }

    @Test
    void setTempo_fileWithoutTempo_getsOneAtTickZeroOfTheFirstTrack() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(96));
        smf.addTrack().note(0, 0, 60, 100, 96).note(96, 0, 62, 100, 96);
        MidiFile original = reader.read(smf.toBytes());

        // when
        MidiFile file = reader.read(MidiTransform.setTempo(original, 90));

        // then
        assertThat(tempos(file)).containsExactly(90.0);
        assertThat(file.tick(file.trackStart(0))).isZero();
        assertThat(withoutTempos(file)).isEqualTo(withoutTempos(original));
    }

    @Test
    void setTempo_bpmOutOfRange_isRefusedWithTheValue() throws Exception {
        MidiFile original = reader.read(song());
        assertThatThrownBy(() -> MidiTransform.setTempo(original, 0)).hasMessageContaining("bpm=0.0");
        assertThatThrownBy(() -> MidiTransform.setTempo(original, Double.NaN)).hasMessageContaining("bpm=NaN");
    }

    @Test
    void transposeAndSetTempo_randomSongs_keepEveryOtherEventAndTheTrackLayout() throws Exception {
        Random rnd = new Random(42);
        for (int n = 0; n < 200; n++) {
            // given: every kind of event, all channels, some huge deltas
            SongSpec spec = SongSpec.random(rnd, 1, Division.ppq(480), rnd.nextBoolean(), 1 + rnd.nextInt(4), 60);
            MidiFile original = reader.read(spec.toBytes());
            int semitones = rnd.nextInt(25) - 12;

            // when
            MidiFile transposed = reader.read(MidiTransform.transpose(original, semitones));
            MidiFile retimed = reader.read(MidiTransform.setTempo(original, 60 + rnd.nextInt(120)));

            // then
            assertThat(transposed.trackCount()).isEqualTo(original.trackCount());
            assertThat(retimed.trackCount()).isEqualTo(original.trackCount());
            for (int t = 0; t < original.trackCount(); t++) {
                assertThat(withoutNotes(transposed, t)).as("song %d track %d", n, t)
                        .isEqualTo(withoutNotes(original, t));
                assertThat(transposed.trackEnd(t) - transposed.trackStart(t))
                        .isEqualTo(original.trackEnd(t) - original.trackStart(t));
                for (int i = original.trackStart(t), j = transposed.trackStart(t); i < original.trackEnd(t); i++, j++) {
                    int expected = isPitched(original, i) ? MidiTransform.fold(original.data1(i) + semitones)
                            : original.data1(i);
                    assertThat(transposed.data1(j)).as("song %d event %d", n, i).isEqualTo(expected);
                }
            }
            assertThat(withoutTempos(retimed)).as("song %d", n).isEqualTo(withoutTempos(original));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static MusicalKey key(String text) {
        return MusicalKey.parse(text).orElseThrow();
    }

    private static boolean isPitched(MidiFile file, int i) {
        int status = file.status(i);
        int command = status & 0xF0;
        return status < 0xF0 && (command == 0x80 || command == 0x90 || command == 0xA0)
                && (status & 0x0F) != MidiTransform.DRUM_CHANNEL;
    }

    /** "status pitch" of the note and poly aftertouch events of track {@code t}. */
    private static List<String> notes(MidiFile file, int t) {
        List<String> out = new ArrayList<>();
        for (int i = file.trackStart(t); i < file.trackEnd(t); i++) {
            int command = file.command(i);
            if (file.status(i) < 0xF0 && (command == 0x80 || command == 0x90 || command == 0xA0)) {
                out.add(String.format("%02X %d", file.status(i), file.data1(i)));
            }
        }
        return out;
    }

    /** Track {@code t} rendered event by event, pitched events without their pitch. */
    private static List<String> withoutNotes(MidiFile file, int t) {
        List<String> out = new ArrayList<>();
        for (int i = file.trackStart(t); i < file.trackEnd(t); i++) {
            out.add(isPitched(file, i) ? file.tick(i) + " " + file.status(i) + " _ " + file.data2(i)
                    : SongSpec.eventOf(file, i).describe());
        }
        return out;
    }

    /** Every track rendered event by event, without tempo events. */
    private static List<List<String>> withoutTempos(MidiFile file) {
        List<List<String>> tracks = new ArrayList<>();
        for (int t = 0; t < file.trackCount(); t++) {
            List<String> out = new ArrayList<>();
            for (int i = file.trackStart(t); i < file.trackEnd(t); i++) {
                if (!(file.isMeta(i) && file.metaType(i) == 0x51)) {
                    out.add(SongSpec.eventOf(file, i).describe());
                }
            }
            tracks.add(out);
        }
        return tracks;
    }

    /** BPM of every tempo event, in event order, rounded to 0.01. */
    private static List<Double> tempos(MidiFile file) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < file.eventCount(); i++) {
            if (file.isMeta(i) && file.metaType(i) == 0x51) {
                int micros = file.payloadByte(i, 0) << 16 | file.payloadByte(i, 1) << 8 | file.payloadByte(i, 2);
                out.add(Math.round(60_000_000.0 / micros * 100) / 100.0);
            }
        }
        return out;
    }
}
