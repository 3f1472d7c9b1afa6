package com.midicenter.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.music.MusicalKey;

import org.junit.jupiter.api.Test;

class ChordSymbolsTest {

    @Test
    void normalize_enharmonicSpellings_becomeSharpsAndCanonicalSuffixes() {
        // given / when / then
        assertThat(ChordSymbols.normalize("Bbm7/Db")).isEqualTo("A#m7/C#");
        assertThat(ChordSymbols.normalize("Ebmin7")).isEqualTo("D#m7");
        assertThat(ChordSymbols.normalize("C/C")).isEqualTo("C");
        assertThat(ChordSymbols.normalize("Gbmaj7")).isEqualTo("F#maj7");
        assertThat(ChordSymbols.normalize(" N ")).isEqualTo("N");
        assertThat(ChordSymbols.normalize("Cwhatever")).isEqualTo("Cwhatever");
    }

    @Test
    void same_enharmonicChords_compareEqual() {
        // given / when / then
        assertThat(ChordSymbols.same("Db/F", "C#/E#")).isTrue();
        assertThat(ChordSymbols.same("Db/F", "C#/F")).isTrue();
        assertThat(ChordSymbols.same("Bm7b5", "Bø")).isTrue();
        assertThat(ChordSymbols.same("Am", "A")).isFalse();
    }

    @Test
    void usesFlats_keys_followTheirSignatureWithSharpsOnSixAccidentalTies() {
        // given / when / then
        assertThat(ChordSymbols.usesFlats(MusicalKey.parse("F").orElseThrow())).isTrue();
        assertThat(ChordSymbols.usesFlats(MusicalKey.parse("Cm").orElseThrow())).isTrue();
        assertThat(ChordSymbols.usesFlats(MusicalKey.parse("F#").orElseThrow())).isFalse();
        assertThat(ChordSymbols.usesFlats(MusicalKey.parse("Ebm").orElseThrow())).isFalse(); // D#m, 6 sharps
        assertThat(ChordSymbols.usesFlats(MusicalKey.parse("C").orElseThrow())).isFalse();
        assertThat(ChordSymbols.usesFlats(null)).isFalse();
        assertThat(ChordSymbols.noteName(10, MusicalKey.parse("Dm").orElseThrow())).isEqualTo("Bb");
        assertThat(ChordSymbols.noteName(10, MusicalKey.parse("B").orElseThrow())).isEqualTo("A#");
    }
}
