package com.midicenter.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ardour 7 headless ({@code ardour7-lua}, the "None (Dummy)" backend): a new session, one MIDI track with the LV2
 * plugin (an LV2 preset in the test's LV2_PATH carries the state naming the known file) followed by a small Lua DSP
 * processor of the test (resources/ardour/mc_recorder.lua, in the test's Ardour config folder) that records each MIDI
 * event passing through with Ardour's transport sample. The transport rolls ~4 s and stops; the session is saved and
 * closed. Checked: Ardour ran the plugin in its process cycle (the recorder saw the file's notes, looping, at their
 * beats within Ardour's position resolution, then CC 123 on 16 channels after the stop), the saved session holds the
 * plugin with its state, and Ardour exits cleanly.
 */
class ArdourSessionIT {

    private static final Pattern EV = Pattern.compile("^MC ev (-?\\d+) (\\d+) (\\d+) (\\d+)$", Pattern.MULTILINE);
    /** Ardour's LV2 time:Position comes from its BBT (1920 ticks a beat): 12.5 frames a tick at 120 BPM, 48 kHz. */
    private static final int ARDOUR_TICK_FRAMES = 13;

    private Path home;

    @Test
    void midiTrackWithThePluginRollsSavesAndCloses() throws Exception {
        String ardour = Hosts.tool("ardour7-lua", "ardour");
        Path target = Hosts.nativeTarget();
        Path work = Hosts.workDir("ardour");
        home = Files.createDirectories(work.resolve("library-home"));
        Path userHome = Files.createDirectories(work.resolve("user-home"));
        Path config = Files.createDirectories(userHome.resolve(".config"));
        Path scripts = Files.createDirectories(config.resolve("ardour7/scripts"));
        copyResource("ardour/mc_recorder.lua", scripts.resolve("mc_recorder.lua"));
        Path script = copyResource("ardour/session.lua", work.resolve("session.lua"));
        Path lv2 = Files.createDirectories(work.resolve("lv2"));
        Files.createSymbolicLink(lv2.resolve("midicenter.lv2"), target.resolve("midicenter.lv2"));
        Path mid = Hosts.writeGroove(work.resolve("groove.mid"));
        Path preset = Files.createDirectories(lv2.resolve("mc-host-test.lv2"));
        Files.writeString(preset.resolve("manifest.ttl"), "@prefix lv2: <http://lv2plug.in/ns/lv2core#> .\n"
                + "@prefix pset: <http://lv2plug.in/ns/ext/presets#> .\n"
                + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                + "<preset.ttl> a pset:Preset ;\n\tlv2:appliesTo <" + Hosts.LV2_URI + "> ;\n"
                + "\trdfs:seeAlso <preset.ttl> .\n");
        Files.writeString(preset.resolve("preset.ttl"), Hosts.lv2StateTurtle(Hosts.stateNaming(mid), "mc-host-test"));
        Path session = work.resolve("session");

        ProcessBuilder pb = new ProcessBuilder(ardour, script.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("ardour.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", userHome.toString());
        env.put("XDG_CONFIG_HOME", config.toString());
        env.put("LV2_PATH", lv2.toString());
        env.put("MC_SESSION_DIR", session.toString());
        Hosts.pluginEnv(env, home);
        long t0 = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        boolean ended = p.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            Hosts.stop(p);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String out = Hosts.read(work.resolve("ardour.log"));
        assertTrue(ended, "ardour7-lua did not finish in 180 s:\n" + out);
        assertTrue(Hosts.databaseStopped(home, 5), "the plugin's database server stops with Ardour (it outlived it)");
        assertEquals(0, p.exitValue(), "ardour7-lua exit status (a crash or a failed assert in session.lua):\n" + out);
        assertTrue(out.contains("MC backend Dummy"), "Ardour's Dummy backend:\n" + out);
        assertTrue(out.contains("MC processor 0 MIDI Software Center"), "the plugin on the track:\n" + out);
        assertTrue(out.contains("MC done"), "the script ran to its end (session closed):\n" + out);

        List<long[]> evs = new ArrayList<>();
        Matcher m = EV.matcher(out);
        while (m.find()) {
            evs.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4))});
        }
        List<long[]> ons = evs.stream().filter(e -> (e[1] & 0xF0) == 0x90 && e[3] > 0).toList();
        assertTrue(ons.size() >= 8, "two bars of notes from the plugin in Ardour's process, got " + ons.size()
                + " note-ons:\n" + out);
        StringBuilder seen = new StringBuilder();
        long worst = 0;
        for (int i = 0; i < ons.size(); i++) {
            long[] e = ons.get(i);
            assertEquals(Hosts.GROOVE_KEYS[i % 4], e[2], "note-on " + i + " key (the file's order, looping)");
            long dev = (e[0] - ons.get(0)[0]) - i * 24_000L;
            worst = Math.max(worst, Math.abs(dev));
            assertTrue(Math.abs(dev) <= ARDOUR_TICK_FRAMES, "note-on " + i + " at " + e[0] + ": " + dev
                    + " frames from its beat (tolerance: one Ardour tick)\n" + out);
            seen.append(e[2]).append('@').append(e[0]).append(' ');
        }
        int last = evs.size();
        while (last > 0 && (evs.get(last - 1)[1] & 0xF0) == 0xB0 && evs.get(last - 1)[2] == 123) {
            last--;
        }
        assertEquals(16, evs.size() - last, "CC 123 on all 16 channels at the end (after the stop):\n" + out);
        StringBuilder offs = new StringBuilder();
        int offCount = 0;
        for (long[] e : evs.subList(0, last)) {
            if ((e[1] & 0xF0) == 0x80 || ((e[1] & 0xF0) == 0x90 && e[3] == 0)) {
                offs.append(e[2]).append('@').append(e[0]).append(e[3] != 0 ? "(v" + e[3] + ")" : "").append(' ');
                if (e[0] >= evs.get(last)[0]) {
                    continue; // ended by the stop, with the CC 123s
                }
                // each note is an eighth long: its note-off 12,000 frames after its beat, within a tick (a
                // position that moves by Ardour's ticks is no relocation: no early notes-off)
                long dev = (e[0] - ons.get(0)[0]) - offCount * 24_000L - 12_000L;
                assertTrue(Math.abs(dev) <= ARDOUR_TICK_FRAMES, "note-off " + offCount + " of key " + e[2] + " at "
                        + e[0] + ": " + dev + " frames from where the note ends\n" + out);
                offCount++;
            }
        }
        assertTrue(offCount >= 8, "the notes end in time, got " + offCount + " note-offs:\n" + out);

        /* the saved session: the plugin with its state (the Java side's properties, naming the file) */
        String xml = Files.readString(session.resolve("mc-session.ardour"));
        assertTrue(xml.contains(Hosts.LV2_URI), "the saved session holds the plugin");
        String stateTtl;
        try (var files = Files.walk(session.resolve("plugins"))) {
            Path ttl = files.filter(f -> f.getFileName().toString().equals("state.ttl")).findFirst()
                    .orElseThrow(() -> new AssertionError("no plugin state saved under " + session.resolve("plugins")));
            stateTtl = Files.readString(ttl);
        }
        Matcher b64 = Pattern.compile(Pattern.quote("<" + Hosts.LV2_STATE_KEY + ">") + "\\s+\"{1,3}([A-Za-z0-9+/=\\s]+)\"")
                .matcher(stateTtl);
        assertTrue(b64.find(), "the plugin's state property in the saved state:\n" + stateTtl);
        String blob = new String(Base64.getMimeDecoder().decode(b64.group(1)), StandardCharsets.UTF_8);
        assertTrue(blob.contains("plugin.selected.path=" + mid), "the saved state names the file:\n" + blob);

        System.out.printf("Ardour: %.1f s for the whole script; %s; %d events recorded after the plugin; note-ons"
                + " (transport sample) %s(worst %d frames off the beat); note-offs %s; then 16 x CC123 at %d;"
                + " saved state %d bytes: %s%n", seconds, find(out, "Java ready in [^\n]*"), evs.size(),
                seen, worst, offs, evs.get(last)[0], blob.length(), blob.replace('\n', ';'));
    }

    private static Path copyResource(String name, Path to) throws IOException {
        try (InputStream in = ArdourSessionIT.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, "test resource " + name);
            Files.write(to, in.readAllBytes());
        }
        return to;
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group() : "(no line '" + regex + "')";
    }

    @AfterEach
    void tearDown() throws Exception {
        if (home != null && Hosts.stopLeftoverDatabase(home)) {
            System.out.println("note: the plugin's embedded database was still running after the test; stopped");
        }
    }
}
