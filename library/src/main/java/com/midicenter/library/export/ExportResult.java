package com.midicenter.library.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export did.
 *
 * @param target    the folder or zip written (a zip gets a {@code (2)} suffix rather than replace an existing file)
 * @param files     the files written, in order
 * @param failures  the contents that could not be read, with the reason
 * @param cancelled the export stopped early; what was written stays (a zip is closed properly)
 */
public record ExportResult(Path target, List<Exported> files, List<Failure> failures, boolean cancelled) {

    public ExportResult {
        files = List.copyOf(files);
        failures = List.copyOf(failures);
    }

    /** One written file: the location it was read from and its name in the folder or zip. */
    public record Exported(long contentId, String source, String name, long sizeBytes) {
    }

    /** A content that was not exported. */
    public record Failure(long contentId, String source, String reason) {
    }
}
