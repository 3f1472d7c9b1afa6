package com.midicenter.browser.tools;

import com.midicenter.library.export.ExportResult;
import com.midicenter.library.export.NameTemplate;
import com.midicenter.persistence.export.ExportSource;
import com.midicenter.persistence.search.SearchHit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The export dialog's model: the names an export will write, worked out as {@code ExportService} does (the template
 * rendered, the source's extension, {@code " (2)"} for a name taken in the folder or earlier in the export), so the
 * dialog can show the first ones before anything is written, and the summary which files got another name.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExportPreview {

    /** Names the dialog shows as an example. */
    public static final int EXAMPLES = 5;

    private ExportPreview() {
    }

    /**
     * One name an export will write.
     *
     * @param name    the file name in the folder or zip
     * @param renamed the template's name was taken (on disk, or by an earlier file of the export): {@code " (2)"}
     */
    public record Example(String name, boolean renamed) {
    }

    /** A search row as the export sees it (the values of the naming template). */
    public static ExportSource source(SearchHit hit) {
        return new ExportSource(hit.contentId(), hit.path(), hit.name(), hit.vendor(), hit.pack(), hit.bpm(),
                hit.keyCode(), hit.bars());
    }

    /** True when the export writes a zip ({@code .zip}, any case) rather than a folder. */
    public static boolean isZip(Path target) {
        return target.getFileName() != null
                && target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /**
     * The names of the first {@code sources} of an export of {@code total} files.
     *
     * @param taken names already in the target folder (ignored for a zip: a new zip starts empty)
     * @throws IllegalArgumentException for a template with an unknown placeholder (the message lists the known ones)
     */
    public static List<Example> names(String template, List<ExportSource> sources, int total, boolean zip,
                                      Set<String> taken) {
        NameTemplate names = NameTemplate.parse(template);
        Set<String> used = new HashSet<>();
        if (!zip) {
            used.addAll(taken);
        }
        List<Example> out = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            ExportSource s = sources.get(i);
            String stem = names.render(s, i + 1, total);
            String ext = extension(s.name());
            String name = stem + ext;
            for (int copy = 2; !used.add(zip ? name.toLowerCase(Locale.ROOT) : name); copy++) {
                name = stem + " (" + copy + ")" + ext;
            }
            out.add(new Example(name, !name.equals(stem + ext)));
        }
        return out;
    }

    /** The zip an export to {@code zip} writes: that one, or {@code name (2).zip} etc. when it exists. */
    public static Path zipTarget(Path zip, Predicate<Path> exists) {
        String file = zip.getFileName().toString();
        String base = file.substring(0, file.length() - ".zip".length());
        for (int copy = 1; ; copy++) {
            Path candidate = copy == 1 ? zip : zip.resolveSibling(base + " (" + copy + ").zip");
            if (!exists.test(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * The files of {@code result} written under another name than the template's (the name was taken), as
     * {@code "template name → written name"}.
     *
     * @param sources the export's sources in export order (numbers {@code {n}} as the export gave them)
     */
    public static List<String> renamed(ExportResult result, List<ExportSource> sources, String template) {
        NameTemplate names = NameTemplate.parse(template);
        Map<Long, String> expected = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            ExportSource s = sources.get(i);
            expected.putIfAbsent(s.contentId(), names.render(s, i + 1, sources.size()) + extension(s.name()));
        }
        List<String> out = new ArrayList<>();
        for (ExportResult.Exported e : result.files()) {
            String wanted = expected.get(e.contentId());
            if (wanted != null && !wanted.equals(e.name())) {
                out.add(wanted + " → " + e.name());
            }
        }
        return out;
    }

    /** The source's extension lower-cased ({@code .mid}, {@code .midi}, {@code .kar}), {@code .mid} if none. */
    static String extension(String fileName) {
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".mid";
    }
}
