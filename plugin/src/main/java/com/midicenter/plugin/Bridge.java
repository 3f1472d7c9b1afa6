package com.midicenter.plugin;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The Java end of the native bridge (C in {@code native-bridge}, {@code src/mc_core.c}): the API version both sides
 * check at load, and the entry points the native side calls through JNI. The native side and this class change
 * together: a new method, signature or ring layout raises {@link #API_VERSION} here and {@code MC_BRIDGE_API_VERSION}
 * in {@code mc_core.h}.
 *
 * <p>Threads: the native side calls every static method below from its one bridge thread (the thread that started
 * the JVM), never from the host's audio thread, and never two at once. Each call catches what the instance throws and
 * logs it: an exception must not cross back into the host.
 *
 * <p>Natives (registered by the native side with {@code RegisterNatives} when it loads this class):
 * {@link #nativeStateChanged} and {@link #nativeLog}, both [any thread], addressed by the instance's handle (its C
 * pointer). The handle is valid from {@link #create} until {@link #destroy} returns; {@link RingWriter#close()}
 * guarantees no call with it runs after that.
 */
public final class Bridge {

    /** The bridge API version; the native side refuses a Java side with another one, with a message in the host's log. */
    public static final int API_VERSION = 1;

    /** Whether the JVM's origin has been logged (once per JVM, by the first instance, under a test host). */
    private static final java.util.concurrent.atomic.AtomicBoolean RUNTIME_LOGGED = new java.util.concurrent.atomic.AtomicBoolean();

    private Bridge() {
    }

    /**
     * Where this JVM's code comes from, for the host's log (one short line): the runtime's folder, the class path's
     * folders, and the JVM options but the class path (what the native side chose; the host's JAVA_TOOL_OPTIONS,
     * CLASSPATH, ... must not appear).
     */
    static String runtimeDescription() {
        String[] entries = System.getProperty("java.class.path", "").split(java.io.File.pathSeparator);
        java.util.Set<String> folders = new java.util.TreeSet<>();
        int notJars = 0;
        for (String entry : entries) {
            Path path = Path.of(entry);
            boolean jar = entry.endsWith(".jar");
            notJars += jar ? 0 : 1;
            folders.add(String.valueOf(jar ? path.getParent() : path));
        }
        Object options;
        try {
            options = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                    .stream().filter(o -> !o.startsWith("-Djava.class.path=")).toList();
        } catch (RuntimeException | LinkageError noManagement) { // a runtime without java.management: say so, go on
            options = "unknown (" + noManagement + ")";
        }
        return "Java " + System.getProperty("java.version") + " runtime " + System.getProperty("java.home")
                + "; class path " + entries.length + " entries, " + notJars + " not jars, in " + folders
                + "; JVM options " + options;
    }

    /** [native, at load] The API version of this Java side. */
    public static int apiVersion() {
        return API_VERSION;
    }

    /** One plugin instance as the native side holds it: its logic (absent when none could start) and its ring. */
    public static final class Instance {
        private final InstanceLogic logic;
        private final RingWriter writer;

        Instance(InstanceLogic logic, RingWriter writer) {
            this.logic = logic;
            this.writer = Objects.requireNonNull(writer, "writer");
        }

        Optional<InstanceLogic> logic() {
            return Optional.ofNullable(logic);
        }

        RingWriter writer() {
            return writer;
        }
    }

    /**
     * [native] A new instance: its ring (the C side's native memory), its logic from the first
     * {@link InstanceLogic.Factory} on the class path, started with {@code bundle}.
     *
     * @param handle the C instance, passed back to the natives
     * @param ring   the instance's ring, {@code MC_RING_OFF_RECORDS + capacity * 16} bytes (see {@link RingWriter})
     * @param bundle the plugin bundle's folder
     */
    static Instance create(long handle, ByteBuffer ring, String bundle) {
        RingWriter writer = new RingWriter(ring, state -> nativeStateChanged(handle, state),
                message -> nativeLog(handle, message));
        // only for the test hosts (MIDICENTER_PLUGIN_TEST, as the CLAP test host sets it): in a real host the management
        // classes this loads cost time next to a running transport (JACK xruns were seen under load)
        if (System.getenv("MIDICENTER_PLUGIN_TEST") != null && RUNTIME_LOGGED.compareAndSet(false, true)) {
            writer.log(runtimeDescription());
        }
        InstanceLogic logic = null;
        try {
            Optional<InstanceLogic.Factory> factory =
                    ServiceLoader.load(InstanceLogic.Factory.class, Bridge.class.getClassLoader()).findFirst();
            if (factory.isEmpty()) {
                writer.log("no " + InstanceLogic.Factory.class.getName() + " on the class path: no browser, no preview");
            } else {
                logic = factory.get().create();
                logic.start(writer, Path.of(bundle));
            }
        } catch (RuntimeException | LinkageError e) {
            writer.log("the plugin's Java side failed to start: " + e);
            logic = null;
        }
        return new Instance(logic, writer);
    }

    /** [native] The host restores a saved state. */
    static void loadState(Instance instance, byte[] state) {
        instance.logic().ifPresent(logic -> guarded(instance, "loadState", () -> logic.loadState(state)));
    }

    /** [native] The host's transport changed (polled about 10 times a second). */
    static void transport(Instance instance, boolean playing, double bpm) {
        instance.logic().ifPresent(logic -> guarded(instance, "transport", () -> logic.transport(playing, bpm)));
    }

    /** [native] Opens the GUI embedded into X11 window {@code parentWindow}, or floating when 0. */
    static boolean guiOpen(Instance instance, long parentWindow) {
        boolean[] opened = {false};
        instance.logic().ifPresent(logic -> guarded(instance, "guiOpen", () -> opened[0] = logic.guiOpen(parentWindow)));
        return opened[0];
    }

    /** [native] */
    static void guiVisible(Instance instance, boolean visible) {
        instance.logic().ifPresent(logic -> guarded(instance, "guiVisible", () -> logic.guiVisible(visible)));
    }

    /** [native] The GUI's size {width, height} in pixels, or null when unknown. */
    static int[] guiSize(Instance instance) {
        int[][] size = {null};
        instance.logic().ifPresent(logic -> guarded(instance, "guiSize", () -> size[0] = logic.guiSize()));
        return size[0];
    }

    /** [native] */
    static boolean guiSetSize(Instance instance, int width, int height) {
        boolean[] done = {false};
        instance.logic().ifPresent(logic -> guarded(instance, "guiSetSize",
                () -> done[0] = logic.guiSetSize(width, height)));
        return done[0];
    }

    /** [native] */
    static void guiClose(Instance instance) {
        instance.logic().ifPresent(logic -> guarded(instance, "guiClose", logic::guiClose));
    }

    /** [native] The instance goes: its GUI closes, its logic stops, its ring and handle are never used again. */
    static void destroy(Instance instance) {
        try {
            instance.logic().ifPresent(logic -> {
                guarded(instance, "guiClose", logic::guiClose);
                guarded(instance, "destroy", logic::destroy);
            });
        } finally {
            instance.writer().close();
        }
    }

    /**
     * [native, once, when the plugin library is unloaded or the host process exits] The instances are gone (their
     * destroy ran before, in order): waits, at most {@code timeoutMillis}, until the shared library has closed, so the
     * embedded database server stops with the host instead of outliving it. Returns true when it did.
     */
    static boolean shutdown(long timeoutMillis) {
        return SharedLibrary.shutdownJvm(timeoutMillis);
    }

    private static void guarded(Instance instance, String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | LinkageError e) {
            instance.writer().log(what + " failed: " + e);
        }
    }

    /** [any thread] The native side keeps {@code state} as the copy the host saves next. */
    static native void nativeStateChanged(long handle, byte[] state);

    /** [any thread] A line for the host's log. */
    static native void nativeLog(long handle, String message);
}
