package com.midicenter.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The LV2 plugin in jalv on a JACK server with the dummy backend: a state naming a generated one-bar file, the host's
 * transport driven by jack_transport (the timebase master, so the plugin gets bar/beat/tempo in time:Position), the
 * plugin's MIDI captured by jack_midi_dump.
 *
 * <p>Timestamps: {@code jack_midi_dump -a} prints, per event, a counter of the frames of every cycle its own process
 * callback ran plus the event's offset in that cycle (a multiple of 512 + offset). It cannot see when the transport
 * started, so frames are taken relative to the first note of a roll: a roll from a bar line starts at a cycle start
 * (JACK starts the transport on cycle boundaries), so that note must sit at offset 0 of its cycle, and every later
 * event at exactly its frame distance. A cycle in which jack_midi_dump was not run (a JACK xrun) would shorten the
 * counter by 512: such a roll is retried once and reported, never accepted.
 */
class JalvJackTransportIT {

    private static final Pattern DUMP = Pattern.compile("^\\s*(\\d+): ((?:[0-9a-f]{2} ?)+)");
    private static final int RATE = 48_000;
    private static final int PERIOD = 512;

    private final List<Process> started = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private Path work;
    private Path home;
    private OutputStream transport;

    record Ev(long at, int status, int d1, int d2) {
        boolean noteOn() {
            return (status & 0xF0) == 0x90 && d2 > 0;
        }

        boolean allNotesOff() {
            return (status & 0xF0) == 0xB0 && d1 == 123;
        }
    }

    @Test
    void notesAtTheirFramesLoopingEveryBarAndAllNotesOffAfterStop() throws Exception {
        String jackd = Hosts.tool("jackd", "jackd2");
        String jalv = Hosts.tool("jalv", "jalv");
        String jackTransport = Hosts.tool("jack_transport", "jackd2");
        String dumpTool = Hosts.tool("jack_midi_dump", "jackd2");
        Hosts.tool("jack_connect", "jackd2");
        Hosts.tool("jack_lsp", "jackd2");
        Path target = Hosts.nativeTarget();
        work = Hosts.workDir("jalv");
        home = Files.createDirectories(work.resolve("home"));
        Path lv2 = Files.createDirectories(work.resolve("lv2"));
        Files.createSymbolicLink(lv2.resolve("midicenter.lv2"), target.resolve("midicenter.lv2"));
        Path mid = Hosts.writeGroove(work.resolve("groove.mid"));
        Path stateDir = Files.createDirectories(work.resolve("state"));
        Files.writeString(stateDir.resolve("state.ttl"), Hosts.lv2StateTurtle(Hosts.stateNaming(mid), null));

        // one fixed name: a server of an earlier run that died without cleaning up leaves its slot in JACK's shm registry
        // (8 slots in all); the same name takes that slot again instead of a new one
        env.put("JACK_DEFAULT_SERVER", "midicenter-it");
        env.put("JACK_NO_AUDIO_RESERVATION", "1");
        env.put("LV2_PATH", lv2.toString());
        Hosts.pluginEnv(env, home);

        Path jackLog = work.resolve("jackd.log");
        started.add(Hosts.start(List.of(jackd, "--no-realtime", "-d", "dummy", "-r", "" + RATE, "-p", "" + PERIOD),
                env, jackLog));
        assertTrue(Hosts.waitFor(() -> ports().contains("system:playback_1"), 15_000),
                "jackd (dummy backend) did not come up: " + Hosts.read(jackLog));
        Path dump = work.resolve("dump.log");
        started.add(Hosts.start(List.of(dumpTool, "-a", "dump"), env, dump));
        assertTrue(Hosts.waitFor(() -> ports().contains("dump:input"), 10_000), "jack_midi_dump has no port");
        Process tp = Hosts.start(List.of(jackTransport), env, work.resolve("jack_transport.log"));
        started.add(tp);
        transport = tp.getOutputStream();
        transport("master", "tempo 120", "locate 0", "play");

        /* 1. the plugin comes up while the transport already rolls: launch -> first note heard */
        Path jalvLog = work.resolve("jalv.log");
        long t0 = System.nanoTime();
        Process host = Hosts.start(List.of(jalv, "-n", "mcplug", "-l", stateDir.toString()), env, jalvLog);
        started.add(host);
        assertTrue(Hosts.waitFor(() -> ports().contains("mcplug:midi_out"), 30_000),
                "jalv did not register the plugin's midi_out: " + Hosts.read(jalvLog));
        Hosts.run(List.of("jack_connect", "mcplug:midi_out", "dump:input"), env, 10);
        assertTrue(Hosts.waitFor(() -> Hosts.read(dump).contains("note on"), 60_000),
                "no note from the plugin within 60 s of jalv's start; jalv log:\n" + Hosts.read(jalvLog));
        double firstNoteMs = (System.nanoTime() - t0) / 1e6;
        String jl = Hosts.read(jalvLog);
        System.out.printf("jalv: launch -> first note heard %.0f ms (transport rolling; a note-on every 500 ms, so up to"
                + " 500 ms of it is waiting for the next beat); plugin log: %s | %s%n", firstNoteMs,
                find(jl, "Java ready in [^\n]*"), find(jl, "instance ready [^\n]*"));

        transport("stop");
        Thread.sleep(800);
        List<Ev> warmup = events(dump, 0);
        assertAllNotesOffAtTheEnd(warmup, "stop after the first roll");

        /* 2. measured rolls: from bar 1 at 120 BPM (a beat = 24,000 frames), then from beat 3 at 90 BPM */
        List<Ev> roll = measuredRoll(dump, 120, 0, 4_400);
        checkRoll(roll, 120, 0, 2, "120 BPM from frame 0");
        List<Ev> roll90 = measuredRoll(dump, 90, 2 * 32_000, 4_400);
        checkRoll(roll90, 90, 2, 1, "90 BPM from beat 3 (frame 64000)");

        /* the host quits: jalv ends on SIGTERM (no crash), then the library's server is checked */
        host.destroy();
        assertTrue(host.waitFor(20, java.util.concurrent.TimeUnit.SECONDS), "jalv did not exit on SIGTERM");
        System.out.println("jalv exit status after SIGTERM: " + host.exitValue());
        assertTrue(Hosts.databaseStopped(home, 5), "the plugin's database server stops with jalv (it outlived it)");
    }

    /** One roll: locate, play for {@code ms}, stop; the events it produced (up to and including the notes off). */
    private List<Ev> measuredRoll(Path dump, double bpm, long locate, long ms) throws Exception {
        for (int attempt = 1; ; attempt++) {
            int mark = lines(dump);
            String xrunsBefore = Hosts.read(work.resolve("jackd.log"));
            transport("tempo " + bpm, "locate " + locate);
            Thread.sleep(300);
            transport("play");
            Thread.sleep(ms);
            transport("stop");
            Thread.sleep(800);
            List<Ev> evs = events(dump, mark);
            boolean xrun = Hosts.read(work.resolve("jackd.log")).length() > xrunsBefore.length()
                    && Hosts.read(work.resolve("jackd.log")).substring(xrunsBefore.length()).contains("XRun");
            String problem = timingProblem(evs, bpm, Math.round(locate / (RATE * 60.0 / bpm)));
            if (problem == null) {
                return evs;
            }
            if (attempt == 2 || !xrun) {
                fail(problem + (xrun ? " (JACK reported xruns during the roll, twice)" : "") + "\nevents: " + evs);
            }
            System.out.println("retrying a roll after a JACK xrun: " + problem);
        }
    }

    /** Null when every note event sits exactly at its frame relative to the first note, else what is wrong. */
    private static String timingProblem(List<Ev> evs, double bpm, long startBeat) {
        List<Ev> notes = notesBeforeStop(evs);
        if (notes.isEmpty()) {
            return "no notes in the roll";
        }
        double beatFrames = RATE * 60.0 / bpm;
        Ev first = notes.get(0);
        if (first.at() % PERIOD != 0) {
            return "the first note of a roll from a beat is not at offset 0 of its cycle: " + first;
        }
        for (int i = 0; i < notes.size(); i++) {
            Ev e = notes.get(i);
            long n = startBeat * 2 + i; /* the i-th note event: on at each beat, off half a beat later */
            long beat = n / 2;
            int key = Hosts.GROOVE_KEYS[(int) (beat % 4)];
            long expected = Math.round((n - startBeat * 2) * beatFrames / 2);
            long got = e.at() - first.at();
            boolean on = n % 2 == 0;
            if (e.d1() != key || e.noteOn() != on || e.status() != (on ? 0x90 : 0x80)) {
                return "event " + i + " should be note " + (on ? "on " : "off ") + key + ", got " + e;
            }
            if (got != expected) {
                return "event " + i + " (" + e + ") at frame " + got + " after the first note, expected " + expected;
            }
        }
        return null;
    }

    private static void checkRoll(List<Ev> evs, double bpm, long startBeat, int bars, String what) {
        List<Ev> notes = notesBeforeStop(evs);
        long ons = notes.stream().filter(Ev::noteOn).count();
        assertTrue(ons >= bars * 4L + 1 - startBeat,
                what + ": at least " + bars + " bars' worth of notes plus the loop's restart expected, got " + ons);
        /* the loop: the key after 65 is 60 again at the next bar line (checked frame by frame in timingProblem) */
        assertAllNotesOffAtTheEnd(evs, what);
        double beatFrames = RATE * 60.0 / bpm;
        long first = notes.get(0).at();
        StringBuilder sb = new StringBuilder();
        for (Ev e : notes) {
            if (e.noteOn()) {
                sb.append(e.d1()).append('@').append(e.at() - first).append(' ');
            }
        }
        System.out.printf("%s: %d note events, all at their exact frames (beat = %.0f frames); note-ons at frames"
                + " after the first: %s; then %d x CC123%n", what, notes.size(), beatFrames, sb.toString().trim(),
                evs.stream().filter(Ev::allNotesOff).count());
    }

    /** The note events before the stop; the stop's release of a held note (at the notes-off frame) excluded. */
    private static List<Ev> notesBeforeStop(List<Ev> evs) {
        int firstOff = indexOfAllNotesOff(evs);
        long stopAt = firstOff < 0 ? Long.MAX_VALUE : evs.get(firstOff).at();
        List<Ev> notes = new ArrayList<>();
        for (int i = 0; i < (firstOff < 0 ? evs.size() : firstOff); i++) {
            Ev e = evs.get(i);
            if ((e.status() & 0xE0) == 0x80 && !(e.at() == stopAt && !e.noteOn())) {
                notes.add(e);
            }
        }
        return notes;
    }

    /** The start of the final run of CC 123 (the stop's notes off), or -1. */
    private static int indexOfAllNotesOff(List<Ev> evs) {
        int i = evs.size();
        while (i > 0 && evs.get(i - 1).allNotesOff()) {
            i--;
        }
        return i == evs.size() ? -1 : i;
    }

    /** After the stop: CC 123 on all 16 channels in one cycle, and nothing after them. */
    private static void assertAllNotesOffAtTheEnd(List<Ev> evs, String what) {
        int i = indexOfAllNotesOff(evs);
        assertTrue(i >= 0, what + ": no All Notes Off (CC 123) after the stop; events: " + evs);
        List<Ev> tail = evs.subList(i, evs.size());
        assertEquals(16, tail.size(), what + ": exactly 16 x CC123 and nothing after them; got " + tail);
        for (int ch = 0; ch < 16; ch++) {
            Ev e = tail.get(ch);
            assertEquals(0xB0 | ch, e.status(), what + ": CC123 on channel " + ch + ": " + tail);
            assertEquals(123, e.d1());
            assertEquals(tail.get(0).at(), e.at(), what + ": all 16 in the same cycle frame");
        }
        /* a note still sounding at the stop is released before (or with) the CC 123 */
        for (Ev e : evs.subList(0, i)) {
            assertTrue(e.at() <= tail.get(0).at(), what + ": an event after the notes off: " + e);
        }
    }

    private static List<Ev> events(Path dump, int fromLine) throws IOException {
        List<String> lines = Files.readAllLines(dump, StandardCharsets.ISO_8859_1);
        List<Ev> out = new ArrayList<>();
        for (String l : lines.subList(Math.min(fromLine, lines.size()), lines.size())) {
            Matcher m = DUMP.matcher(l);
            if (m.find()) {
                String[] b = m.group(2).trim().split(" ");
                out.add(new Ev(Long.parseLong(m.group(1)), Integer.parseInt(b[0], 16),
                        b.length > 1 ? Integer.parseInt(b[1], 16) : 0, b.length > 2 ? Integer.parseInt(b[2], 16) : 0));
            }
        }
        return out;
    }

    private static int lines(Path f) throws IOException {
        return Files.readAllLines(f, StandardCharsets.ISO_8859_1).size();
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group() : "(no line '" + regex + "')";
    }

    private String ports() {
        try {
            return Hosts.run(List.of("jack_lsp"), env, 10);
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private void transport(String... commands) throws IOException {
        for (String c : commands) {
            transport.write((c + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        transport.flush();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            Hosts.stop(started.get(i));
        }
        if (home != null && Hosts.stopLeftoverDatabase(home)) {
            System.out.println("note: the plugin's embedded database was still running after the test; stopped");
        }
    }
}
