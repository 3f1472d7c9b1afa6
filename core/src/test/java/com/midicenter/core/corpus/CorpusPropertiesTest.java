package com.midicenter.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiReader;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CorpusPropertiesTest {

    private static final MidiReader READER = new MidiReader();

    @Property(tries = 300)
    void file_anySeedAndIndex_isDeterministicAndReadsAsItsTruthSays(@ForAll long seed,
                                                                      @ForAll @IntRange(min = 0, max = 5_000_000) int index)
            throws Exception {
        // given
        GeneratedFile file = new CorpusGenerator(seed).file(index);
        // when
        GeneratedFile again = new CorpusGenerator(seed).file(index);
        // then
        assertThat(again).isEqualTo(file);
        GroundTruth t = file.truth();
        if (t.kind() == FileKind.CORRUPT && !t.recoverable()) {
            return;
        }
        MidiFile midi = READER.read(file.bytes());
        assertThat(midi.warnings().isEmpty()).as(t.path() + " " + midi.warnings()).isEqualTo(t.kind() != FileKind.CORRUPT);
        if (t.kind() != FileKind.CORRUPT || t.corruptKind().eventsIntact()) {
            assertThat(MidiFacts.of(midi).noteOns()).isEqualTo(t.notes());
            assertThat(midi.trackCount()).isEqualTo(t.tracks());
        }
    }
}
