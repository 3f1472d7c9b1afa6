package com.midicenter.core.corpus;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides everything about one loop (part, key, tempo, meter, length, resolution, format, meta events,
 * naming) from the file's random generator, writes the Standard MIDI File and records the ground truth.
 */
final class LoopComposer {

    private static final int[] PPQS = {96, 192, 240, 384, 480, 960};
    private static final int MICROS_AT_120 = 500_000;
    private static final byte[] NO_BYTES = new byte[0];

    /**
     * A composed loop.
     *
     * @param smf       the Standard MIDI File bytes (never RIFF-wrapped)
     * @param musical   its ground truth
     * @param folder    folder inside the pack ({@code "Drums/"}, {@code ""} for a flat pack)
     * @param baseName  file name without extension
     * @param extension {@code .mid}, {@code .MID}, {@code .midi}, {@code .kar}, {@code .rmi} or {@code ""}
     */
    record Loop(byte[] smf, Musical musical, String folder, String baseName, String extension) {
    }

    private LoopComposer() {
    }

    static Loop compose(Pack pack, int seq, SplittableRandom r) {
        Genre genre = pack.genre();
        Part part = pack.part(r);
        MusicKey key = part.isTonal() ? new MusicKey(r.nextInt(12), genre.minor(r)) : null;
        Meter meter = genre.meter(r);
        double bpm = pack.bpm(r);
        int bars = bars(part, r);
        int ppq = r.nextDouble() < 0.75 ? pack.ppq() : PPQS[r.nextInt(PPQS.length)];
        int format = (pack.prefersFormat0() ? r.nextDouble() < 0.9 : r.nextDouble() < 0.1) ? 0 : 1;
        Grid grid = new Grid(ppq, meter, bars, genre.swing(meter, r));

        boolean bpmInName = pack.nameStyle().hasBpm();
        boolean keyInName = key != null && pack.nameStyle().hasKey();
        double u = r.nextDouble();
        boolean tempoMeta;
        boolean defaultTempo;
        if (bpmInName) {
            tempoMeta = u < 0.85;
            defaultTempo = u >= 0.809 && u < 0.85 && bpm != 120;
        } else {
            tempoMeta = u < 0.87;
            defaultTempo = false;
        }
        boolean meterInMeta = r.nextDouble() < (meter == Meter.FOUR_FOUR ? 0.85 : 0.92);
        u = r.nextDouble();
        String keySignature = key == null ? (u < 0.04 ? "C" : "") : u < 0.25 ? key.name() : u < 0.33 ? "C" : "";
        boolean sevenths = genre.sevenths(r);
        List<Chord> chords = key == null ? List.of() : Progressions.perBar(key, sevenths, bars, r);
        boolean programs = pack.programChanges() ? r.nextDouble() < 0.95 : r.nextDouble() < 0.3;
        boolean runningStatus = pack.runningStatus() ? r.nextDouble() < 0.9 : r.nextDouble() < 0.2;
        boolean zeroOff = pack.zeroVelocityOff() ? r.nextDouble() < 0.9 : r.nextDouble() < 0.1;
        boolean trackNames = r.nextDouble() < 0.85;
        boolean titleName = r.nextDouble() < 0.5;
        boolean copyright = r.nextDouble() < 0.1;
        boolean enharmonic = r.nextDouble() < 0.08;
        u = r.nextDouble();
        String extension = u < 0.025 ? ".rmi" : u < 0.035 ? ".kar" : u < 0.045 ? "" : pack.extension();

        String bpmText = FileNamer.bpmText(bpm);
        String tonicName = null;
        if (key != null) {
            tonicName = pack.sharpsOnly() ? MusicKey.SHARP_NAMES[key.tonic()] : key.noteName(key.tonic());
            if (enharmonic) {
                tonicName = key.enharmonicTonicName().orElse(tonicName);
            }
        }
        String baseName = FileNamer.baseName(pack, part, seq, bpmText, tonicName, key != null && key.minor());

        SmfBuilder smf = new SmfBuilder(format, Division.ppq(ppq)).runningStatus(runningStatus);
        SmfBuilder.Track first = smf.addTrack();
        if (titleName) {
            first.trackName(baseName);
        }
        if (copyright) {
            first.meta(0, 0x02, "(c) ".concat(pack.vendor()).getBytes(StandardCharsets.ISO_8859_1));
        }
        if (extension.equals(".kar")) {
            first.text(0, "@KMIDI KARAOKE FILE");
        }
        if (tempoMeta) {
            if (defaultTempo) {
                first.tempo(0, MICROS_AT_120);
            } else {
                first.tempoBpm(0, bpm);
            }
        }
        if (meterInMeta) {
            first.timeSignature(0, meter.numerator(), meter.denominator());
        }
        if (!keySignature.isEmpty()) {
            MusicKey written = keySignature.equals("C") ? new MusicKey(0, false) : key;
            first.keySignature(0, written.sharpsOrFlats(), written.minor());
        }

        List<Part> parts = new ArrayList<>(4);
        if (part == Part.FULL) {
            parts.add(Part.DRUMS);
            parts.add(Part.BASS);
            parts.add(r.nextDouble() < 0.75 ? Part.CHORDS : Part.PAD);
            if (r.nextBoolean()) {
                parts.add(r.nextBoolean() ? Part.MELODY : Part.ARP);
            }
        } else {
            parts.add(part);
        }
        long end = grid.end();
        List<NoteSink> sinks = new ArrayList<>();
        List<Integer> programList = new ArrayList<>();
        List<String> instruments = new ArrayList<>();
        int singleChannel = r.nextDouble() < 0.9 ? 0 : 1 + r.nextInt(8);
        for (int p = 0; p < parts.size(); p++) {
            Part sub = parts.get(p);
            if (sub.hasDrums()) {
                DrumLoop drums = DrumLoop.compose(grid, genre, sub, r);
                NoteSink[] groupSinks = new NoteSink[DrumLoop.GROUPS];
                boolean split = format == 1 && part != Part.FULL && r.nextDouble() < 0.4;
                if (split) {
                    for (int g = 0; g < DrumLoop.GROUPS; g++) {
                        if (drums.usesGroup(g)) {
                            SmfBuilder.Track t = smf.addTrack();
                            if (trackNames) {
                                t.trackName(DrumLoop.GROUP_NAMES[g]);
                            }
                            groupSinks[g] = new NoteSink(t, zeroOff, end);
                            sinks.add(groupSinks[g]);
                        }
                    }
                } else {
                    NoteSink sink = new NoteSink(partTrack(smf, first, format, trackNames,
                            Instruments.trackName(sub, 0, r)), zeroOff, end);
                    java.util.Arrays.fill(groupSinks, sink);
                    sinks.add(sink);
                }
                drums.emit(grid, groupSinks, r);
                instruments.add(Instruments.DRUMS);
            } else {
                int channel = part == Part.FULL ? p : singleChannel;
                int program = Instruments.program(sub, genre, r);
                SmfBuilder.Track t = partTrack(smf, first, format, trackNames, Instruments.trackName(sub, program, r));
                if (programs) {
                    t.programChange(0, channel, program);
                    programList.add(program);
                }
                instruments.add(Instruments.family(program));
                NoteSink sink = new NoteSink(t, zeroOff, end);
                sinks.add(sink);
                switch (sub) {
                    case BASS -> BassLine.write(grid, key, chords, genre.bassStyle(), sink, channel, r);
                    case CHORDS -> Harmony.chords(grid, chords, genre.chordStyle(), sink, channel, r);
                    case PAD -> Harmony.pad(grid, chords, sink, channel, r);
                    case ARP -> Harmony.arp(grid, chords, sink, channel, r);
                    case MELODY -> Melody.write(grid, key, chords, false, sink, channel, r);
                    case LEAD -> Melody.write(grid, key, chords, true, sink, channel, r);
                    default -> throw new IllegalStateException("part " + sub);
                }
            }
        }
        int notes = 0;
        for (NoteSink s : sinks) {
            notes += s.notes();
        }
        if (format == 1) {
            first.meta(end, 0x2F, NO_BYTES);
            for (NoteSink s : sinks) {
                s.track().meta(end, 0x2F, NO_BYTES);
            }
        } else {
            first.meta(end, 0x2F, NO_BYTES);
        }
        List<String> chordSymbols = new ArrayList<>(part.hasChords() ? bars : 0);
        if (part.hasChords()) {
            for (Chord c : chords) {
                chordSymbols.add(c.symbol(key));
            }
        }
        Musical musical = new Musical(part, FileNamer.category(pack, part), format, ppq, smf.trackCount(), bpm,
                tempoMeta && !defaultTempo, bpmInName, defaultTempo, key == null ? "" : key.name(), keyInName,
                keySignature, meter.text(), meterInMeta, bars, part.hasDrums(), programList, instruments, chordSymbols,
                notes, grid.swing());
        return new Loop(smf.toBytes(), musical, FileNamer.folder(pack, part, bpmText), baseName, extension);
    }

    /** The track a part goes to: the only track in format 0, a new named track in format 1. */
    private static SmfBuilder.Track partTrack(SmfBuilder smf, SmfBuilder.Track first, int format, boolean named,
                                              String name) {
        if (format == 0) {
            return first;
        }
        SmfBuilder.Track t = smf.addTrack();
        if (named) {
            t.trackName(name);
        }
        return t;
    }

    private static int bars(Part part, SplittableRandom r) {
        int[] choices = {1, 2, 4, 8, 16};
        double[] weights = switch (part) {
            case DRUMS -> new double[] {0.25, 0.3, 0.3, 0.13, 0.02};
            case FILL -> new double[] {0.7, 0.3, 0, 0, 0};
            case TOP_LOOP -> new double[] {0.35, 0.35, 0.25, 0.05, 0};
            case CHORDS, PAD -> new double[] {0.03, 0.12, 0.5, 0.3, 0.05};
            case FULL -> new double[] {0, 0, 0.4, 0.5, 0.1};
            default -> new double[] {0.05, 0.2, 0.45, 0.25, 0.05};
        };
        return choices[PackPlanner.weighted(r, weights)];
    }
}
