package com.midicenter.browser.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void key_codes_areSpelledAsProducersReadThem() {
        assertThat(Cells.key(13)).isEqualTo("F#m"); // tonic 6, minor
        assertThat(Cells.key(19)).isEqualTo("Am");
        assertThat(Cells.key(0)).isEqualTo("C");
        assertThat(Cells.key(6)).isEqualTo("Eb");
        assertThat(Cells.key(null)).isEmpty();
    }

    @Test
    void bpm_wholeAndFractional_dropsTheUselessDecimal() {
        assertThat(Cells.bpm(120.0)).isEqualTo("120");
        assertThat(Cells.bpm(92.54)).isEqualTo("92.5");
        assertThat(Cells.bpm(null)).isEmpty();
    }

    @Test
    void duration_seconds_areMinutesAndSeconds() {
        assertThat(Cells.duration(8.0)).isEqualTo("0:08");
        assertThat(Cells.duration(221.4)).isEqualTo("3:41");
        assertThat(Cells.duration(3723.0)).isEqualTo("1:02:03");
    }

    @Test
    void instruments_list_isCommaSeparated() {
        assertThat(Cells.instruments(List.of("bass", "keys"))).isEqualTo("bass, keys");
    }
}
