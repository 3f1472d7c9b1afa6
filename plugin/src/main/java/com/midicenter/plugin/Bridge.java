package com.midicenter.plugin;

/**
 * The Java end of the native bridge (C in {@code native-bridge}): the API version both sides check at load, and the
 * entry points the native side calls through JNI. The native side and this class change together.
 */
public final class Bridge {

    /** The bridge API version; the native side refuses a Java side with another one, with a message in the host's log. */
    public static final int API_VERSION = 1;

    private Bridge() {
    }

    /** [native, at load] The API version of this Java side. */
    public static int apiVersion() {
        return API_VERSION;
    }
}
