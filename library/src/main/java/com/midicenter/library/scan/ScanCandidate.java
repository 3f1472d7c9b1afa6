package com.midicenter.library.scan;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file a scan found that may be MIDI.
 *
 * @param path          the file
 * @param explicit      named by the user (not found by walking a folder): report it even if it is not MIDI
 * @param midiExtension its name ends in a MIDI extension; otherwise only its content can tell
 */
public record ScanCandidate(Path path, boolean explicit, boolean midiExtension) {
    public ScanCandidate {
        Objects.requireNonNull(path, "path");
    }
}
