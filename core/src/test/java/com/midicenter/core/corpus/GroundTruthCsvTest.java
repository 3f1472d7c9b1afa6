package com.midicenter.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthCsvTest {

    @TempDir
    Path tmp;

    @Test
    void write_fieldsWithCommasAndQuotes_readBackEqual() throws IOException {
        // given
        GroundTruth tricky = row("Vendor \"Q\"/Rhodes, Wurli & Keys/Chords/Keys 01, take \"2\".mid", FileKind.VALID, "",
                null, List.of("Cmaj7", "Am7", "Dm7", "G7"));
        GroundTruth duplicate = row("Sonido Café/Pack/Bonus/x (3).mid", FileKind.DUPLICATE, "Sonido Café/Pack/x.mid",
                null, List.of("C/E", "Fsus4", "G", "C"));
        GroundTruth corrupt = row("V/P/broken.MID", FileKind.CORRUPT, "", CorruptKind.TRUNCATED, List.of());
        Path csv = tmp.resolve("gt.csv");
        StringBuilder sb = new StringBuilder(GroundTruthCsv.HEADER);
        for (GroundTruth t : List.of(tricky, duplicate, corrupt)) {
            GroundTruthCsv.write(sb, t);
        }
        Files.writeString(csv, sb, StandardCharsets.UTF_8);
        // when
        List<GroundTruth> back = GroundTruthCsv.read(csv);
        // then
        assertThat(back).containsExactly(tricky, duplicate, corrupt);
        assertThat(sb.toString()).contains("\"Vendor \"\"Q\"\"/Rhodes, Wurli & Keys/Chords/Keys 01, take \"\"2\"\".mid\"");
        assertThat(sb.toString()).contains(",0123456789abcdef\r\n");
    }

    @Test
    void write_validRow_leavesCorruptColumnsEmpty() throws IOException {
        // given
        StringBuilder sb = new StringBuilder();
        // when
        GroundTruthCsv.write(sb, row("a.mid", FileKind.VALID, "", null, List.of()));
        // then
        assertThat(sb.toString()).startsWith("a.mid,valid,,,,V,P,Chords,chords,1,480,2,92.5,true,");
    }

    @Test
    void stream_generatedCsv_yieldsEveryRowInOrderLazily() throws IOException {
        // given
        CorpusGenerator generator = new CorpusGenerator(21L);
        CorpusSummary summary = generator.generate(300, tmp, null);
        // when
        List<GroundTruth> first10;
        try (Stream<GroundTruth> rows = GroundTruthCsv.stream(summary.groundTruthCsv())) {
            first10 = rows.limit(10).toList();
        }
        List<GroundTruth> all = GroundTruthCsv.read(summary.groundTruthCsv());
        // then
        assertThat(all).hasSize(300);
        for (int i = 0; i < 10; i++) {
            assertThat(first10.get(i)).isEqualTo(generator.file(i).truth());
        }
        assertThat(Files.readString(summary.groundTruthCsv())).startsWith(GroundTruthCsv.HEADER);
        assertThat(GroundTruthCsv.COLUMNS).hasSize(29).startsWith("path", "kind", "duplicate_of").endsWith("seed");
    }

    @Test
    void read_wrongHeader_throwsIOException() throws IOException {
        // given
        Path csv = Files.writeString(tmp.resolve("x.csv"), "a,b,c\r\n1,2,3\r\n");
        // when / then
        assertThatThrownBy(() -> GroundTruthCsv.read(csv)).isInstanceOf(IOException.class).hasMessageContaining("header");
    }

    @Test
    void read_malformedRow_throwsNamingTheRecord() throws IOException {
        // given
        Path csv = Files.writeString(tmp.resolve("x.csv"), GroundTruthCsv.HEADER + "only,three,fields\r\n");
        // when / then
        assertThatThrownBy(() -> GroundTruthCsv.read(csv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record 2").hasMessageContaining("3 fields");
    }

    @Test
    void constructor_duplicateWithoutOriginal_throwsIllegalArgument() {
        assertThatThrownBy(() -> row("a.mid", FileKind.DUPLICATE, "", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicateOf");
    }

    @Test
    void constructor_chordCountNotBars_throwsIllegalArgument() {
        assertThatThrownBy(() -> row("a.mid", FileKind.VALID, "", null, List.of("C", "G")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bars=4");
    }

    private static GroundTruth row(String path, FileKind kind, String duplicateOf, CorruptKind corrupt,
                                   List<String> chords) {
        return new GroundTruth(path, kind, duplicateOf, corrupt, corrupt != null && corrupt.recoverable(), "V", "P",
                "Chords", Part.CHORDS, 1, 480, 2, 92.5, true, true, false, "Am", true, "C", "4/4", true, 4, false,
                List.of(4, 90), List.of("piano"), chords, 16, 58, 0x0123456789abcdefL);
    }
}
