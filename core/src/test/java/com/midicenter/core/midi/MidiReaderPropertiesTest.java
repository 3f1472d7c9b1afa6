package com.midicenter.core.midi;

import static com.midicenter.core.midi.SmfBytes.ascii;
import static com.midicenter.core.midi.SmfBytes.concat;
import static com.midicenter.core.midi.SmfBytes.kinds;
import static com.midicenter.core.midi.SmfBytes.le32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.midicenter.core.midi.MidiFormatException.Reason;
import com.midicenter.core.midi.ParseWarning.Kind;
import com.midicenter.core.midi.SongSpec.Event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of {@link SmfBuilder} + {@link MidiReader} over random event streams: notes, controllers, program
 * changes, pitch bend, channel and poly pressure, meta text/tempo/time/key signature, SysEx (F0 and F7
 * escapes), zero and huge deltas (up to 0x0FFFFFFF), running status on and off, formats 0/1/2, PPQ and SMPTE.
 */
class MidiReaderPropertiesTest {

    private final MidiReader reader = new MidiReader();

    // ---------------------------------------------------------------- properties

    @Property(tries = 400)
    void read_builtFile_returnsEveryEventUnchangedAndNoWarnings(@ForAll("sortedSongs") SongSpec song) throws Exception {
        // given
        byte[] bytes = song.toBytes();

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(file.format()).isEqualTo(song.format());
        assertThat(file.division()).isEqualTo(song.division());
        assertThat(file.trackCount()).isEqualTo(song.tracks().size());
        assertThat(file.declaredTrackCount()).isEqualTo(song.tracks().size());
        assertThat(file.eventCount()).isEqualTo(song.eventCount() + song.tracks().size());
        for (int t = 0; t < song.tracks().size(); t++) {
            assertThat(SongSpec.actualTrack(file, t)).as("track %d", t).containsExactlyElementsOf(song.expectedTrack(t));
        }
    }

    @Property(tries = 400)
    void rewrite_readOfBuiltFile_isByteIdenticalToRunningStatusEncoding(@ForAll("sortedSongs") SongSpec song)
            throws Exception {
        // given: rewrite() always uses running status, so a file built without it is compared with the
        // running-status encoding of the same song
        byte[] bytes = song.toBytes();
        byte[] withRunningStatus = song.toBuilder(true).toBytes();

        // when
        byte[] rewritten = SmfBuilder.rewrite(reader.read(bytes));

        // then
        assertThat(rewritten).isEqualTo(withRunningStatus);
        if (song.runningStatus()) {
            assertThat(rewritten).isEqualTo(bytes);
        } else {
            assertThat(rewritten.length).isLessThanOrEqualTo(bytes.length);
        }
    }

    @Property(tries = 200)
    void read_builtFromUnsortedInput_returnsEventsSortedStablyByTick(@ForAll("shuffledSongs") SongSpec song)
            throws Exception {
        // given
        byte[] bytes = song.toBytes();

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(file.warnings()).isEmpty();
        for (int t = 0; t < song.tracks().size(); t++) {
            assertThat(SongSpec.actualTrack(file, t)).as("track %d", t).containsExactlyElementsOf(song.expectedTrack(t));
        }
        assertThat(SmfBuilder.rewrite(file)).isEqualTo(song.toBuilder(true).toBytes());
    }

    @Property(tries = 200)
    void read_builtFileInRiffRmidWrapper_returnsSameEventsWithoutWarnings(@ForAll("sortedSongs") SongSpec song)
            throws Exception {
        // given
        byte[] smf = song.toBytes();
        byte[] body = concat(ascii("RMID"), ascii("data"), le32(smf.length), smf, new byte[smf.length & 1]);
        byte[] riff = concat(ascii("RIFF"), le32(body.length), body);

        // when
        MidiFile file = reader.read(riff);

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(MidiReader.sniff(riff, riff.length)).isTrue();
        for (int t = 0; t < song.tracks().size(); t++) {
            assertThat(SongSpec.actualTrack(file, t)).as("track %d", t).containsExactlyElementsOf(song.expectedTrack(t));
        }
    }

    @Property(tries = 300)
    void read_anyPrefixOfBuiltFile_keepsAPrefixOfEveryTrackOrThrowsTypedError(
            @ForAll("sortedSongs") SongSpec song, @ForAll @IntRange(min = 0, max = 1_000_000) int cutSeed) {
        // given
        byte[] whole = song.toBytes();
        int cut = cutSeed % (whole.length + 1);
        byte[] prefix = Arrays.copyOf(whole, cut);

        // when
        MidiFile file;
        try {
            file = reader.read(prefix);
        } catch (MidiFormatException e) {
            // then (too little left for a track)
            assertThat(e.reason()).as("cut at %d", cut)
                    .isIn(Reason.EMPTY, Reason.NOT_MIDI, Reason.BAD_HEADER, Reason.HEADER_ONLY);
            assertThat(cut).isLessThan(14 + 8 + 1);
            return;
        }

        // then
        assertThat(kinds(file)).as("cut at %d", cut)
                .isSubsetOf(Kind.TRUNCATED_TRACK, Kind.TRACK_COUNT_MISMATCH, Kind.TRAILING_DATA);
        assertThat(file.trackCount()).isBetween(1, song.tracks().size());
        for (int t = 0; t < file.trackCount(); t++) {
            List<String> expected = song.expectedTrack(t);
            List<String> actual = SongSpec.actualTrack(file, t);
            assertThat(actual.size()).as("cut at %d, track %d", cut, t).isLessThanOrEqualTo(expected.size());
            assertThat(actual).as("cut at %d, track %d", cut, t).isEqualTo(expected.subList(0, actual.size()));
            if (t < file.trackCount() - 1) {
                assertThat(actual).as("complete track %d before the cut", t).hasSameSizeAs(expected);
            }
        }
        if (cut == whole.length) {
            assertThat(file.warnings()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<SongSpec> sortedSongs() {
        return songs(false);
    }

    @Provide
    Arbitrary<SongSpec> shuffledSongs() {
        return songs(true);
    }

    private Arbitrary<SongSpec> songs(boolean shuffled) {
        Arbitrary<List<Event>> track = shuffled ? sortedTrack().flatMap(Arbitraries::shuffle) : sortedTrack();
        return Arbitraries.of(0, 1, 2).flatMap(format -> Combinators.combine(
                divisions(),
                Arbitraries.of(true, false),
                track.list().ofMinSize(1).ofMaxSize(format == 0 ? 1 : 4))
                .as((division, runningStatus, tracks) -> new SongSpec(format, division, runningStatus, tracks)));
    }

    private static Arbitrary<Division> divisions() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(3, Arbitraries.integers().between(1, 0x7FFF).map(Division::ppq)),
                Tuple.of(1, Combinators.combine(Arbitraries.of(24, 25, 29, 30), Arbitraries.integers().between(1, 255))
                        .as(Division::smpte))));
    }

    /** Events at absolute ticks built from random deltas, so the list is sorted by tick. */
    private static Arbitrary<List<Event>> sortedTrack() {
        Arbitrary<Event> step = Combinators.combine(deltas(), events()).as((delta, event) -> event.at(delta));
        return step.list().ofMaxSize(40).map(steps -> {
            List<Event> out = new ArrayList<>(steps.size());
            long tick = 0;
            for (Event e : steps) {
                tick += e.tick();
                out.add(e.at(tick));
            }
            return out;
        });
    }

    private static Arbitrary<Long> deltas() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(5, Arbitraries.just(0L)),
                Tuple.of(4, Arbitraries.longs().between(1, 0x7F)),
                Tuple.of(2, Arbitraries.longs().between(0x80, 0x1F_FFFF)),
                Tuple.of(1, Arbitraries.longs().between(0x20_0000, 0x0FFF_FFFF)),
                Tuple.of(1, Arbitraries.of(0x7FL, 0x80L, 0x3FFFL, 0x4000L, 0x1F_FFFFL, 0x20_0000L, 0x0FFF_FFFFL))));
    }

    private static Arbitrary<Event> events() {
        Arbitrary<Integer> channel = Arbitraries.integers().between(0, 15);
        Arbitrary<Integer> data = Arbitraries.integers().between(0, 127);
        Arbitrary<Event> channelMessage = Combinators.combine(
                Arbitraries.of(0x80, 0x90, 0xA0, 0xB0, 0xC0, 0xD0, 0xE0), channel, data, data)
                .as((command, ch, d1, d2) -> Event.channel(0, command | ch, d1, d2));
        Arbitrary<Event> pitchBend = Combinators.combine(channel, Arbitraries.integers().between(0, 0x3FFF))
                .as((ch, v) -> Event.channel(0, 0xE0 | ch, v & 0x7F, v >> 7));
        Arbitrary<Event> text = Combinators.combine(
                Arbitraries.of(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0F, 0x7F), payloads(300))
                .as((type, payload) -> Event.meta(0, type, payload));
        Arbitrary<Event> tempo = Arbitraries.integers().between(1, 0xFF_FFFF)
                .map(us -> Event.meta(0, 0x51, new byte[] {(byte) (us >> 16), (byte) (us >> 8), (byte) (int) us}));
        Arbitrary<Event> timeSignature = Combinators.combine(Arbitraries.integers().between(1, 255),
                        Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 255))
                .as((num, pow, clocks) -> Event.meta(0, 0x58, new byte[] {(byte) (int) num, (byte) (int) pow,
                    (byte) (int) clocks, 8}));
        Arbitrary<Event> keySignature = Combinators.combine(Arbitraries.integers().between(-7, 7),
                        Arbitraries.integers().between(0, 1))
                .as((sf, mode) -> Event.meta(0, 0x59, new byte[] {(byte) (int) sf, (byte) (int) mode}));
        Arbitrary<Event> sysex = Combinators.combine(Arbitraries.of(0xF0, 0xF7), payloads(200))
                .as((status, payload) -> Event.sysex(0, status, payload));
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(12, channelMessage),
                Tuple.of(2, pitchBend),
                Tuple.of(2, text),
                Tuple.of(1, tempo),
                Tuple.of(1, timeSignature),
                Tuple.of(1, keySignature),
                Tuple.of(2, sysex)));
    }

    private static Arbitrary<byte[]> payloads(int maxLength) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxLength);
    }
}
