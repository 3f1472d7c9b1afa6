package com.midicenter.core.midi;

import static com.midicenter.core.midi.SmfBytes.ascii;
import static com.midicenter.core.midi.SmfBytes.concat;
import static com.midicenter.core.midi.SmfBytes.le32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.midicenter.core.midi.MidiFormatException.Reason;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of {@link MidiReader}: for every mutated input the outcome must be a {@link MidiFile}
 * that satisfies the structural invariants, or a {@link MidiFormatException} that is not a masked internal
 * error; nothing else may escape, no input may take more than {@link #PER_INPUT_LIMIT}, and memory stays bounded
 * by the input size (event count &lt;= input length). {@link SmfBuilder#rewrite} must re-encode every file read.
 *
 * <p>Inputs: 5 mutation campaigns x 4 base files x {@value #MUTANTS_PER_BASE} mutants, every truncation of the
 * base files (about 1,900) and every length field set to extreme and random values (about 2,300): over 22,000
 * mutated inputs, plus 2 x 3,000 arbitrary byte arrays from jqwik. The whole class runs in a few seconds.
 *
 * <p>All randomness comes from {@link #SEED}; a failure message names the test, the mutation index and the
 * seed of the {@link Random} that produced the input, so it can be reproduced with {@link #mutant}.
 */
class MidiReaderFuzzTest {

    static final long SEED = 0x5EED_2024_0611L;
    private static final Duration PER_INPUT_LIMIT = Duration.ofSeconds(1);
    private static final Duration PER_TEST_LIMIT = Duration.ofSeconds(8);
    private static final int MUTANTS_PER_BASE = 900;
    private static final int[] INTERESTING = {0x00, 0x01, 0x2F, 0x7F, 0x80, 0x81, 0x90, 0xF0, 0xF7, 0xFE, 0xFF, 'M', 'T'};

    private static final MidiReader READER = new MidiReader();
    private static List<byte[]> bases;

    @BeforeAll
    static void buildBaseFiles() {
        Random rnd = new Random(SEED);
        byte[] small = SongSpec.random(rnd, 0, Division.ppq(96), true, 1, 40).toBytes();
        byte[] multi = SongSpec.random(rnd, 1, Division.ppq(480), false, 3, 30).toBytes();
        byte[] smpte = SongSpec.random(rnd, 2, Division.smpte(25, 40), true, 2, 25).toBytes();
        byte[] body = concat(ascii("RMID"), ascii("data"), le32(small.length), small, new byte[small.length & 1]);
        byte[] rmid = concat(ascii("RIFF"), le32(body.length), body);
        bases = List.of(small, multi, smpte, rmid);
    }

    // ---------------------------------------------------------------- tests

    @Test
    void read_baseFiles_areValidWithoutWarnings() throws Exception {
        // given
        List<byte[]> files = bases;

        // when
        List<MidiFile> read = new ArrayList<>();
        for (byte[] f : files) {
            read.add(READER.read(f));
        }

        // then
        assertThat(read).allSatisfy(f -> assertThat(f.warnings()).isEmpty());
        assertThat(read).extracting(MidiFile::trackCount).containsExactly(1, 3, 2, 1);
        assertThat(files).allSatisfy(f -> assertThat(f.length).isBetween(100, 4000));
    }

    @Test
    void read_everyTruncationOfBaseFiles_returnsFileOrTypedError() {
        // given
        Campaign campaign = new Campaign("truncation");

        // when
        assertTimeoutPreemptively(PER_TEST_LIMIT, () -> {
            for (int b = 0; b < bases.size(); b++) {
                byte[] base = bases.get(b);
                for (int cut = 0; cut <= base.length; cut++) {
                    campaign.check("base " + b + " cut at " + cut, Arrays.copyOf(base, cut));
                }
            }
        });

        // then
        campaign.assertClean();
        assertThat(campaign.inputs).isGreaterThan(1_000);
    }

    @Test
    void read_randomBitFlips_returnsFileOrTypedError() {
        // given
        BiFunction<Random, byte[], byte[]> mutation = MidiReaderFuzzTest::flipBits;

        // when
        Campaign campaign = runMutations("bit flips", 1, mutation);

        // then
        campaign.assertClean();
        assertThat(campaign.inputs).isEqualTo(bases.size() * MUTANTS_PER_BASE);
    }

    @Test
    void read_randomByteOverwrites_returnsFileOrTypedError() {
        // given
        BiFunction<Random, byte[], byte[]> mutation = MidiReaderFuzzTest::overwriteBytes;

        // when
        Campaign campaign = runMutations("byte overwrites", 2, mutation);

        // then
        campaign.assertClean();
        assertThat(campaign.inputs).isEqualTo(bases.size() * MUTANTS_PER_BASE);
    }

    @Test
    void read_randomInsertionsAndDeletions_returnsFileOrTypedError() {
        // given
        BiFunction<Random, byte[], byte[]> mutation = MidiReaderFuzzTest::insertOrDelete;

        // when
        Campaign campaign = runMutations("insertions/deletions", 3, mutation);

        // then
        campaign.assertClean();
        assertThat(campaign.inputs).isEqualTo(bases.size() * MUTANTS_PER_BASE);
    }

    @Test
    void read_lengthFieldsSetToExtremes_returnsFileOrTypedError() {
        // given: every chunk length field of every base set to 0, 1, 0x7FFFFFFF, 0xFFFFFFFF, +-1..3 and
        // random values
        long[] fixed = {0, 1, 6, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL};
        Campaign campaign = new Campaign("length fields");
        Random rnd = new Random(SEED ^ 4);

        // when
        assertTimeoutPreemptively(PER_TEST_LIMIT, () -> {
            for (int b = 0; b < bases.size(); b++) {
                byte[] base = bases.get(b);
                List<int[]> chunks = chunks(base);
                for (int c = 0; c < chunks.size(); c++) {
                    int field = chunks.get(c)[0] + 4;
                    long original = be32(base, field);
                    for (long v : fixed) {
                        campaign.check("base " + b + " chunk " + c + " length " + v, withLength(base, field, v));
                    }
                    for (int d = -3; d <= 3; d++) {
                        campaign.check("base " + b + " chunk " + c + " length " + d, withLength(base, field, original + d));
                    }
                    for (int k = 0; k < 200; k++) {
                        long v = k % 2 == 0 ? rnd.nextInt() & 0xFFFF_FFFFL : rnd.nextInt(base.length * 2);
                        campaign.check("base " + b + " chunk " + c + " length " + v, withLength(base, field, v));
                    }
                }
            }
        });

        // then
        campaign.assertClean();
        assertThat(campaign.inputs).isGreaterThan(1_500);
    }

    @Test
    void read_duplicatedChunks_returnsFileOrTypedError() {
        // given
        BiFunction<Random, byte[], byte[]> mutation = MidiReaderFuzzTest::duplicateChunk;

        // when
        Campaign campaign = runMutations("duplicated chunks", 5, mutation);

        // then
        campaign.assertClean();
        assertThat(campaign.inputs).isEqualTo(bases.size() * MUTANTS_PER_BASE);
    }

    @Test
    void read_combinedMutations_returnsFileOrTypedError() {
        // given
        BiFunction<Random, byte[], byte[]> mutation = MidiReaderFuzzTest::combine;

        // when
        Campaign campaign = runMutations("combined", 6, mutation);

        // then
        campaign.assertClean();
        assertThat(campaign.inputs).isEqualTo(bases.size() * MUTANTS_PER_BASE);
    }

    @Property(tries = 3000, seed = "20240611")
    void read_arbitraryBytes_returnsFileOrTypedError(@ForAll @Size(max = 2048) byte[] input) {
        // given
        Campaign campaign = new Campaign("arbitrary bytes");

        // when
        campaign.check("arbitrary " + input.length + " bytes", input);

        // then
        campaign.assertClean();
    }

    @Property(tries = 3000, seed = "20240611")
    void read_validHeaderFollowedByArbitraryTrackBytes_returnsFileOrTypedError(
            @ForAll @Size(max = 1024) byte[] trackBytes, @ForAll int declaredLength, @ForAll boolean withTrackHeader) {
        // given: random bytes alone rarely get past the MThd check, so give them a header (and usually an MTrk)
        byte[] input = concat(SmfBytes.header(1, 1, 96),
                withTrackHeader ? concat(ascii("MTrk"), SmfBytes.be32(declaredLength & 0xFFFF_FFFFL)) : new byte[0],
                trackBytes);
        Campaign campaign = new Campaign("header + arbitrary bytes");

        // when
        campaign.check("track of " + trackBytes.length + " bytes, length " + Integer.toUnsignedString(declaredLength), input);

        // then
        campaign.assertClean();
    }

    // ---------------------------------------------------------------- machinery

    /** Runs {@link #MUTANTS_PER_BASE} seeded mutants of every base file through the reader. */
    private static Campaign runMutations(String name, int operator, BiFunction<Random, byte[], byte[]> mutation) {
        Campaign campaign = new Campaign(name);
        assertTimeoutPreemptively(PER_TEST_LIMIT, () -> {
            for (int b = 0; b < bases.size(); b++) {
                for (int i = 0; i < MUTANTS_PER_BASE; i++) {
                    long seed = mutantSeed(operator, b, i);
                    campaign.check("base " + b + " mutant " + i + " (Random seed " + seed + ")",
                            mutant(seed, bases.get(b), mutation));
                }
            }
        });
        return campaign;
    }

    static long mutantSeed(int operator, int base, int index) {
        return SEED + operator * 1_000_003L + base * 10_007L + index;
    }

    /** Reproduces one mutant: the same seed and base give the same bytes. */
    static byte[] mutant(long seed, byte[] base, BiFunction<Random, byte[], byte[]> mutation) {
        return mutation.apply(new Random(seed), base);
    }

    /** Outcomes of one batch of inputs; collects the first failures instead of stopping at the first. */
    private static final class Campaign {
        private final String name;
        private final List<String> failures = new ArrayList<>();
        private int inputs;
        private long slowestNanos;
        private String slowest = "";

        Campaign(String name) {
            this.name = name;
        }

        void check(String id, byte[] input) {
            inputs++;
            long start = System.nanoTime();
            String problem;
            try {
                problem = verify(READER.read(input), input);
            } catch (MidiFormatException e) {
                problem = verify(e, input);
            } catch (Throwable t) {
                problem = "threw " + t;
            }
            long nanos = System.nanoTime() - start;
            if (nanos > slowestNanos) {
                slowestNanos = nanos;
                slowest = id;
            }
            if (nanos > PER_INPUT_LIMIT.toNanos()) {
                problem = (problem == null ? "" : problem + "; ") + "took " + nanos / 1_000_000 + " ms";
            }
            if (problem != null && failures.size() < 10) {
                failures.add(name + " / " + id + " (" + input.length + " bytes): " + problem);
            }
        }

        void assertClean() {
            assertThat(failures).as("%s: %d inputs, slowest %d ms (%s)", name, inputs, slowestNanos / 1_000_000, slowest)
                    .isEmpty();
            assertThat(slowestNanos).as("slowest input of %s: %s", name, slowest).isLessThan(PER_INPUT_LIMIT.toNanos());
        }
    }

    /** Structural invariants of a file the reader returned; null when they hold. */
    static String verify(MidiFile f, byte[] input) {
        if (f.eventCount() > input.length) {
            return f.eventCount() + " events from " + input.length + " bytes";
        }
        if (f.warnings().size() > MidiReader.MAX_WARNINGS + 1) {
            return f.warnings().size() + " warnings";
        }
        for (ParseWarning w : f.warnings()) {
            if (w.offset() > input.length) {
                return "warning offset beyond input: " + w;
            }
        }
        if (f.format() < 0 || f.format() > 2 || f.trackCount() < 1 || f.source() != input) {
            return "format " + f.format() + ", " + f.trackCount() + " tracks";
        }
        if (f.trackStart(0) != 0 || f.trackEnd(f.trackCount() - 1) != f.eventCount()) {
            return "track ranges do not cover the events";
        }
        for (int t = 0; t < f.trackCount(); t++) {
            if (f.trackEnd(t) < f.trackStart(t)) {
                return "track " + t + " ends before it starts";
            }
            long previous = 0;
            for (int i = f.trackStart(t); i < f.trackEnd(t); i++) {
                String bad = verifyEvent(f, i, previous, input.length);
                if (bad != null) {
                    return "event " + i + " of track " + t + ": " + bad;
                }
                previous = f.tick(i);
            }
        }
        return verifyRewrite(f);
    }

    private static String verifyEvent(MidiFile f, int i, long previousTick, int inputLength) {
        int s = f.status(i);
        if (f.tick(i) < previousTick) {
            return "tick " + f.tick(i) + " before " + previousTick;
        }
        if (s >= 0x80 && s <= 0xEF) {
            return f.data1(i) > 127 || f.data2(i) > 127 || f.payloadOffset(i) != -1 ? "bad channel message" : null;
        }
        if (s != 0xF0 && s != 0xF7 && s != 0xFF) {
            return "status " + Integer.toHexString(s);
        }
        int off = f.payloadOffset(i);
        int len = f.payloadLength(i);
        return off < 0 || len < 0 || (long) off + len > inputLength ? "payload " + off + "+" + len : null;
    }

    /** rewrite() must encode every file the reader returns, and reading that back gives the same events. */
    private static String verifyRewrite(MidiFile f) {
        MidiFile again;
        try {
            again = READER.read(SmfBuilder.rewrite(f));
        } catch (Throwable t) {
            return "rewrite failed: " + t;
        }
        if (again.trackCount() != f.trackCount()) {
            return "rewrite has " + again.trackCount() + " tracks";
        }
        for (int t = 0; t < f.trackCount(); t++) {
            List<String> expected = new ArrayList<>();
            long previous = 0;
            for (int i = f.trackStart(t); i < f.trackEnd(t); i++) {
                // gaps longer than one delta come back bridged by empty text events
                for (; f.tick(i) - previous > SmfBuilder.MAX_DELTA; previous += SmfBuilder.MAX_DELTA) {
                    expected.add(SongSpec.Event.meta(previous + SmfBuilder.MAX_DELTA, 0x01, new byte[0]).describe());
                }
                previous = f.tick(i);
                expected.add(SongSpec.eventOf(f, i).describe());
            }
            if (!SmfBytes.endsWithEot(f, t)) {
                long last = f.trackEnd(t) > f.trackStart(t) ? f.tick(f.trackEnd(t) - 1) : 0;
                expected.add(SongSpec.Event.meta(last, 0x2F, new byte[0]).describe());
            }
            if (!SongSpec.actualTrack(again, t).equals(expected)) {
                return "rewrite changed track " + t;
            }
        }
        return null;
    }

    /** An exception is fine if it is a typed format error, not the reader's wrapper for its own bugs. */
    static String verify(MidiFormatException e, byte[] input) {
        if (e.reason() == Reason.UNREADABLE || e.getCause() != null) {
            return "internal reader error: " + e + (e.getCause() == null ? "" : " caused by " + e.getCause());
        }
        if (e.offset() < 0 || e.offset() > input.length) {
            return "offset " + e.offset() + " outside the input";
        }
        return null;
    }

    // ---------------------------------------------------------------- mutations

    static byte[] flipBits(Random rnd, byte[] in) {
        byte[] out = in.clone();
        for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
            out[rnd.nextInt(out.length)] ^= (byte) (1 << rnd.nextInt(8));
        }
        return out;
    }

    static byte[] overwriteBytes(Random rnd, byte[] in) {
        byte[] out = in.clone();
        for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
            out[rnd.nextInt(out.length)] = randomByte(rnd);
        }
        return out;
    }

    static byte[] insertOrDelete(Random rnd, byte[] in) {
        return rnd.nextBoolean() ? insert(rnd, in) : delete(rnd, in);
    }

    /** A copy of one chunk, inserted at a chunk boundary most of the time, else anywhere. */
    static byte[] duplicateChunk(Random rnd, byte[] in) {
        List<int[]> chunks = chunks(in);
        int[] chunk = chunks.get(rnd.nextInt(chunks.size()));
        byte[] copy = Arrays.copyOfRange(in, chunk[0], chunk[1]);
        int at = rnd.nextInt(4) > 0 ? chunks.get(rnd.nextInt(chunks.size()))[rnd.nextInt(2)] : rnd.nextInt(in.length + 1);
        return concat(Arrays.copyOf(in, at), copy, Arrays.copyOfRange(in, at, in.length));
    }

    /** Two to four of: insertion, deletion, byte overwrite, a run of VLQ continuation bytes, truncation. */
    static byte[] combine(Random rnd, byte[] in) {
        byte[] out = in;
        for (int k = 2 + rnd.nextInt(3); k > 0 && out.length > 0; k--) {
            out = switch (rnd.nextInt(5)) {
                case 0 -> insert(rnd, out);
                case 1 -> delete(rnd, out);
                case 2 -> {
                    byte[] o = out.clone();
                    o[rnd.nextInt(o.length)] = randomByte(rnd);
                    yield o;
                }
                case 3 -> {
                    byte[] o = out.clone();
                    int at = rnd.nextInt(o.length);
                    for (int i = at; i < Math.min(o.length, at + 1 + rnd.nextInt(8)); i++) {
                        o[i] = (byte) (0x80 | rnd.nextInt(128));
                    }
                    yield o;
                }
                default -> Arrays.copyOf(out, rnd.nextInt(out.length + 1));
            };
        }
        return out;
    }

    private static byte randomByte(Random rnd) {
        return (byte) (rnd.nextBoolean() ? INTERESTING[rnd.nextInt(INTERESTING.length)] : rnd.nextInt(256));
    }

    private static byte[] insert(Random rnd, byte[] in) {
        byte[] extra = new byte[1 + rnd.nextInt(16)];
        for (int i = 0; i < extra.length; i++) {
            extra[i] = randomByte(rnd);
        }
        int at = rnd.nextInt(in.length + 1);
        return concat(Arrays.copyOf(in, at), extra, Arrays.copyOfRange(in, at, in.length));
    }

    private static byte[] delete(Random rnd, byte[] in) {
        int at = rnd.nextInt(in.length);
        int n = Math.min(in.length - at, 1 + rnd.nextInt(16));
        return concat(Arrays.copyOf(in, at), Arrays.copyOfRange(in, at + n, in.length));
    }

    private static byte[] withLength(byte[] in, int field, long value) {
        byte[] out = in.clone();
        System.arraycopy(SmfBytes.be32(value), 0, out, field, 4);
        return out;
    }

    private static long be32(byte[] b, int p) {
        return ((b[p] & 0xFFL) << 24) | ((b[p + 1] & 0xFFL) << 16) | ((b[p + 2] & 0xFFL) << 8) | (b[p + 3] & 0xFFL);
    }

    /** [start, end) of every SMF chunk of a valid base file (inside the RIFF data chunk for RMID). */
    static List<int[]> chunks(byte[] file) {
        int p = 0;
        int end = file.length;
        if (MidiReader.is(file, 0, 'R', 'I', 'F', 'F')) {
            p = 20;
            end = 20 + ((file[19] & 0xFF) << 24 | (file[18] & 0xFF) << 16 | (file[17] & 0xFF) << 8 | (file[16] & 0xFF));
        }
        List<int[]> out = new ArrayList<>();
        while (p + 8 <= end) {
            int next = (int) (p + 8 + be32(file, p + 4));
            out.add(new int[] {p, next});
            p = next;
        }
        return out;
    }
}
