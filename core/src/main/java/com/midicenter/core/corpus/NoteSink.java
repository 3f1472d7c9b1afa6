package com.midicenter.core.corpus;

import com.midicenter.core.midi.SmfBuilder;

/**
 * Adds notes to one {@link SmfBuilder.Track}, keeping every note inside the loop and counting note-ons.
 * Note-offs are written as note-off messages or as note-on with velocity 0, as the file's style says.
 */
final class NoteSink {

    private final SmfBuilder.Track track;
    private final boolean zeroVelocityOff;
    private final long end;
    private int notes;

    /** @param end the loop length in ticks: notes are cut to end there */
    NoteSink(SmfBuilder.Track track, boolean zeroVelocityOff, long end) {
        this.track = track;
        this.zeroVelocityOff = zeroVelocityOff;
        this.end = end;
    }

    SmfBuilder.Track track() {
        return track;
    }

    /** Adds a note; velocity is clamped to 1..127 and the duration to at least 1 tick and at most the loop end. */
    void note(long tick, int channel, int key, int velocity, long duration) {
        if (tick < 0 || tick >= end) {
            throw new IllegalArgumentException("tick=" + tick + " outside loop of " + end + " ticks");
        }
        long d = Math.max(1, Math.min(duration, end - tick));
        track.noteOn(tick, channel, key, Math.max(1, Math.min(127, velocity)));
        if (zeroVelocityOff) {
            track.noteOn(tick + d, channel, key, 0);
        } else {
            track.noteOff(tick + d, channel, key);
        }
        notes++;
    }

    /** Note-ons with velocity &gt; 0 added so far. */
    int notes() {
        return notes;
    }
}
