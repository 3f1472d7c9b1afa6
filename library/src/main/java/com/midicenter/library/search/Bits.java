package com.midicenter.library.search;

/** Plain bit sets over document ordinals ({@code long[]}, 64 documents a word): the index's set algebra. */
final class Bits {

    private Bits() {
    }

    static long[] of(int size) {
        return new long[(size + 63) >>> 6];
    }

    static long[] all(int size) {
        long[] b = of(size);
        java.util.Arrays.fill(b, -1L);
        int tail = size & 63;
        if (tail != 0) {
            b[b.length - 1] = (1L << tail) - 1;
        }
        return b;
    }

    static void set(long[] b, int i) {
        b[i >>> 6] |= 1L << i;
    }

    static boolean get(long[] b, int i) {
        return (b[i >>> 6] & (1L << i)) != 0;
    }

    /** {@code a &= b}; a {@code null} b means "everything". */
    static void and(long[] a, long[] b) {
        if (b == null) {
            return;
        }
        for (int i = 0; i < a.length; i++) {
            a[i] &= b[i];
        }
    }

    static void andNot(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] &= ~b[i];
        }
    }

    static void or(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] |= b[i];
        }
    }

    static int count(long[] b) {
        int n = 0;
        for (long w : b) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /** Members of both, without building the intersection. */
    static int countAnd(long[] a, long[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += Long.bitCount(a[i] & b[i]);
        }
        return n;
    }

    /** The first member at or after {@code from}, or -1. */
    static int next(long[] b, int from) {
        int w = from >>> 6;
        if (w >= b.length) {
            return -1;
        }
        long word = b[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == b.length) {
                return -1;
            }
            word = b[w];
        }
    }
}
