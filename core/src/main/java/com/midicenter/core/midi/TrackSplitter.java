package com.midicenter.core.midi;

import com.midicenter.core.analysis.GeneralMidi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Splits a parsed file into parts, one format-1 file per part: per track that has notes (format 1 and 2), or per
 * channel that has notes (format 0).
 *
 * <p>Every part is a two-track format-1 file with the source's division:
 * <ol>
 *   <li>a conductor track with the file's tempo map, time signatures, key signatures and SMPTE offset, gathered
 *       from whichever tracks hold them (duplicates at the same tick dropped);</li>
 *   <li>the part's track: for a track, all its events but those conductor metas; for a format-0 channel, that
 *       channel's messages, named after the part's label. The non-note channel messages (program changes,
 *       controllers, pitch bend) of tracks without notes are added when they address one of the part's note
 *       channels: a setup track's program changes reach the part they set up.</li>
 * </ol>
 * Tracks and channels without notes give no part. Every note of the source lands in exactly one part, so the
 * parts' note counts add up to the source's.
 *
 * <p>Part names follow {@code Song - 03 Bass.mid}: the song name, the part's position (two digits, from 01) and
 * its label: the track name (format 1 only: a format-0 track name is the song's title), else {@code Drums} for
 * channel 10, else the GM family of the channel's first program ({@code Bass}, {@code Synth Lead}), else
 * {@code Channel N}. Names are safe on common file systems (see {@link #safeFileName(String)}).
 *
 * <p>Stateless and thread-safe.
 */
public final class TrackSplitter {

    /** Longest file name produced, in characters, {@code .mid} included (most file systems allow 255 bytes). */
    public static final int MAX_NAME_CHARS = 120;

    private static final int TRACK_NAME = 0x03;
    private static final int END_OF_TRACK = 0x2F;
    private static final int SMPTE_OFFSET = 0x54;
    private static final int TEMPO = 0x51;
    private static final int TIME_SIGNATURE = 0x58;
    private static final int KEY_SIGNATURE = 0x59;

    /**
     * One part of a split file.
     *
     * @param name    file name, e.g. {@code Song - 03 Bass.mid}
     * @param bytes   the part's Standard MIDI File (format 1)
     * @param track   the source track (0-based) the part's events come from
     * @param channel MIDI channel 1..16 when all the part's notes are on one channel, 0 when on several
     * @param notes   note-ons (velocity &gt; 0) in the part
     */
    public record Part(String name, byte[] bytes, int track, int channel, int notes) {
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bytes, "bytes");
            if (track < 0 || channel < 0 || channel > 16 || notes <= 0) {
                throw new IllegalArgumentException("track=" + track + " channel=" + channel + " notes=" + notes);
            }
        }
    }

    private TrackSplitter() {
    }

    /**
     * The parts of {@code file}, in track order (format 1 and 2) or channel order (format 0).
     *
     * @param songName the name parts are named after, usually the source file name without extension; made safe
     * @return the parts; empty when the file has no notes
     */
    public static List<Part> split(MidiFile file, String songName) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(songName, "songName");
        int[] conductor = conductorEvents(file);
        int[] notesPerTrack = new int[file.trackCount()];
        int[][] notesPerTrackChannel = new int[file.trackCount()][16];
        for (int t = 0; t < file.trackCount(); t++) {
            for (int i = file.trackStart(t); i < file.trackEnd(t); i++) {
                if (file.isNoteOn(i)) {
                    notesPerTrack[t]++;
                    notesPerTrackChannel[t][file.channel(i)]++;
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        if (file.format() == 0) {
            for (int t = 0; t < file.trackCount(); t++) {
                for (int c = 0; c < 16; c++) {
                    if (notesPerTrackChannel[t][c] > 0) {
                        parts.add(channelPart(file, conductor, songName, parts.size() + 1, t, c,
                                notesPerTrackChannel[t][c]));
                    }
                }
            }
        } else {
            for (int t = 0; t < file.trackCount(); t++) {
                if (notesPerTrack[t] > 0) {
                    parts.add(trackPart(file, conductor, notesPerTrack, songName, parts.size() + 1, t,
                            notesPerTrackChannel[t], notesPerTrack[t]));
                }
            }
        }
        return List.copyOf(parts);
    }

    private static Part trackPart(MidiFile file, int[] conductor, int[] notesPerTrack, String song, int number,
                                  int t, int[] channelNotes, int notes) {
        SmfBuilder smf = newPart(file, conductor);
        Gapped out = new Gapped(smf.addTrack());
        boolean[] channels = new boolean[16];
        int onlyChannel = -1;
        for (int c = 0; c < 16; c++) {
            if (channelNotes[c] > 0) {
                channels[c] = true;
                onlyChannel = onlyChannel == -1 ? c : -2;
            }
        }
        // setup messages from note-less tracks first: at equal ticks they then precede the track's own notes
        java.util.stream.IntStream.Builder setup = java.util.stream.IntStream.builder();
        for (int s = 0; s < file.trackCount(); s++) {
            if (notesPerTrack[s] == 0) {
                for (int i = file.trackStart(s); i < file.trackEnd(s); i++) {
                    if (isChannelMessage(file, i) && channels[file.channel(i)]) {
                        setup.add(i);
                    }
                }
            }
        }
        int[] merged = mergeByTick(file, setup.build().toArray(), eventsOf(file, t));
        String trackName = null;
        long endTick = -1;
        for (int i : merged) {
            if (file.isMeta(i)) {
                int type = file.metaType(i);
                if (isConductorMeta(type)) {
                    continue;
                }
                if (type == END_OF_TRACK) {
                    endTick = file.tick(i);
                    continue;
                }
                if (type == TRACK_NAME && trackName == null) {
                    trackName = file.metaText(i).strip();
                }
            }
            out.copy(file, i);
        }
        if (endTick >= 0) {
            out.endOfTrack(endTick);
        }
        int channel = onlyChannel >= 0 ? onlyChannel : firstNoteChannel(file, t);
        String label = trackName != null && !trackName.isEmpty() ? trackName : instrumentLabel(file, channel);
        return new Part(partName(song, number, label), smf.toBytes(), t, onlyChannel >= 0 ? onlyChannel + 1 : 0,
                notes);
    }

    private static Part channelPart(MidiFile file, int[] conductor, String song, int number, int t, int channel,
                                    int notes) {
        String label = instrumentLabel(file, channel);
        SmfBuilder smf = newPart(file, conductor);
        SmfBuilder.Track track = smf.addTrack().trackName(label);
        Gapped out = new Gapped(track);
        long endTick = -1;
        for (int i = file.trackStart(t); i < file.trackEnd(t); i++) {
            if (isChannelMessage(file, i) && file.channel(i) == channel) {
                out.copy(file, i);
            } else if (file.isMeta(i) && file.metaType(i) == END_OF_TRACK) {
                endTick = file.tick(i);
            }
        }
        if (endTick >= 0) {
            out.endOfTrack(endTick);
        }
        return new Part(partName(song, number, label), smf.toBytes(), t, channel + 1, notes);
    }

    /** A format-1 builder holding the conductor track. */
    private static SmfBuilder newPart(MidiFile file, int[] conductor) {
        SmfBuilder smf = new SmfBuilder(1, file.division());
        Gapped out = new Gapped(smf.addTrack());
        for (int i : conductor) {
            out.copy(file, i);
        }
        return smf;
    }

    /** Tempo, meter, key and SMPTE-offset metas of all tracks, by tick, without repeats at the same tick. */
    static int[] conductorEvents(MidiFile file) {
        int[] found = new int[16];
        int n = 0;
        for (int t = 0; t < file.trackCount(); t++) {
            for (int i = file.trackStart(t); i < file.trackEnd(t); i++) {
                if (file.isMeta(i) && isConductorMeta(file.metaType(i))) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = i;
                }
            }
        }
        int[] sorted = mergeByTick(file, Arrays.copyOf(found, n), new int[0]);
        int[] kept = new int[sorted.length];
        int k = 0;
        for (int i : sorted) {
            boolean repeat = false;
            for (int j = k - 1; j >= 0 && file.tick(kept[j]) == file.tick(i); j--) {
                if (file.metaType(kept[j]) == file.metaType(i) && Arrays.equals(file.payload(kept[j]), file.payload(i))) {
                    repeat = true;
                    break;
                }
            }
            if (!repeat) {
                kept[k++] = i;
            }
        }
        return Arrays.copyOf(kept, k);
    }

    private static boolean isConductorMeta(int type) {
        return type == TEMPO || type == TIME_SIGNATURE || type == KEY_SIGNATURE || type == SMPTE_OFFSET;
    }

    private static boolean isChannelMessage(MidiFile file, int i) {
        int status = file.status(i);
        return status >= 0x80 && status <= 0xEF;
    }

    private static int[] eventsOf(MidiFile file, int t) {
        int[] events = new int[file.trackEnd(t) - file.trackStart(t)];
        for (int k = 0; k < events.length; k++) {
            events[k] = file.trackStart(t) + k;
        }
        return events;
    }

    /** Event indexes of {@code a} then {@code b}, stably sorted by tick (a's first at equal ticks). */
    private static int[] mergeByTick(MidiFile file, int[] a, int[] b) {
        Integer[] all = new Integer[a.length + b.length];
        for (int k = 0; k < a.length; k++) {
            all[k] = a[k];
        }
        for (int k = 0; k < b.length; k++) {
            all[a.length + k] = b[k];
        }
        Arrays.sort(all, (x, y) -> Long.compare(file.tick(x), file.tick(y))); // stable (TimSort)
        return Arrays.stream(all).mapToInt(Integer::intValue).toArray();
    }

    private static int firstNoteChannel(MidiFile file, int t) {
        for (int i = file.trackStart(t); i < file.trackEnd(t); i++) {
            if (file.isNoteOn(i)) {
                return file.channel(i);
            }
        }
        throw new IllegalStateException("track " + t + " has no notes");
    }

    /**
     * {@code Drums} for channel 10 (its program picks a drum kit, not an instrument), else the GM family of the
     * channel's first program change anywhere in the file, else {@code Channel N}.
     */
    static String instrumentLabel(MidiFile file, int channel) {
        if (channel == GeneralMidi.DRUM_CHANNEL) {
            return GeneralMidi.DRUMS;
        }
        int program = -1;
        long programTick = Long.MAX_VALUE;
        for (int t = 0; t < file.trackCount(); t++) {
            for (int i = file.trackStart(t); i < file.trackEnd(t); i++) {
                if (file.status(i) == (0xC0 | channel) && file.tick(i) < programTick) {
                    program = file.data1(i) & 0x7F;
                    programTick = file.tick(i);
                    break;
                }
            }
        }
        return program >= 0 ? GeneralMidi.family(program) : "Channel " + (channel + 1);
    }

    /**
     * {@code song - NN label.mid}, made safe and at most {@link #MAX_NAME_CHARS} characters: the song name is
     * shortened first, the label after it, so the part number always survives.
     */
    static String partName(String song, int number, String label) {
        String safeSong = safeFileName(song);
        String safeLabel = safeFileName(label);
        if (safeSong.isEmpty()) {
            safeSong = "Song";
        }
        String tail = String.format(java.util.Locale.ROOT, " - %02d", number)
                + (safeLabel.isEmpty() ? "" : " " + cut(safeLabel, 40)) + ".mid";
        return cut(safeSong, MAX_NAME_CHARS - tail.length()).strip() + tail;
    }

    /**
     * {@code name} usable as a file name on Linux, macOS and Windows: control characters and
     * {@code / \ : * ? " < > |} become spaces, runs of spaces one, leading and trailing spaces and dots go.
     */
    public static String safeFileName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            boolean bad = Character.isISOControl(c) || "/\\:*?\"<>|".indexOf(c) >= 0;
            b.append(bad || Character.isWhitespace(c) ? ' ' : c);
        }
        String s = b.toString().replaceAll(" {2,}", " ");
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '.')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '.')) {
            to--;
        }
        return s.substring(from, to);
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Math.max(0, max);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Copies events into a track, inserting empty text events where two are more than a delta time apart (as
     * {@link SmfBuilder#rewrite(MidiFile)} does), so every event keeps its tick. Events must come in tick order.
     */
    private static final class Gapped {
        private final SmfBuilder.Track track;
        private long previous;

        Gapped(SmfBuilder.Track track) {
            this.track = track;
        }

        void copy(MidiFile file, int i) {
            long tick = file.tick(i);
            bridge(tick);
            int status = file.status(i);
            if (status == 0xFF) {
                track.anyMeta(tick, file.metaType(i), file.payload(i));
            } else if (status == 0xF0 || status == 0xF7) {
                track.sysex(tick, status, file.payload(i));
            } else {
                track.channelMessage(tick, status, file.data1(i) & 0x7F, file.data2(i) & 0x7F);
            }
        }

        void endOfTrack(long tick) {
            if (tick >= previous) {
                bridge(tick);
                track.anyMeta(tick, END_OF_TRACK, new byte[0]);
            }
        }

        private void bridge(long tick) {
            while (tick - previous > SmfBuilder.MAX_DELTA) {
                previous += SmfBuilder.MAX_DELTA;
                track.meta(previous, 0x01, new byte[0]);
            }
            previous = Math.max(previous, tick);
        }
    }
}
