package com.midicenter.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MusicTheoryTest {

    @Test
    void name_all24Keys_followTheDocumentedSpellingTable() {
        // given / when
        List<String> names = new ArrayList<>();
        for (int k = 0; k < 24; k++) {
            names.add(MusicKey.of(k).name());
        }
        // then
        assertThat(names).containsExactly("C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B",
                "Cm", "C#m", "Dm", "D#m", "Em", "Fm", "F#m", "Gm", "G#m", "Am", "Bbm", "Bm");
    }

    @Test
    void parse_everyNameAndEnharmonicForm_givesTheKey() {
        for (int k = 0; k < 24; k++) {
            // given
            MusicKey key = MusicKey.of(k);
            // when / then
            assertThat(MusicKey.parse(key.name())).contains(key);
            String mode = key.minor() ? " minor" : " major";
            assertThat(MusicKey.parse(key.noteName(key.tonic()) + mode)).contains(key);
            key.enharmonicTonicName().ifPresent(n -> assertThat(MusicKey.parse(n + (key.minor() ? "m" : ""))).contains(key));
        }
        assertThat(MusicKey.parse("Bass")).isEmpty();
        assertThat(MusicKey.parse("H")).isEmpty();
    }

    @Test
    void sharpsOrFlats_relativeKeys_shareTheirSignature() {
        for (int tonic = 0; tonic < 12; tonic++) {
            assertThat(new MusicKey((tonic + 9) % 12, true).sharpsOrFlats())
                    .isEqualTo(new MusicKey(tonic, false).sharpsOrFlats());
        }
    }

    @Test
    void parse_everyProgression_startsOnTheTonicAndStaysInTheKey() {
        for (String progression : Progressions.all()) {
            for (int tonic = 0; tonic < 12; tonic++) {
                // given
                MusicKey key = new MusicKey(tonic, Progressions.isMinor(progression));
                // when
                List<Chord> chords = Progressions.parse(key, progression);
                // then
                assertThat(chords).hasSize(4);
                assertThat(chords.get(0).root()).as(progression).isEqualTo(tonic);
                int leadingTone = (tonic + 11) % 12;
                for (Chord c : chords) {
                    for (int i = 0; i < c.size(); i++) {
                        int pc = c.tone(i);
                        assertThat(key.inScale(pc) || (key.minor() && pc == leadingTone))
                                .as(progression + " in " + key.name() + ": " + c.symbol(key)).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void symbol_inversionsAndQualities_useTheKeySpelling() {
        // given
        MusicKey c = new MusicKey(0, false);
        MusicKey bbMinor = new MusicKey(10, true);
        MusicKey fSharp = new MusicKey(6, false);
        // when / then
        assertThat(Progressions.parse(c, "I V/3 vi IV").stream().map(ch -> ch.symbol(c)).toList())
                .containsExactly("C", "G/B", "Am", "F");
        assertThat(Progressions.parse(c, "Imaj7 vi7 ii7 Vsus4").stream().map(ch -> ch.symbol(c)).toList())
                .containsExactly("Cmaj7", "Am7", "Dm7", "Gsus4");
        assertThat(Progressions.parse(bbMinor, "i7 iim7b5 V7 i7").stream().map(ch -> ch.symbol(bbMinor)).toList())
                .containsExactly("Bbm7", "Cm7b5", "F7", "Bbm7");
        assertThat(Progressions.chord(fSharp, "viio").symbol(fSharp)).isEqualTo("Fdim");
        assertThat(Progressions.chord(c, "IV/5").symbol(c)).isEqualTo("F/C");
    }

    @Test
    void voicings_everyChord_putTheBassLowest() {
        for (String progression : Progressions.all()) {
            MusicKey key = new MusicKey(4, Progressions.isMinor(progression));
            for (Chord chord : Progressions.parse(key, progression)) {
                int[] low = Harmony.withLowBass(chord, 52, true);
                int[] stacked = Harmony.stacked(chord);
                assertThat(low[0] % 12).isEqualTo(chord.bass());
                assertThat(stacked[0] % 12).isEqualTo(chord.bass());
                for (int i = 1; i < low.length; i++) {
                    assertThat(low[i]).isGreaterThan(low[0]);
                }
                assertThat(stacked).isSorted().doesNotHaveDuplicates();
            }
        }
    }
}
