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
import com.midicenter.library.importing.ImportListener;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportResult;
import com.midicenter.library.importing.ImportService;
import com.midicenter.library.search.SearchService;
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
 * What the curation tools need from the library: reading a file, importing split parts back, exporting, and the
 * duplicates. {@link #of} in the app; a fake in unit tests.
 *
 * <p>[any thread] Called from the tools' background threads, never on the EDT. A {@link RuntimeException}'s message is
 * shown to the user as it is.
 */
public interface CurationTools {

    /**
     * What importing split parts back did.
     *
     * @param imported      parts new to the library
     * @param duplicates    parts whose bytes were in the library already (kept as extra locations)
     * @param errors        parts that could not be read
     * @param analysed      files analysed afterwards (so the parts can be found by a search)
     * @param analysisFailed files whose analysis failed
     */
    record PartsImport(long imported, long duplicates, long errors, long analysed, long analysisFailed) {
    }

    /** The folder split parts go to unless the user picks another: {@code splits/} in the data folder. */
    Path splitsFolder();

    /** The bytes of a library location (a file, or an archive member {@code pack.zip!/a.mid}). */
    byte[] read(String location) throws IOException;

    /** Imports the files (written parts) into the library and analyses what is pending. */
    PartsImport importFiles(List<Path> files);

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
    MusicalScan musicalDuplicates(AtomicBoolean cancel);

    /**
     * The library's services as tools.
     *
     * @param splits the default folder for split parts (created when parts are written)
     */
    static CurationTools of(DataSource dataSource, SqlSessionFactory sessions, SearchService search, Path splits) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(splits, "splits");
        ExportService export = new ExportService(sessions, search);
        DuplicatesService duplicates = new DuplicatesService(sessions);
        return new CurationTools() {
            @Override
            public Path splitsFolder() {
                return splits;
            }

            @Override
            public byte[] read(String location) throws IOException {
                try (LocationReader reader = new LocationReader()) {
                    return reader.read(location);
                }
            }

            @Override
            public PartsImport importFiles(List<Path> files) {
                ImportResult imported = new ImportService(dataSource, sessions, ImportOptions.defaults())
                        .run(files, new AtomicBoolean(), ImportListener.NONE);
                AnalysisResult analysed = new AnalysisService(dataSource, sessions, AnalysisOptions.defaults())
                        .run(new AtomicBoolean(), AnalysisListener.NONE);
                return new PartsImport(imported.imported(), imported.duplicates(), imported.errors(),
                        analysed.analyzed(), analysed.failed());
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
            public MusicalScan musicalDuplicates(AtomicBoolean cancel) {
                return duplicates.scanAndStoreMusical(cancel);
            }
        };
    }
}
