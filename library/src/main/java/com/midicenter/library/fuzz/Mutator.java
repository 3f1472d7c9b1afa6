package com.midicenter.library.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Makes the {@code index}-th fuzz input of a campaign from its seed files: one seed (or two, spliced), then one to
 * four mutations — bit flips, byte sets, interesting 8/16/32-bit values, chunk length fields, truncation, insertion,
 * deletion, duplicated chunks, VLQ continuation runs, header fields (format, track count up to 65535, PPQ 0 and
 * extremes, odd SMPTE rates), thousands of empty tracks, and event-level inserts into a track (huge deltas, running
 * status breaks, giant meta lengths, tempo 0 and extremes, absurd time and key signatures, note storms, unterminated
 * sysex) with the track's length field kept right so the reader parses them as events. The file name and folders
 * the analysers see as hints are drawn too (tempo and key words, hostile names).
 *
 * <p>Deterministic: {@link #input(long, long)} with the same campaign seed and index gives the same input, so any
 * input a campaign reports can be made again from its number. Thread-safe (immutable).
 */
public final class Mutator {

    /** One fuzz input: the bytes, the name and folders it pretends to have, and how it was made. */
    public record Input(long index, byte[] bytes, List<String> folders, String fileName, String recipe) {
        public Input {
            Objects.requireNonNull(bytes, "bytes");
            folders = List.copyOf(folders);
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(recipe, "recipe");
        }
    }

    /** Inputs never grow beyond this (the reader's own limit is far higher; this keeps a campaign's memory small). */
    static final int MAX_INPUT_BYTES = 1 << 20;

    private static final int[] INTERESTING_8 = {0x00, 0x01, 0x2F, 0x51, 0x58, 0x59, 0x7F, 0x80, 0x81, 0x90, 0x99, 0xC0,
        0xF0, 0xF7, 0xFE, 0xFF, 'M', 'T'};
    private static final long[] INTERESTING_32 = {0, 1, 2, 6, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
        0x0FFF_FFFFL, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL};
    private static final String[] NAMES = {"loop.mid", "Deep House Bass 124bpm Am.mid", "808_Kick_90_BPM_F#m.mid",
        "999999999bpm_Cbbm.mid", "0bpm 0-0 bars.mid", "Chords_-5bpm_H#.mid", "track (2).MID", "a'b;--%_\"\\.mid",
        "🥁 beat 170 Dm.midi", "x".repeat(300) + ".mid", ".mid", "120-126bpm 7/0 Gbm 65536 bars.kar", "song.rmi"};
    private static final String[][] FOLDERS = {{}, {"Vendor", "Pack", "Drums"}, {"Loopmasters", "Deep House 124", "Bass"},
        {"..", "..", "etc"}, {"C:", "Users", "Bass Loops 1e308bpm"}, {"\u0000", "\t", " "}};

    private final List<FuzzSeeds.Seed> seeds;
    private final long campaignSeed;

    public Mutator(List<FuzzSeeds.Seed> seeds, long campaignSeed) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seeds");
        }
        this.seeds = List.copyOf(seeds);
        this.campaignSeed = campaignSeed;
    }

    public List<FuzzSeeds.Seed> seeds() {
        return seeds;
    }

    /** The {@code index}-th input of the campaign with seed {@code campaignSeed}. */
    public Input input(long index) {
        return input(campaignSeed, index);
    }

    private Input input(long seed, long index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L + index);
        FuzzSeeds.Seed base = seeds.get(r.nextInt(seeds.size()));
        StringBuilder recipe = new StringBuilder(base.name());
        byte[] b = base.shared().clone();
        int mutations = 1 + r.nextInt(4);
        if (r.nextInt(16) == 0) {
            mutations = 0; // some seeds run as they are, with other names and folders
        }
        for (int k = 0; k < mutations; k++) {
            int op = r.nextInt(16);
            recipe.append(" > ");
            b = apply(op, b, r, recipe);
            if (b.length > MAX_INPUT_BYTES) {
                b = Arrays.copyOf(b, MAX_INPUT_BYTES);
                recipe.append(" (cut to ").append(MAX_INPUT_BYTES).append(')');
            }
        }
        String[] folders = FOLDERS[r.nextInt(FOLDERS.length)];
        return new Input(index, b, List.of(folders), NAMES[r.nextInt(NAMES.length)], recipe.toString());
    }

    private byte[] apply(int op, byte[] b, SplittableRandom r, StringBuilder recipe) {
        switch (op) {
            case 0 -> {
                recipe.append("bit flips");
                return flipBits(b, r);
            }
            case 1 -> {
                recipe.append("byte sets");
                return setBytes(b, r);
            }
            case 2 -> {
                recipe.append("interesting value");
                return interesting(b, r);
            }
            case 3, 4 -> {
                recipe.append("chunk length");
                return chunkLength(b, r);
            }
            case 5 -> {
                recipe.append("truncate");
                return b.length == 0 ? b : Arrays.copyOf(b, r.nextInt(b.length));
            }
            case 6 -> {
                FuzzSeeds.Seed other = seeds.get(r.nextInt(seeds.size()));
                recipe.append("splice with ").append(other.name());
                return splice(b, other.shared(), r);
            }
            case 7 -> {
                recipe.append("insert/delete");
                return r.nextBoolean() ? insert(b, r.nextInt(b.length + 1), randomBytes(r, 1 + r.nextInt(16))) : delete(b, r);
            }
            case 8 -> {
                recipe.append("duplicate chunk");
                return duplicateChunk(b, r);
            }
            case 9 -> {
                recipe.append("vlq run");
                return vlqRun(b, r);
            }
            case 10, 11 -> {
                return header(b, r, recipe);
            }
            case 12 -> {
                recipe.append("many tracks");
                return manyTracks(b, r);
            }
            default -> {
                return event(b, r, recipe);
            }
        }
    }

    // ------------------------------------------------------------------ byte level

    static byte[] flipBits(byte[] b, SplittableRandom r) {
        if (b.length == 0) {
            return b;
        }
        for (int k = 1 + r.nextInt(8); k > 0; k--) {
            b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
    }

    static byte[] setBytes(byte[] b, SplittableRandom r) {
        if (b.length == 0) {
            return b;
        }
        for (int k = 1 + r.nextInt(8); k > 0; k--) {
            b[r.nextInt(b.length)] = randomByte(r);
        }
        return b;
    }

    static byte[] interesting(byte[] b, SplittableRandom r) {
        int width = 1 << r.nextInt(3);
        if (b.length < width) {
            return b;
        }
        long v = INTERESTING_32[r.nextInt(INTERESTING_32.length)];
        if (r.nextInt(4) == 0) {
            v += r.nextInt(7) - 3;
        }
        putBe(b, r.nextInt(b.length - width + 1), width, v);
        return b;
    }

    static byte[] chunkLength(byte[] b, SplittableRandom r) {
        List<Integer> chunks = chunkStarts(b);
        if (chunks.isEmpty()) {
            return interesting(b, r);
        }
        int field = chunks.get(r.nextInt(chunks.size())) + 4;
        if (field + 4 > b.length) {
            return b;
        }
        long old = getBe(b, field, 4);
        long v = switch (r.nextInt(4)) {
            case 0 -> INTERESTING_32[r.nextInt(INTERESTING_32.length)];
            case 1 -> old + r.nextInt(17) - 8;
            case 2 -> r.nextInt(Math.max(1, b.length * 2));
            default -> r.nextLong() & 0xFFFF_FFFFL;
        };
        putBe(b, field, 4, v);
        return b;
    }

    static byte[] splice(byte[] a, byte[] other, SplittableRandom r) {
        int cutA = a.length == 0 ? 0 : r.nextInt(a.length + 1);
        int cutB = other.length == 0 ? 0 : r.nextInt(other.length + 1);
        if (r.nextBoolean()) {
            return cat(Arrays.copyOf(a, cutA), Arrays.copyOfRange(other, cutB, other.length));
        }
        // one chunk of the other file inserted at a chunk boundary of this one
        List<Integer> theirs = chunkStarts(other);
        List<Integer> ours = chunkStarts(a);
        if (theirs.isEmpty()) {
            return cat(Arrays.copyOf(a, cutA), Arrays.copyOfRange(other, cutB, other.length));
        }
        int start = theirs.get(r.nextInt(theirs.size()));
        int end = (int) Math.min(other.length, start + 8 + getBe(other, start + 4, 4));
        int at = ours.isEmpty() ? a.length : ours.get(r.nextInt(ours.size()));
        return insert(a, at, Arrays.copyOfRange(other, start, Math.max(start, end)));
    }

    static byte[] delete(byte[] b, SplittableRandom r) {
        if (b.length == 0) {
            return b;
        }
        int at = r.nextInt(b.length);
        int n = Math.min(b.length - at, 1 + r.nextInt(r.nextBoolean() ? 16 : 512));
        return cat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at + n, b.length));
    }

    static byte[] duplicateChunk(byte[] b, SplittableRandom r) {
        List<Integer> chunks = chunkStarts(b);
        if (chunks.isEmpty()) {
            return b;
        }
        int start = chunks.get(r.nextInt(chunks.size()));
        int end = (int) Math.min(b.length, start + 8 + getBe(b, start + 4, 4));
        byte[] copy = Arrays.copyOfRange(b, start, Math.max(start, end));
        byte[] out = b;
        for (int k = r.nextInt(8) == 0 ? 1 + r.nextInt(64) : 1; k > 0 && out.length + copy.length <= MAX_INPUT_BYTES; k--) {
            out = insert(out, end, copy);
        }
        return out;
    }

    static byte[] vlqRun(byte[] b, SplittableRandom r) {
        if (b.length == 0) {
            return b;
        }
        int at = r.nextInt(b.length);
        for (int i = at; i < Math.min(b.length, at + 1 + r.nextInt(8)); i++) {
            b[i] = (byte) (0x80 | r.nextInt(128));
        }
        return b;
    }

    // ------------------------------------------------------------------ header and tracks

    private static byte[] header(byte[] b, SplittableRandom r, StringBuilder recipe) {
        int h = indexOf(b, 'M', 'T', 'h', 'd');
        if (h < 0 || h + 14 > b.length) {
            recipe.append("header (none)");
            return b;
        }
        switch (r.nextInt(4)) {
            case 0 -> {
                int format = new int[] {0, 1, 2, 3, 0xFF, 0xFFFF}[r.nextInt(6)];
                recipe.append("format ").append(format);
                putBe(b, h + 8, 2, format);
            }
            case 1 -> {
                int tracks = new int[] {0, 1, 2, 255, 256, 0x7FFF, 0xFFFF}[r.nextInt(7)];
                recipe.append("declared tracks ").append(tracks);
                putBe(b, h + 10, 2, tracks);
            }
            case 2 -> {
                int ppq = new int[] {0, 1, 2, 3, 7, 24, 960, 0x7FFF}[r.nextInt(8)];
                recipe.append("ppq ").append(ppq);
                putBe(b, h + 12, 2, ppq);
            }
            default -> {
                int fps = new int[] {24, 25, 29, 30, 0, 1, 127, 128}[r.nextInt(8)];
                int ticks = new int[] {0, 1, 4, 40, 80, 100, 255}[r.nextInt(7)];
                recipe.append("smpte ").append(fps).append('x').append(ticks);
                b[h + 12] = (byte) -fps;
                b[h + 13] = (byte) ticks;
            }
        }
        return b;
    }

    /**
     * Appends up to 10,000 tiny tracks (end of track only, or one note) and says 65535 tracks in the header. Sizes
     * (and the note storms' 8,000 notes) are kept so that a million inputs run in well under an hour on 2 busy
     * cores; the fixed corpus holds the 20,000-track and 40,000-note files.
     */
    private static byte[] manyTracks(byte[] b, SplittableRandom r) {
        int n = new int[] {300, 3_000, 10_000}[r.nextInt(3)];
        byte[] one = r.nextBoolean()
                ? FuzzSeeds.chunk("MTrk", FuzzSeeds.bytes(0x00, 0xFF, 0x2F, 0x00), 0)
                : FuzzSeeds.chunk("MTrk", FuzzSeeds.bytes(0x00, 0x90, 0x3C, 0x40, 0x60, 0x80, 0x3C, 0x00), 0);
        byte[] out = Arrays.copyOf(b, b.length + n * one.length);
        for (int k = 0; k < n; k++) {
            System.arraycopy(one, 0, out, b.length + k * one.length, one.length);
        }
        int h = indexOf(out, 'M', 'T', 'h', 'd');
        if (h >= 0 && h + 12 <= out.length) {
            putBe(out, h + 10, 2, r.nextBoolean() ? 0xFFFF : Math.min(0xFFFF, n + 1));
        }
        return out;
    }

    /** One event-level mutation inserted into a track, its length field raised to match. */
    private static byte[] event(byte[] b, SplittableRandom r, StringBuilder recipe) {
        List<Integer> tracks = new ArrayList<>();
        for (int p = indexOf(b, 'M', 'T', 'r', 'k'); p >= 0 && p + 8 <= b.length; p = indexOf(b, p + 4, 'M', 'T', 'r', 'k')) {
            tracks.add(p);
        }
        if (tracks.isEmpty()) {
            recipe.append("event (no track)");
            return b;
        }
        int track = tracks.get(r.nextInt(tracks.size()));
        long length = getBe(b, track + 4, 4);
        int dataStart = track + 8;
        int dataEnd = (int) Math.min(b.length, dataStart + length);
        // at the start of the track's data (an event boundary), or anywhere in it
        int at = r.nextInt(3) > 0 || dataEnd <= dataStart ? dataStart : dataStart + r.nextInt(dataEnd - dataStart + 1);
        byte[] ev = switch (r.nextInt(11)) {
            case 0 -> {
                int n = 1 + r.nextInt(6);
                recipe.append("huge delta x").append(n);
                byte[] e = new byte[0];
                for (int k = 0; k < n; k++) {
                    e = cat(e, FuzzSeeds.bytes(0x8F, 0xFF, 0xFF, 0x7F, 0x90, 0x3C + k, 0x64));
                }
                yield e;
            }
            case 1 -> {
                recipe.append("running status break");
                yield r.nextBoolean() ? FuzzSeeds.bytes(0x00, 0x3C, 0x40, 0x00, 0x3E)
                        : FuzzSeeds.bytes(0x00, 0xFF, 0x7F, 0x00, 0x00, 0x45, 0x40, 0x00, 0xF7, 0x00, 0x40, 0x40);
            }
            case 2 -> {
                long len = INTERESTING_32[r.nextInt(INTERESTING_32.length)] & 0x0FFF_FFFFL;
                recipe.append("giant meta length ").append(len);
                yield FuzzSeeds.cat(FuzzSeeds.bytes(0x00, 0xFF, r.nextBoolean() ? 0x01 : 0x7F), vlq(len), FuzzSeeds.bytes('a', 'b'));
            }
            case 3 -> {
                int tempo = new int[] {0, 1, 0xFFFFFF, 60_000_000 / 999, 0x7FFFFF}[r.nextInt(5)];
                recipe.append("tempo ").append(tempo);
                yield FuzzSeeds.bytes(0x00, 0xFF, 0x51, 0x03, tempo >> 16, tempo >> 8, tempo);
            }
            case 4 -> {
                int num = new int[] {0, 1, 3, 7, 255}[r.nextInt(5)];
                int den = new int[] {0, 1, 2, 3, 6, 7, 31, 255}[r.nextInt(8)];
                recipe.append("time signature ").append(num).append("/2^").append(den);
                yield FuzzSeeds.bytes(0x00, 0xFF, 0x58, 0x04, num, den, r.nextInt(256), r.nextInt(256));
            }
            case 5 -> {
                int sf = r.nextInt(256);
                int mi = r.nextInt(256);
                recipe.append("key signature ").append(sf).append(',').append(mi);
                yield FuzzSeeds.bytes(0x00, 0xFF, 0x59, 0x02, sf, mi);
            }
            case 6 -> {
                int n = new int[] {128, 2_000, 8_000}[r.nextInt(3)];
                int channel = r.nextBoolean() ? 9 : r.nextInt(16);
                recipe.append("note storm ").append(n).append(" on channel ").append(channel + 1);
                byte[] e = new byte[n * 4];
                for (int k = 0; k < n; k++) {
                    e[4 * k] = (byte) (r.nextInt(4) == 0 ? r.nextInt(128) : 0);
                    e[4 * k + 1] = (byte) (0x90 | channel);
                    e[4 * k + 2] = (byte) r.nextInt(128);
                    e[4 * k + 3] = (byte) (r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(127));
                }
                yield e;
            }
            case 7 -> {
                recipe.append("unterminated sysex");
                yield FuzzSeeds.cat(FuzzSeeds.bytes(0x00, 0xF0), vlq(0x0FFF_FFFFL), FuzzSeeds.bytes(0x7E, 0x7F));
            }
            case 8 -> {
                recipe.append("program and controller sweep");
                byte[] e = new byte[16 * 6];
                for (int c = 0; c < 16; c++) {
                    byte[] one = FuzzSeeds.bytes(0x00, 0xC0 | c, r.nextInt(128), 0x00, 0xB0 | c, r.nextInt(128));
                    System.arraycopy(one, 0, e, c * 6, 6);
                }
                yield cat(e, FuzzSeeds.bytes(0x00, 0xB0, 0x07));
            }
            case 9 -> {
                recipe.append("end of track early");
                yield FuzzSeeds.bytes(0x00, 0xFF, 0x2F, 0x00);
            }
            default -> {
                int n = 1 + r.nextInt(200);
                recipe.append("tempo storm ").append(n);
                byte[] e = new byte[n * 7];
                for (int k = 0; k < n; k++) {
                    int tempo = r.nextInt(1 << 24);
                    byte[] one = FuzzSeeds.bytes(r.nextInt(3), 0xFF, 0x51, 0x03, tempo >> 16, tempo >> 8, tempo);
                    System.arraycopy(one, 0, e, k * 7, 7);
                }
                yield e;
            }
        };
        byte[] out = insert(b, at, ev);
        if (r.nextInt(8) > 0) {
            putBe(out, track + 4, 4, length + ev.length);
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /** Start offsets of things that look like chunks ({@code MThd}, {@code MTrk}, RIFF). */
    static List<Integer> chunkStarts(byte[] b) {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p + 8 <= b.length; p++) {
            if ((b[p] == 'M' && b[p + 1] == 'T' && (b[p + 2] == 'h' || b[p + 2] == 'r') && (b[p + 3] == 'd' || b[p + 3] == 'k'))
                    || (b[p] == 'R' && b[p + 1] == 'I' && b[p + 2] == 'F' && b[p + 3] == 'F')) {
                out.add(p);
            }
        }
        return out;
    }

    private static int indexOf(byte[] b, int c0, int c1, int c2, int c3) {
        return indexOf(b, 0, c0, c1, c2, c3);
    }

    private static int indexOf(byte[] b, int from, int c0, int c1, int c2, int c3) {
        for (int p = from; p + 4 <= b.length; p++) {
            if (b[p] == c0 && b[p + 1] == c1 && b[p + 2] == c2 && b[p + 3] == c3) {
                return p;
            }
        }
        return -1;
    }

    private static byte randomByte(SplittableRandom r) {
        return (byte) (r.nextBoolean() ? INTERESTING_8[r.nextInt(INTERESTING_8.length)] : r.nextInt(256));
    }

    private static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = randomByte(r);
        }
        return out;
    }

    static byte[] vlq(long value) {
        long v = value & 0x0FFF_FFFFL;
        byte[] tmp = new byte[4];
        int n = 0;
        do {
            tmp[n++] = (byte) (v & 0x7F);
            v >>>= 7;
        } while (v != 0);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (tmp[n - 1 - i] | (i < n - 1 ? 0x80 : 0));
        }
        return out;
    }

    private static long getBe(byte[] b, int at, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 8) | (at + i < b.length ? b[at + i] & 0xFF : 0);
        }
        return v;
    }

    private static void putBe(byte[] b, int at, int width, long v) {
        for (int i = 0; i < width; i++) {
            if (at + i < b.length) {
                b[at + i] = (byte) (v >>> (8 * (width - 1 - i)));
            }
        }
    }

    private static byte[] insert(byte[] b, int at, byte[] extra) {
        byte[] out = new byte[b.length + extra.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(b, at, out, at + extra.length, b.length - at);
        return out;
    }

    private static byte[] cat(byte[] a, byte[] c) {
        byte[] out = Arrays.copyOf(a, a.length + c.length);
        System.arraycopy(c, 0, out, a.length, c.length);
        return out;
    }
}
