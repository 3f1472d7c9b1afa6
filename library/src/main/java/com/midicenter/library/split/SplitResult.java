package com.midicenter.library.split;

import com.midicenter.library.importing.ImportResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a split wrote and, when asked, imported and linked.
 *
 * @param source    the file split: a path, or a library location ({@code archive.zip!/member.mid})
 * @param parentId  the library's content of the source (whose parts these are), or null when the library does not
 *                  hold it (or the split ran without a library)
 * @param parts     the parts written, in part order
 * @param imported  the import of the parts, or null when they were not imported
 * @param linked    parts linked to {@code parentId} as its children
 * @param cancelled the split stopped early: the parts written so far are listed, nothing was imported
 */
public record SplitResult(String source, Long parentId, List<Part> parts, ImportResult imported, int linked,
                          boolean cancelled) {

    public SplitResult {
        Objects.requireNonNull(source, "source");
        parts = List.copyOf(parts);
    }

    /**
     * One part as written.
     *
     * @param partNo    1-based, as in its name ({@code Song - 03 Bass.mid})
     * @param track     the source track, 1-based
     * @param channel   1..16, or 0 when the part plays several
     * @param contentId its content in the library once imported, else null
     */
    public record Part(Path path, int partNo, int track, int channel, int notes, Long contentId) {

        public Part {
            Objects.requireNonNull(path, "path");
        }

        Part withContent(Long id) {
            return new Part(path, partNo, track, channel, notes, id);
        }
    }
}
