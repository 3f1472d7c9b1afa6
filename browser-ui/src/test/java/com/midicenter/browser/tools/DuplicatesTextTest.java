package com.midicenter.browser.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.library.duplicates.MusicalDuplicate;
import com.midicenter.library.duplicates.MusicalScan;
import com.midicenter.persistence.duplicates.DuplicateTotals;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words of the duplicates view and the tools' sizes and folders. */
class DuplicatesTextTest {

    static MusicalDuplicate group(long... ids) {
        List<MusicalDuplicate.Member> members = new java.util.ArrayList<>();
        for (long id : ids) {
            members.add(new MusicalDuplicate.Member(id, "/m/" + id + ".mid", 100));
        }
        return new MusicalDuplicate("ab12", members);
    }

    @Test
    void totalsText_someAndNone_countsCopiesAndWaste() {
        assertThat(DuplicatesDialog.totalsText(new DuplicateTotals(12, 15, 49_357)))
                .isEqualTo("12 files at several paths: 15 extra copies, 48.2 KB wasted");
        assertThat(DuplicatesDialog.totalsText(new DuplicateTotals(1, 1, 300)))
                .isEqualTo("1 file at several paths: 1 extra copy, 300 bytes wasted");
        assertThat(DuplicatesDialog.totalsText(new DuplicateTotals(0, 0, 0))).isEqualTo("No file is at several paths.");
    }

    @Test
    void scanText_completeScan_saysWhatHideDuplicatesHides() {
        MusicalScan scan = new MusicalScan(List.of(group(1, 2, 3), group(7, 9)), 40, 1, false);

        assertThat(DuplicatesDialog.scanText(scan)).isEqualTo("2 groups of files with the same notes (40 files"
                + " compared, 1 unreadable); \"Hide duplicates\" hides 3");
    }

    @Test
    void scanText_cancelled_saysItWasNotStored() {
        MusicalScan scan = new MusicalScan(List.of(group(1, 2)), 10, 0, true);

        assertThat(DuplicatesDialog.scanText(scan)).startsWith("Stopped: 1 group of files with the same notes (10 files"
                + " compared)").endsWith("not stored: \"Hide duplicates\" keeps the last complete scan");
    }

    @Test
    void size_unitsOf1024() {
        assertThat(Desktops.size(0)).isEqualTo("0 bytes");
        assertThat(Desktops.size(1023)).isEqualTo("1,023 bytes");
        assertThat(Desktops.size(1536)).isEqualTo("1.5 KB");
        assertThat(Desktops.size(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GB");
    }

    @Test
    void folderOf_fileAndArchiveMember_theFolderOnDisk() {
        assertThat(Desktops.folderOf("/music/Pack/a.mid")).isEqualTo(Path.of("/music/Pack"));
        assertThat(Desktops.folderOf("/music/packs/loops.zip!/Drums/b.mid")).isEqualTo(Path.of("/music/packs"));
    }
}
