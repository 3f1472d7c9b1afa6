package com.midicenter.plugin;

import java.util.Objects;

/**
 * One loop of MIDI events timed in quarter-note beats from the loop's start: what the native side plays in sync with
 * the host's transport (event at beat {@code b} sounds at every host position {@code p} with
 * {@code p mod lengthBeats == b}), or from its own clock when auditioning with the transport stopped.
 *
 * <p>Events are in time order; a note-off at the same beat as a note-on comes first. Channels, statuses and data
 * bytes are raw MIDI (status includes the channel). Transpose and velocity scale are applied by the native side at
 * output time (they are host-automatable parameters), never here.
 *
 * @param lengthBeats loop length in beats, {@code > 0} (whole bars of the file)
 * @param beats       event times in beats, {@code 0 <= beat < lengthBeats}
 * @param status      status bytes (0x80..0xEF)
 * @param data1       first data bytes
 * @param data2       second data bytes (0 for two-byte messages)
 * @param bpm         the file's own tempo (an audition with the transport stopped plays at the host tempo if known,
 *                    else at this one)
 */
public record Pattern(double lengthBeats, double[] beats, byte[] status, byte[] data1, byte[] data2, double bpm) {

    /** Most events one pattern may hold (the native side's fixed, preallocated buffer). */
    public static final int MAX_EVENTS = 65_536;

    public Pattern {
        Objects.requireNonNull(beats, "beats");
        if (!(lengthBeats > 0) || status.length != beats.length || data1.length != beats.length
                || data2.length != beats.length || beats.length > MAX_EVENTS) {
            throw new IllegalArgumentException("lengthBeats=" + lengthBeats + " events=" + beats.length);
        }
    }

    public int size() {
        return beats.length;
    }
}
