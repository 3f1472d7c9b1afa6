package com.midicenter.library.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.persistence.export.ExportSource;
import org.junit.jupiter.api.Test;

class NameTemplateTest {

    private static ExportSource source(String name, Double bpm, Integer keyCode, String vendor) {
        return new ExportSource(7, "/lib/" + name, name, vendor, "Pack", bpm, keyCode, 4);
    }

    @Test
    void render_allValues_fillsEveryPlaceholder() {
        // given
        NameTemplate t = NameTemplate.parse("{bpm} {key} {name} [{vendor} {pack} {bars}] {n}");
        // when
        String name = t.render(source("Bass Loop.mid", 120.4, 19, "Acme"), 3, 120);
        // then: key code 19 = tonic 9 minor = Am
        assertThat(name).isEqualTo("120 Am Bass Loop [Acme Pack 4] 003");
    }

    @Test
    void render_missingValues_droppedWithTheirSeparators() {
        // given
        NameTemplate t = NameTemplate.parse("{bpm} - {key} - {name}");
        // when / then
        assertThat(t.render(source("Bass.mid", 120.0, null, null), 1, 1)).isEqualTo("120 - Bass");
        assertThat(t.render(source("Bass.mid", null, null, null), 1, 1)).isEqualTo("Bass");
        assertThat(NameTemplate.parse("{vendor}_{name}").render(source("Bass.mid", null, null, null), 1, 1))
                .isEqualTo("Bass");
        assertThat(NameTemplate.parse("{vendor}").render(source("Bass.mid", null, null, null), 1, 1))
                .isEqualTo("Bass");
    }

    @Test
    void render_hostileTemplatesAndValues_givePlainFileNames() {
        // given
        ExportSource evil = source("Bass.mid", null, null, "../../etc");
        // when / then
        assertThat(NameTemplate.parse("../../x/{name}").render(evil, 1, 1)).isEqualTo("x Bass");
        assertThat(NameTemplate.parse("/etc/{name}").render(evil, 1, 1)).isEqualTo("etc Bass");
        assertThat(NameTemplate.parse("C:\\Windows\\{name}").render(evil, 1, 1)).isEqualTo("C Windows Bass");
        assertThat(NameTemplate.parse("{vendor}").render(evil, 1, 1)).isEqualTo("etc");
        assertThat(NameTemplate.parse("..").render(evil, 1, 1)).isEqualTo("Bass");
        assertThat(NameTemplate.parse("{name}").render(source("..", null, null, null), 1, 1)).isEqualTo("content-7");
    }

    @Test
    void parse_unknownPlaceholder_rejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> NameTemplate.parse("{title}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{title}").hasMessageContaining("{bpm}");
    }

    /** Found by NameTemplatePropertiesTest: a cut at 150 characters split an emoji, and the name was no valid path. */
    @Test
    void render_longEmojiNameAndLoneSurrogates_cutBetweenCharactersAndEncodable() {
        // given: 149 letters then emoji, so character 150 is the first half of one; and a lone surrogate
        ExportSource emoji = source("a".repeat(149) + "🥁🥁🥁.mid", null, null, null);
        ExportSource lone = source("Bass\uD800Loop.mid", null, null, null);
        // when
        String cut = NameTemplate.parse("{name}").render(emoji, 1, 1);
        String cleaned = NameTemplate.parse("{name}").render(lone, 1, 1);
        // then
        assertThat(cut).isEqualTo("a".repeat(149));
        assertThat(cleaned).isEqualTo("Bass Loop");
        assertThat(java.nio.file.Path.of("/x").resolve(cut + ".mid").getFileName().toString()).isEqualTo(cut + ".mid");
    }
}
