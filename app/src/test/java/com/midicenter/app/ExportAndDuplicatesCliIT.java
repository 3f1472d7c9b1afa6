package com.midicenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} and {@code duplicates} end to end, in process, against a real embedded library. */
class ExportAndDuplicatesCliIT {

    @TempDir
    Path tmp;

    private static byte[] loop(int ppq, String trackName, int key) {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(ppq));
        smf.addTrack().tempoBpm(0, 120).timeSignature(0, 4, 4);
        SmfBuilder.Track t = smf.addTrack().trackName(trackName).programChange(0, 0, 33);
        for (int beat = 0; beat < 16; beat++) {
            t.note((long) beat * ppq, 0, key + (beat % 3), 100, ppq / 2);
        }
        return smf.toBytes();
    }

    @Test
    void exportAndDuplicates_smallLibrary_filesCopiedAndDuplicatesListed() throws Exception {
        // given: a copy at two paths, and the same notes at another resolution
        Path lib = tmp.resolve("lib");
        Files.createDirectories(lib.resolve("a"));
        Files.createDirectories(lib.resolve("b"));
        byte[] bass = loop(480, "Bass", 36);
        Files.write(lib.resolve("a/Quux Bass.mid"), bass);
        Files.write(lib.resolve("b/Quux Bass copy.mid"), bass);
        Files.write(lib.resolve("b/Quux Bass hires.mid"), loop(960, "Other name", 36));
        Files.write(lib.resolve("a/Lead.mid"), loop(480, "Lead", 60));
        String home = tmp.resolve("home").toString();
        assertThat(CliIT.run("import", "--analyze", "--home", home, lib.toString()).exit()).isZero();
        Path out = tmp.resolve("out.zip");

        // when
        CliIT.Run export = CliIT.run("export", "--home", home, "quux", "--sort", "name", "--to", out.toString(),
                "--name", "{bpm} {name}", "--json");
        CliIT.Run hostile = CliIT.run("export", "--home", home, "quux", "--to", tmp.resolve("dir").toString(),
                "--name", "../../{name}");
        CliIT.Run badTemplate = CliIT.run("export", "--home", home, "--to", tmp.resolve("x").toString(),
                "--name", "{title}");
        CliIT.Run byPath = CliIT.run("duplicates", "--home", home, "--json");
        CliIT.Run musical = CliIT.run("duplicates", "--home", home, "--musical", "--json");
        CliIT.Run text = CliIT.run("duplicates", "--home", home);
        CliIT.Run lead = CliIT.run("search", "--home", home, "lead", "--json");
        CliIT.Run quux = CliIT.run("search", "--home", home, "quux", "--sort", "name", "--json");
        String leadId = CliIT.json(lead.out().strip().replaceAll("^.*\"results\":\\[", "")).get("id");
        var bassHit = CliIT.json(quux.out().strip().replaceAll("^.*\"results\":\\[", ""));
        String bassId = bassHit.get("id");
        CliIT.run("collection", "create", "Crate", "--home", home);
        CliIT.run("collection", "add", "Crate", leadId, bassId, "--home", home);
        CliIT.Run crate = CliIT.run("export", "--home", home, "--collection", "Crate", "--to",
                tmp.resolve("crate").toString(), "--name", "{n} {name}", "--json");
        CliIT.Run noCrate = CliIT.run("export", "--home", home, "--collection", "Nope", "--to",
                tmp.resolve("nope").toString());
        CliIT.Run hiding = CliIT.run("search", "--home", home, "quux", "--hide-duplicates", "--json");
        CliIT.Run showing = CliIT.run("search", "--home", home, "quux", "--json");

        // then
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(CliIT.json(export.out().strip())).containsEntry("exported", "2").containsEntry("failed", "0");
        try (ZipFile z = new ZipFile(out.toFile())) {
            // the copy at two paths is exported once, from the path the search shows
            assertThat(z.stream().map(ZipEntry::getName)).hasSize(2).contains("120 Quux Bass hires.mid")
                    .containsAnyOf("120 Quux Bass.mid", "120 Quux Bass copy.mid");
        }
        assertThat(hostile.exit()).isZero();
        try (var files = Files.list(tmp.resolve("dir"))) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(2).contains("Quux Bass hires.mid");
        }
        assertThat(badTemplate.exit()).isEqualTo(2);
        assertThat(badTemplate.err()).contains("{title}");
        assertThat(byPath.exit()).isZero();
        assertThat(CliIT.json(byPath.out().strip())).containsEntry("contents", "1").containsEntry("extra_copies", "1")
                .containsEntry("wasted_bytes", Integer.toString(bass.length));
        assertThat(musical.exit()).isZero();
        assertThat(musical.err()).as("the scan's progress, on stderr").contains("musical");
        assertThat(CliIT.json(musical.out().strip())).containsEntry("groups_total", "1")
                .containsEntry("stored", "true").containsEntry("hidden", "1");
        assertThat(crate.exit()).as(crate.err()).isZero();
        assertThat(CliIT.json(crate.out().strip())).containsEntry("exported", "2");
        try (var files = Files.list(tmp.resolve("crate"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("1 Lead.mid",
                    "2 " + bassHit.get("name"));
        }
        assertThat(noCrate.exit()).isEqualTo(1);
        assertThat(noCrate.err().strip()).isEqualTo("midicenter export: there is no collection 'Nope'");
        assertThat(text.out()).doesNotContain("hidden"); // the path listing says nothing of the musical scan
        assertThat(CliIT.json(hiding.out().strip())).as(hiding.err()).containsEntry("total", "1");
        assertThat(CliIT.json(showing.out().strip())).containsEntry("total", "2");
        assertThat(musical.out()).contains("Quux Bass hires.mid").doesNotContain("Lead.mid");
        assertThat(text.out()).contains("1 files at several paths", lib.resolve("b/Quux Bass copy.mid").toString());
    }
}
