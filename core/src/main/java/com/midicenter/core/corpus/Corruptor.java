package com.midicenter.core.corpus;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Damages a clean Standard MIDI File in the ways real collections are damaged. */
final class Corruptor {

    private static final CorruptKind[] KINDS = CorruptKind.values();
    /** Shares of {@link CorruptKind} values, in declaration order. */
    private static final double[] WEIGHTS = {0.25, 0.05, 0.12, 0.05, 0.10, 0.10, 0.18, 0.15};
    private static final String[] PAGES = {
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n<body><h1>Not Found</h1>"
            + "<p>The requested URL was not found on this server.</p></body></html>\n",
        "<!DOCTYPE html>\n<html><head><title>403 Forbidden</title></head>\n<body><h1>Forbidden</h1>"
            + "<p>You don't have permission to access this resource.</p></body></html>\n",
        "<html><head><title>Download expired</title></head><body>This download link has expired. "
            + "Please log in to your account to download your purchase again.</body></html>\n",
    };
    private static final String HTTP_HEADER = "HTTP/1.1 200 OK\r\nContent-Type: audio/midi\r\nContent-Length: ";

    private Corruptor() {
    }

    static CorruptKind kind(SplittableRandom r) {
        return KINDS[PackPlanner.weighted(r, WEIGHTS)];
    }

    /** The damaged bytes; {@code smf} is a clean SMF with a 14-byte header and at least one track. */
    static byte[] corrupt(CorruptKind kind, byte[] smf, SplittableRandom r) {
        return switch (kind) {
            case TRUNCATED -> {
                int low = Math.max(23, smf.length / 3);
                int high = Math.max(low + 1, 2 * smf.length / 3);
                yield Arrays.copyOf(smf, Math.min(smf.length - 1, low + r.nextInt(high - low)));
            }
            case TRUNCATED_HEADER -> Arrays.copyOf(smf, 4 + r.nextInt(10));
            case RANDOM_BYTES -> noCapitalM(randomBytes(16 + r.nextInt(4081), r));
            case HTML_PAGE -> PAGES[r.nextInt(PAGES.length)].getBytes(StandardCharsets.US_ASCII);
            case EMPTY -> new byte[0];
            case HEADER_ONLY -> Arrays.copyOf(smf, 14);
            case GARBAGE_BEFORE_HEADER -> {
                byte[] junk = r.nextBoolean()
                        ? (HTTP_HEADER + smf.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)
                        : noCapitalM(randomBytes(16 + r.nextInt(497), r));
                if (junk[0] == 'R') {
                    junk[0] = 0; // never look like a RIFF header
                }
                byte[] out = Arrays.copyOf(junk, junk.length + smf.length);
                System.arraycopy(smf, 0, out, junk.length, smf.length);
                yield out;
            }
            case WRONG_TRACK_LENGTH -> wrongTrackLength(smf, r);
        };
    }

    /**
     * Adds 1 to 7 to one track's declared length. For the last track that runs past the end of the file; for
     * another it ends inside the next chunk's header, where no chunk id can start, so the reader falls back
     * on the End of Track: every event survives either way.
     */
    private static byte[] wrongTrackLength(byte[] smf, SplittableRandom r) {
        int tracks = ((smf[10] & 0xFF) << 8) | (smf[11] & 0xFF);
        int target = r.nextInt(tracks);
        int p = 14;
        for (int t = 0; t < target; t++) {
            p += 8 + be32(smf, p + 4);
        }
        byte[] out = smf.clone();
        int length = be32(out, p + 4) + 1 + r.nextInt(7);
        out[p + 4] = (byte) (length >>> 24);
        out[p + 5] = (byte) (length >>> 16);
        out[p + 6] = (byte) (length >>> 8);
        out[p + 7] = (byte) length;
        return out;
    }

    private static byte[] randomBytes(int n, SplittableRandom r) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    /** Removes every 'M' so the bytes can never hold {@code MThd} (nor {@code RMID}). */
    private static byte[] noCapitalM(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 'M') {
                b[i] = 0;
            }
        }
        return b;
    }

    private static int be32(byte[] b, int p) {
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }
}
