package com.midicenter.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternBuilderTest {

    private static final int PPQ = 480;

    /** The pattern's events as "beat:kind:key" strings, e.g. {@code 1.5:on:64}. */
    private static List<String> events(Pattern p) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            int st = p.status()[i] & 0xFF;
            String kind = switch (st & 0xF0) {
                case 0x80 -> "off";
                case 0x90 -> "on";
                case 0xC0 -> "program";
                case 0xB0 -> "cc" + p.data1()[i];
                default -> Integer.toHexString(st);
            };
            int value = (st & 0xF0) == 0xB0 ? p.data2()[i] : p.data1()[i];
            out.add(p.beats()[i] + ":" + kind + ":" + value);
        }
        return out;
    }

    @Test
    void fromBytes_fourBarsOf44_exactBeatsLoopOf16AndFirstTempo() throws Exception {
        // given: 4 bars of 4/4 at 100 BPM (a later tempo change), a program, the last note ending at the loop's end
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        smf.addTrack().tempoBpm(0, 100).tempoBpm(4 * PPQ, 140).timeSignature(0, 4, 4);
        smf.addTrack().programChange(0, 0, 33)
                .note(0, 0, 60, 100, PPQ)
                .note(PPQ * 3 / 2, 0, 64, 90, PPQ / 2)
                .note(15 * PPQ, 0, 67, 80, PPQ);

        // when
        Pattern p = PatternBuilder.fromBytes(smf.toBytes());

        // then
        assertThat(p.lengthBeats()).isEqualTo(16.0);
        assertThat(p.bpm()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(events(p)).containsExactly(
                "0.0:off:67", "0.0:program:33", "0.0:on:60",
                "1.0:off:60", "1.5:on:64", "2.0:off:64", "15.0:on:67");
        assertThat(p.data2()[2]).isEqualTo((byte) 100);
    }

    @Test
    void fromBytes_twoBarsOf34_loopsOverSixBeats() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().timeSignature(0, 3, 4).note(0, 0, 48, 100, PPQ).note(5 * PPQ, 0, 50, 100, PPQ);

        // when
        Pattern p = PatternBuilder.fromBytes(smf.toBytes());

        // then
        assertThat(p.lengthBeats()).isEqualTo(6.0);
        assertThat(p.bpm()).isEqualTo(PatternBuilder.DEFAULT_BPM);
        assertThat(events(p)).containsExactly("0.0:off:50", "0.0:on:48", "1.0:off:48", "5.0:on:50");
    }

    @Test
    void fromBytes_twoBarsOf68_loopsOverSixQuarterBeatsWithEighthsAtHalfBeats() throws Exception {
        // given: 6/8, eighth notes on the second eighth of each bar, file ends with bar 2
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().timeSignature(0, 6, 8)
                .note(PPQ / 2, 9, 42, 100, PPQ / 2)
                .note(3 * PPQ + PPQ / 2, 9, 42, 100, PPQ / 2)
                .noteOff(6 * PPQ, 0, 0);

        // when
        Pattern p = PatternBuilder.fromBytes(smf.toBytes());

        // then: a 6/8 bar is three quarter-note beats
        assertThat(p.lengthBeats()).isEqualTo(6.0);
        assertThat(events(p)).containsExactly("0.5:on:42", "1.0:off:42", "3.5:on:42", "4.0:off:42");
        assertThat(p.status()[0]).isEqualTo((byte) 0x99);
    }

    @Test
    void fromBytes_pickupBarThenTwoBarsOf44_loopHoldsThePickup() throws Exception {
        // given: a one-beat pickup (1/4), then 4/4 from beat 1
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().timeSignature(0, 1, 4).timeSignature(PPQ, 4, 4)
                .note(0, 0, 55, 100, PPQ)
                .note(PPQ, 0, 60, 100, 8 * PPQ);

        // when
        Pattern p = PatternBuilder.fromBytes(smf.toBytes());

        // then: 1 + 2 * 4 beats, the downbeat at beat 1
        assertThat(p.lengthBeats()).isEqualTo(9.0);
        assertThat(events(p)).containsExactly("0.0:off:60", "0.0:on:55", "1.0:off:55", "1.0:on:60");
    }

    @Test
    void fromBytes_overlappingNotesOfOneKey_earlierEndsWhereTheLaterStarts() throws Exception {
        // given: two C4s overlapping by a beat, an E4 overlapping both (another key: untouched)
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack()
                .note(0, 0, 60, 100, 2 * PPQ)
                .note(PPQ, 0, 60, 110, 2 * PPQ)
                .note(0, 0, 64, 100, 3 * PPQ)
                .noteOff(4 * PPQ, 1, 0);

        // when
        Pattern p = PatternBuilder.fromBytes(smf.toBytes());

        // then: off before on at beat 1, one note-off per note-on (the file's on, on, off, off of one key is paired
        // last-in-first-out by Notes: the second C4 ends at beat 2, the first is cut where the second starts)
        assertThat(p.lengthBeats()).isEqualTo(4.0);
        assertThat(events(p)).containsExactly(
                "0.0:on:60", "0.0:on:64", "1.0:off:60", "1.0:on:60", "2.0:off:60", "3.0:off:64");
    }

    @Test
    void fromBytes_noteLongerThanTheLoop_cutAtTheLoopEndWrappedToBeatZero() throws Exception {
        // given: a bar of 4/4 and a note ringing a sliver past it (less than a sixteenth of a bar: no new bar)
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().note(0, 0, 60, 100, PPQ).note(2 * PPQ, 0, 62, 100, 2 * PPQ + 60);

        // when
        Pattern p = PatternBuilder.fromBytes(smf.toBytes());

        // then
        assertThat(p.lengthBeats()).isEqualTo(4.0);
        assertThat(events(p)).containsExactly("0.0:off:62", "0.0:on:60", "1.0:off:60", "2.0:on:62");
        for (double beat : p.beats()) {
            assertThat(beat).isGreaterThanOrEqualTo(0).isLessThan(p.lengthBeats());
        }
    }

    @Test
    void fromBytes_sustainPedalDownAtTheEnd_releasedAtTheWrap() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().controlChange(0, 0, 64, 127).controlChange(PPQ, 0, 64, 0).controlChange(2 * PPQ, 0, 64, 127)
                .controlChange(2 * PPQ, 0, 7, 90) // volume: not taken
                .note(0, 0, 60, 100, 4 * PPQ);

        // when
        Pattern p = PatternBuilder.fromBytes(smf.toBytes());

        // then
        assertThat(events(p)).containsExactly("0.0:cc64:0", "0.0:off:60", "0.0:cc64:127", "0.0:on:60",
                "1.0:cc64:0", "2.0:cc64:127");
    }

    @Test
    void of_200000Notes_cappedAtMaxEventsKeepingTheEarliest() throws Exception {
        // given: 200,000 sixteenth notes one after another
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track track = smf.addTrack();
        for (int i = 0; i < 200_000; i++) {
            track.note((long) i * PPQ / 4, 0, 36 + i % 48, 100, PPQ / 4);
        }

        // when
        long t0 = System.nanoTime();
        Pattern p = PatternBuilder.fromBytes(smf.toBytes());
        long ms = (System.nanoTime() - t0) / 1_000_000;

        // then: the first 32,768 notes (on and off each), the loop still the whole file
        assertThat(p.size()).isEqualTo(Pattern.MAX_EVENTS);
        assertThat(p.lengthBeats()).isEqualTo(50_000.0);
        assertThat(events(p).subList(0, 4)).containsExactly("0.0:on:36", "0.25:off:36", "0.25:on:37", "0.5:off:37");
        assertThat(p.beats()[p.size() - 1]).isEqualTo(Pattern.MAX_EVENTS / 2 * 0.25);
        assertThat(p.status()[p.size() - 1] & 0xF0).isEqualTo(0x80);
        long ons = events(p).stream().filter(e -> e.contains(":on:")).count();
        assertThat(ons).isEqualTo(p.size() / 2);
        for (int i = 1; i < p.size(); i++) {
            assertThat(p.beats()[i]).isGreaterThanOrEqualTo(p.beats()[i - 1]);
        }
        System.out.printf("PatternBuilderTest: 200,000 notes -> %d events in %d ms%n", p.size(), ms);
    }

    @Test
    void of_capCuttingBetweenOnAndOff_leavesTheOnOut() throws Exception {
        // given: a long note then short ones; a cap of 5 events falls between the long note's on and off
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().note(0, 0, 40, 100, 3 * PPQ).note(0, 0, 60, 100, PPQ).note(PPQ, 0, 62, 100, PPQ)
                .noteOff(4 * PPQ, 0, 0);

        // when
        Pattern p = PatternBuilder.of(new com.midicenter.core.midi.MidiReader().read(smf.toBytes()), 5);

        // then: 40's off is the 6th event, so 40's on goes; 60 and 62 play whole
        assertThat(events(p)).containsExactly("0.0:on:60", "1.0:off:60", "1.0:on:62", "2.0:off:62");
    }
}
