package com.midicenter.library.fuzz;

import com.midicenter.core.analysis.Hints;
import com.midicenter.core.analysis.MusicAnalysis;
import com.midicenter.core.analysis.MusicAnalyzer;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.tags.PathTagger;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What {@code info} does to one file, from its bytes: the reader, then every analyser with the hints of the file's
 * name and folders. Unlike {@link com.midicenter.library.info.InfoScan#readOne}, which turns an analyser's exception
 * into a failed report so a batch goes on, this lets nothing hide: an unchecked exception or an {@link Error} is a
 * {@link Outcome.Kind#CRASH}, and so is a {@link MidiFormatException} that wraps the reader's own bug
 * ({@link MidiFormatException.Reason#UNREADABLE} or a cause).
 *
 * <p>Thread-safe: the reader, the analyser and the tagger are stateless.
 */
public final class FilePipeline {

    /** How one input ended. */
    public record Outcome(Kind kind, int events, String detail, Throwable crash) {

        /** Read ok (with or without repairs) and analysed; a clean format error; anything else. */
        public enum Kind { READ_OK, FORMAT_ERROR, CRASH }

        public Outcome {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
            if ((kind == Kind.CRASH) != (crash != null)) {
                throw new IllegalArgumentException("kind=" + kind + " crash=" + crash);
            }
        }
    }

    private final MidiReader reader = new MidiReader();
    private final MusicAnalyzer analyzer = new MusicAnalyzer();
    private final PathTagger tagger = new PathTagger();
    private final Consumer<MusicAnalysis> sink;

    /** A pipeline that stops after the analysis. */
    public FilePipeline() {
        this(analysis -> { });
    }

    /** @param sink also given every analysis, e.g. the {@code info} JSON writer; its exceptions are crashes too */
    public FilePipeline(Consumer<MusicAnalysis> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Reads and analyses {@code bytes} as if they were the file {@code folders/fileName}.
     *
     * @param folders up to three folders above the file (vendor, pack, category), outermost first
     */
    public Outcome run(byte[] bytes, List<String> folders, String fileName) {
        MidiFile file;
        try {
            file = reader.read(bytes);
        } catch (MidiFormatException e) {
            if (e.reason() == MidiFormatException.Reason.UNREADABLE || e.getCause() != null) {
                return new Outcome(Outcome.Kind.CRASH, 0, "internal reader error: " + e.getMessage(),
                        e.getCause() != null ? e.getCause() : e);
            }
            return new Outcome(Outcome.Kind.FORMAT_ERROR, 0, e.reason().name(), null);
        } catch (RuntimeException | Error e) {
            return new Outcome(Outcome.Kind.CRASH, 0, "reader: " + e, e);
        }
        try {
            MusicAnalysis analysis = analyzer.analyze(file, Hints.of(fileName, tagger.tag(folders, fileName)));
            sink.accept(analysis);
            return new Outcome(Outcome.Kind.READ_OK, file.eventCount(), file.warnings().size() + " warnings", null);
        } catch (RuntimeException | Error e) {
            return new Outcome(Outcome.Kind.CRASH, file.eventCount(), "analysis: " + e, e);
        }
    }
}
