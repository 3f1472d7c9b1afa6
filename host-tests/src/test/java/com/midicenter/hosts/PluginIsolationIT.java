package com.midicenter.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin never loads code from outside its bundle, whatever the host's environment says: a Java agent planted
 * through {@code JAVA_TOOL_OPTIONS}, {@code _JAVA_OPTIONS}, {@code JDK_JAVA_OPTIONS}, {@code CLASSPATH},
 * {@code MIDICENTER_PLUGIN_CLASSPATH} and {@code MIDICENTER_PLUGIN_JAVA_OPTS}, a fake {@code $JAVA_HOME} and a fake
 * {@code java} on {@code PATH}. The project's CLAP test host ({@code clap_host java-boot}) starts the plugin's Java side;
 * the Java side reports its runtime, class path and JVM options into the host's log (under a test host:
 * {@code MIDICENTER_PLUGIN_TEST}), which is checked.
 *
 * <p>A release bundle (with {@code midicenter-java/runtime}, as the packages install it) ignores all of them; a
 * development bundle (no runtime: {@code native-bridge/target}) takes its runtime from {@code $JAVA_HOME} but still never
 * passes the host's JVM option variables to the JVM.
 */
class PluginIsolationIT {

    private static final Pattern RUNTIME = Pattern.compile(
            "Java \\S+ runtime (\\S+); class path (\\d+) entries, (\\d+) not jars, in \\[(.*?)]; JVM options \\[(.*)]");

    private Path home;

    @AfterEach
    void stopDatabase() throws Exception {
        if (home != null && Hosts.stopLeftoverDatabase(home)) {
            System.err.println("PluginIsolationIT: stopped a leftover database of " + home);
        }
    }

    @Test
    void javaBoot_releaseBundleWithPlantedEnvironment_loadsOnlyTheBundle() throws Exception {
        // given: a release layout (the .clap, its jars and runtime/ beside it) and a hostile environment
        Path target = Hosts.nativeTarget();
        Path work = Hosts.workDir("isolation-release");
        home = Files.createDirectories(work.resolve("home"));
        Path bundle = releaseBundle(target, work.resolve("bundle"));
        Planted planted = plant(work.resolve("planted"));
        planted.controlRun();
        Map<String, String> env = new HashMap<>();
        Hosts.pluginEnv(env, home);
        env.putAll(planted.environment());
        env.put("JAVA_HOME", planted.fakeJavaHome().toString());
        env.put("PATH", planted.fakeBin().toString());
        env.put("MIDICENTER_PLUGIN_CLASSPATH", planted.agentJar().toString());
        env.put("MIDICENTER_PLUGIN_JAVA_OPTS", "-javaagent:" + planted.agentJar() + "=" + planted.marker("plugin-java-opts")
                + " -Xbootclasspath/a:" + planted.agentJar() + " -Xmx256m -Dmidicenter.home=" + home);

        // when
        String log = bootJava(target, bundle.resolve("midicenter.clap"), env);

        // then
        Matcher m = runtimeLine(log);
        Path jars = bundle.resolve("midicenter-java");
        Path runtime = jars.resolve("runtime");
        assertTrue(Path.of(m.group(1)).equals(runtime) || Path.of(m.group(1)).equals(runtime.toRealPath()),
                "the bundled runtime, not $JAVA_HOME or PATH: " + m.group(1));
        assertClassPathInside(m, jars);
        assertEquals(List.of("-Xrs", "--add-exports=java.desktop/sun.awt.X11=ALL-UNNAMED", "-Djava.awt.headless=false",
                        "-Dmidicenter.plugin.bundle=" + jars, "-Xmx256m", "-Dmidicenter.home=" + home),
                jvmOptions(m.group(5)), "only the bridge's own options and the allowed MIDICENTER_PLUGIN_JAVA_OPTS");
        planted.assertNothingLoaded();
        assertFalse(Files.exists(planted.javaOnPathMarker()), "the java on PATH was run");
    }

    @Test
    void javaBoot_developmentBundleWithPlantedJvmOptions_ignoresThem() throws Exception {
        // given: the development bundle (no runtime/: $JAVA_HOME is its runtime) and planted JVM option variables
        Path target = Hosts.nativeTarget();
        Path work = Hosts.workDir("isolation-development");
        home = Files.createDirectories(work.resolve("home"));
        Planted planted = plant(work.resolve("planted"));
        Map<String, String> env = new HashMap<>();
        Hosts.pluginEnv(env, home);
        env.putAll(planted.environment());

        // when
        String log = bootJava(target, target.resolve("midicenter.clap"), env);

        // then
        Matcher m = runtimeLine(log);
        assertEquals(Path.of(System.getProperty("java.home")).toRealPath(), Path.of(m.group(1)).toRealPath(),
                "$JAVA_HOME is the runtime of a development bundle");
        assertClassPathInside(m, target.resolve("midicenter-java"));
        assertFalse(m.group(5).contains("planted"), "JVM options: " + m.group(5));
        planted.assertNothingLoaded();
    }

    // ------------------------------------------------------------------ helpers

    private static String bootJava(Path target, Path clap, Map<String, String> env) throws Exception {
        Path host = target.resolve("native-tests/clap_host");
        assertTrue(Files.isExecutable(host), "native-bridge's CLAP test host is built by mvn package: " + host);
        String log = Hosts.run(List.of(host.toString(), "java-boot", clap.toString()), env, 120);
        assertTrue(log.contains("Java instance ready"), "the Java side came up:\n" + log);
        return log;
    }

    private static Matcher runtimeLine(String log) {
        Matcher m = RUNTIME.matcher(log);
        assertTrue(m.find(), "the Java side logs its runtime into the host's log:\n" + log);
        return m;
    }

    /** The JVM's input arguments as logged (the class path is reported on its own). */
    private static List<String> jvmOptions(String listed) {
        return List.of(listed.split(", "));
    }

    /** Every class path entry is a jar directly in {@code jars}, and there are the plugin's jars (20 and more). */
    private static void assertClassPathInside(Matcher logged, Path jars) {
        assertTrue(Integer.parseInt(logged.group(2)) >= 20, "class path entries: " + logged.group(2));
        assertEquals("0", logged.group(3), "class path entries that are not jars");
        assertEquals(jars.toString(), logged.group(4), "the class path's folders");
    }

    /** The .clap and hard links of its jars beside it, plus {@code runtime} linking to this JVM's runtime. */
    private static Path releaseBundle(Path target, Path bundle) throws IOException {
        Path jars = Files.createDirectories(bundle.resolve("midicenter-java"));
        Files.copy(target.resolve("midicenter.clap"), bundle.resolve("midicenter.clap"));
        try (var list = Files.list(target.resolve("midicenter-java"))) {
            for (Path jar : list.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.createLink(jars.resolve(jar.getFileName()), jar);
            }
        }
        Files.createSymbolicLink(jars.resolve("runtime"), Path.of(System.getProperty("java.home")).toRealPath());
        return bundle;
    }

    /** The planted agent jar, a fake JDK and a fake {@code java}, and the environment naming them. */
    private static Planted plant(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path agent = dir.resolve("planted-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), PlantedAgent.class.getName());
        String classFile = PlantedAgent.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(agent); JarOutputStream jar = new JarOutputStream(out, manifest);
             InputStream in = PlantedAgent.class.getClassLoader().getResourceAsStream(classFile)) {
            jar.putNextEntry(new JarEntry(classFile));
            in.transferTo(jar);
            jar.closeEntry();
        }
        Path fakeJdk = dir.resolve("fake-jdk");
        Files.createDirectories(fakeJdk.resolve("lib/server"));
        Files.writeString(fakeJdk.resolve("lib/server/libjvm.so"), "not a library: the plugin must not load this\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\ntouch '" + dir.resolve("java-on-path-ran") + "'\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new Planted(dir, agent, fakeJdk, bin);
    }

    private record Planted(Path dir, Path agentJar, Path fakeJavaHome, Path fakeBin) {

        static final List<String> VARIABLES = List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

        Path marker(String name) {
            return dir.resolve("loaded-through-" + name);
        }

        Path javaOnPathMarker() {
            return dir.resolve("java-on-path-ran");
        }

        Map<String, String> environment() {
            Map<String, String> env = new HashMap<>();
            for (String variable : VARIABLES) {
                env.put(variable, "-javaagent:" + agentJar + "=" + marker(variable));
            }
            env.put("CLASSPATH", agentJar.toString());
            return env;
        }

        /** The planted agent does load where the variable is honoured: an ordinary {@code java} with JAVA_TOOL_OPTIONS. */
        void controlRun() throws Exception {
            Path control = marker("control");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String out = Hosts.run(List.of(java, "-version"), Map.of("JAVA_TOOL_OPTIONS", "-javaagent:" + agentJar + "=" + control), 60);
            assertTrue(Files.exists(control), "control: the planted agent loads into a plain java through JAVA_TOOL_OPTIONS:\n" + out);
        }

        void assertNothingLoaded() throws IOException {
            List<String> loaded = new ArrayList<>();
            try (var list = Files.list(dir)) {
                list.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("loaded-through-") && !n.equals("loaded-through-control"))
                        .forEach(loaded::add);
            }
            assertEquals(List.of(), loaded, "the planted agent was loaded into the plugin's JVM");
        }
    }
}
