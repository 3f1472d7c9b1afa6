package com.midicenter.plugin;

import java.nio.file.Path;

/**
 * The Java side of one plugin instance: the browser, the selected file's {@link Pattern}, the shared library, the
 * state. {@link Bridge} creates one per native instance (through {@link java.util.ServiceLoader} of
 * {@link InstanceLogic.Factory}) and calls it from the native side's main-thread calls and its own bridge thread,
 * never from the audio thread.
 *
 * <p>None of these calls may block its caller for more than a few milliseconds: long work (starting the library,
 * building the window) goes to the instance's own threads.
 */
public interface InstanceLogic {

    /** Creates instances. */
    interface Factory {
        InstanceLogic create();
    }

    /**
     * The instance exists: start what it needs in the background (the library; no AWT yet).
     *
     * @param nativeSide where patterns, state copies and log lines go
     * @param bundle     the plugin bundle's folder (where the runtime and jars are), for data paths
     */
    void start(NativeSide nativeSide, Path bundle);

    /** The host restores a saved state (bytes the instance gave through {@link NativeSide#stateChanged}). */
    void loadState(byte[] state);

    /** The host's transport, about 10 times a second while it changes (for the UI only). */
    default void transport(boolean playing, double bpm) {
    }

    /** Opens the GUI: embedded into {@code parentWindow} (an X11 window id) or floating when it is 0. */
    boolean guiOpen(long parentWindow);

    /** Shows or hides the GUI opened before. */
    void guiVisible(boolean visible);

    /** The GUI's size in pixels: {width, height}. */
    int[] guiSize();

    /** The host resized the GUI. */
    boolean guiSetSize(int width, int height);

    /** Closes the GUI (the instance lives on). */
    void guiClose();

    /** The instance is destroyed: stop its work, give back the library. */
    void destroy();
}
