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
}
