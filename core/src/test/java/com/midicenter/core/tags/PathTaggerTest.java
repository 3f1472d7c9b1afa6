package com.midicenter.core.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathTaggerTest {

    private final PathTagger tagger = new PathTagger();

    @Test
    void tag_loopPackLayout_vendorPackPartGenreTempoKey() {
        // when
        PathTags t = tagger.tag(List.of("Prime Grooves", "Deep House Essentials", "Bass"), "DH_Bass_Loop_03_124_F#m.mid");
        // then
        assertThat(t.vendor()).isEqualTo("Prime Grooves");
        assertThat(t.pack()).isEqualTo("Deep House Essentials");
        assertThat(t.parts()).containsExactly("bass");
        assertThat(t.genres()).containsExactly("deep house");
        assertThat(t.bpm()).isEqualTo(124.0);
        assertThat(t.key().name()).isEqualTo("F#m");
    }

    @Test
    void tag_wordyName_keyWithModeWordAndBars() {
        // when
        PathTags t = tagger.tag(List.of("Trap Melodies Vol 2.zip"), "140 BPM - Trap Melody - C# minor (8 Bars).mid");
        // then
        assertThat(t.vendor()).isNull();
        assertThat(t.pack()).isEqualTo("Trap Melodies Vol 2");
        assertThat(t.genres()).containsExactly("trap");
        assertThat(t.parts()).contains("melody");
        assertThat(t.bpm()).isEqualTo(140.0);
        assertThat(t.key().name()).isEqualTo("C#m");
        assertThat(t.bars()).isEqualTo(8);
    }

    @Test
    void tag_meterAndDrumWords_recognised() {
        // when
        PathTags t = tagger.tag(List.of("Grooves", "Jazz Drums"), "Jazz Waltz Hi Hat Ride 3-4 96bpm.mid");
        // then
        assertThat(t.meter()).isEqualTo("3/4");
        assertThat(t.parts()).contains("hihat", "cymbal", "drums");
        assertThat(t.genres()).contains("jazz");
        assertThat(t.key()).isNull();
    }

    @Test
    void tag_noMusicalFacts_onlyFolders() {
        // when
        PathTags t = tagger.tag(List.of(), "Untitled 7.mid");
        // then
        assertThat(t.tags()).isEmpty();
    }

    @Test
    void tag_bareTonicAtEnd_majorKey() {
        // when / then
        assertThat(tagger.tag(List.of(), "Neo Soul Keys 85 Eb.mid").key().name()).isEqualTo("Eb");
        assertThat(tagger.tag(List.of(), "A minor 90bpm chords.mid").key().name()).isEqualTo("Am");
        assertThat(tagger.tag(List.of(), "Chords Amazing.mid").key()).isNull();
    }

    @Test
    void tags_allFacts_stableCategories() {
        // when
        List<PathTags.Tag> tags = tagger.tag(List.of("V", "P"), "House Chords 124bpm Am 4 bars 6-8.mid").tags();
        // then
        assertThat(tags).extracting(PathTags.Tag::category)
                .containsExactly("vendor", "pack", "part", "genre", "bpm", "key", "bars", "meter");
        assertThat(tags).extracting(PathTags.Tag::name)
                .containsExactly("V", "P", "chords", "house", "124", "Am", "4", "6/8");
    }
}
