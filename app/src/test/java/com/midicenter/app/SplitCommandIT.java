package com.midicenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code midicenter split} in process on a generated file (see {@link CliIT#run}). */
class SplitCommandIT {

    @TempDir
    Path tmp;

    private Path song() throws Exception {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().tempoBpm(0, 120).timeSignature(0, 4, 4);
        smf.addTrack().trackName("Bass").programChange(0, 0, 33).note(0, 0, 36, 100, 240);
        smf.addTrack().trackName("Pad").note(0, 1, 60, 80, 960).note(0, 1, 64, 80, 960);
        smf.addTrack().note(0, 9, 36, 127, 120);
        return Files.write(tmp.resolve("Song.mid"), smf.toBytes());
    }

    @Test
    void split_twice_writesThePartsAndNeverOverwrites() throws Exception {
        // given
        Path source = song();
        Path out = tmp.resolve("parts/new");

        // when
        CliIT.Run first = CliIT.run("split", source.toString(), "--out", out.toString(), "--json");
        CliIT.Run second = CliIT.run("split", source.toString(), "--out", out.toString());

        // then
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("{\"source\":").contains("\"parts\":[")
                .contains("Song - 01 Bass.mid\",\"track\":2,\"channel\":1,\"notes\":1}")
                .contains("Song - 02 Pad.mid\",\"track\":3,\"channel\":2,\"notes\":2}")
                .contains("Song - 03 Drums.mid\",\"track\":4,\"channel\":10,\"notes\":1}");
        assertThat(CliIT.json(first.out().strip())).containsEntry("source", source.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("Song - 01 Bass (2).mid").contains("Song - 03 Drums (2).mid");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "Song - 01 Bass (2).mid", "Song - 01 Bass.mid", "Song - 02 Pad (2).mid", "Song - 02 Pad.mid",
                    "Song - 03 Drums (2).mid", "Song - 03 Drums.mid");
        }
        assertThat(Files.readAllBytes(out.resolve("Song - 02 Pad.mid")))
                .isEqualTo(Files.readAllBytes(out.resolve("Song - 02 Pad (2).mid")));
        assertThat(new MidiReader().read(out.resolve("Song - 02 Pad.mid")).trackCount()).isEqualTo(2);
    }

    @Test
    void split_notMidi_exitsOneWithAClearMessage() throws Exception {
        // given
        Path text = Files.writeString(tmp.resolve("notes.mid"), "just text");
        Path out = tmp.resolve("out");

        // when
        CliIT.Run r = CliIT.run("split", text.toString(), "--out", out.toString());
        CliIT.Run missing = CliIT.run("split", tmp.resolve("nope.mid").toString(), "--out", out.toString());

        // then
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("midicenter split: cannot read " + text).contains("no MThd header found");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("cannot read");
        assertThat(out).doesNotExist();
    }

    @Test
    void splitWithImport_partsImportedIntoTheLibrary() throws Exception {
        // given
        Path source = song();
        Path home = tmp.resolve("home");

        // when
        CliIT.Run r = CliIT.run("split", source.toString(), "--out", tmp.resolve("out").toString(), "--import",
                "--home", home.toString(), "--json");
        CliIT.Run stats = CliIT.run("stats", "--home", home.toString(), "--json");

        // then
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"import\":{").contains("\"imported\":3");
        assertThat(r.out()).contains("\"parent_id\":null,\"linked\":0");
        Map<String, String> s = CliIT.json(stats.out().strip());
        assertThat(s.get("files")).isEqualTo("3");
    }

    @Test
    void splitWithImport_originalInTheLibrary_partsLinkedAndParentIdPrinted() throws Exception {
        // given: the original imported first
        Path source = song();
        Path home = tmp.resolve("home");
        CliIT.Run imported = CliIT.run("import", "--home", home.toString(), source.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();

        // when
        CliIT.Run r = CliIT.run("split", source.toString(), "--out", tmp.resolve("out").toString(), "--import",
                "--home", home.toString(), "--json");
        CliIT.Run text = CliIT.run("split", source.toString(), "--out", tmp.resolve("out2").toString(), "--import",
                "--home", home.toString());

        // then
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, String> json = CliIT.json(r.out().strip());
        assertThat(json.get("parent_id")).matches("\\d+");
        assertThat(json).containsEntry("linked", "3");
        assertThat(r.out()).containsPattern("Song - 01 Bass.mid\",\"track\":2,\"channel\":1,\"notes\":1,"
                + "\"content_id\":\\d+}");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.err()).contains("3 parts linked to the original, file #" + json.get("parent_id"));
    }
}
