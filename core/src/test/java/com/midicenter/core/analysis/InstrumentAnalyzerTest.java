package com.midicenter.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;

import java.util.List;

import org.junit.jupiter.api.Test;

class InstrumentAnalyzerTest {

    private static final int PPQ = 480;
    private final InstrumentAnalyzer analyzer = new InstrumentAnalyzer();

    private InstrumentResult analyze(SmfBuilder smf, List<String> pathWords) throws Exception {
        MidiFile file = new MidiReader().read(smf.toBytes());
        return analyzer.analyze(file, Notes.of(file), pathWords);
    }

    /** A format 1 file with one unnamed-or-named track of four notes from {@code low} on {@code channel}. */
    private static SmfBuilder oneTrack(String name, int channel, int program, int low) {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        smf.addTrack().tempoBpm(0, 120);
        SmfBuilder.Track t = smf.addTrack();
        if (name != null) {
            t.trackName(name);
        }
        if (program >= 0) {
            t.programChange(0, channel, program);
        }
        for (int k = 0; k < 4; k++) {
            t.note((long) k * PPQ, channel, low + 2 * k, 90, PPQ / 2);
        }
        return smf;
    }

    @Test
    void analyze_programlessLoopInBassFolder_bass() throws Exception {
        // given: notes around middle C, no program, no name, in a "Bass" folder
        SmfBuilder smf = oneTrack(null, 0, -1, 60);
        // when
        InstrumentResult r = analyze(smf, List.of("bass"));
        // then
        assertThat(r.channels()).containsExactly(new ChannelInstrument(1, -1, "Piano", "bass", null));
        assertThat(r.categories()).containsExactly("bass");
    }

    @Test
    void analyze_programlessNamelessLoopNowhere_pianoOrBassByRegister() throws Exception {
        // given
        SmfBuilder high = oneTrack(null, 0, -1, 60);
        SmfBuilder low = oneTrack(null, 0, -1, 33);
        // when / then
        assertThat(analyze(high, List.of()).categories()).containsExactly("piano");
        assertThat(analyze(low, List.of()).categories()).containsExactly("bass");
    }

    @Test
    void analyze_programs_mapToCategories() throws Exception {
        // given / when / then
        assertThat(analyze(oneTrack(null, 0, 33, 40), List.of()).channels().get(0))
                .isEqualTo(new ChannelInstrument(1, 33, "Bass", "bass", null));
        assertThat(analyze(oneTrack(null, 2, 4, 60), List.of()).categories()).containsExactly("keys");
        assertThat(analyze(oneTrack(null, 2, 89, 60), List.of()).categories()).containsExactly("pad");
        assertThat(analyze(oneTrack(null, 2, 81, 60), List.of()).categories()).containsExactly("lead");
        assertThat(analyze(oneTrack(null, 2, 48, 60), List.of()).categories()).containsExactly("strings");
        assertThat(analyze(oneTrack(null, 2, 61, 60), List.of()).categories()).containsExactly("brass");
        assertThat(analyze(oneTrack(null, 2, 25, 60), List.of()).categories()).containsExactly("guitar");
        assertThat(analyze(oneTrack(null, 2, 107, 60), List.of()).categories()).containsExactly("pluck");
    }

    @Test
    void analyze_trackNames_refineTheCategory() throws Exception {
        // given / when / then: without a program the name decides
        assertThat(analyze(oneTrack("Rhodes", 0, -1, 60), List.of()).categories()).containsExactly("keys");
        assertThat(analyze(oneTrack("Warm Pad", 0, -1, 60), List.of()).categories()).containsExactly("pad");
        assertThat(analyze(oneTrack("Pluck Arp", 0, -1, 60), List.of()).categories()).containsExactly("pluck");
        assertThat(analyze(oneTrack("Synth Lead", 0, -1, 60), List.of()).categories()).containsExactly("lead");
        assertThat(analyze(oneTrack("E-Piano", 0, -1, 60), List.of()).categories()).containsExactly("keys");
        // a bass name wins over any program: an 808 on a sine lead
        assertThat(analyze(oneTrack("808", 0, 80, 36), List.of()).categories()).containsExactly("bass");
        // program 0 is piano unless the name names another instrument; a role word does not
        assertThat(analyze(oneTrack("Strings", 0, 0, 60), List.of()).categories()).containsExactly("strings");
        assertThat(analyze(oneTrack("Lead", 0, 0, 60), List.of()).categories()).containsExactly("piano");
        // a specific program wins over a name
        assertThat(analyze(oneTrack("Pad", 0, 4, 60), List.of()).categories()).containsExactly("keys");
        assertThat(analyze(oneTrack("Sub", 0, -1, 60), List.of()).channels().get(0).trackName()).isEqualTo("Sub");
    }

    @Test
    void analyze_drumsAndPercussionOnChannel10() throws Exception {
        // given
        SmfBuilder kit = oneTrack("Drums", 9, -1, 36);
        SmfBuilder congas = new SmfBuilder(0, Division.ppq(PPQ));
        congas.addTrack().note(0, 9, 62, 90, 60).note(PPQ, 9, 64, 90, 60);
        // when / then
        assertThat(analyze(kit, List.of()).channels())
                .containsExactly(new ChannelInstrument(10, -1, "Drums", "drums", "Drums"));
        assertThat(analyze(congas, List.of()).categories()).containsExactly("percussion");
    }

    @Test
    void analyze_formatZeroKit_ignoresTheSharedTitleAndSortsCategories() throws Exception {
        // given: one track titled "Bass Groove" holding drums, a bass (program 38) and program-less chords
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack().trackName("Bass Groove").programChange(0, 1, 38);
        t.note(0, 9, 36, 100, 60).note(0, 1, 36, 100, PPQ).note(0, 2, 60, 80, PPQ).note(0, 2, 64, 80, PPQ);
        // when
        InstrumentResult r = analyze(smf, List.of("bass"));
        // then: the chords channel is not called bass by the title or the path
        assertThat(r.categories()).containsExactly("bass", "drums", "piano");
        assertThat(r.channels()).extracting(ChannelInstrument::channel).containsExactly(2, 3, 10);
    }

    @Test
    void analyze_noNotes_empty() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().programChange(0, 0, 33);
        // when
        InstrumentResult r = analyze(smf, List.of());
        // then
        assertThat(r.channels()).isEmpty();
        assertThat(r.categories()).isEmpty();
    }

    @Test
    void programCategory_everyProgram_isAKnownCategory() {
        for (int p = 0; p < 128; p++) {
            // given / when / then
            assertThat(InstrumentAnalyzer.CATEGORIES).contains(InstrumentAnalyzer.programCategory(p));
        }
        assertThat(InstrumentAnalyzer.programCategory(0)).isEqualTo("piano");
        assertThat(InstrumentAnalyzer.programCategory(38)).isEqualTo("bass");
        assertThat(InstrumentAnalyzer.programCategory(92)).isEqualTo("pad");
        assertThat(InstrumentAnalyzer.programCategory(125)).isEqualTo("fx");
    }
}
