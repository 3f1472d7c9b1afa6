package com.midicenter.library.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.library.details.FileDetails;
import com.midicenter.library.details.FileDetailsService;
import com.midicenter.library.importing.ImportListener;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportService;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.testing.SharedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Track split into a folder, with the parts imported and linked to the original, on the embedded PostgreSQL. */
class SplitServiceIT {

    private final Database db = SharedDatabase.get();
    private final SplitService split = new SplitService(db.dataSource(), db.sqlSessionFactory());
    private final FileDetailsService details = new FileDetailsService(db.sqlSessionFactory());

    @TempDir
    Path tmp;

    @BeforeEach
    void cleanLibrary() {
        SharedDatabase.truncate("content", "location", "file_meta", "analysis_job", "tag", "file_tag",
                "import_run", "import_error", "archive_file", "search_doc", "content_part");
    }

    /** A song of three parts: bass, pad and drums, with a conductor track; {@code seed} makes its bytes its own. */
    private Path song(Path dir, String name, int seed) throws Exception {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().tempoBpm(0, 100 + seed).timeSignature(0, 4, 4);
        smf.addTrack().trackName("Bass").programChange(0, 0, 33).note(0, 0, 36 + seed, 100, 240);
        smf.addTrack().trackName("Pad").note(0, 1, 60, 80, 960).note(0, 1, 64, 80, 960);
        smf.addTrack().note(0, 9, 36, 127, 120);
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name), smf.toBytes());
    }

    private void importPaths(Path... paths) {
        new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                .run(List.of(paths), new AtomicBoolean(), ImportListener.NONE);
    }

    private long idAt(Path file) {
        try (var c = db.dataSource().getConnection();
             var ps = c.prepareStatement("SELECT content_id FROM location WHERE path = ?")) {
            ps.setString(1, file.toAbsolutePath().normalize().toString());
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).as("%s is in the library", file).isTrue();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void splitFile_originalInTheLibrary_partsImportedAsItsChildrenAndKeptOnReimport() throws Exception {
        // given
        Path original = song(tmp.resolve("lib"), "Song.mid", 0);
        importPaths(tmp.resolve("lib"));
        long parent = idAt(original);
        List<String> progress = new ArrayList<>();

        // when
        SplitResult result = split.splitFile(original, tmp.resolve("parts"), true,
                (done, total) -> progress.add(done + "/" + total), new AtomicBoolean());

        // then
        assertThat(result.parentId()).isEqualTo(parent);
        assertThat(result.cancelled()).isFalse();
        assertThat(result.imported().imported()).isEqualTo(3);
        assertThat(result.linked()).isEqualTo(3);
        assertThat(progress).containsExactly("1/3", "2/3", "3/3");
        assertThat(result.parts()).extracting(p -> p.path().getFileName().toString())
                .containsExactly("Song - 01 Bass.mid", "Song - 02 Pad.mid", "Song - 03 Drums.mid");
        assertThat(result.parts()).extracting(SplitResult.Part::partNo).containsExactly(1, 2, 3);
        assertThat(result.parts()).allSatisfy(p -> assertThat(p.contentId()).isNotNull().isNotEqualTo(parent));
        FileDetails song = details.details(parent).orElseThrow();
        assertThat(song.parent()).isNull();
        assertThat(song.children()).extracting(FileDetails.Related::name)
                .containsExactly("Song - 01 Bass.mid", "Song - 02 Pad.mid", "Song - 03 Drums.mid");
        assertThat(song.children()).extracting(FileDetails.Related::contentId)
                .containsExactlyElementsOf(result.parts().stream().map(SplitResult.Part::contentId).toList());
        FileDetails pad = details.details(result.parts().get(1).contentId()).orElseThrow();
        assertThat(pad.parent()).isEqualTo(new FileDetails.Related(parent, "Song.mid", 2));
        assertThat(pad.children()).isEmpty();

        // when: both folders imported again, and the library's file split again into another folder
        importPaths(tmp.resolve("lib"), tmp.resolve("parts"));
        SplitResult again = split.splitContent(parent, tmp.resolve("again"), true, SplitListener.NONE,
                new AtomicBoolean());

        // then: the same contents, linked once
        assertThat(details.details(parent).orElseThrow().children()).hasSize(3)
                .extracting(FileDetails.Related::partNo).containsExactly(1, 2, 3);
        assertThat(again.parentId()).isEqualTo(parent);
        assertThat(again.source()).isEqualTo(original.toAbsolutePath().normalize().toString());
        assertThat(again.imported().duplicates()).isEqualTo(3);
        assertThat(again.parts()).extracting(SplitResult.Part::contentId)
                .containsExactlyElementsOf(result.parts().stream().map(SplitResult.Part::contentId).toList());
        assertThat(details.details(result.parts().get(0).contentId()).orElseThrow().parent().contentId())
                .isEqualTo(parent);
    }

    @Test
    void splitFile_originalNotInTheLibrary_partsImportedUnlinked() throws Exception {
        // given
        Path stray = song(tmp.resolve("elsewhere"), "Stray.mid", 3);

        // when
        SplitResult result = split.splitFile(stray, tmp.resolve("parts"), true, SplitListener.NONE,
                new AtomicBoolean());

        // then
        assertThat(result.parentId()).isNull();
        assertThat(result.linked()).isZero();
        assertThat(result.parts()).hasSize(3).allSatisfy(p -> {
            assertThat(p.contentId()).isNotNull();
            assertThat(details.details(p.contentId()).orElseThrow().parent()).isNull();
        });
    }

    @Test
    void split_cancelledOrUnknownOrNotMidi_writesNothingImportsNothing() throws Exception {
        // given
        Path original = song(tmp.resolve("lib"), "Song.mid", 5);
        Path text = Files.writeString(tmp.resolve("notes.mid"), "just text");

        // when
        SplitResult cancelled = split.splitFile(original, tmp.resolve("parts"), true, SplitListener.NONE,
                new AtomicBoolean(true));

        // then
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.parts()).isEmpty();
        assertThat(cancelled.imported()).isNull();
        assertThatThrownBy(() -> split.splitContent(987_654_321L, tmp.resolve("x"), true, SplitListener.NONE,
                new AtomicBoolean())).isInstanceOf(SplitException.class).hasMessageContaining("#987654321");
        assertThatThrownBy(() -> SplitService.splitToFolder(text, tmp.resolve("y"), SplitListener.NONE,
                new AtomicBoolean())).isInstanceOf(SplitException.class).hasMessageContaining("cannot read " + text);
        assertThat(tmp.resolve("y")).doesNotExist();
    }
}
