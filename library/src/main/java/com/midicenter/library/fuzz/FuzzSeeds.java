package com.midicenter.library.fuzz;

import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.core.corpus.CorruptKind;
import com.midicenter.core.corpus.FileKind;
import com.midicenter.core.corpus.GeneratedFile;
import com.midicenter.core.corpus.GroundTruth;
import com.midicenter.core.corpus.Part;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The files a fuzz campaign starts from: generated loops of every part (drums, fills, bass, chords, pads, melodies,
 * construction kits...), format 0 and format 1, RIFF RMID, an SMPTE-timed copy, one corrupt file of every
 * {@link CorruptKind}, and hand-assembled repair cases (the damage the lenient reader repairs: wrong track lengths,
 * missing end of track, running status across meta events, stray data and status bytes, bad meta lengths, odd
 * divisions, junk around chunks, concatenated files, overlong variable-length numbers).
 *
 * <p>Deterministic: the same list every time. Thread-safe.
 */
public final class FuzzSeeds {

    /** One seed file and what it is. */
    public record Seed(String name, byte[] bytes) {
        public Seed {
            Objects.requireNonNull(name, "name");
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The bytes without a copy; callers must not change them. */
        byte[] shared() {
            return bytes;
        }
    }

    private static final long CORPUS_SEED = 0xF022;
    private static final int SCAN_LIMIT = 20_000;

    private FuzzSeeds() {
    }

    /** Every seed: generated files first, then the repair cases (made once, then shared: seeds are immutable). */
    public static List<Seed> all() {
        return All.SEEDS;
    }

    private static final class All {
        static final List<Seed> SEEDS;

        static {
            List<Seed> seeds = new ArrayList<>(generated());
            seeds.addAll(repairCases());
            SEEDS = List.copyOf(seeds);
        }
    }

    /** Generated files: one valid file per part, format 0 and 1, RMID, SMPTE, one per corrupt kind. */
    public static List<Seed> generated() {
        CorpusGenerator generator = new CorpusGenerator(CORPUS_SEED, 1);
        Map<String, Seed> found = new LinkedHashMap<>();
        Set<Part> parts = EnumSet.noneOf(Part.class);
        Set<CorruptKind> corrupt = EnumSet.noneOf(CorruptKind.class);
        for (int i = 0; i < SCAN_LIMIT && (parts.size() < Part.values().length || corrupt.size() < CorruptKind.values().length
                || found.size() < Part.values().length + CorruptKind.values().length + 3); i++) {
            GeneratedFile file = generator.file(i);
            GroundTruth t = file.truth();
            byte[] bytes = file.bytes();
            if (t.kind() == FileKind.CORRUPT && corrupt.add(t.corruptKind())) {
                found.put("corrupt-" + t.corruptKind().csvName(), new Seed("corrupt-" + t.corruptKind().csvName(), bytes));
            } else if (t.kind() == FileKind.VALID) {
                if (parts.add(t.part())) {
                    String name = "part-" + t.part().name().toLowerCase(java.util.Locale.ROOT);
                    found.put(name, new Seed(name, bytes));
                }
                boolean rmid = bytes.length > 4 && bytes[0] == 'R' && bytes[1] == 'I';
                String name = rmid ? "rmid" : "format-" + t.format();
                if (!found.containsKey(name)) {
                    found.put(name, new Seed(name, bytes));
                }
            }
        }
        List<Seed> seeds = new ArrayList<>(found.values());
        Seed format1 = found.get("format-1");
        if (format1 != null) {
            byte[] smpte = format1.bytes();
            smpte[12] = (byte) -25; // 25 frames per second,
            smpte[13] = 40;         // 40 ticks per frame
            seeds.add(new Seed("smpte-25x40", smpte));
        }
        return seeds;
    }

    /** Hand-assembled files with the damage the reader repairs (and a few it refuses). */
    public static List<Seed> repairCases() {
        byte[] notes = bytes(0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20, 0x00, 0xFF, 0x58, 0x04, 0x04, 0x02, 0x18, 0x08,
                0x00, 0x90, 0x3C, 0x64, 0x60, 0x80, 0x3C, 0x40, 0x00, 0x90, 0x40, 0x64, 0x60, 0x80, 0x40, 0x40,
                0x00, 0x90, 0x43, 0x64, 0x60, 0x80, 0x43, 0x40);
        byte[] eot = bytes(0x00, 0xFF, 0x2F, 0x00);
        byte[] track = cat(notes, eot);
        byte[] drums = bytes(0x00, 0x99, 0x24, 0x7F, 0x30, 0x89, 0x24, 0x00, 0x00, 0x99, 0x26, 0x60, 0x30, 0x26, 0x00,
                0x00, 0xFF, 0x2F, 0x00);
        List<Seed> seeds = new ArrayList<>();
        seeds.add(new Seed("repair-track-length-short", smf(1, 2, 96, chunk("MTrk", track, -10), chunk("MTrk", drums, 0))));
        seeds.add(new Seed("repair-track-length-long", smf(1, 2, 96, chunk("MTrk", track, 12), chunk("MTrk", drums, 0))));
        seeds.add(new Seed("repair-track-length-beyond-eof", smf(0, 1, 96, chunk("MTrk", track, 5000))));
        seeds.add(new Seed("repair-missing-end-of-track", smf(1, 2, 96, chunk("MTrk", notes, 0), chunk("MTrk", drums, 0))));
        seeds.add(new Seed("repair-running-status-across-meta", smf(0, 1, 96, chunk("MTrk", cat(
                bytes(0x00, 0x90, 0x3C, 0x64, 0x00, 0xFF, 0x01, 0x01, 'x', 0x60, 0x3C, 0x00, 0x00, 0x3E, 0x64, 0x60, 0x3E, 0x00),
                eot), 0))));
        seeds.add(new Seed("repair-data-byte-without-status", smf(0, 1, 96, chunk("MTrk", cat(bytes(0x00, 0x3C, 0x40),
                track), 0))));
        seeds.add(new Seed("repair-data-byte-above-127", smf(0, 1, 96, chunk("MTrk", cat(bytes(0x00, 0x90, 0x3C, 0x64,
                0x60, 0x80, 0xBC, 0x40), eot), 0))));
        seeds.add(new Seed("repair-system-common-bytes", smf(0, 1, 96, chunk("MTrk", cat(bytes(0x00, 0xF2, 0x10, 0x10,
                0x00, 0xF8, 0x00, 0xF6), track), 0))));
        seeds.add(new Seed("repair-junk-before-header", cat("<html>oops</html>\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                smf(0, 1, 96, chunk("MTrk", track, 0)))));
        seeds.add(new Seed("repair-junk-between-chunks", smf(1, 2, 96, chunk("MTrk", track, 0), bytes(0x00, 0x00, 0x13, 0x37),
                chunk("XFIH", bytes(1, 2, 3), 0), chunk("MTrk", drums, 0))));
        seeds.add(new Seed("repair-concatenated-files", cat(smf(0, 1, 96, chunk("MTrk", track, 0)),
                smf(1, 1, 480, chunk("MTrk", drums, 0)))));
        seeds.add(new Seed("repair-track-count-mismatch", smf(1, 5, 96, chunk("MTrk", track, 0), chunk("MTrk", drums, 0))));
        seeds.add(new Seed("repair-bad-meta-lengths", smf(0, 1, 96, chunk("MTrk", cat(bytes(0x00, 0xFF, 0x51, 0x02, 0x07,
                0xA1, 0x00, 0xFF, 0x58, 0x02, 0x03, 0x02, 0x00, 0xFF, 0x59, 0x02, 0x09, 0x05), track), 0))));
        seeds.add(new Seed("repair-time-signature-zero", smf(0, 1, 96, chunk("MTrk", cat(bytes(0x00, 0xFF, 0x58, 0x04,
                0x00, 0x00, 0x18, 0x08), track), 0))));
        seeds.add(new Seed("repair-overlong-delta", smf(1, 2, 96, chunk("MTrk", cat(notes, bytes(0x81, 0x82, 0x83, 0x84,
                0x85, 0x00, 0x90, 0x3C, 0x64)), 0), chunk("MTrk", drums, 0))));
        seeds.add(new Seed("repair-zero-ppq", smf(0, 1, 0, chunk("MTrk", track, 0))));
        seeds.add(new Seed("repair-smpte-unknown-rate", smf(0, 1, 0xE328, chunk("MTrk", track, 0))));
        seeds.add(new Seed("repair-format-three", smf(3, 1, 96, chunk("MTrk", track, 0))));
        seeds.add(new Seed("repair-stuck-notes", smf(0, 1, 96, chunk("MTrk", cat(bytes(0x00, 0x90, 0x3C, 0x64, 0x10, 0x90,
                0x3C, 0x64, 0x10, 0x3C, 0x00, 0x00, 0x80, 0x41, 0x40, 0x00, 0x90, 0x48, 0x64), eot), 0))));
        seeds.add(new Seed("repair-unterminated-sysex", smf(0, 1, 96, chunk("MTrk", cat(bytes(0x00, 0xF0, 0x05, 0x7E,
                0x7F, 0x09, 0x01, 0x00, 0x00, 0xF7, 0x03, 0x43, 0x12, 0x00), track), 0))));
        return seeds;
    }

    // ------------------------------------------------------------------ assembly

    /** An SMF: the header, then the given chunks (already framed) in order. */
    static byte[] smf(int format, int tracks, int division, byte[]... chunks) {
        byte[] header = chunk("MThd", bytes(format >> 8, format, tracks >> 8, tracks, division >> 8, division), 0);
        return cat(header, cat(chunks));
    }

    /** A chunk whose length field says {@code data.length + lengthError}. */
    static byte[] chunk(String type, byte[] data, int lengthError) {
        long length = data.length + (long) lengthError;
        return cat(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                bytes((int) (length >>> 24), (int) (length >>> 16), (int) (length >>> 8), (int) length), data);
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
