package com.midicenter.core.corpus;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts the file index range into packs, deterministically and without state: indexes are grouped in
 * super-blocks of {@value #SUPER_BLOCK}, each cut into packs of {@value #MIN_PACK}..{@value #MAX_PACK}
 * files by a generator seeded with the corpus seed and the super-block number. Locating file {@code i}'s
 * pack therefore costs a few dozen random draws and no memory.
 *
 * <p>Packs are numbered densely in index order (the pack counts of earlier super-blocks are cached: one int
 * per 2,048 files). Each pack gets a (vendor, pack line) combination and a volume number through a bijection
 * of its number, so no two packs share a folder. Thread-safe.
 */
final class PackPlanner {

    static final int SUPER_BLOCK = 2048;
    static final int MIN_PACK = 40;
    static final int MAX_PACK = 400;
    private static final long SALT_CUTS = 0x5EED_C075L;
    private static final long SALT_PACK = 0x5EED_FAC4L;
    private static final int[] PPQS = {96, 192, 240, 384, 480, 960};
    private static final double[] PPQ_WEIGHTS = {0.1, 0.1, 0.05, 0.1, 0.45, 0.2};
    private static final Pack.NameStyle[] STYLES = Pack.NameStyle.values();
    private static final int[] STYLE_WEIGHTS = {20, 12, 12, 8, 8, 8, 10, 10, 12};

    /** A file's pack and its 1-based number inside the pack. */
    record Located(Pack pack, int seq) {
    }

    private final long corpusSeed;
    private final long comboOffset;
    /** {@code packsBefore[s]}: packs in super-blocks {@code 0..s-1}; grown on demand under the lock. */
    private int[] packsBefore = {0};

    PackPlanner(long corpusSeed) {
        this.corpusSeed = corpusSeed;
        this.comboOffset = Math.floorMod(Seeds.mix64(corpusSeed ^ SALT_PACK), Catalog.COMBOS.size());
    }

    Located locate(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index=" + index);
        }
        int superBlock = index / SUPER_BLOCK;
        SplittableRandom cuts = new SplittableRandom(Seeds.salted(corpusSeed, SALT_CUTS, superBlock));
        int start = superBlock * SUPER_BLOCK;
        int remaining = SUPER_BLOCK;
        int k = 0;
        while (true) {
            int size = nextSize(cuts, remaining);
            if (index < start + size) {
                Pack pack = pack(packsBefore(superBlock) + k, start, size);
                return new Located(pack, index - start + 1);
            }
            start += size;
            remaining -= size;
            k++;
        }
    }

    private static int nextSize(SplittableRandom cuts, int remaining) {
        int size = MIN_PACK + cuts.nextInt(MAX_PACK - MIN_PACK + 1);
        return remaining - size < MIN_PACK ? remaining : size;
    }

    private synchronized long packsBefore(int superBlock) {
        if (packsBefore.length <= superBlock) {
            int known = packsBefore.length;
            packsBefore = java.util.Arrays.copyOf(packsBefore, Math.max(superBlock + 1, known * 2));
            for (int s = known; s < packsBefore.length; s++) {
                packsBefore[s] = packsBefore[s - 1] + packCount(s - 1);
            }
        }
        return packsBefore[superBlock];
    }

    private int packCount(int superBlock) {
        SplittableRandom cuts = new SplittableRandom(Seeds.salted(corpusSeed, SALT_CUTS, superBlock));
        int count = 0;
        for (int remaining = SUPER_BLOCK; remaining > 0; count++) {
            remaining -= nextSize(cuts, remaining);
        }
        return count;
    }

    private Pack pack(long id, int start, int size) {
        List<Catalog.Combo> combos = Catalog.COMBOS;
        int c = combos.size();
        // id -> (combo, volume) is injective: within one volume, id mod c -> combo is a bijection (7919 is prime > c).
        int combo = (int) Math.floorMod(id * 7919L + comboOffset, (long) c);
        long volume = id / c + 1 + (combo % 7 == 0 ? 1 : 0);
        Catalog.Combo cb = combos.get(combo);
        String name = volume > 1 ? String.join(" Vol ", cb.template().name(), Long.toString(volume)) : cb.template().name();
        SplittableRandom r = new SplittableRandom(Seeds.salted(corpusSeed, SALT_PACK, id));
        double u = r.nextDouble();
        Pack.Layout layout = u < 0.6 ? Pack.Layout.CATEGORY_FOLDERS : u < 0.8 ? Pack.Layout.FLAT
                : u < 0.92 ? Pack.Layout.NUMBERED_FOLDERS : Pack.Layout.BPM_FOLDERS;
        Pack.NameStyle style = STYLES[weighted(r, STYLE_WEIGHTS)];
        u = r.nextDouble();
        Pack.KeyForm keyForm = u < 0.55 ? Pack.KeyForm.SHORT : u < 0.75 ? Pack.KeyForm.LONG
                : u < 0.9 ? Pack.KeyForm.COMPACT : Pack.KeyForm.SPACED;
        boolean sharpsOnly = r.nextDouble() < 0.25;
        boolean pad = r.nextDouble() < 0.7;
        u = r.nextDouble();
        String ext = u < 0.84 ? ".mid" : u < 0.93 ? ".MID" : ".midi";
        int ppq = PPQS[weighted(r, PPQ_WEIGHTS)];
        boolean format0 = r.nextDouble() < 0.22;
        boolean keys = r.nextDouble() < 0.3;
        boolean running = r.nextDouble() < 0.7;
        boolean zeroOff = r.nextDouble() < 0.4;
        boolean programs = r.nextDouble() < 0.8;
        int stride = 1 + r.nextInt(4);
        int parts = cb.template().focus().partSet(r);
        List<Double> tempos = new java.util.ArrayList<>(3);
        if (layout == Pack.Layout.BPM_FOLDERS) {
            for (int k = 0; k < 3; k++) {
                tempos.add(cb.template().genre().bpm(r));
            }
        }
        return new Pack(id, start, size, Catalog.VENDORS[cb.vendor()], name, cb.template(), layout, style, keyForm,
                sharpsOnly, pad, ext, ppq, format0, keys, running, zeroOff, programs, stride, parts, tempos);
    }

    static int weighted(SplittableRandom r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int u = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static int weighted(SplittableRandom r, double[] weights) {
        double u = r.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
