package com.midicenter.core.tags;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilenameHintsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Deep House Chords 01 124bpm Am.mid | 124",
        "124 BPM - Trap Melody - C# minor.mid | 124",
        "DH_Bass_Loop_03_124_F#m.mid | 124",
        "BPM92 lofi keys.mid | 92",
        "Groove 92.5bpm.mid | 92.5",
        "A minor 90bpm chords.mid | 90",
        "/packs/Vendor 140/Pack/Drums_140_Kick.mid | 140",
        "Neo Soul 85 Bbm.midi | 85",
        "RG_Chords_62_90_D_major.MID | 90",
        "TP_Percussion_141_140.MID | 140",
        "TP_Topline_33_144.5_B_minor.MID | 144.5",
        "63 Synthwave Fill 91.5BPM.mid | 91.5",
        "71 Synthwave Drum Loop 110.5BPM.mid | 110.5",
        "71 Synthwave Drum Loop 110.5BPM | 110.5",
    })
    void bpm_nameWithTempo_returnsIt(String name, double expected) {
        // when / then
        assertThat(FilenameHints.bpm(name)).hasValue(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Kick Pattern 2.mid",
        "groove_07.MID",
        "Loop 120.mid",
        "Trap Melodies Vol 100.mid",
        "Chords 2019.mid",
        "Lead 1000bpm.mid",
        "808 Bass.mid",
    })
    void bpm_nameWithoutTempo_isEmpty(String name) {
        // when / then
        assertThat(FilenameHints.bpm(name)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Pop Chords 76 126bpm Abmaj.midi | 126",
        "POP_Drums_173_111.mid | 111",
        "89 BPM - Hip Hop Top Loop 150.mid | 89",
        "Trap_Lead_140_Gm.mid | 140",
        "DH_Bass_Loop_03_124_F#m.mid | 124",
        "Neo Soul 85 Bbm.midi | 85",
        "RG_Chords_90_D_major.MID | 90",
        "POP_Drums_43_124.mid | 124",
        "HS_Beat_46_122.5.mid | 122.5",
        "203 House Hook Dmaj 120.5BPM.MID | 120.5",
        "OT_Drum_Loop_45_140.mid | 140",
    })
    void strongBpm_markerOrSeveralNumbers_returnsIt(String name, double expected) {
        assertThat(FilenameHints.strongBpm(name)).hasValue(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "keys_141.mid",
        "atmospad_189.mid",
        "Melody 100 - G#m.MID",
        "Pop Toplines Vol 2 - Synth Lead 102 - C major.mid",
    })
    void strongBpm_singleBareNumber_isEmptyButBpmHasIt(String name) {
        assertThat(FilenameHints.strongBpm(name)).isEmpty();
        assertThat(FilenameHints.bpm(name)).isPresent();
    }
}
