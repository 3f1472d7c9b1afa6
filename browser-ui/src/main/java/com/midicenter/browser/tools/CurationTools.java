package com.midicenter.browser.tools;

import com.midicenter.library.analysis.AnalysisListener;
import com.midicenter.library.analysis.AnalysisOptions;
import com.midicenter.library.analysis.AnalysisResult;
import com.midicenter.library.analysis.AnalysisService;
import com.midicenter.library.analysis.LocationReader;
import com.midicenter.library.duplicates.DuplicatesService;
import com.midicenter.library.duplicates.MusicalScan;
import com.midicenter.library.export.ExportListener;
import com.midicenter.library.export.ExportResult;
import com.midicenter.library.export.ExportService;
import com.midicenter.library.importing.ImportResult;
import com.midicenter.library.search.SearchService;
import com.midicenter.library.split.SplitListener;
import com.midicenter.library.split.SplitResult;
import com.midicenter.library.split.SplitService;
import com.midicenter.persistence.duplicates.DuplicateTotals;
import com.midicenter.persistence.duplicates.PathDuplicate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * What the curation tools need from the library: reading a file, splitting a file into the library, exporting, and the
 * duplicates. {@link #of} in the app; a fake in unit tests.
 *
 * <p>[any thread] Called from the tools' background threads, never on the EDT. A {@link RuntimeException}'s message is
 * shown to the user as it is.
 */
public interface CurationTools {

    /**
     * What a split into the library did: the parts written, imported and linked to the original as its children.
     *
     * @param written        the part files, in part order
     * @param imported       parts new to the library
     * @param duplicates     parts whose bytes were in the library already (kept as extra locations)
     * @param errors         parts that could not be read
     * @param linked         parts linked to the original as its children
     * @param analysed       files analysed afterwards (so the parts can be found by a search)
     * @param analysisFailed files whose analysis failed
     */
    record SplitImport(List<Path> written, long imported, long duplicates, long errors, int linked, long analysed,
                       long analysisFailed) {
        public SplitImport {
            written = List.copyOf(written);
        }
    }

    /** The folder split parts go to unless the user picks another: {@code splits/} in the data folder. */
    Path splitsFolder();

    /** The bytes of a library location (a file, or an archive member {@code pack.zip!/a.mid}). */
    byte[] read(String location) throws IOException;

    /**
     * Splits the library's file {@code contentId} into {@code folder}, imports the parts as its children and analyses
     * them ({@code SplitService.splitContent}).
     *
     * @throws RuntimeException when the file cannot be read or a part cannot be written (the message says which)
     */
    SplitImport splitIntoLibrary(long contentId, Path folder);

    /** Copies the contents, in this order, to a folder or a zip; see {@link ExportService#exportContents}. */
    ExportResult export(List<Long> contentIds, Path target, String template, ExportListener listener,
                        AtomicBoolean cancel);

    /** One page of contents at several paths, most wasted bytes first. */
    List<PathDuplicate> duplicatesByPath(int limit, long offset);

    /** How many contents are at several paths, their extra copies and wasted bytes. */
    DuplicateTotals duplicateTotals();

    /**
     * Groups of musically identical contents (reads every candidate; checks {@code cancel} between files); a complete
     * scan is stored, so that searches can hide the duplicates ({@code SearchRequest.hideDuplicates}).
     */
    MusicalScan musicalDuplicates(AtomicBoolean cancel, DuplicatesService.ScanProgress progress);

    /** Where "Split into tracks…" writes by default, in the library's data folder (the window's and the plugin's). */
    String SPLITS_FOLDER = "splits";

    /** {@link #of} with split parts written to {@value #SPLITS_FOLDER} in the data folder {@code home}. */
    static CurationTools forLibrary(DataSource dataSource, SqlSessionFactory sessions, SearchService search, Path home) {
        return of(dataSource, sessions, search, home.resolve(SPLITS_FOLDER));
    }

    /**
     * The library's services as tools.
     *
     * @param splitsFolder the default folder for split parts (created when parts are written)
     */
    static CurationTools of(DataSource dataSource, SqlSessionFactory sessions, SearchService search,
                            Path splitsFolder) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(splitsFolder, "splitsFolder");
        ExportService export = new ExportService(sessions, search);
        DuplicatesService duplicates = new DuplicatesService(sessions);
        SplitService splits = new SplitService(dataSource, sessions);
        return new CurationTools() {
            @Override
            public Path splitsFolder() {
                return splitsFolder;
            }

            @Override
            public byte[] read(String location) throws IOException {
                try (LocationReader reader = new LocationReader()) {
                    return reader.read(location);
                }
            }

            @Override
            public SplitImport splitIntoLibrary(long contentId, Path folder) {
                SplitResult split = splits.splitContent(contentId, folder, true, SplitListener.NONE,
                        new AtomicBoolean());
                AnalysisResult analysed = new AnalysisService(dataSource, sessions, AnalysisOptions.defaults())
                        .run(new AtomicBoolean(), AnalysisListener.NONE);
                ImportResult imported = split.imported();
                return new SplitImport(split.parts().stream().map(SplitResult.Part::path).toList(),
                        imported == null ? 0 : imported.imported(), imported == null ? 0 : imported.duplicates(),
                        imported == null ? 0 : imported.errors(), split.linked(), analysed.analyzed(),
                        analysed.failed());
            }

            @Override
            public ExportResult export(List<Long> contentIds, Path target, String template, ExportListener listener,
                                       AtomicBoolean cancel) {
                return export.exportContents(contentIds, target, template, listener, cancel);
            }

            @Override
            public List<PathDuplicate> duplicatesByPath(int limit, long offset) {
                return duplicates.byPath(limit, offset);
            }

            @Override
            public DuplicateTotals duplicateTotals() {
                return duplicates.byPathTotals();
            }

            @Override
            public MusicalScan musicalDuplicates(AtomicBoolean cancel, DuplicatesService.ScanProgress progress) {
                return duplicates.scanAndStoreMusical(cancel, progress);
            }
        };
    }
}
