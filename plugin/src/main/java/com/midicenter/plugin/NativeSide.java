package com.midicenter.plugin;

/**
 * What a plugin instance's Java side can ask of its native side. Implemented by {@link Bridge} over the instance's
 * lock-free single-producer/single-consumer ring in native memory (the audio thread reads it; nothing here blocks or
 * waits for the audio thread).
 *
 * <p>[any thread] One producer per instance: calls for one instance must not run concurrently (the instance's own
 * executor serialises them).
 */
public interface NativeSide {

    /** Plays {@code pattern} from the next block on (replacing the one playing), locked to the host's transport. */
    void publish(Pattern pattern);

    /** Stops previewing: no pattern; all notes off on every channel. */
    void clear();

    /** Plays the pattern from its start on the native side's own clock while the host transport is stopped. */
    void audition(boolean on);

    /** The instance's state changed: the native side keeps this copy for the host's next save. */
    void stateChanged(byte[] state);

    /** A line for the host's log (stderr). */
    void log(String message);
}
