package com.midicenter.persistence.importing;

import java.util.Objects;

/**
 * An archive whose members were all written: next time, if size and mtime are unchanged, it is skipped.
 *
 * @param members number of MIDI members (stored or failed) it held
 */
public record ArchiveRow(String path, long sizeBytes, long mtimeMs, int members) {
    public ArchiveRow {
        Objects.requireNonNull(path, "path");
    }
}
