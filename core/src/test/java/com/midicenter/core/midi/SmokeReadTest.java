package com.midicenter.core.midi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeReadTest {

    @Test
    void read_builtFile_returnsNotes() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(96));
        smf.addTrack().tempoBpm(0, 100).note(0, 0, 60, 90, 96).note(96, 0, 64, 90, 96);
        // when
        MidiFile file = new MidiReader().read(smf.toBytes());
        // then
        assertThat(file.warnings()).isEmpty();
        assertThat(file.ppq()).isEqualTo(96);
        int notes = 0;
        for (int i = 0; i < file.eventCount(); i++) {
            if (file.isNoteOn(i)) {
                notes++;
            }
        }
        assertThat(notes).isEqualTo(2);
        assertThat(file.lastTick()).isEqualTo(192);
    }
}
