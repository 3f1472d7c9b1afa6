package com.midicenter.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the drums (MIDI channel 10) of a file play. Produced by {@link DrumAnalyzer}.
 *
 * @param hasDrums     the file has notes on channel 10 (index 9)
 * @param pieceCounts  hits per {@link DrumPiece}, indexed by {@link DrumPiece#ordinal()}; copied in and out
 * @param hitsPerBar   drum hits divided by the file's bars ({@link Timeline#barCount()})
 * @param swingPercent MPC-style swing, 50 (straight) .. 75, of sixteenths, or of eighths when the groove has no
 *                     sixteenths; 0 without drums (see {@link Swing} for how it is measured)
 * @param ghostNotes   snare, clap and tom hits at most half the groove's velocity (median of kick, snare and clap)
 * @param fillBars     1-based bars whose second half is a fill (tom run, snare run, or a burst of hits that the
 *                     other bars do not have), ascending
 * @param role         groove, fill, groove with fill, or none
 */
public record DrumResult(boolean hasDrums, int[] pieceCounts, double hitsPerBar, int swingPercent, int ghostNotes,
                         List<Integer> fillBars, DrumRole role) {

    private static final int PIECES = DrumPiece.values().length;

    public DrumResult {
        Objects.requireNonNull(pieceCounts, "pieceCounts");
        Objects.requireNonNull(role, "role");
        if (pieceCounts.length != PIECES) {
            throw new IllegalArgumentException("pieceCounts.length=" + pieceCounts.length);
        }
        if (hasDrums ? swingPercent < 50 || swingPercent > 75 : swingPercent != 0) {
            throw new IllegalArgumentException("swingPercent=" + swingPercent + " hasDrums=" + hasDrums);
        }
        if (hasDrums == (role == DrumRole.NONE) || hitsPerBar < 0 || ghostNotes < 0) {
            throw new IllegalArgumentException("hasDrums=" + hasDrums + " role=" + role + " hitsPerBar=" + hitsPerBar
                    + " ghostNotes=" + ghostNotes);
        }
        pieceCounts = pieceCounts.clone();
        fillBars = List.copyOf(fillBars);
    }

    /** The result for a file without drum notes. */
    static DrumResult none() {
        return new DrumResult(false, new int[PIECES], 0, 0, 0, List.of(), DrumRole.NONE);
    }

    /** A copy of the hit counts, indexed by {@link DrumPiece#ordinal()}. */
    @Override
    public int[] pieceCounts() {
        return pieceCounts.clone();
    }

    /** Hits of one piece. */
    public int count(DrumPiece piece) {
        return pieceCounts[piece.ordinal()];
    }

    /** The pieces played, in {@link DrumPiece} order, as lower-case words ({@code kick}, {@code closed hat}...). */
    public List<String> pieces() {
        List<String> words = new ArrayList<>(PIECES);
        for (int p = 0; p < PIECES; p++) {
            if (pieceCounts[p] > 0) {
                words.add(DrumPiece.ofOrdinal(p).word());
            }
        }
        return words;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DrumResult r && hasDrums == r.hasDrums && java.util.Arrays.equals(pieceCounts, r.pieceCounts)
                && Double.compare(hitsPerBar, r.hitsPerBar) == 0 && swingPercent == r.swingPercent
                && ghostNotes == r.ghostNotes && fillBars.equals(r.fillBars) && role == r.role;
    }

    @Override
    public int hashCode() {
        return Objects.hash(hasDrums, java.util.Arrays.hashCode(pieceCounts), hitsPerBar, swingPercent, ghostNotes,
                fillBars, role);
    }

    @Override
    public String toString() {
        return "DrumResult[hasDrums=" + hasDrums + ", pieces=" + pieces() + ", hitsPerBar=" + hitsPerBar
                + ", swingPercent=" + swingPercent + ", ghostNotes=" + ghostNotes + ", fillBars=" + fillBars
                + ", role=" + role + "]";
    }
}
