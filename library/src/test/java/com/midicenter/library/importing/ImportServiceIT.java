package com.midicenter.library.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.library.testing.Archives;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.testing.SharedDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import pipeline end to end against the real embedded PostgreSQL. */
class ImportServiceIT {

    @TempDir
    Path tmp;

    Database db;

    /** The library under test: the shared embedded one here; an external server in {@link ImportServiceExternalIT}. */
    Database library() {
        return SharedDatabase.get();
    }

    @BeforeEach
    void cleanLibrary() throws SQLException {
        db = library();
        try (Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("TRUNCATE content, location, file_meta, analysis_job, tag, import_run, import_error, archive_file"
                    + " RESTART IDENTITY CASCADE");
        }
    }

    private ImportResult importAll(Path root) {
        return new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults().withBatchSize(3))
                .run(List.of(root), new AtomicBoolean(), ImportListener.NONE);
    }

    static byte[] midi(int key, double bpm) {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().tempoBpm(0, bpm).timeSignature(0, 4, 4);
        SmfBuilder.Track t = smf.addTrack().trackName("Part " + key).programChange(0, 0, 33);
        for (int beat = 0; beat < 16; beat++) {
            t.note(beat * 480L, 0, key + (beat % 3), 100, 240);
        }
        return smf.toBytes();
    }

    static byte[] zip(String[] names, byte[][] contents) throws IOException {
        return Archives.zip(names, contents);
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /**
     * The tree: 4 good files (1 a byte-identical copy), 1 corrupt, 1 text file, a symlink loop, 1 zip with a nested
     * zip and a zip-slip entry.
     */
    private Path libraryTree() throws IOException {
        Path root = tmp.resolve("MIDI");
        write(root.resolve("Prime Grooves/Deep House Essentials/Bass/DH_Bass_Loop_03_124_F#m.mid"), midi(42, 124));
        write(root.resolve("Prime Grooves/Deep House Essentials/Bonus/DH_Bass_Loop_03_124_F#m copy.mid"), midi(42, 124));
        write(root.resolve("Prime Grooves/Deep House Essentials/Chords/Chords 124bpm Am.mid"), midi(57, 124));
        write(root.resolve("Loose/no extension midi"), midi(60, 90));
        write(root.resolve("Loose/broken.mid"), "this is not a MIDI file at all".getBytes(StandardCharsets.US_ASCII));
        write(root.resolve("Loose/readme.txt"), "Thanks for buying".getBytes(StandardCharsets.US_ASCII));
        // a symbolic link back up the tree: followed once, never in a loop
        Files.createSymbolicLink(root.resolve("Loose/back to the top"), root);
        byte[] nested = zip(new String[] {"Inner Lead 140bpm Gm.mid"}, new byte[][] {midi(67, 140)});
        write(root.resolve("Trap Melodies Vol 2.zip"), zip(
                new String[] {"Melodies/Trap Melody 140 C#m.mid", "Extras.zip", "../../escape.mid", "notes.txt"},
                new byte[][] {midi(61, 140), nested, midi(30, 100), "x".getBytes(StandardCharsets.US_ASCII)}));
        return root;
    }

    @Test
    void run_freshTree_countsAddUpAndEverythingIsStored() throws Exception {
        // given
        Path root = libraryTree();
        // when
        ImportResult r = importAll(root);
        // then: 4 plain MIDI (one a copy) + broken + 1 zip member + 1 nested member + 1 zip-slip entry = 8 scanned
        assertThat(r.scanned()).isEqualTo(8);
        assertThat(r.imported()).isEqualTo(5);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.errors()).isEqualTo(2);
        assertThat(r.unchanged()).isZero();
        assertThat(r.scanned()).isEqualTo(r.imported() + r.duplicates() + r.errors() + r.unchanged());
        assertThat(count("SELECT count(*) FROM content")).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM location")).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM file_meta")).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM analysis_job WHERE state = 'pending'")).isEqualTo(5);
        assertThat(strings("SELECT kind FROM import_error ORDER BY kind")).containsExactly("not_midi", "unsafe_archive_path");
        assertThat(strings("SELECT path FROM location WHERE container IS NOT NULL ORDER BY path")).containsExactly(
                root.resolve("Trap Melodies Vol 2.zip") + "!/Extras.zip!/Inner Lead 140bpm Gm.mid",
                root.resolve("Trap Melodies Vol 2.zip") + "!/Melodies/Trap Melody 140 C#m.mid");
        assertThat(Files.exists(tmp.resolve("escape.mid"))).isFalse();
        assertThat(count("SELECT count(*) FROM import_run WHERE status = 'finished' AND scanned = 8")).isEqualTo(1);
    }

    @Test
    void run_knownNames_extractsTagsAndMetadata() throws Exception {
        // given
        Path root = libraryTree();
        // when
        importAll(root);
        // then
        String bass = root.resolve("Prime Grooves/Deep House Essentials/Bass/DH_Bass_Loop_03_124_F#m.mid").toString();
        assertThat(strings("SELECT t.category || ':' || t.name FROM location l"
                + " JOIN tag t ON t.id = ANY (l.path_tag_ids) WHERE l.path = '" + bass.replace("'", "''") + "' ORDER BY 1"))
                .contains("vendor:Prime Grooves", "pack:Deep House Essentials", "part:bass", "genre:deep house",
                        "bpm:124", "key:F#m");
        assertThat(strings("SELECT vendor || '/' || pack FROM location WHERE path = '" + bass.replace("'", "''") + "'"))
                .containsExactly("Prime Grooves/Deep House Essentials");
        String zipped = root.resolve("Trap Melodies Vol 2.zip") + "!/Melodies/Trap Melody 140 C#m.mid";
        assertThat(strings("SELECT t.category || ':' || t.name FROM location l"
                + " JOIN tag t ON t.id = ANY (l.path_tag_ids) WHERE l.path = '" + zipped + "' ORDER BY 1"))
                .contains("pack:Trap Melodies Vol 2", "genre:trap", "part:melody", "bpm:140", "key:C#m");
        assertThat(strings("SELECT m.bpm || ' ' || m.bpm_source || ' ' || m.notes || ' ' || m.meter FROM location l"
                + " JOIN file_meta m ON m.content_id = l.content_id WHERE l.path = '" + bass.replace("'", "''") + "'"))
                .containsExactly("124 meta 16 4/4");
    }

    @Test
    void run_secondTimeUnchanged_skipsEverything() throws Exception {
        // given
        Path root = libraryTree();
        importAll(root);
        // when
        ImportResult again = importAll(root);
        // then
        assertThat(again.unchanged()).isEqualTo(8);
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isZero();
        assertThat(again.errors()).isZero();
        assertThat(again.missing()).isZero();
        assertThat(count("SELECT count(*) FROM location")).isEqualTo(6);
    }

    @Test
    void run_afterAddChangeDelete_picksUpEachChange() throws Exception {
        // given
        Path root = libraryTree();
        importAll(root);
        Path changed = root.resolve("Prime Grooves/Deep House Essentials/Chords/Chords 124bpm Am.mid");
        Files.write(changed, midi(59, 124));
        Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 5000));
        write(root.resolve("Loose/New Pad 100bpm.mid"), midi(48, 100));
        Files.delete(root.resolve("Loose/no extension midi"));
        // when
        ImportResult r = importAll(root);
        // then
        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.missing()).isEqualTo(1);
        assertThat(r.unchanged()).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM location WHERE missing")).isEqualTo(1);
        assertThat(strings("SELECT file_name FROM location WHERE missing")).containsExactly("no extension midi");
        assertThat(count("SELECT count(*) FROM location l JOIN content c ON c.id = l.content_id WHERE l.path = '"
                + changed + "' AND c.first_run_id = " + r.runId())).isEqualTo(1);
    }

    @Test
    void run_zipBomb_stopsAtTheBudgetAndRecordsIt() throws Exception {
        // given: 8 members of 1 MiB of zeros each (a few KB compressed) against a 2 MiB budget
        String[] names = new String[8];
        byte[][] contents = new byte[8][];
        for (int i = 0; i < 8; i++) {
            names[i] = "bomb" + i + ".mid";
            contents[i] = new byte[1 << 20];
        }
        Path root = tmp.resolve("bombs");
        write(root.resolve("bomb.zip"), zip(names, contents));
        ImportService service = new ImportService(db.dataSource(), db.sqlSessionFactory(),
                ImportOptions.defaults().withMaxArchiveBytes(2L << 20));
        // when
        ImportResult r = service.run(List.of(root), new AtomicBoolean(), ImportListener.NONE);
        // then
        assertThat(strings("SELECT kind FROM import_error WHERE kind = 'archive_too_large'")).hasSize(1);
        assertThat(r.imported()).isZero();
        assertThat(r.scanned()).isLessThan(8);
    }

    @Test
    void run_cancelledBeforeStart_storesNothingAndSaysSo() throws Exception {
        // given
        Path root = libraryTree();
        // when
        ImportResult r = new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                .run(List.of(root), new AtomicBoolean(true), ImportListener.NONE);
        // then
        assertThat(r.cancelled()).isTrue();
        assertThat(count("SELECT count(*) FROM location")).isZero();
        assertThat(strings("SELECT status FROM import_run")).containsExactly("cancelled");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static byte[] sevenZ(String[] names, byte[][] contents) throws IOException {
        return Archives.sevenZ(names, contents);
    }

    @Test
    void run_sevenZipArchives_membersAndNestedImportedEscapeRefused() throws Exception {
        // given: a 7z with two loops, a zip-slip name and a damaged member; a zip holding a 7z; a 7z that is not one
        Path root = tmp.resolve("seven");
        write(root.resolve("Lo-Fi Keys.7z"), sevenZ(
                new String[] {"Keys/Lofi Keys 84bpm Dm.mid", "Keys/Lofi Keys 86bpm Em.mid", "../evil.mid", "readme.txt"},
                new byte[][] {midi(50, 84), midi(52, 86), midi(55, 90), "thanks".getBytes(StandardCharsets.US_ASCII)}));
        write(root.resolve("Bundle.zip"), zip(new String[] {"Inner Pack.7z"},
                new byte[][] {sevenZ(new String[] {"Inner Bass 100bpm.mid"}, new byte[][] {midi(36, 100)})}));
        write(root.resolve("Broken.7z"), "7z? no".getBytes(StandardCharsets.US_ASCII));
        // when
        ImportResult r = importAll(root);
        ImportResult again = importAll(root);
        // then
        assertThat(r.imported()).isEqualTo(3);
        assertThat(strings("SELECT path FROM location ORDER BY path")).containsExactly(
                root.resolve("Bundle.zip") + "!/Inner Pack.7z!/Inner Bass 100bpm.mid",
                root.resolve("Lo-Fi Keys.7z") + "!/Keys/Lofi Keys 84bpm Dm.mid",
                root.resolve("Lo-Fi Keys.7z") + "!/Keys/Lofi Keys 86bpm Em.mid");
        assertThat(strings("SELECT kind FROM import_error ORDER BY kind")).containsExactly("bad_archive", "unsafe_archive_path");
        assertThat(strings("SELECT reason FROM import_error WHERE kind = 'bad_archive'")).singleElement()
                .asString().startsWith("not a readable archive: ").doesNotContain("null");
        assertThat(strings("SELECT m.bpm || ' ' || t.name FROM location l JOIN file_meta m ON m.content_id = l.content_id"
                + " JOIN tag t ON t.id = ANY (l.path_tag_ids) AND t.category = 'key' WHERE l.path LIKE '%84bpm Dm.mid'"))
                .containsExactly("84 Dm");
        assertThat(again.unchanged()).isEqualTo(r.scanned());
        assertThat(Files.exists(tmp.resolve("evil.mid"))).isFalse();
    }

    /** Member names that try to leave the archive, in zip and 7z: each refused with its own error, nothing written. */
    @Test
    void run_zipSlipNamesAndSymlinksInZipAnd7z_refusedPerMember() throws Exception {
        // given
        String[] hostile = {"../up.mid", "a/../../up2.mid", "/abs.mid", "..\\back.mid", "a\\..\\..\\back2.mid",
            "C:\\drive.mid", "C:/drive2.mid", "\\\\server\\share\\unc.mid", "ok/../../../../../../tmp/deep.mid"};
        String[] names = java.util.Arrays.copyOf(hostile, hostile.length + 1);
        names[hostile.length] = "ok/Fine Keys 100bpm.mid";
        byte[][] contents = new byte[names.length][];
        java.util.Arrays.fill(contents, midi(60, 100));
        contents[names.length - 1] = midi(62, 100);
        Path root = tmp.resolve("slip");
        write(root.resolve("Slip.zip"), com.midicenter.library.testing.Archives.zipWithSymlink(names, contents,
                "link.mid", "/etc/passwd"));
        write(root.resolve("Slip.7z"), com.midicenter.library.testing.Archives.sevenZWithSymlink(names, contents,
                "link2.mid", "../../../../etc/passwd"));
        // when
        ImportResult r = importAll(root);
        // then: the one good member of each imported (one content), every hostile name refused by name
        assertThat(r.imported()).isEqualTo(1);
        assertThat(r.duplicates()).isEqualTo(1);
        List<String> refused = strings("SELECT path FROM import_error WHERE kind = 'unsafe_archive_path' ORDER BY path");
        assertThat(refused).hasSize(2 * hostile.length);
        for (String name : hostile) {
            String slashed = name.replace('\\', '/');
            assertThat(refused).contains(root.resolve("Slip.zip") + "!/" + slashed, root.resolve("Slip.7z") + "!/" + slashed);
        }
        assertThat(strings("SELECT DISTINCT reason FROM import_error WHERE kind = 'unsafe_archive_path'"))
                .containsExactly("archive member path escapes the archive (zip slip); refused");
        // the symbolic links are members holding a path, never followed: not MIDI
        assertThat(strings("SELECT kind || ' ' || path FROM import_error WHERE path LIKE '%link%' ORDER BY path"))
                .containsExactly("not_midi " + root.resolve("Slip.7z") + "!/link2.mid",
                        "not_midi " + root.resolve("Slip.zip") + "!/link.mid");
        assertThat(strings("SELECT path FROM location ORDER BY path")).containsExactly(
                root.resolve("Slip.7z") + "!/ok/Fine Keys 100bpm.mid", root.resolve("Slip.zip") + "!/ok/Fine Keys 100bpm.mid");
        try (java.util.stream.Stream<Path> files = Files.walk(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("up") || n.startsWith("back") || n.contains("drive") || n.equals("deep.mid"));
        }
    }

    /** Zip bombs of three kinds, in zip and 7z: huge ratio, deep nesting, many members. */
    @Test
    void run_sevenZipBombDeepNestingAndManyMembers_eachRefusedWithItsError() throws Exception {
        // given: a 7z of 8 x 1 MiB of zeros against a 2 MiB budget
        String[] names = new String[8];
        byte[][] zeros = new byte[8][];
        for (int i = 0; i < 8; i++) {
            names[i] = "bomb" + i + ".mid";
            zeros[i] = new byte[1 << 20];
        }
        Path root = tmp.resolve("bombs7");
        write(root.resolve("ratio.7z"), com.midicenter.library.testing.Archives.sevenZ(names, zeros));
        // archives nested 5 deep (zip, 7z, zip, 7z, zip) with a loop at the bottom
        byte[] nested = zip(new String[] {"Bottom 100bpm.mid"}, new byte[][] {midi(40, 100)});
        for (int level = 4; level >= 1; level--) {
            nested = level % 2 == 0
                    ? com.midicenter.library.testing.Archives.sevenZ(new String[] {"level" + (level + 1) + ".zip"}, new byte[][] {nested})
                    : zip(new String[] {"level" + (level + 1) + (level == 3 ? ".7z" : ".7z")}, new byte[][] {nested});
        }
        write(root.resolve("deep.zip"), nested);
        // a zip of 100,001 empty members, then a loop that is never reached
        int many = com.midicenter.library.importing.FileImporter.MAX_ARCHIVE_MEMBERS + 1;
        String[] manyNames = new String[many + 1];
        byte[][] manyContents = new byte[many + 1][];
        for (int i = 0; i < many; i++) {
            manyNames[i] = "e" + i + ".txt";
            manyContents[i] = new byte[0];
        }
        manyNames[many] = "Last 90bpm.mid";
        manyContents[many] = midi(50, 90);
        write(root.resolve("many.zip"), zip(manyNames, manyContents));
        ImportService service = new ImportService(db.dataSource(), db.sqlSessionFactory(),
                ImportOptions.defaults().withMaxArchiveBytes(2L << 20));
        // when
        ImportResult r = service.run(List.of(root), new AtomicBoolean(), ImportListener.NONE);
        // then
        assertThat(strings("SELECT kind || ' ' || path FROM import_error WHERE kind LIKE 'archive_too%' ORDER BY path"))
                .containsExactly("archive_too_deep " + root.resolve("deep.zip") + "!/level2.7z!/level3.zip!/level4.7z",
                        "archive_too_many_members " + root.resolve("many.zip") + "!/",
                        "archive_too_large " + root.resolve("ratio.7z") + "!/");
        assertThat(strings("SELECT reason FROM import_error WHERE kind = 'archive_too_many_members'")).singleElement()
                .asString().contains("more than 100000 members");
        assertThat(strings("SELECT reason FROM import_error WHERE kind = 'archive_too_deep'")).singleElement()
                .asString().contains("nested more than 3 deep");
        assertThat(r.imported()).isZero();
    }
}
