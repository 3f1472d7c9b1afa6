package com.midicenter.core.midi;

import static com.midicenter.core.midi.SmfBytes.ascii;
import static com.midicenter.core.midi.SmfBytes.bytes;
import static com.midicenter.core.midi.SmfBytes.concat;
import static com.midicenter.core.midi.SmfBytes.eot;
import static com.midicenter.core.midi.SmfBytes.header;
import static com.midicenter.core.midi.SmfBytes.kinds;
import static com.midicenter.core.midi.SmfBytes.track;
import static com.midicenter.core.midi.SmfBytes.twoNotes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.core.midi.ParseWarning.Kind;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Example-based tests of {@link SmfBuilder} output read back by {@link MidiReader}, and of {@code rewrite}. */
class SmfRoundTripTest {

    private final MidiReader reader = new MidiReader();

    // ---------------------------------------------------------------- builder -> reader

    @Test
    void toBytes_everyKindOfEvent_readsBackEventByEvent() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().trackName("Tempo").tempoBpm(0, 120).timeSignature(0, 6, 8).keySignature(0, -3, true)
                .text(960, "verse");
        smf.addTrack()
                .programChange(0, 9, 33)
                .controlChange(0, 9, 7, 100)
                .note(0, 9, 36, 127, 120)
                .channelMessage(10, 0xA9, 36, 64)
                .channelMessage(20, 0xD9, 50, 0)
                .pitchBend(30, 9, 0x2000)
                .sysex(40, 0xF0, bytes(0x7E, 0x7F, 0x09, 0x01, 0xF7))
                .sysex(50, 0xF7, bytes(0xF8))
                .meta(60, 0x7F, bytes(0x00, 0x20, 0x29));

        // when
        MidiFile file = reader.read(smf.toBytes());

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(file.format()).isEqualTo(1);
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(file.declaredTrackCount()).isEqualTo(2);
        assertThat(SongSpec.actualTrack(file, 0)).containsExactly(
                "t=0 FF 03 [54 65 6D 70 6F]",
                "t=0 FF 51 [07 A1 20]",
                "t=0 FF 58 [06 03 18 08]",
                "t=0 FF 59 [FD 01]",
                "t=960 FF 01 [76 65 72 73 65]",
                "t=960 FF 2F []");
        assertThat(SongSpec.actualTrack(file, 1)).containsExactly(
                "t=0 C9 21 00",
                "t=0 B9 07 64",
                "t=0 99 24 7F",
                "t=10 A9 24 40",
                "t=20 D9 32 00",
                "t=30 E9 00 40",
                "t=40 F0 [7E 7F 09 01 F7]",
                "t=50 F7 [F8]",
                "t=60 FF 7F [00 20 29]",
                "t=120 89 24 00",
                "t=120 FF 2F []");
    }

    @Test
    void toBytes_runningStatusOn_writesRepeatedStatusOnce() {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(96));
        smf.addTrack().noteOn(0, 0, 60, 64).noteOn(0, 0, 64, 64).noteOn(96, 0, 60, 0).noteOn(96, 0, 64, 0);

        // when
        byte[] bytes = smf.toBytes();

        // then
        assertThat(bytes).isEqualTo(concat(header(0, 1, 96), track(
                bytes(0x00, 0x90, 0x3C, 0x40, 0x00, 0x40, 0x40, 0x60, 0x3C, 0x00, 0x00, 0x40, 0x00), eot())));
    }

    @Test
    void toBytes_runningStatusOff_writesEveryStatus() {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(96)).runningStatus(false);
        smf.addTrack().noteOn(0, 0, 60, 64).noteOn(0, 0, 64, 64);

        // when
        byte[] bytes = smf.toBytes();

        // then
        assertThat(bytes).isEqualTo(concat(header(0, 1, 96), track(
                bytes(0x00, 0x90, 0x3C, 0x40, 0x00, 0x90, 0x40, 0x40), eot())));
    }

    @Test
    void toBytes_channelMessageAfterMetaEvent_repeatsStatusSoReaderNeedsNoRepair() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(96));
        smf.addTrack().noteOn(0, 0, 60, 64).text(0, "x").noteOn(0, 0, 62, 64);

        // when
        byte[] bytes = smf.toBytes();
        MidiFile file = reader.read(bytes);

        // then
        assertThat(Arrays.copyOfRange(bytes, 22, 37)).containsExactly(
                0x00, 0x90, 0x3C, 0x40, 0x00, 0xFF, 0x01, 0x01, 'x', 0x00, 0x90, 0x3E, 0x40, 0x00, 0xFF);
        assertThat(file.warnings()).isEmpty();
    }

    @Test
    void toBytes_deltaBoundaries_writesShortestVariableLengthQuantities() throws Exception {
        // given: each delta is one of the VLQ byte-count boundaries
        long[] deltas = {0, 0x7F, 0x80, 0x3FFF, 0x4000, 0x1F_FFFF, 0x20_0000, 0x0FFF_FFFF};
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(96));
        SmfBuilder.Track track = smf.addTrack();
        long tick = 0;
        for (long d : deltas) {
            tick += d;
            track.programChange(tick, 0, 1);
        }

        // when
        byte[] bytes = smf.toBytes();
        MidiFile file = reader.read(bytes);

        // then
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(bytes(0x00, 0xC0, 0x01));
        expected.writeBytes(bytes(0x7F, 0x01));
        expected.writeBytes(bytes(0x81, 0x00, 0x01));
        expected.writeBytes(bytes(0xFF, 0x7F, 0x01));
        expected.writeBytes(bytes(0x81, 0x80, 0x00, 0x01));
        expected.writeBytes(bytes(0xFF, 0xFF, 0x7F, 0x01));
        expected.writeBytes(bytes(0x81, 0x80, 0x80, 0x00, 0x01));
        expected.writeBytes(bytes(0xFF, 0xFF, 0xFF, 0x7F, 0x01));
        assertThat(bytes).isEqualTo(concat(header(0, 1, 96), track(expected.toByteArray(), eot())));
        assertThat(file.warnings()).isEmpty();
        long sum = 0;
        for (int i = 0; i < deltas.length; i++) {
            sum += deltas[i];
            assertThat(file.tick(i)).as("tick of event %d", i).isEqualTo(sum);
        }
    }

    @Test
    void toBytes_deltaAboveFourByteMaximum_throwsIllegalArgumentException() {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(96));
        smf.addTrack().programChange(0x1000_0000L, 0, 1);

        // when / then
        assertThatThrownBy(smf::toBytes).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delta=");
    }

    @Test
    void toBytes_unsortedInput_writesEventsByTickKeepingInsertionOrderWithinATick() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(96));
        smf.addTrack().noteOn(96, 0, 62, 1).noteOn(0, 0, 60, 2).controlChange(96, 0, 7, 3).noteOn(0, 0, 61, 4);

        // when
        MidiFile file = reader.read(smf.toBytes());

        // then
        assertThat(SongSpec.actualTrack(file, 0)).containsExactly(
                "t=0 90 3C 02", "t=0 90 3D 04", "t=96 90 3E 01", "t=96 B0 07 03", "t=96 FF 2F []");
    }

    @Test
    void toBytes_explicitEndOfTrack_dropsEventsAfterIt() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(96));
        smf.addTrack().noteOn(0, 0, 60, 64).meta(100, 0x2F, new byte[0]).noteOn(200, 0, 62, 64);

        // when
        MidiFile file = reader.read(smf.toBytes());

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(SongSpec.actualTrack(file, 0)).containsExactly("t=0 90 3C 40", "t=100 FF 2F []");
    }

    @Test
    void toBytes_emptyTrack_writesOnlyEndOfTrack() {
        // given
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack();

        // when
        byte[] bytes = smf.toBytes();

        // then
        assertThat(bytes).isEqualTo(concat(header(1, 1, 480), ascii("MTrk"), bytes(0, 0, 0, 4), eot()));
    }

    @Test
    void toBytes_smpteDivision_writesNegativeFramesAndTicksPerFrame() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.smpte(29, 80));
        smf.addTrack().note(0, 0, 60, 64, 80);

        // when
        byte[] bytes = smf.toBytes();
        MidiFile file = reader.read(bytes);

        // then
        assertThat(Arrays.copyOfRange(bytes, 12, 14)).containsExactly(0xE3, 0x50);
        assertThat(file.warnings()).isEmpty();
        assertThat(file.division()).isEqualTo(Division.smpte(29, 80));
    }

    @Test
    void constructor_divisionThatDoesNotFitTheHeader_throwsIllegalArgumentException() {
        // given: PPQ is a 15-bit field, ticks per frame an 8-bit one
        Division tooFine = Division.ppq(0x8000);
        Division tooManyTicksPerFrame = Division.smpte(25, 256);

        // when / then
        assertThatThrownBy(() -> new SmfBuilder(1, tooFine)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmfBuilder(1, tooManyTicksPerFrame)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_largestPpq_isWrittenAndReadBack() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(0x7FFF));
        smf.addTrack().note(0, 0, 60, 64, 0x7FFF);

        // when
        MidiFile file = reader.read(smf.toBytes());

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(file.ppq()).isEqualTo(0x7FFF);
    }

    // ---------------------------------------------------------------- rewrite

    @Test
    void rewrite_cleanBuiltFile_isByteIdentical() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().trackName("Conductor").tempoBpm(0, 90).timeSignature(0, 3, 4);
        smf.addTrack().programChange(0, 0, 5).note(0, 0, 60, 90, 480).note(480, 0, 67, 90, 480)
                .sysex(960, 0xF0, bytes(0x43, 0x10, 0x4C, 0xF7)).pitchBend(1000, 0, 0x3FFF);
        byte[] original = smf.toBytes();

        // when
        byte[] rewritten = SmfBuilder.rewrite(reader.read(original));

        // then
        assertThat(rewritten).isEqualTo(original);
    }

    @Test
    void rewrite_repairedFile_writesCleanFileWithTheSameEventsAndEndOfTrack() throws Exception {
        // given: junk before the header, running status across a meta event, and no End of Track
        byte[] broken = concat(bytes(0x00, 0x01), header(0, 1, 96), track(
                bytes(0x00, 0x90, 0x3C, 0x40),
                bytes(0x00, 0xFF, 0x01, 0x01, 'a'),
                bytes(0x60, 0x3C, 0x00)));
        MidiFile repaired = reader.read(broken);

        // when
        byte[] rewritten = SmfBuilder.rewrite(repaired);
        MidiFile clean = reader.read(rewritten);

        // then
        assertThat(kinds(repaired)).containsExactly(
                Kind.JUNK_BEFORE_HEADER, Kind.RUNNING_STATUS_ACROSS_META, Kind.MISSING_END_OF_TRACK);
        assertThat(clean.warnings()).isEmpty();
        assertThat(SongSpec.actualTrack(clean, 0)).containsExactly(
                "t=0 90 3C 40", "t=0 FF 01 [61]", "t=96 90 3C 00", "t=96 FF 2F []");
    }

    @Test
    void rewrite_smpteFormatTwoFile_keepsFormatAndDivision() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(2, Division.smpte(24, 4));
        smf.addTrack().note(0, 1, 40, 50, 4);
        smf.addTrack().note(8, 2, 41, 51, 4);
        byte[] original = smf.toBytes();

        // when
        MidiFile file = reader.read(SmfBuilder.rewrite(reader.read(original)));

        // then
        assertThat(file.format()).isEqualTo(2);
        assertThat(file.division()).isEqualTo(Division.smpte(24, 4));
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(SmfBuilder.rewrite(file)).isEqualTo(original);
    }

    @Test
    void rewrite_metaTypeAbove127_keepsTheEvent() throws Exception {
        // given: the reader accepts meta type 0x80 (outside the 7-bit range the standard defines)
        byte[] original = concat(header(0, 1, 96), track(bytes(0x00, 0xFF, 0x80, 0x02, 0x12, 0x34), twoNotes(), eot()));
        MidiFile file = reader.read(original);

        // when
        byte[] rewritten = SmfBuilder.rewrite(file);

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(file.metaType(0)).isEqualTo(0x80);
        assertThat(rewritten).isEqualTo(original);
    }

    @Test
    void rewrite_absoluteTicksBeyond2Pow39_keepsEventOrder() throws Exception {
        // given: 2,200 program changes each 0x0FFFFFFF ticks apart (a valid 13 KB file); the last tick is
        // above 2^39, where the builder's old packed sort key (tick << 24 | index) overflowed
        List<byte[]> events = new ArrayList<>();
        events.add(bytes(0x00, 0xC0, 0x00));
        for (int i = 1; i < 2200; i++) {
            events.add(bytes(0xFF, 0xFF, 0xFF, 0x7F, i % 128));
        }
        events.add(eot());
        byte[] original = concat(header(0, 1, 96), track(events.toArray(new byte[0][])));
        MidiFile file = reader.read(original);

        // when
        byte[] rewritten = SmfBuilder.rewrite(file);

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(file.lastTick()).isEqualTo(2199L * 0x0FFF_FFFF).isGreaterThan(1L << 39);
        assertThat(rewritten).isEqualTo(original);
    }

    @Test
    void rewrite_keptEventsFurtherApartThanOneDelta_bridgesGapWithEmptyTextEvents() throws Exception {
        // given: the reader skips a tune request (F6) between two events 0x0FFFFFFF ticks each side of it, so the
        // note-off it keeps is 0x1FFFFFFE ticks after the note-on: more than one delta can hold
        byte[] broken = concat(header(0, 1, 96), track(
                bytes(0x00, 0x90, 0x3C, 0x40),
                bytes(0xFF, 0xFF, 0xFF, 0x7F, 0xF6),
                bytes(0xFF, 0xFF, 0xFF, 0x7F, 0x80, 0x3C, 0x00),
                eot()));
        MidiFile file = reader.read(broken);

        // when
        MidiFile rewritten = reader.read(SmfBuilder.rewrite(file));

        // then
        assertThat(kinds(file)).containsExactly(Kind.UNEXPECTED_STATUS_BYTE);
        assertThat(SongSpec.actualTrack(file, 0)).containsExactly(
                "t=0 90 3C 40", "t=536870910 80 3C 00", "t=536870910 FF 2F []");
        assertThat(rewritten.warnings()).isEmpty();
        assertThat(SongSpec.actualTrack(rewritten, 0)).containsExactly(
                "t=0 90 3C 40", "t=268435455 FF 01 []", "t=536870910 80 3C 00", "t=536870910 FF 2F []");
    }
}
