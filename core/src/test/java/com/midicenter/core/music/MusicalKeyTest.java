package com.midicenter.core.music;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MusicalKeyTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "Am, Am, 8A", "A minor, Am, 8A", "a min, Am, 8A", "F#m, F#m, 11A", "F#min, F#m, 11A", "Gbm, F#m, 11A",
        "C, C, 8B", "C major, C, 8B", "Eb, Eb, 5B", "D#, Eb, 5B", "Bbm, Bbm, 3A", "A#m, Bbm, 3A", "C sharp minor, C#m, 12A",
        "B, B, 1B", "Ab, Ab, 4B", "8A, Am, 8A", "12b, E, 12B", "1A, G#m, 1A", "Db, Db, 3B", "E flat major, Eb, 5B",
    })
    void parse_spellings_canonicalNameAndCamelot(String text, String name, String camelot) {
        // when
        MusicalKey key = MusicalKey.parse(text).orElseThrow();
        // then
        assertThat(key.name()).isEqualTo(name);
        assertThat(key.camelot()).isEqualTo(camelot);
    }

    @Test
    void parse_notAKey_isEmpty() {
        assertThat(MusicalKey.parse("bass")).isEmpty();
        assertThat(MusicalKey.parse("H")).isEmpty();
        assertThat(MusicalKey.parse("13A")).isEmpty();
        assertThat(MusicalKey.parse("")).isEmpty();
    }

    @Test
    void relative_minorAndMajor_shareCamelotNumber() {
        // given
        MusicalKey aMinor = MusicalKey.parse("Am").orElseThrow();
        // when / then
        assertThat(aMinor.relative().name()).isEqualTo("C");
        assertThat(aMinor.relative().relative()).isEqualTo(aMinor);
        for (int pc = 0; pc < 12; pc++) {
            MusicalKey major = new MusicalKey(pc, false);
            assertThat(major.relative().camelot()).isEqualTo(major.camelot().replace('B', 'A'));
            assertThat(MusicalKey.parse(major.camelot())).contains(major);
        }
    }

    @Test
    void compatible_amAndBMajor_relativeAndCamelotNeighboursWrapAround() {
        MusicalKey am = MusicalKey.parse("Am").orElseThrow();     // 8A
        MusicalKey b = MusicalKey.parse("B").orElseThrow();       // 1B: neighbours 12B (E) and 2B (F#)
        assertThat(am.compatible()).extracting(MusicalKey::name).containsExactly("Am", "C", "Dm", "Em");
        assertThat(b.compatible()).extracting(MusicalKey::name).containsExactly("B", "G#m", "E", "F#");
    }

    @Test
    void code_roundTripsEveryKey() {
        for (int code = 0; code < 24; code++) {
            assertThat(MusicalKey.ofCode(code).code()).isEqualTo(code);
        }
        assertThat(MusicalKey.parse("F#m").orElseThrow().code()).isEqualTo(13);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MusicalKey.ofCode(24))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
