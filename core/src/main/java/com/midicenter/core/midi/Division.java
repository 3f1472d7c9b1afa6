package com.midicenter.core.midi;

/**
 * The time division of a Standard MIDI File header: ticks per quarter note, or SMPTE frames.
 *
 * @param ticksPerQuarter ticks per quarter note (PPQ), &gt; 0 when {@code smpteFps == 0}
 * @param smpteFps        0 for metrical time, else 24, 25, 29 (meaning 29.97 drop-frame) or 30
 * @param ticksPerFrame   sub-frame resolution for SMPTE time, 0 otherwise
 */
public record Division(int ticksPerQuarter, int smpteFps, int ticksPerFrame) {

    public Division {
        if (smpteFps == 0 && ticksPerQuarter <= 0) {
            throw new IllegalArgumentException("ticksPerQuarter=" + ticksPerQuarter);
        }
        if (smpteFps != 0 && (ticksPerFrame <= 0 || smpteFps < 0)) {
            throw new IllegalArgumentException("smpteFps=" + smpteFps + " ticksPerFrame=" + ticksPerFrame);
        }
    }

    public static Division ppq(int ticksPerQuarter) {
        return new Division(ticksPerQuarter, 0, 0);
    }

    public static Division smpte(int fps, int ticksPerFrame) {
        return new Division(0, fps, ticksPerFrame);
    }

    public boolean isSmpte() {
        return smpteFps != 0;
    }

    /** Ticks per second for SMPTE time (29 means 29.97 fps). */
    public double smpteTicksPerSecond() {
        double fps = smpteFps == 29 ? 29.97 : smpteFps;
        return fps * ticksPerFrame;
    }

    /** The 16-bit header value. */
    public int encoded() {
        return isSmpte() ? (((-smpteFps) & 0xFF) << 8) | (ticksPerFrame & 0xFF) : ticksPerQuarter & 0x7FFF;
    }
}
