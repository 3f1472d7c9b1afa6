package com.midicenter.persistence.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchDocStreamTest {

    /** A COPY text line of the stream's 19 columns. */
    private static String line(String name, String tsv, String instruments, String tags) {
        return String.join("\t", "42", name, "\\N", "Pack\\tTab", tsv, "120.5", "9", "4/4", "8", "16.25", instruments,
                "t", tags, "f", "\\N", "f", "1700000000123456", "-5", "77") + "\n";
    }

    @Test
    void parse_copyTextLine_readsEveryColumnAndUnescapes() {
        // given
        SearchDocStream.Row row = new SearchDocStream.Row();

        // when
        SearchDocStream.parse(line("deep\\\\house", "'bass':3A,8C 'deep':1A 'drums':9", "{bass,\"hi hat\"}", "{3,17}"), row);

        // then
        assertThat(row.contentId).isEqualTo(42);
        assertThat(row.name).isEqualTo("deep\\house");
        assertThat(row.vendor).isNull();
        assertThat(row.pack).isEqualTo("Pack\tTab");
        assertThat(row.lexemes).containsExactly("bass", "deep", "drums");
        assertThat(List.of(row.weights.get(0), row.weights.get(1), row.weights.get(2))).containsExactly(3, 3, 0);
        assertThat(row.bpm).isEqualTo(120.5f);
        assertThat(row.keyCode).isEqualTo(9);
        assertThat(row.meter).isEqualTo("4/4");
        assertThat(row.bars).isEqualTo(8);
        assertThat(row.durationSec).isEqualTo(16.25f);
        assertThat(row.instruments).containsExactly("bass", "hi hat");
        assertThat(row.hasDrums).isTrue();
        assertThat(List.of(row.tagIds.get(0), row.tagIds.get(1))).containsExactly(3, 17);
        assertThat(row.rating).isZero();
        assertThat(row.failed).isFalse();
        assertThat(row.addedMicros).isEqualTo(1_700_000_000_123_456L);
        assertThat(row.hasPrints).isTrue();
        assertThat(row.rhythmPrint).isEqualTo(-5);
        assertThat(row.pitchPrint).isEqualTo(77);
    }

    @Test
    void parseTsvector_quotesBackslashesAndBestWeight() {
        // given: tsvector output doubles quotes and escapes backslashes; B beats C, D has no letter
        SearchDocStream.Row row = new SearchDocStream.Row();

        // when
        SearchDocStream.parseTsvector("'it''s':2C,5B 'a\\\\b':1 'x y':4A", row);

        // then
        assertThat(row.lexemes).containsExactly("it's", "a\\b", "x y");
        assertThat(List.of(row.weights.get(0), row.weights.get(1), row.weights.get(2))).containsExactly(2, 0, 3);
    }

    @Test
    void parseArray_emptyNullAndQuotedElements() {
        List<String> out = new ArrayList<>();
        SearchDocStream.parseArray("{}", out);
        SearchDocStream.parseArray(null, out);
        assertThat(out).isEmpty();
        SearchDocStream.parseArray("{NULL,\"NULL\",\"a,b\",\"q\\\"x\"}", out);
        assertThat(out).containsExactly("NULL", "a,b", "q\"x");
    }

    @Test
    void parse_wrongColumnCount_failsClearly() {
        assertThatThrownBy(() -> SearchDocStream.parse("1\t2\t3\n", new SearchDocStream.Row()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected 19");
    }
}
