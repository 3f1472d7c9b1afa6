package com.midicenter.core.midi;

import static com.midicenter.core.midi.SmfBytes.ascii;
import static com.midicenter.core.midi.SmfBytes.bytes;
import static com.midicenter.core.midi.SmfBytes.chunk;
import static com.midicenter.core.midi.SmfBytes.cleanFile;
import static com.midicenter.core.midi.SmfBytes.concat;
import static com.midicenter.core.midi.SmfBytes.endsWithEot;
import static com.midicenter.core.midi.SmfBytes.eot;
import static com.midicenter.core.midi.SmfBytes.header;
import static com.midicenter.core.midi.SmfBytes.kinds;
import static com.midicenter.core.midi.SmfBytes.le32;
import static com.midicenter.core.midi.SmfBytes.noteOnCount;
import static com.midicenter.core.midi.SmfBytes.noteOnKeys;
import static com.midicenter.core.midi.SmfBytes.noteOnTicks;
import static com.midicenter.core.midi.SmfBytes.track;
import static com.midicenter.core.midi.SmfBytes.trackWithLength;
import static com.midicenter.core.midi.SmfBytes.twoNotes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.midicenter.core.midi.MidiFormatException.Reason;
import com.midicenter.core.midi.ParseWarning.Kind;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per repair the lenient reader makes, each on hand-assembled broken bytes, plus the typed errors.
 *
 * <p>Offsets used below: the standard header is bytes 0..13, the first MTrk id is at 14, its length field at
 * 18 and its first event at 22.
 */
class MidiReaderRepairTest {

    private static final int FIRST_TRACK = 14;
    private static final int FIRST_LENGTH_FIELD = 18;
    private static final int FIRST_EVENT = 22;

    private final MidiReader reader = new MidiReader();

    // ---------------------------------------------------------------- baseline

    @Test
    void read_cleanBuiltFile_hasNoWarningsAndAllNotes() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(96));
        smf.addTrack().tempoBpm(0, 100).note(0, 0, 60, 90, 96).note(96, 0, 64, 90, 96);

        // when
        MidiFile file = reader.read(smf.toBytes());

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(file.ppq()).isEqualTo(96);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
        assertThat(file.lastTick()).isEqualTo(192);
    }

    @Test
    void read_handAssembledCleanFile_hasNoWarnings() throws Exception {
        // given
        byte[] bytes = cleanFile();

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(file.trackCount()).isEqualTo(1);
        assertThat(file.eventCount()).isEqualTo(5);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
        assertThat(endsWithEot(file, 0)).isTrue();
    }

    // ---------------------------------------------------------------- chunk lengths

    @Test
    void read_trackLengthTooShortWhileEventsContinue_warnsWrongTrackLengthAndKeepsAllEvents() throws Exception {
        // given: the first track declares 8 bytes (first note only) but its events go on to End of Track
        byte[] bytes = concat(header(1, 2, 96),
                trackWithLength(8, twoNotes(), eot()),
                track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(file.warnings()).extracting(ParseWarning::kind).containsExactly(Kind.WRONG_TRACK_LENGTH);
        assertThat(file.warnings().get(0).offset()).isEqualTo(FIRST_LENGTH_FIELD);
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(file.trackEnd(0) - file.trackStart(0)).isEqualTo(5);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L, 0L);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E, 0x40);
        assertThat(endsWithEot(file, 0)).isTrue();
        assertThat(endsWithEot(file, 1)).isTrue();
    }

    @Test
    void read_trackLengthEndingInsideAnEvent_warnsWrongTrackLengthAndKeepsAllEvents() throws Exception {
        // given: the first track declares 9 bytes, which ends right after the status of its second event
        byte[] bytes = concat(header(1, 2, 96),
                trackWithLength(9, twoNotes(), eot()),
                track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.WRONG_TRACK_LENGTH);
        assertThat(file.warnings().get(0).offset()).isEqualTo(FIRST_LENGTH_FIELD);
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(file.trackEnd(0) - file.trackStart(0)).isEqualTo(5);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L, 0L);
        assertThat(file.tick(1)).isEqualTo(96);
        assertThat(file.tick(3)).isEqualTo(192);
        assertThat(endsWithEot(file, 0)).isTrue();
    }

    @Test
    void read_trackLengthEndingInsideMetaPayload_warnsWrongTrackLengthAndKeepsWholeEvent() throws Exception {
        // given: the first track declares 12 bytes, which ends inside the text "hello"
        byte[] bytes = concat(header(1, 2, 96),
                trackWithLength(12, bytes(0x00, 0x90, 0x3C, 0x40, 0x00, 0xFF, 0x01, 0x05), ascii("hello"),
                        bytes(0x60, 0x80, 0x3C, 0x00), eot()),
                track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then: no events are made up from the rest of the text
        assertThat(kinds(file)).containsExactly(Kind.WRONG_TRACK_LENGTH);
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(SongSpec.actualTrack(file, 0)).containsExactly(
                "t=0 90 3C 40", "t=0 FF 01 [68 65 6C 6C 6F]", "t=96 80 3C 00", "t=96 FF 2F []");
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x40);
    }

    @Test
    void read_trackLengthOneByteShort_warnsWrongTrackLengthAndKeepsEndOfTrack() throws Exception {
        // given: the length misses the final 00 of FF 2F 00 (a common off-by-one)
        byte[] events = concat(twoNotes(), eot());
        byte[] bytes = concat(header(1, 2, 96),
                trackWithLength(events.length - 1, events),
                track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.WRONG_TRACK_LENGTH);
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(endsWithEot(file, 0)).isTrue();
        assertThat(file.tick(file.trackEnd(0) - 1)).isEqualTo(192);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E, 0x40);
    }

    @Test
    void read_trackLengthTooLongSwallowingNextTrack_warnsWrongTrackLengthAndReadsBothTracks() throws Exception {
        // given: the first track's length also covers the whole second MTrk chunk (up to the end of the file)
        byte[] firstEvents = concat(twoNotes(), eot());
        byte[] second = track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot());
        byte[] bytes = concat(header(1, 2, 96),
                trackWithLength(firstEvents.length + second.length, firstEvents), second);

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.WRONG_TRACK_LENGTH);
        assertThat(file.warnings().get(0).offset()).isEqualTo(FIRST_LENGTH_FIELD);
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E, 0x40);
        assertThat(endsWithEot(file, 0)).isTrue();
        assertThat(endsWithEot(file, 1)).isTrue();
    }

    @Test
    void read_trackLengthCoveringExactlyTheNextTrack_warnsWrongTrackLengthAndReadsAllTracks() throws Exception {
        // given: three tracks; the first one's length ends exactly where the third MTrk starts
        byte[] firstEvents = concat(twoNotes(), eot());
        byte[] second = track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot());
        byte[] third = track(bytes(0x00, 0x92, 0x43, 0x50, 0x30, 0x82, 0x43, 0x00), eot());
        byte[] bytes = concat(header(1, 3, 96),
                trackWithLength(firstEvents.length + second.length, firstEvents), second, third);

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.WRONG_TRACK_LENGTH);
        assertThat(file.trackCount()).isEqualTo(3);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E, 0x40, 0x43);
    }

    @Test
    void read_trackWithZeroPaddingAfterEndOfTrack_skipsPaddingWithoutWarning() throws Exception {
        // given: the chunk length includes 6 zero bytes after End of Track
        byte[] bytes = concat(header(1, 2, 96),
                track(twoNotes(), eot(), new byte[6]),
                track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E, 0x40);
    }

    @Test
    void read_trackLengthTooLongIntoMiddleOfNextTrack_warnsWrongTrackLengthAndReadsAllTracks() throws Exception {
        // given: three tracks; the first one's length ends 5 bytes into the second track's events
        byte[] firstEvents = concat(twoNotes(), eot());
        byte[] second = track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot());
        byte[] third = track(bytes(0x00, 0x92, 0x43, 0x50, 0x30, 0x82, 0x43, 0x00), eot());
        byte[] bytes = concat(header(1, 3, 96),
                trackWithLength(firstEvents.length + 8 + 5, firstEvents), second, third);

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.WRONG_TRACK_LENGTH);
        assertThat(file.trackCount()).isEqualTo(3);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E, 0x40, 0x43);
    }

    @Test
    void read_trackLengthTooShortAndNoEndOfTrack_stopsAtNextTrackAndReadsIt() throws Exception {
        // given: the first track declares 8 bytes, its events go on for 16 and it has no End of Track
        byte[] bytes = concat(header(1, 2, 96),
                trackWithLength(8, twoNotes()),
                track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.WRONG_TRACK_LENGTH, Kind.MISSING_END_OF_TRACK);
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(file.trackEnd(0) - file.trackStart(0)).isEqualTo(4);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E, 0x40);
    }

    @Test
    void read_oversizedLengthOnTrackWithoutEndOfTrack_stopsAtNextTrackInsteadOfReadingItAsEvents() throws Exception {
        // given: the first track's length is 0xFFFFFFFF and it has no End of Track; a clean track follows
        byte[] bytes = concat(header(1, 2, 96),
                trackWithLength(0xFFFF_FFFFL, twoNotes()),
                track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then: no events are made up from the bytes of the next chunk header
        assertThat(kinds(file)).containsExactly(Kind.OVERSIZED_TRACK_LENGTH, Kind.MISSING_END_OF_TRACK);
        assertThat(file.warnings().get(0).offset()).isEqualTo(FIRST_LENGTH_FIELD);
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(file.trackEnd(0) - file.trackStart(0)).isEqualTo(4);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E, 0x40);
        assertThat(endsWithEot(file, 1)).isTrue();
    }

    @Test
    void read_trackLengthBeyondEndOfFile_warnsOversizedTrackLengthAndKeepsEvents() throws Exception {
        // given
        byte[] bytes = concat(header(0, 1, 96), trackWithLength(0x00FF_FFFFL, twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.OVERSIZED_TRACK_LENGTH);
        assertThat(file.warnings().get(0).offset()).isEqualTo(FIRST_LENGTH_FIELD);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
        assertThat(file.eventCount()).isEqualTo(5);
        assertThat(endsWithEot(file, 0)).isTrue();
    }

    // ---------------------------------------------------------------- end of track / truncation

    @Test
    void read_trackWithoutEndOfTrack_warnsMissingEndOfTrackAndReadsFollowingTrack() throws Exception {
        // given: the first track's chunk is complete but has no FF 2F 00
        byte[] bytes = concat(header(1, 2, 96),
                track(twoNotes()),
                track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.MISSING_END_OF_TRACK);
        assertThat(file.warnings().get(0).offset()).isEqualTo(FIRST_EVENT + twoNotes().length);
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(file.trackEnd(0) - file.trackStart(0)).isEqualTo(4);
        assertThat(endsWithEot(file, 0)).isFalse();
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E, 0x40);
    }

    @Test
    void read_fileCutInTheMiddleOfAnEvent_warnsTruncatedTrackAndKeepsEarlierEvents() throws Exception {
        // given: a clean file cut after "00 90 3E" (the second note-on lacks its velocity byte)
        byte[] whole = cleanFile();
        byte[] bytes = Arrays.copyOf(whole, FIRST_EVENT + 11);

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.TRUNCATED_TRACK);
        assertThat(file.eventCount()).isEqualTo(2);
        assertThat(noteOnTicks(file)).containsExactly(0L);
        assertThat(file.tick(1)).isEqualTo(96);
        assertThat(file.isNoteOff(1)).isTrue();
    }

    // ---------------------------------------------------------------- junk and foreign chunks

    @Test
    void read_junkBeforeHeader_warnsJunkBeforeHeaderAndReadsFile() throws Exception {
        // given
        byte[] bytes = concat(bytes(0x00, 0x00, 0x13, 0x37, 0xFE), cleanFile());

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.JUNK_BEFORE_HEADER);
        assertThat(file.warnings().get(0).offset()).isZero();
        assertThat(file.warnings().get(0).detail()).startsWith("5 bytes");
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
    }

    @Test
    void read_junkBetweenChunks_warnsJunkBetweenChunksAndReadsBothTracks() throws Exception {
        // given
        byte[] first = track(twoNotes(), eot());
        byte[] bytes = concat(header(1, 2, 96), first,
                bytes(0x00, 0x01, 0xFE, 0xFF, 0x7F, 0x80, 0x02),
                track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.JUNK_BETWEEN_CHUNKS);
        assertThat(file.warnings().get(0).offset()).isEqualTo(FIRST_TRACK + first.length);
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E, 0x40);
    }

    @Test
    void read_unknownChunk_warnsUnknownChunkAndSkipsIt() throws Exception {
        // given: a vendor chunk whose content would look like events if it were read as a track
        byte[] bytes = concat(header(0, 1, 96),
                chunk("XFIH", bytes(0x00, 0x90, 0x30, 0x40, 0x00, 0x90, 0x31, 0x40)),
                track(twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.UNKNOWN_CHUNK);
        assertThat(file.warnings().get(0).offset()).isEqualTo(FIRST_TRACK);
        assertThat(file.trackCount()).isEqualTo(1);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E);
    }

    @Test
    void read_nonZeroBytesAfterLastChunk_warnsTrailingData() throws Exception {
        // given
        byte[] clean = cleanFile();
        byte[] bytes = concat(clean, ascii("saved by XYZ"));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.TRAILING_DATA);
        assertThat(file.warnings().get(0).offset()).isEqualTo(clean.length);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
    }

    @Test
    void read_zeroPaddingAfterLastChunk_hasNoWarnings() throws Exception {
        // given
        byte[] bytes = concat(cleanFile(), new byte[7]);

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(noteOnCount(file)).isEqualTo(2);
    }

    // ---------------------------------------------------------------- track counts and concatenation

    @Test
    void read_moreTracksThanHeaderDeclares_warnsTrackCountMismatchAndReadsAllTracks() throws Exception {
        // given
        byte[] bytes = concat(header(1, 1, 96),
                track(twoNotes(), eot()),
                track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.TRACK_COUNT_MISMATCH);
        assertThat(file.warnings().get(0).offset()).isEqualTo(10);
        assertThat(file.declaredTrackCount()).isEqualTo(1);
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E, 0x40);
    }

    @Test
    void read_fewerTracksThanHeaderDeclares_warnsTrackCountMismatchAndReadsPresentTracks() throws Exception {
        // given
        byte[] bytes = concat(header(1, 3, 96),
                track(twoNotes(), eot()),
                track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.TRACK_COUNT_MISMATCH);
        assertThat(file.declaredTrackCount()).isEqualTo(3);
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E, 0x40);
    }

    @Test
    void read_twoFilesConcatenated_readsFirstAndWarnsConcatenatedFiles() throws Exception {
        // given
        byte[] first = cleanFile();
        byte[] second = concat(header(0, 1, 480), track(bytes(0x00, 0x99, 0x24, 0x64, 0x10, 0x89, 0x24, 0x00), eot()));
        byte[] bytes = concat(first, second);

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.CONCATENATED_FILES);
        assertThat(file.warnings().get(0).offset()).isEqualTo(first.length);
        assertThat(file.ppq()).isEqualTo(96);
        assertThat(file.trackCount()).isEqualTo(1);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E);
    }

    // ---------------------------------------------------------------- meta events

    @Test
    void read_twoByteTimeSignature_warnsBadMetaLengthAndKeepsEvent() throws Exception {
        // given: FF 58 02 04 02 (4/4 without clocks and 32nds)
        byte[] bytes = concat(header(0, 1, 96), track(bytes(0x00, 0xFF, 0x58, 0x02, 0x04, 0x02), twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.BAD_META_LENGTH);
        assertThat(file.warnings().get(0).offset()).isEqualTo(FIRST_EVENT + 1);
        assertThat(file.metaType(0)).isEqualTo(0x58);
        assertThat(file.payload(0)).containsExactly(0x04, 0x02);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
    }

    @Test
    void read_twoByteTempo_warnsBadMetaLengthAndKeepsEvent() throws Exception {
        // given: FF 51 02 07 A1
        byte[] bytes = concat(header(0, 1, 96), track(bytes(0x00, 0xFF, 0x51, 0x02, 0x07, 0xA1), twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.BAD_META_LENGTH);
        assertThat(file.metaType(0)).isEqualTo(0x51);
        assertThat(file.payloadLength(0)).isEqualTo(2);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
    }

    @Test
    void read_metaLengthRunningPastDeclaredTrackEnd_warnsBadMetaLengthAndClamps() throws Exception {
        // given: a text event claiming 100 bytes inside a 10-byte track that is followed by another track
        byte[] bytes = concat(header(1, 2, 96),
                trackWithLength(10, bytes(0x00, 0xFF, 0x01, 0x64), ascii("abcdef")),
                track(twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).contains(Kind.BAD_META_LENGTH);
        assertThat(file.warnings().get(0).kind()).isEqualTo(Kind.BAD_META_LENGTH);
        assertThat(file.metaText(0)).isEqualTo("abcdef");
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
    }

    @Test
    void read_keySignatureModeFive_warnsInvalidKeySignatureAndKeepsEvent() throws Exception {
        // given: FF 59 02 00 05 (C, mode 5)
        byte[] bytes = concat(header(0, 1, 96), track(bytes(0x00, 0xFF, 0x59, 0x02, 0x00, 0x05), twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.INVALID_KEY_SIGNATURE);
        assertThat(file.warnings().get(0).offset()).isEqualTo(FIRST_EVENT + 1);
        assertThat(file.payload(0)).containsExactly(0x00, 0x05);
        assertThat(noteOnCount(file)).isEqualTo(2);
    }

    @Test
    void read_keySignatureSharpsOutOfRange_warnsInvalidKeySignatureAndKeepsEvent() throws Exception {
        // given: FF 59 02 09 00 (9 sharps) and FF 59 02 F6 01 (10 flats)
        byte[] bytes = concat(header(0, 1, 96), track(
                bytes(0x00, 0xFF, 0x59, 0x02, 0x09, 0x00),
                bytes(0x00, 0xFF, 0x59, 0x02, 0xF6, 0x01),
                twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.INVALID_KEY_SIGNATURE, Kind.INVALID_KEY_SIGNATURE);
        assertThat(file.warnings().get(0).detail()).contains("9");
        assertThat(file.warnings().get(1).detail()).contains("-10");
        assertThat(noteOnCount(file)).isEqualTo(2);
    }

    @Test
    void read_timeSignatureWithZeroNumerator_warnsInvalidTimeSignature() throws Exception {
        // given: FF 58 04 00 02 18 08 (0/4)
        byte[] bytes = concat(header(0, 1, 96),
                track(bytes(0x00, 0xFF, 0x58, 0x04, 0x00, 0x02, 0x18, 0x08), twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.INVALID_TIME_SIGNATURE);
        assertThat(file.payload(0)).containsExactly(0x00, 0x02, 0x18, 0x08);
        assertThat(noteOnCount(file)).isEqualTo(2);
    }

    // ---------------------------------------------------------------- status bytes

    @Test
    void read_runningStatusAcrossMetaEvent_warnsAndAppliesLastChannelStatus() throws Exception {
        // given: note-on, a text event, then "60 3E 40" relying on the note-on status from before the meta
        byte[] bytes = concat(header(0, 1, 96), track(
                bytes(0x00, 0x90, 0x3C, 0x40),
                bytes(0x00, 0xFF, 0x01, 0x03), ascii("abc"),
                bytes(0x60, 0x3E, 0x40),
                bytes(0x60, 0x3C, 0x00),
                eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.RUNNING_STATUS_ACROSS_META);
        assertThat(file.warnings().get(0).offset()).isEqualTo(FIRST_EVENT + 4 + 7 + 1);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x3E);
        assertThat(file.status(2)).isEqualTo(0x90);
        assertThat(file.status(3)).isEqualTo(0x90);
        assertThat(file.isNoteOff(3)).isTrue();
        assertThat(file.tick(3)).isEqualTo(192);
    }

    @Test
    void read_dataByteWithoutAnyStatus_warnsInvalidDataByteAndSkipsIt() throws Exception {
        // given: the track starts with data byte 0x3C and no status has been seen yet
        byte[] bytes = concat(header(0, 1, 96), track(bytes(0x00, 0x3C), twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.INVALID_DATA_BYTE);
        assertThat(file.warnings().get(0).offset()).isEqualTo(FIRST_EVENT + 1);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
        assertThat(file.eventCount()).isEqualTo(5);
    }

    @Test
    void read_dataByteAbove127InChannelMessage_warnsInvalidDataByteAndMasks() throws Exception {
        // given: note-on 3C with velocity byte 0xC0
        byte[] bytes = concat(header(0, 1, 96), track(bytes(0x00, 0x90, 0x3C, 0xC0, 0x60, 0x80, 0x3C, 0x00), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.INVALID_DATA_BYTE);
        assertThat(file.data2(0)).isEqualTo(0x40);
        assertThat(noteOnTicks(file)).containsExactly(0L);
        assertThat(file.tick(1)).isEqualTo(96);
    }

    @Test
    void read_systemCommonBytesInTrack_warnsUnexpectedStatusByteAndSkipsThem() throws Exception {
        // given: song position pointer (F2 + 2 data bytes) and song select (F3 + 1) between the notes
        byte[] bytes = concat(header(0, 1, 96), track(
                bytes(0x00, 0x90, 0x3C, 0x40),
                bytes(0x00, 0xF2, 0x10, 0x20),
                bytes(0x00, 0xF3, 0x05),
                bytes(0x60, 0x80, 0x3C, 0x00),
                bytes(0x00, 0x90, 0x3E, 0x40),
                bytes(0x60, 0x80, 0x3E, 0x00),
                eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.UNEXPECTED_STATUS_BYTE, Kind.UNEXPECTED_STATUS_BYTE);
        assertThat(file.warnings()).extracting(ParseWarning::offset).containsExactly(FIRST_EVENT + 5L, FIRST_EVENT + 9L);
        assertThat(file.eventCount()).isEqualTo(5);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
        assertThat(file.lastTick()).isEqualTo(192);
    }

    @Test
    void read_deltaTimeLongerThanFourBytes_warnsBadVariableLengthAndKeepsEventsBefore() throws Exception {
        // given: first track: one note, then a 5-byte delta; a second, clean track follows
        byte[] bytes = concat(header(1, 2, 96),
                track(bytes(0x00, 0x90, 0x3C, 0x40, 0x60, 0x80, 0x3C, 0x00),
                        bytes(0x81, 0x81, 0x81, 0x81, 0x01, 0x90, 0x3E, 0x40), eot()),
                track(bytes(0x00, 0x91, 0x40, 0x50, 0x30, 0x81, 0x40, 0x00), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then: the rest of the track (including its End of Track) is skipped, so the reader also reports
        // the missing End of Track
        assertThat(kinds(file)).containsExactly(Kind.BAD_VARIABLE_LENGTH, Kind.MISSING_END_OF_TRACK);
        assertThat(file.warnings().get(0).offset()).isEqualTo(FIRST_EVENT + 12);
        assertThat(file.trackCount()).isEqualTo(2);
        assertThat(file.trackEnd(0) - file.trackStart(0)).isEqualTo(2);
        assertThat(noteOnKeys(file)).containsExactly(0x3C, 0x40);
        assertThat(endsWithEot(file, 1)).isTrue();
    }

    @Test
    void read_moreThanHundredRepairs_keepsHundredWarningsAndAddsTooManyWarnings() throws Exception {
        // given: 150 stray system bytes (F6, tune request) each with delta 0, then a note
        byte[] stray = new byte[300];
        for (int i = 0; i < 150; i++) {
            stray[2 * i] = 0x00;
            stray[2 * i + 1] = (byte) 0xF6;
        }
        byte[] bytes = concat(header(0, 1, 96), track(stray, twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(file.warnings()).hasSize(MidiReader.MAX_WARNINGS + 1);
        assertThat(file.warnings().get(MidiReader.MAX_WARNINGS - 1).kind()).isEqualTo(Kind.UNEXPECTED_STATUS_BYTE);
        assertThat(file.warnings().get(MidiReader.MAX_WARNINGS).kind()).isEqualTo(Kind.TOO_MANY_WARNINGS);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
    }

    // ---------------------------------------------------------------- header

    @Test
    void read_smpteDivision_readsWithoutWarnings() throws Exception {
        // given: 0xE7 = -25 (25 fps), 40 ticks per frame
        byte[] bytes = concat(header(0, 1, 0xE728), track(twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(file.division().isSmpte()).isTrue();
        assertThat(file.division()).isEqualTo(Division.smpte(25, 40));
        assertThat(file.division().smpteTicksPerSecond()).isEqualTo(1000.0);
        assertThat(file.ppq()).isZero();
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
    }

    @Test
    void read_zeroPpqDivision_warnsInvalidDivisionAndUses480() throws Exception {
        // given
        byte[] bytes = concat(header(0, 1, 0), track(twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.INVALID_DIVISION);
        assertThat(file.warnings().get(0).offset()).isEqualTo(12);
        assertThat(file.ppq()).isEqualTo(480);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
    }

    @Test
    void read_smpteDivisionWithUnknownFrameRate_warnsInvalidDivision() throws Exception {
        // given: 0xEC = -20 fps, which is not a SMPTE rate
        byte[] bytes = concat(header(0, 1, 0xEC50), track(twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.INVALID_DIVISION);
        assertThat(file.division()).isEqualTo(Division.ppq(480));
        assertThat(noteOnCount(file)).isEqualTo(2);
    }

    @Test
    void read_riffRmidWrapper_readsWithoutWarnings() throws Exception {
        // given: RIFF <size> RMID, a 'data' chunk holding the SMF, then an INFO list after it
        byte[] smf = cleanFile();
        byte[] info = concat(ascii("LIST"), le32(8), ascii("INFOjunk"));
        byte[] body = concat(ascii("RMID"), ascii("data"), le32(smf.length), smf, smf.length % 2 == 1 ? bytes(0) : bytes(), info);
        byte[] bytes = concat(ascii("RIFF"), le32(body.length), body);

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(MidiReader.sniff(bytes, bytes.length)).isTrue();
        assertThat(file.ppq()).isEqualTo(96);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
        assertThat(file.payloadOffset(4)).isEqualTo(20 + FIRST_EVENT + 16 + 4);
    }

    @Test
    void read_headerLongerThanSixBytes_readsWithoutWarnings() throws Exception {
        // given: MThd length 10 with four extra bytes, which the standard allows
        byte[] bytes = concat(header(10, 0, 1, 96, bytes(0xDE, 0xAD, 0xBE, 0xEF)), track(twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(file.ppq()).isEqualTo(96);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
    }

    @Test
    void read_headerLengthFive_warnsBadHeaderLengthAndReadsAsSix() throws Exception {
        // given
        byte[] bytes = concat(header(5, 0, 1, 96, bytes()), track(twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.BAD_HEADER_LENGTH);
        assertThat(file.warnings().get(0).offset()).isEqualTo(4);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
    }

    @Test
    void read_formatThreeInHeader_warnsUnknownFormatAndReadsAsFormatOne() throws Exception {
        // given
        byte[] bytes = concat(header(3, 1, 96), track(twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.UNKNOWN_FORMAT);
        assertThat(file.warnings().get(0).offset()).isEqualTo(8);
        assertThat(file.format()).isEqualTo(1);
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
    }

    // ---------------------------------------------------------------- typed errors

    @Test
    void read_emptyArray_throwsEmpty() {
        // given
        byte[] bytes = new byte[0];

        // when
        MidiFormatException e = catchThrowableOfType(MidiFormatException.class, () -> reader.read(bytes));

        // then
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.EMPTY);
        assertThat(e.offset()).isZero();
    }

    @Test
    void read_randomText_throwsNotMidi() {
        // given
        byte[] bytes = ascii("Hello, this is a text file that was renamed to song.mid by mistake.\n");

        // when
        MidiFormatException e = catchThrowableOfType(MidiFormatException.class, () -> reader.read(bytes));

        // then
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.NOT_MIDI);
        assertThat(e.offset()).isZero();
        assertThat(e.getMessage()).contains("48 65 6c 6c");
    }

    @Test
    void read_headerOnly_throwsHeaderOnlyAtEndOfHeader() {
        // given
        byte[] bytes = header(1, 1, 96);

        // when
        MidiFormatException e = catchThrowableOfType(MidiFormatException.class, () -> reader.read(bytes));

        // then
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.HEADER_ONLY);
        assertThat(e.offset()).isEqualTo(14);
    }

    @Test
    void read_tenByteTruncatedHeader_throwsBadHeaderAtHeaderStart() {
        // given: two junk bytes, then only 10 of the 14 header bytes
        byte[] bytes = concat(bytes(0x00, 0x00), Arrays.copyOf(header(1, 1, 96), 10));

        // when
        MidiFormatException e = catchThrowableOfType(MidiFormatException.class, () -> reader.read(bytes));

        // then
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.BAD_HEADER);
        assertThat(e.offset()).isEqualTo(2);
    }

    @Test
    void read_arrayLargerThanConfiguredMaximum_throwsTooLarge() {
        // given
        byte[] bytes = cleanFile();
        MidiReader small = new MidiReader(bytes.length - 1);

        // when
        MidiFormatException e = catchThrowableOfType(MidiFormatException.class, () -> small.read(bytes));

        // then
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e.offset()).isZero();
        assertThat(e.getMessage()).contains(bytes.length + " bytes");
    }

    @Test
    void read_pathLargerThanConfiguredMaximum_throwsTooLarge(@TempDir Path dir) throws Exception {
        // given
        Path path = dir.resolve("big.mid");
        Files.write(path, cleanFile());
        MidiReader small = new MidiReader(16);

        // when
        MidiFormatException e = catchThrowableOfType(MidiFormatException.class, () -> small.read(path));

        // then
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e.offset()).isZero();
    }

    @Test
    void read_existingPath_readsFile(@TempDir Path dir) throws Exception {
        // given
        Path path = dir.resolve("song.mid");
        Files.write(path, cleanFile());

        // when
        MidiFile file = reader.read(path);

        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(noteOnTicks(file)).containsExactly(0L, 96L);
    }

    @Test
    void read_nonexistentPath_throwsUnreadable(@TempDir Path dir) {
        // given
        Path path = dir.resolve("missing.mid");

        // when
        MidiFormatException e = catchThrowableOfType(MidiFormatException.class, () -> reader.read(path));

        // then
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
        assertThat(e.offset()).isZero();
        assertThat(e.getCause()).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void constructor_nonPositiveMaximum_throwsIllegalArgumentException() {
        // given
        long zero = 0;

        // when
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class, () -> new MidiReader(zero));

        // then
        assertThat(e).isNotNull().hasMessageContaining("maxBytes=0");
    }

    @Test
    void sniff_headersTextAndJunk_recognisesOnlyMidi() {
        // given
        byte[] smf = cleanFile();
        byte[] afterJunk = concat(new byte[100], smf);
        byte[] text = ascii("MTh is almost a MIDI header; just text");

        // when
        boolean smfSniffed = MidiReader.sniff(smf, smf.length);
        boolean junkSniffed = MidiReader.sniff(afterJunk, afterJunk.length);
        boolean shortSniffed = MidiReader.sniff(afterJunk, 102);
        boolean textSniffed = MidiReader.sniff(text, text.length);

        // then
        assertThat(smfSniffed).isTrue();
        assertThat(junkSniffed).isTrue();
        assertThat(shortSniffed).isFalse();
        assertThat(textSniffed).isFalse();
    }

    @Test
    void read_lengthFieldOf0xFFFFFFFF_isNotUsedToAllocate() throws Exception {
        // given: a 4 GiB length field on a 30-byte file
        byte[] bytes = concat(header(0, 1, 96), trackWithLength(0xFFFF_FFFFL, twoNotes(), eot()));

        // when
        MidiFile file = reader.read(bytes);

        // then
        assertThat(kinds(file)).containsExactly(Kind.OVERSIZED_TRACK_LENGTH);
        assertThat(file.warnings().get(0).detail()).contains("4294967295");
        assertThat(file.eventCount()).isEqualTo(5);
        assertThat(file.source()).isSameAs(bytes);
    }
}
