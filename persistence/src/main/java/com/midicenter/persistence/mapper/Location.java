package com.midicenter.persistence.mapper;

import java.util.Objects;

/**
 * One row of {@code location}: a place where a content was seen.
 *
 * @param id         key
 * @param contentId  the content found there
 * @param path       absolute path; archive members as {@code archive.zip!/inner/file.mid}
 * @param fileName   last path element
 * @param container  the file on disk holding it (the outermost archive), null for plain files
 * @param sizeBytes  file size in bytes
 * @param mtimeMs    modification time in ms since the epoch
 * @param vendor     vendor derived from the path, or null
 * @param pack       pack derived from the path, or null
 * @param firstRunId import run that first saw it, or null
 * @param lastRunId  import run that last saw it, or null
 * @param missing    true if the last import of its root did not find it
 */
public record Location(long id, long contentId, String path, String fileName, String container, long sizeBytes, long mtimeMs,
                       String vendor, String pack, Long firstRunId, Long lastRunId, boolean missing) {

    public Location {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileName, "fileName");
    }
}
