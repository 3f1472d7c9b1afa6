package com.midicenter.library.info;

import com.midicenter.core.analysis.MidiSummary;
import com.midicenter.core.analysis.MusicAnalysis;
import com.midicenter.core.midi.MidiFormatException;

import java.nio.file.Path;
import java.util.Objects;

/** The outcome of reading one file: its summary, or why it could not be read. */
public sealed interface FileReport permits FileReport.Read, FileReport.Failed {

    Path path();

    /** A file that was read (possibly with repairs, listed in the summary's warnings) and analysed. */
    record Read(Path path, MusicAnalysis analysis) implements FileReport {
        public Read {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(analysis, "analysis");
        }

        public MidiSummary summary() {
            return analysis.summary();
        }
    }

    /**
     * A file that could not be read.
     *
     * @param reason what went wrong, in words
     * @param kind   the {@link MidiFormatException.Reason}
     * @param offset byte offset where reading stopped
     */
    record Failed(Path path, String reason, MidiFormatException.Reason kind, long offset) implements FileReport {
        public Failed {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
