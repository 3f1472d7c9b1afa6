package com.midicenter.browser.dnd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.core.music.MusicalKey;
import com.midicenter.persistence.search.SearchHit;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.table.AbstractTableModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileDragHandler}, {@link FileTransferable} and {@link DragCache} without a display. */
class FileDragHandlerTest {

    private static final int A_MINOR = MusicalKey.parse("Am").orElseThrow().code();

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "drag-copy-test");
        t.setDaemon(true);
        return t;
    });
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private DragCache cache() {
        return new DragCache(dir.resolve("drag-cache"), DragCache.DEFAULT_MAX_BYTES);
    }

    private FileDragHandler handler(DragCache cache) {
        return new FileDragHandler(row -> null, cache, executor, problems::add);
    }

    /** An A minor bass line (A2 C3 E3) with a drum hit, at 100 BPM. */
    static byte[] bassLine() {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().tempoBpm(0, 100).timeSignature(0, 4, 4);
        smf.addTrack().trackName("Bass").note(0, 0, 45, 100, 240).note(480, 0, 48, 100, 240).note(960, 0, 52, 100, 240)
                .note(0, 9, 36, 120, 120);
        return smf.toBytes();
    }

    private Path midiFile(String name) throws Exception {
        Path file = dir.resolve("library").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bassLine());
    }

    static SearchHit hit(long contentId, String path, String name, Double bpm, Integer keyCode) {
        return new SearchHit(contentId, path, name, null, null, bpm, keyCode, "4/4", 1, 2.4, List.of(), true, false,
                null, "analyzed", null, null, null, null);
    }

    @Test
    void transferableFor_plainFilesAsIs_offersThreeFlavorsOfTheSamePaths() throws Exception {
        // given
        Path a = midiFile("Bass Line 1.mid");
        Path b = midiFile("Keys #2 100%.mid");
        FileDragHandler handler = handler(cache());

        // when
        FileTransferable t = handler.transferableFor(List.of(hit(1, a.toString(), "Bass Line 1.mid", 100.0, A_MINOR),
                hit(2, b.toString(), "Keys #2 100%.mid", 100.0, A_MINOR)));

        // then
        assertThat(t.isReady()).isTrue();
        assertThat(t.getTransferDataFlavors()).containsExactly(DataFlavor.javaFileListFlavor,
                FileTransferable.URI_LIST_FLAVOR, DataFlavor.stringFlavor);
        assertThat(FileTransferable.URI_LIST_FLAVOR.getMimeType()).isEqualTo("text/uri-list; class=java.lang.String");
        assertThat(t.getTransferData(DataFlavor.javaFileListFlavor)).isEqualTo(List.of(a.toFile(), b.toFile()));
        String folder = dir.resolve("library").toUri().toASCIIString();
        assertThat(folder).startsWith("file:///").endsWith("/");
        assertThat(t.getTransferData(FileTransferable.URI_LIST_FLAVOR))
                .isEqualTo(folder + "Bass%20Line%201.mid\r\n" + folder + "Keys%20%232%20100%25.mid\r\n");
        assertThat(t.getTransferData(DataFlavor.stringFlavor)).isEqualTo(a + "\n" + b);
        assertThat(dir.resolve("drag-cache")).doesNotExist();
        assertThat(problems).isEmpty();
    }

    @Test
    void uriList_nonAsciiAndReservedCharacters_percentEncodedUtf8WithCrlf() {
        assumeThat(System.getProperty("sun.jnu.encoding")).as("file names are UTF-8").isEqualToIgnoringCase("UTF-8");
        // when
        String list = FileTransferable.uriList(List.of(Path.of("/music/Café Bass (Am) ü.mid"), Path.of("/a/b?.mid")));

        // then
        assertThat(list).isEqualTo("file:///music/Caf%C3%A9%20Bass%20(Am)%20%C3%BC.mid\r\nfile:///a/b%3F.mid\r\n");
    }

    @Test
    void transferableFor_archiveMember_extractedIntoTheCacheBeforeTheDrop() throws Exception {
        // given
        Path zip = dir.resolve("pack.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("Bass/Deep Bass.mid"));
            z.write(bassLine());
            z.closeEntry();
        }
        DragCache cache = cache();
        FileDragHandler handler = handler(cache);

        // when
        FileTransferable t = handler.transferableFor(
                List.of(hit(7, zip + "!/Bass/Deep Bass.mid", "Deep Bass.mid", 100.0, A_MINOR)));
        List<Path> files = t.files();

        // then
        Path expected = cache.folder().resolve("7").resolve("Deep Bass.mid");
        assertThat(files).containsExactly(expected);
        assertThat(Files.readAllBytes(expected)).isEqualTo(bassLine());
        assertThat(t.getTransferData(FileTransferable.URI_LIST_FLAVOR)).isEqualTo(expected.toUri().toASCIIString()
                + "\r\n");
        assertThat(problems).isEmpty();
    }

    @Test
    void transferableFor_targetKeyAndBpm_writesATransposedRetimedCopyThatReadsBack() throws Exception {
        // given: A minor file, target D major (relative B minor: up two) at 124 BPM
        Path a = midiFile("Bass Line.mid");
        DragCache cache = cache();
        FileDragHandler handler = handler(cache);
        handler.setOptions(new DragOptions(MusicalKey.parse("D").orElseThrow(), 124.0));

        // when
        List<Path> files = handler.transferableFor(List.of(hit(3, a.toString(), "Bass Line.mid", 100.0, A_MINOR)))
                .files();

        // then
        assertThat(files).containsExactly(cache.folder().resolve("3").resolve("Bass Line (Bm 124 BPM).mid"));
        MidiFile copy = new MidiReader().read(files.get(0));
        List<String> notes = new ArrayList<>();
        double bpm = 0;
        for (int i = 0; i < copy.eventCount(); i++) {
            if (copy.isNoteOn(i)) {
                notes.add(copy.channel(i) + ":" + copy.data1(i));
            }
            if (copy.isMeta(i) && copy.metaType(i) == 0x51) {
                bpm = 60_000_000.0 / (copy.payloadByte(i, 0) << 16 | copy.payloadByte(i, 1) << 8 | copy.payloadByte(i, 2));
            }
        }
        assertThat(notes).containsExactly("0:47", "9:36", "0:50", "0:54"); // drums untouched
        assertThat(bpm).isCloseTo(124.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Files.readAllBytes(a)).isEqualTo(bassLine()); // the library file is not touched
    }

    @Test
    void transferableFor_sameCopyAgain_reusesTheFileWrittenBefore() throws Exception {
        // given
        Path a = midiFile("Bass Line.mid");
        FileDragHandler handler = handler(cache());
        handler.setOptions(new DragOptions(MusicalKey.parse("Gm").orElseThrow(), null));
        SearchHit hit = hit(3, a.toString(), "Bass Line.mid", 100.0, A_MINOR);
        Path first = handler.transferableFor(List.of(hit)).files().get(0);
        byte[] marker = "already made".getBytes(StandardCharsets.US_ASCII);
        Files.write(first, marker);

        // when
        Path second = handler.transferableFor(List.of(hit)).files().get(0);

        // then
        assertThat(second).isEqualTo(first).hasFileName("Bass Line (Gm).mid");
        assertThat(Files.readAllBytes(second)).isEqualTo(marker);
    }

    @Test
    void transferableFor_keyTheFileIsInAlready_dragsThePlainFileWithoutACopy() throws Exception {
        // given: A minor asked into C major (its relative) at the tempo it has
        Path a = midiFile("Bass Line.mid");
        FileDragHandler handler = handler(cache());
        handler.setOptions(new DragOptions(MusicalKey.parse("C").orElseThrow(), 100.0));

        // when
        FileTransferable t = handler.transferableFor(List.of(hit(3, a.toString(), "Bass Line.mid", 100.0, A_MINOR)));

        // then
        assertThat(t.isReady()).isTrue();
        assertThat(t.files()).containsExactly(a);
        assertThat(dir.resolve("drag-cache")).doesNotExist();
    }

    @Test
    void transferableFor_oneUnreadableRow_reportsItAndDragsTheOthers() throws Exception {
        // given: a missing file and a file that is not MIDI, with copies asked for
        Path good = midiFile("Good.mid");
        Path notMidi = Files.writeString(dir.resolve("library").resolve("Broken.mid"), "not a midi file");
        FileDragHandler handler = handler(cache());
        handler.setOptions(new DragOptions(null, 90.0));

        // when
        List<Path> files = handler.transferableFor(List.of(
                hit(1, dir.resolve("gone.mid").toString(), "gone.mid", 100.0, A_MINOR),
                hit(2, notMidi.toString(), "Broken.mid", 100.0, A_MINOR),
                hit(3, good.toString(), "Good.mid", 100.0, A_MINOR))).files();
        SwingUtilities.invokeAndWait(() -> { }); // the problems are told on the EDT

        // then
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("Good (90 BPM).mid");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("Cannot drag \"gone\": ").contains("gone.mid");
        assertThat(problems.get(1)).startsWith("Cannot drag \"Broken\": not a readable MIDI file");
    }

    @Test
    void transferableFor_missingPlainFileAsIs_reportsItAndDragsTheOthers() throws Exception {
        // given
        Path good = midiFile("Good.mid");
        FileDragHandler handler = handler(cache());

        // when
        FileTransferable t = handler.transferableFor(List.of(hit(1, dir.resolve("gone.mid").toString(), "gone.mid",
                null, null), hit(3, good.toString(), "Good.mid", null, null)));

        // then
        assertThat(t.files()).containsExactly(good);
        assertThat(problems).containsExactly("Cannot drag \"gone\": not found or not readable (" + dir.resolve("gone.mid")
                + ").");
    }

    @Test
    void createTransferable_500PlainFilesSelected_writesNothingAndIsQuick() throws Exception {
        // given: a table of 500 rows, all selected, sorted by name (not in the model's order)
        List<SearchHit> rows = new ArrayList<>();
        byte[] bytes = bassLine();
        Files.createDirectories(dir.resolve("library"));
        for (int i = 0; i < 500; i++) {
            Path p = Files.write(dir.resolve("library").resolve("Loop " + i + ".mid"), bytes);
            rows.add(hit(i + 1, p.toString(), p.getFileName().toString(), 120.0, A_MINOR));
        }
        DragCache cache = cache();
        FileDragHandler handler = new FileDragHandler(rows::get, cache, executor, problems::add);
        JTable table = new JTable(new AbstractTableModel() {
            public int getRowCount() {
                return rows.size();
            }

            public int getColumnCount() {
                return 1;
            }

            public Object getValueAt(int row, int column) {
                return rows.get(row).name();
            }
        });
        table.setAutoCreateRowSorter(true);
        table.getRowSorter().toggleSortOrder(0);
        table.selectAll();

        // when: warm once, then measure
        handler.createTransferable(table);
        long start = System.nanoTime();
        Transferable t = handler.createTransferable(table);
        double ms = (System.nanoTime() - start) / 1e6;

        // then
        @SuppressWarnings("unchecked")
        List<File> files = (List<File>) t.getTransferData(DataFlavor.javaFileListFlavor);
        assertThat(files).hasSize(500).doesNotHaveDuplicates();
        assertThat(files.subList(0, 3)).extracting(File::getName).containsExactly("Loop 0.mid", "Loop 1.mid",
                "Loop 10.mid");
        assertThat(cache.folder()).doesNotExist();
        assertThat(ms).as("createTransferable for 500 plain files, ms").isLessThan(250);
        System.out.printf("FileDragHandlerTest: createTransferable for 500 plain files: %.2f ms%n", ms);

        // and: the same drag in another key writes its copies off the calling thread
        handler.setOptions(new DragOptions(MusicalKey.parse("Cm").orElseThrow(), null));
        table.setRowSelectionInterval(0, 4);
        start = System.nanoTime();
        FileTransferable five = (FileTransferable) handler.createTransferable(table);
        double startMs = (System.nanoTime() - start) / 1e6;
        List<Path> copies = five.files();
        double readyMs = (System.nanoTime() - start) / 1e6;
        assertThat(copies).hasSize(5).allSatisfy(p -> assertThat(p).startsWith(cache.folder()).exists());
        System.out.printf("FileDragHandlerTest: 5 transposed copies: createTransferable %.2f ms, files ready after"
                + " %.2f ms%n", startMs, readyMs);
    }

    @Test
    void prune_pastTheCap_deletesLeastRecentlyUsedButNotTheDragsOwn() throws Exception {
        // given: 3 files of 400 kB (1.2 MB) over a 1 MB cap, the oldest one in the current drag
        DragCache cache = new DragCache(dir.resolve("drag-cache"), 1L << 20);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path f = cache.folder().resolve(Integer.toString(i)).resolve("f" + i + ".mid");
            Files.createDirectories(f.getParent());
            Files.write(f, new byte[400_000]);
            Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000L * (i + 1)));
            files.add(f);
        }

        // when
        long freed = cache.prune(List.of(files.get(0)));

        // then: the oldest not kept (f1) goes, and its folder with it
        assertThat(freed).isEqualTo(400_000);
        assertThat(files.get(0)).exists();
        assertThat(files.get(1)).doesNotExist();
        assertThat(files.get(1).getParent()).doesNotExist();
        assertThat(files.get(2)).exists();
        try (Stream<Path> left = Files.list(cache.folder())) {
            assertThat(left.count()).isEqualTo(2);
        }
    }

    @Test
    void fileName_variants_nameWhatWasChanged() {
        SearchHit hit = hit(1, "/x/Deep: Bass.MID", "Deep: Bass.MID", 123.0, A_MINOR);
        assertThat(DragCache.fileName(hit, DragOptions.AS_IS)).isEqualTo("Deep_ Bass.mid");
        assertThat(DragCache.fileName(hit, new DragOptions(MusicalKey.parse("F#m").orElseThrow(), null)))
                .isEqualTo("Deep_ Bass (F#m).mid");
        assertThat(DragCache.fileName(hit, new DragOptions(null, 92.5))).isEqualTo("Deep_ Bass (92.5 BPM).mid");
        assertThat(DragCache.fileName(hit, new DragOptions(MusicalKey.parse("Eb").orElseThrow(), 124.0)))
                .isEqualTo("Deep_ Bass (Cm 124 BPM).mid");
    }

    @Test
    void createTransferable_selectedRows_carriesTheirIdsForThisWindowOnly() throws Exception {
        // given: three rows, the first and third selected
        List<SearchHit> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path p = midiFile("Row " + i + ".mid");
            rows.add(hit(10 + i, p.toString(), p.getFileName().toString(), 120.0, A_MINOR));
        }
        FileDragHandler handler = new FileDragHandler(rows::get, cache(), executor, problems::add);
        JTable table = new JTable(new AbstractTableModel() {
            public int getRowCount() {
                return rows.size();
            }

            public int getColumnCount() {
                return 1;
            }

            public Object getValueAt(int row, int column) {
                return rows.get(row).name();
            }
        });
        table.addRowSelectionInterval(0, 0);
        table.addRowSelectionInterval(2, 2);

        // when
        Transferable t = handler.createTransferable(table);

        // then: the files for other applications, and the content ids in a JVM-local flavor for the sidebar
        assertThat(t.isDataFlavorSupported(LibraryRows.FLAVOR)).isTrue();
        assertThat(((LibraryRows) t.getTransferData(LibraryRows.FLAVOR)).contentIds()).containsExactly(10L, 12L);
        assertThat(LibraryRows.FLAVOR.getMimeType()).startsWith(DataFlavor.javaJVMLocalObjectMimeType);
        assertThat(t.getTransferDataFlavors()).contains(DataFlavor.javaFileListFlavor, FileTransferable.URI_LIST_FLAVOR);
        assertThat(FileTransferable.of(List.of(Path.of("/a.mid"))).isDataFlavorSupported(LibraryRows.FLAVOR)).isFalse();
    }
}
