package com.midicenter.library.scan;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file a scan found that may be MIDI, or an archive that may hold MIDI files.
 *
 * @param path          the file
 * @param root          the folder the user named (for a file the user named: its parent folder)
 * @param explicit      named by the user (not found by walking a folder): report it even if it is not MIDI
 * @param midiExtension its name ends in a MIDI extension; otherwise only its content can tell
 * @param archive       a zip archive (only reported when the walk asks for archives)
 * @param sizeBytes     size on disk
 * @param mtimeMs       last modification, milliseconds since the epoch
 */
public record ScanCandidate(Path path, Path root, boolean explicit, boolean midiExtension, boolean archive,
                            long sizeBytes, long mtimeMs) {
    public ScanCandidate {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(root, "root");
    }
}
