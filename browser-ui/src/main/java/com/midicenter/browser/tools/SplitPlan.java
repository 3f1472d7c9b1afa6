package com.midicenter.browser.tools;

import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.TrackSplitter;
import com.midicenter.library.split.SplitService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parts "Split into tracks…" will write, listed before anything is written: the split dialog's model. One part per
 * track with notes (per channel for format 0), named {@code Song - 03 Bass.mid} ({@link TrackSplitter}).
 *
 * <p>The default destination is {@code splits/<Song>/} in the data folder, not the file's own folder: that one may be
 * read-only, shared, or an archive ({@code pack.zip!/a.mid}), and a folder per song keeps its parts together (and is
 * what "Show in folder" opens). Writing never overwrites: a name already taken gets {@code " (2)"}.
 *
 * @param songName what the parts are named after: the file name without its extension
 * @param parts    the parts, in track (or channel) order; empty when the file has no notes
 */
public record SplitPlan(String songName, List<TrackSplitter.Part> parts) {

    public SplitPlan {
        Objects.requireNonNull(songName, "songName");
        parts = List.copyOf(parts);
    }

    /** One line of the parts table. */
    public record Row(String name, int track, String channel, int notes) {
    }

    /**
     * Splits a file's bytes.
     *
     * @param fileName the file's name ({@code Song.mid}), for the parts' names
     * @throws MidiFormatException when the bytes are not a MIDI file
     */
    public static SplitPlan of(byte[] bytes, String fileName) throws MidiFormatException {
        String song = songName(fileName);
        return new SplitPlan(song, TrackSplitter.split(new MidiReader().read(bytes), song));
    }

    /** {@code Song.mid} → {@code Song}; an archive member's or a path's last name only. */
    public static String songName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String song = dot > 0 ? name.substring(0, dot) : name;
        return song.isBlank() ? "Song" : song;
    }

    /** {@code splits/<Song>} (the song's name made safe for a folder). */
    public static Path defaultFolder(Path splits, String songName) {
        String safe = TrackSplitter.safeFileName(songName);
        return splits.resolve(safe.isEmpty() ? "Song" : safe);
    }

    /** The parts as the dialog lists them: name, source track (1-based), channel (1..16 or "several"), notes. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>(parts.size());
        for (TrackSplitter.Part p : parts) {
            rows.add(new Row(p.name(), p.track() + 1, p.channel() == 0 ? "several" : Integer.toString(p.channel()),
                    p.notes()));
        }
        return rows;
    }

    /** All notes of the parts (equal to the source's: each note lands in one part). */
    public int notes() {
        return parts.stream().mapToInt(TrackSplitter.Part::notes).sum();
    }

    /**
     * [any thread, not the EDT] Writes every part into {@code folder} (created), never over an existing file.
     *
     * @return the files written, in part order
     */
    public List<Path> write(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>(parts.size());
        for (TrackSplitter.Part p : parts) {
            written.add(SplitService.writeNew(folder, p.name(), p.bytes())); // never over an existing file
        }
        return written;
    }
}
