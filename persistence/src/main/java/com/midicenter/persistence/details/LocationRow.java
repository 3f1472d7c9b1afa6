package com.midicenter.persistence.details;

import java.util.Objects;

/**
 * One place a content was seen, as {@link FileDetailsMapper#locations} reads it.
 *
 * @param path      absolute path; archive members as {@code archive.zip!/inner/file.mid}
 * @param fileName  last path element
 * @param container the file on disk holding it (the outermost archive), null for plain files
 * @param vendor    vendor derived from the path, or null
 * @param pack      pack derived from the path, or null
 * @param sizeBytes size in bytes
 * @param mtimeMs   modification time in ms since the epoch
 * @param missing   the last import of its root did not find it
 */
public record LocationRow(String path, String fileName, String container, String vendor, String pack, long sizeBytes,
                          long mtimeMs, boolean missing) {

    public LocationRow {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileName, "fileName");
    }
}
