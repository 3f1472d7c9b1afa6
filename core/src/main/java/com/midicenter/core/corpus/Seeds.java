package com.midicenter.core.corpus;

/**
 * Seed mixing for the corpus: every random decision about file {@code i} comes from a generator seeded
 * with {@link #fileSeed(long, int)}, so file {@code i} depends only on the corpus seed and {@code i}.
 */
final class Seeds {

    /** The 64-bit golden ratio, the increment of {@link java.util.SplittableRandom}. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: a bijective 64-bit mix. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of file {@code index} of the corpus with seed {@code corpusSeed}. */
    static long fileSeed(long corpusSeed, int index) {
        return mix64(corpusSeed + GOLDEN * (index + 1L));
    }

    /** A seed for the {@code n}-th object of a family named by {@code salt} (packs, pack layout...). */
    static long salted(long corpusSeed, long salt, long n) {
        return mix64(mix64(corpusSeed ^ salt) + GOLDEN * (n + 1L));
    }
}
