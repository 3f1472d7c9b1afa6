package com.midicenter.core.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TrackSplitter}: every part read back with {@link MidiReader}. */
class TrackSplitterTest {

    private final MidiReader reader = new MidiReader();

    /** Conductor (tempo change, meter, key), Bass ch 1, an empty track, Keys ch 2, Drums ch 10. */
    private static byte[] format1() {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().trackName("My Song").tempoBpm(0, 96).timeSignature(0, 3, 4).keySignature(0, -3, true)
                .tempoBpm(1920, 120);
        smf.addTrack().trackName("Bass").programChange(0, 0, 33).controlChange(0, 0, 7, 90)
                .note(0, 0, 36, 100, 240).note(480, 0, 38, 100, 240);
        smf.addTrack().trackName("Empty").programChange(0, 3, 10);
        smf.addTrack().trackName("Keys").programChange(0, 1, 4)
                .note(0, 1, 60, 80, 960).note(0, 1, 64, 80, 960).note(960, 1, 67, 80, 960);
        smf.addTrack().trackName("Drums").note(0, 9, 36, 127, 120).note(480, 9, 38, 110, 120)
                .note(960, 9, 36, 120, 120).note(1440, 9, 38, 100, 120);
        return smf.toBytes();
    }

    /** One track: channel 1 with program 81 (Synth Lead), channel 5 without program, channel 10 drums. */
    private static byte[] format0() {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(96));
        smf.addTrack().trackName("Whole Song").tempoBpm(0, 140).timeSignature(0, 4, 4).keySignature(0, 1, false)
                .programChange(0, 0, 81).programChange(0, 9, 0)
                .note(0, 0, 72, 100, 48).note(48, 4, 50, 90, 48).note(96, 9, 42, 100, 10)
                .note(96, 0, 74, 100, 48).note(192, 9, 36, 100, 10).controlChange(200, 4, 64, 127);
        return smf.toBytes();
    }

    @Test
    void split_format1WithConductor_onePartPerTrackWithNotes() throws Exception {
        // given
        MidiFile source = reader.read(format1());

        // when
        List<TrackSplitter.Part> parts = TrackSplitter.split(source, "My Song");

        // then: the empty track gives no part; names and numbering follow the track names
        assertThat(parts).extracting(TrackSplitter.Part::name)
                .containsExactly("My Song - 01 Bass.mid", "My Song - 02 Keys.mid", "My Song - 03 Drums.mid");
        assertThat(parts).extracting(TrackSplitter.Part::track).containsExactly(1, 3, 4);
        assertThat(parts).extracting(TrackSplitter.Part::channel).containsExactly(1, 2, 10);
        assertThat(parts).extracting(TrackSplitter.Part::notes).containsExactly(2, 3, 4);
        for (TrackSplitter.Part part : parts) {
            MidiFile read = reader.read(part.bytes());
            assertThat(read.warnings()).as(part.name()).isEmpty();
            assertThat(read.format()).isEqualTo(1);
            assertThat(read.ppq()).isEqualTo(480);
            assertThat(conductorMetas(read)).as(part.name())
                    .containsExactly("0 51 098968", "0 58 03021808", "0 59 FD01", "1920 51 07A120");
            assertThat(noteChannels(read)).as(part.name()).containsOnly(part.channel() - 1);
            assertThat(noteOns(read)).isEqualTo(part.notes());
        }
        MidiFile bass = reader.read(parts.get(0).bytes());
        assertThat(trackName(bass, 1)).isEqualTo("Bass");
        assertThat(channelMessages(bass, 0xC0)).containsExactly("C0 33");
        assertThat(channelMessages(bass, 0xB0)).containsExactly("B0 7");
        assertThat(sumOfNotes(parts)).isEqualTo(noteOns(source));
    }

    @Test
    void split_format0ThreeChannels_onePartPerChannelLabelledByInstrument() throws Exception {
        // given
        MidiFile source = reader.read(format0());

        // when
        List<TrackSplitter.Part> parts = TrackSplitter.split(source, "Loop");

        // then: the format-0 track name is the song's title, not a part label
        assertThat(parts).extracting(TrackSplitter.Part::name)
                .containsExactly("Loop - 01 Synth Lead.mid", "Loop - 02 Channel 5.mid", "Loop - 03 Drums.mid");
        assertThat(parts).extracting(TrackSplitter.Part::channel).containsExactly(1, 5, 10);
        assertThat(parts).extracting(TrackSplitter.Part::notes).containsExactly(2, 1, 2);
        for (TrackSplitter.Part part : parts) {
            MidiFile read = reader.read(part.bytes());
            assertThat(read.warnings()).as(part.name()).isEmpty();
            assertThat(read.format()).isEqualTo(1);
            assertThat(read.trackCount()).isEqualTo(2);
            assertThat(conductorMetas(read)).containsExactly("0 51 068A1B", "0 58 04021808", "0 59 0100");
            assertThat(noteChannels(read)).containsOnly(part.channel() - 1);
        }
        MidiFile lead = reader.read(parts.get(0).bytes());
        assertThat(trackName(lead, 1)).isEqualTo("Synth Lead");
        assertThat(channelMessages(lead, 0xC0)).containsExactly("C0 81");
        assertThat(channelMessages(reader.read(parts.get(1).bytes()), 0xB0)).containsExactly("B4 64");
        assertThat(sumOfNotes(parts)).isEqualTo(noteOns(source));
    }

    @Test
    void split_noNotes_givesNoParts() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().tempoBpm(0, 120);
        smf.addTrack().trackName("Silent").programChange(0, 0, 1);

        // when
        List<TrackSplitter.Part> parts = TrackSplitter.split(reader.read(smf.toBytes()), "Nothing");

        // then
        assertThat(parts).isEmpty();
    }

    @Test
    void split_unnamedTrackWithoutProgram_labelledByChannelAndProgramFamily() throws Exception {
        // given: a program change for channel 3 lives in a note-less setup track
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().tempoBpm(0, 120).programChange(0, 2, 40);
        smf.addTrack().note(0, 2, 60, 100, 10);
        smf.addTrack().note(0, 6, 60, 100, 10);

        // when
        List<TrackSplitter.Part> parts = TrackSplitter.split(reader.read(smf.toBytes()), "S");

        // then: the setup track's program reaches the part it sets up
        assertThat(parts).extracting(TrackSplitter.Part::name).containsExactly("S - 01 Strings.mid", "S - 02 Channel 7.mid");
        assertThat(channelMessages(reader.read(parts.get(0).bytes()), 0xC0)).containsExactly("C2 40");
    }

    @Test
    void partName_unsafeAndLongNames_madeSafeAndShortened() {
        // given
        String song = "a/b\\c:d*e?f\"g<h>i|j\u0001k ".repeat(10);

        // when
        String name = TrackSplitter.partName(song, 3, "Bass/Sub\tLine");

        // then
        assertThat(name).doesNotContain("/", "\\", ":", "*", "?", "\"", "<", ">", "|", "\u0001", "\t")
                .endsWith(" - 03 Bass Sub Line.mid").startsWith("a b c d e f g h i j k a");
        assertThat(name.length()).isLessThanOrEqualTo(TrackSplitter.MAX_NAME_CHARS);
        assertThat(TrackSplitter.partName(" .. ", 12, "")).isEqualTo("Song - 12.mid");
    }

    private static List<String> conductorMetas(MidiFile f) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < f.eventCount(); i++) {
            if (f.isMeta(i) && (f.metaType(i) == 0x51 || f.metaType(i) == 0x58 || f.metaType(i) == 0x59)) {
                StringBuilder hex = new StringBuilder();
                for (byte b : f.payload(i)) {
                    hex.append(String.format("%02X", b & 0xFF));
                }
                out.add(f.tick(i) + " " + Integer.toHexString(f.metaType(i)).toUpperCase() + " " + hex);
            }
        }
        return out;
    }

    private static List<Integer> noteChannels(MidiFile f) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < f.eventCount(); i++) {
            if (f.isNoteOn(i)) {
                out.add(f.channel(i));
            }
        }
        return out;
    }

    private static List<String> channelMessages(MidiFile f, int command) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < f.eventCount(); i++) {
            if (!f.isMeta(i) && !f.isSysex(i) && f.command(i) == command) {
                out.add(String.format("%02X %d", f.status(i), f.data1(i)));
            }
        }
        return out;
    }

    private static String trackName(MidiFile f, int track) {
        for (int i = f.trackStart(track); i < f.trackEnd(track); i++) {
            if (f.isMeta(i) && f.metaType(i) == 0x03) {
                return f.metaText(i);
            }
        }
        return null;
    }

    private static int noteOns(MidiFile f) {
        return noteChannels(f).size();
    }

    private int sumOfNotes(List<TrackSplitter.Part> parts) throws MidiFormatException {
        int sum = 0;
        for (TrackSplitter.Part part : parts) {
            sum += noteOns(reader.read(part.bytes()));
        }
        return sum;
    }
}
