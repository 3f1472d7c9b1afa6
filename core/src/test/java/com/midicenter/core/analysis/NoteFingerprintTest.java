package com.midicenter.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;
import org.junit.jupiter.api.Test;

class NoteFingerprintTest {

    private static String print(SmfBuilder smf) throws Exception {
        return NoteFingerprint.of(new MidiReader().read(smf.toBytes()));
    }

    /** Two notes starting together (pitch 60 then 64 at tick 0), then one; {@code swap} writes the pair reversed. */
    private static SmfBuilder chord(int ppq, boolean swap, int format, int velocity) {
        SmfBuilder smf = new SmfBuilder(format, Division.ppq(ppq));
        SmfBuilder.Track t = smf.addTrack().trackName(swap ? "B" : "A");
        t.note(0, 0, swap ? 64 : 60, velocity, ppq);
        t.note(0, 0, swap ? 60 : 64, velocity, ppq);
        t.note(ppq, 1, 67, velocity, ppq / 2);
        return smf;
    }

    @Test
    void of_sameNotesOtherPpqOrderNamesAndVelocities_equal() throws Exception {
        assertThat(print(chord(960, true, 0, 50))).isEqualTo(print(chord(480, false, 1, 100)))
                .isEqualTo(print(chord(96, false, 1, 100)));
    }

    @Test
    void of_otherPitchChannelOrTiming_differs() throws Exception {
        String base = print(chord(480, false, 1, 100));
        SmfBuilder otherChannel = new SmfBuilder(1, Division.ppq(480));
        otherChannel.addTrack().note(0, 0, 60, 100, 480).note(0, 0, 64, 100, 480).note(480, 2, 67, 100, 240);
        SmfBuilder later = new SmfBuilder(1, Division.ppq(480));
        later.addTrack().note(0, 0, 60, 100, 480).note(0, 0, 64, 100, 480).note(481, 1, 67, 100, 240);
        assertThat(print(otherChannel)).isNotEqualTo(base);
        assertThat(print(later)).isNotEqualTo(base);
    }
}
