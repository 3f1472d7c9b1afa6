package com.midicenter.library.export;

import com.midicenter.library.analysis.LocationReader;
import com.midicenter.library.curation.CollectionService;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.curation.CollectionItemRow;
import com.midicenter.persistence.curation.CollectionRow;
import com.midicenter.persistence.export.ExportMapper;
import com.midicenter.persistence.export.ExportSource;
import com.midicenter.persistence.search.SearchHit;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Copies library files to a folder or a zip ({@code target} ending in {@code .zip}), each named from a
 * {@link NameTemplate}. Nothing is ever overwritten: a name already taken (on disk or in the zip) gets
 * {@code " (2)"}, {@code " (3)"}...; an existing zip target is not replaced either but written beside it as
 * {@code name (2).zip}. Archive members are read with a {@link LocationReader}.
 *
 * <p>A target that cannot be written (the disk is full) ends the export with an {@link ExportException}; the file
 * being written is deleted (a zip as a whole), so every file left in a folder is complete.
 *
 * <p>An unreadable file (moved, deleted) is listed in {@link ExportResult#failures()} and the export goes on; a
 * target that cannot be written stops it with an {@link ExportException}. Runs on the calling thread; one export per
 * call, so the service is thread-safe.
 */
public final class ExportService {

    /** Search results fetched per page while collecting a search's files. */
    static final int PAGE = 500;

    private final SqlSessionFactory sessions;
    private final SearchService search;

    public ExportService(SqlSessionFactory sessions, SearchService search) {
        this.sessions = sessions;
        this.search = search;
    }

    /**
     * Exports every match of {@code request} (all pages; its limit, cursor and facets are ignored), in the search's
     * order.
     *
     * @throws com.midicenter.library.search.SearchException when the search cannot be understood
     */
    public ExportResult exportSearch(SearchRequest request, Path target, String template, ExportListener listener,
                                     AtomicBoolean cancel) {
        NameTemplate names = NameTemplate.parse(template);
        List<Long> ids = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        String cursor = null;
        do {
            if (cancel.get()) {
                return new ExportResult(target, List.of(), List.of(), true);
            }
            SearchResult page = search.search(request.page(PAGE, cursor, false));
            for (SearchHit h : page.hits()) {
                if (seen.add(h.contentId())) {
                    ids.add(h.contentId());
                }
            }
            cursor = page.next();
        } while (cursor != null);
        return export(ids, target, names, listener, cancel);
    }

    /**
     * Exports a collection: a manual one's files in its order (every file it holds, analysed or not), a smart one's
     * live results in its search's order.
     *
     * @throws com.midicenter.library.curation.CurationException when there is no such collection
     * @throws IllegalArgumentException                         for a bad name or template
     */
    public ExportResult exportCollection(String name, Path target, String template, ExportListener listener,
                                         AtomicBoolean cancel) {
        NameTemplate names = NameTemplate.parse(template);
        CollectionService collections = new CollectionService(sessions, search);
        CollectionRow c = collections.get(name);
        if ("smart".equals(c.kind())) {
            return exportSearch(collections.savedSearch(c.name(), PAGE), target, template, listener, cancel);
        }
        List<Long> ids = collections.items(c.name()).stream().map(CollectionItemRow::contentId).toList();
        return export(ids, target, names, listener, cancel);
    }

    /** Exports these contents in the order given (ids repeated or not in the library are skipped). */
    public ExportResult exportContents(List<Long> contentIds, Path target, String template, ExportListener listener,
                                       AtomicBoolean cancel) {
        return export(new ArrayList<>(new LinkedHashSet<>(contentIds)), target, NameTemplate.parse(template), listener,
                cancel);
    }

    private ExportResult export(List<Long> ids, Path target, NameTemplate names, ExportListener listener,
                                AtomicBoolean cancel) {
        if (target == null) {
            throw new IllegalArgumentException("target is null");
        }
        List<ExportSource> sources = sources(ids);
        boolean zip = target.getFileName() != null
                && target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        try {
            return zip ? toZip(sources, target, names, listener, cancel)
                    : toFolder(sources, target, names, listener, cancel);
        } catch (IOException e) {
            throw new ExportException("cannot write " + target + ": " + describe(e), e);
        }
    }

    /** The sources of {@code ids} in the order of {@code ids}. */
    private List<ExportSource> sources(List<Long> ids) {
        Map<Long, ExportSource> byId = new HashMap<>();
        try (SqlSession session = sessions.openSession(true)) {
            ExportMapper mapper = session.getMapper(ExportMapper.class);
            for (int from = 0; from < ids.size(); from += 1000) {
                for (ExportSource s : mapper.sources(ids.subList(from, Math.min(ids.size(), from + 1000)))) {
                    byId.put(s.contentId(), s);
                }
            }
        }
        List<ExportSource> sources = new ArrayList<>(byId.size());
        for (Long id : ids) {
            ExportSource s = byId.get(id);
            if (s != null) {
                sources.add(s);
            }
        }
        return sources;
    }

    private static ExportResult toFolder(List<ExportSource> sources, Path target, NameTemplate names,
                                         ExportListener listener, AtomicBoolean cancel) throws IOException {
        Path folder = target.toAbsolutePath().normalize();
        Files.createDirectories(folder);
        List<ExportResult.Exported> files = new ArrayList<>();
        List<ExportResult.Failure> failures = new ArrayList<>();
        try (LocationReader reader = new LocationReader()) {
            for (int i = 0; i < sources.size(); i++) {
                if (cancel.get()) {
                    return new ExportResult(folder, files, failures, true);
                }
                ExportSource s = sources.get(i);
                byte[] bytes = read(reader, s, failures);
                if (bytes != null) {
                    String base = names.render(s, i + 1, sources.size());
                    String extension = extension(s.name());
                    for (int copy = 1; ; copy++) {
                        String name = base + (copy == 1 ? "" : " (" + copy + ")") + extension;
                        Path file = inside(folder, name);
                        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                                StandardOpenOption.WRITE)) {
                            out.write(bytes);
                        } catch (FileAlreadyExistsException taken) {
                            continue;
                        } catch (IOException e) {
                            deleteCreated(file, e); // e.g. the disk is full: never leave a cut-off file behind
                            throw e;
                        }
                        files.add(new ExportResult.Exported(s.contentId(), s.path(), name, bytes.length));
                        break;
                    }
                }
                listener.progress(i + 1, sources.size());
            }
        }
        return new ExportResult(folder, files, failures, false);
    }

    private static ExportResult toZip(List<ExportSource> sources, Path target, NameTemplate names,
                                      ExportListener listener, AtomicBoolean cancel) throws IOException {
        Path zipFile = target.toAbsolutePath().normalize();
        if (zipFile.getParent() != null) {
            Files.createDirectories(zipFile.getParent());
        }
        OutputStream raw = null;
        String base = NameTemplate.baseName(zipFile.getFileName().toString());
        for (int copy = 1; raw == null; copy++) {
            Path candidate = copy == 1 ? zipFile : zipFile.resolveSibling(base + " (" + copy + ").zip");
            try {
                raw = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                zipFile = candidate;
            } catch (FileAlreadyExistsException taken) {
                // keep looking
            }
        }
        try {
            return writeZip(sources, zipFile, raw, names, listener, cancel);
        } catch (IOException | RuntimeException e) {
            deleteCreated(zipFile, e); // e.g. the disk is full: a cut-off zip must not look like an export
            throw e;
        }
    }

    private static ExportResult writeZip(List<ExportSource> sources, Path zipFile, OutputStream raw, NameTemplate names,
                                         ExportListener listener, AtomicBoolean cancel) throws IOException {
        List<ExportResult.Exported> files = new ArrayList<>();
        List<ExportResult.Failure> failures = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(raw, 1 << 16));
             LocationReader reader = new LocationReader()) {
            for (int i = 0; i < sources.size(); i++) {
                if (cancel.get()) {
                    return new ExportResult(zipFile, files, failures, true);
                }
                ExportSource s = sources.get(i);
                byte[] bytes = read(reader, s, failures);
                if (bytes != null) {
                    String stem = names.render(s, i + 1, sources.size());
                    String extension = extension(s.name());
                    String name = stem + extension;
                    for (int copy = 2; !taken.add(name.toLowerCase(Locale.ROOT)); copy++) {
                        name = stem + " (" + copy + ")" + extension;
                    }
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(bytes);
                    zip.closeEntry();
                    files.add(new ExportResult.Exported(s.contentId(), s.path(), name, bytes.length));
                }
                listener.progress(i + 1, sources.size());
            }
        }
        return new ExportResult(zipFile, files, failures, false);
    }

    /** Why writing failed, in words: the file system's reason, and for a full disk what to do. */
    private static String describe(IOException e) {
        String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                ? fs.getFile() + ": " + fs.getReason()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return reason.contains("No space left on device")
                ? reason + " (the disk is full: every file written before is complete; free some space and export again)"
                : reason;
    }

    /** Deletes a file this export created and could not finish; a failure to delete is added to {@code failure}. */
    private static void deleteCreated(Path file, Exception failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static byte[] read(LocationReader reader, ExportSource s, List<ExportResult.Failure> failures) {
        try {
            return reader.read(s.path());
        } catch (IOException | RuntimeException e) {
            failures.add(new ExportResult.Failure(s.contentId(), s.path(),
                    e.getMessage() == null ? e.toString() : e.getMessage()));
            return null;
        }
    }

    /** {@code folder/name}, checked to be directly inside {@code folder} (names are made safe; this is the proof). */
    static Path inside(Path folder, String name) {
        Path file = folder.resolve(name).normalize();
        if (!folder.equals(file.getParent())) {
            throw new ExportException("refusing to write " + file + " outside " + folder);
        }
        return file;
    }

    /** The source's extension lower-cased ({@code .mid}, {@code .midi}, {@code .kar}), {@code .mid} if none. */
    static String extension(String fileName) {
        String base = NameTemplate.baseName(fileName);
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1);
        String ext = name.length() > base.length() ? name.substring(base.length()).toLowerCase(Locale.ROOT) : "";
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".mid";
    }
}
