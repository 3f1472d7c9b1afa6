package com.midicenter.browser.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.core.roll.NoteRoll;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Plays generated files into a capturing receiver in real time; timings are checked with a tolerance. */
class PreviewerTest {

    private static final int PPQ = 480;
    /** Timing tolerance: the JDK sequencer ticks every millisecond; the machine is shared. */
    private static final double TOLERANCE_MS = 45;

    /** What arrived at the output, with the arrival time. */
    record Arrival(long nanos, int command, int channel, int data1, int data2) {
        boolean isNoteOn() {
            return command == ShortMessage.NOTE_ON && data2 > 0;
        }

        boolean isController(int controller) {
            return command == ShortMessage.CONTROL_CHANGE && data1 == controller;
        }
    }

    static final class Capture implements Receiver {
        final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
        final AtomicInteger opened = new AtomicInteger();
        volatile boolean closed;

        @Override
        public void send(MidiMessage message, long timeStamp) {
            if (message instanceof ShortMessage m) {
                arrivals.add(new Arrival(System.nanoTime(), m.getCommand(), m.getChannel(), m.getData1(),
                        m.getData2()));
            }
        }

        @Override
        public void close() {
            closed = true;
        }

        List<Arrival> noteOns() {
            return arrivals.stream().filter(Arrival::isNoteOn).toList();
        }

        ReceiverSource source() {
            return () -> {
                opened.incrementAndGet();
                return this;
            };
        }
    }

    private final Capture capture = new Capture();
    private final List<Previewer> previewers = new ArrayList<>();

    /** A previewer on the capture, its output and sequencer already open (timings then measure playback only). */
    private Previewer previewer() {
        Previewer p = new Previewer(capture.source());
        previewers.add(p);
        try {
            p.prepare().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the previewer did not open its output", e);
        }
        return p;
    }

    @AfterEach
    void closeAll() {
        previewers.forEach(Previewer::close);
    }

    /** Notes {@code keys} one quarter apart at {@code bpm}, each an eighth long; End of Track a quarter after the last. */
    private static byte[] quarters(double bpm, int... keys) {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack().tempoBpm(0, bpm).timeSignature(0, 4, 4);
        for (int i = 0; i < keys.length; i++) {
            t.note((long) i * PPQ, 0, keys[i], 100, PPQ / 2);
        }
        t.meta((long) keys.length * PPQ, 0x2F, new byte[0]);
        return smf.toBytes();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void awaitNoteOns(Capture capture, int n, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (capture.noteOns().size() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void play_fourQuarters_notesArriveInOrderOnTimeThenStoppedFires() throws Exception {
        // given: 240 BPM, a quarter is 250 ms
        Previewer previewer = previewer();
        CountDownLatch stopped = new CountDownLatch(1);
        List<Long> positions = new CopyOnWriteArrayList<>();
        previewer.setStoppedListener(stopped::countDown);
        previewer.setPositionListener(positions::add);
        // when
        previewer.play(quarters(240, 60, 62, 64, 65)).get(5, TimeUnit.SECONDS);
        assertThat(previewer.isPlaying()).isTrue();
        boolean ended = stopped.await(5, TimeUnit.SECONDS);
        // then
        assertThat(ended).isTrue();
        assertThat(previewer.isPlaying()).isFalse();
        List<Arrival> ons = capture.noteOns();
        assertThat(ons).extracting(Arrival::data1).containsExactly(60, 62, 64, 65);
        for (int i = 1; i < ons.size(); i++) {
            assertThat(ms(ons.get(i).nanos() - ons.get(i - 1).nanos())).isCloseTo(250, within(TOLERANCE_MS));
        }
        // the note-offs come an eighth (125 ms) after each note-on
        Arrival firstOff = capture.arrivals.stream()
                .filter(a -> a.command() == ShortMessage.NOTE_OFF || (a.command() == ShortMessage.NOTE_ON && a.data2() == 0))
                .findFirst().orElseThrow();
        assertThat(firstOff.data1()).isEqualTo(60);
        assertThat(ms(firstOff.nanos() - ons.get(0).nanos())).isCloseTo(125, within(TOLERANCE_MS));
        // about 30 positions a second over one second, rising
        assertThat(positions.size()).isBetween(15, 45);
        assertThat(positions).isSorted();
        assertThat(positions.get(positions.size() - 1)).isGreaterThan(3L * PPQ);
        assertThat(capture.opened.get()).isEqualTo(1);
    }

    @Test
    void setTempo_doubleTheFileTempo_notesComeTwiceAsFast() throws Exception {
        // given: the file says 120 BPM (500 ms a quarter); play it at 240
        Previewer previewer = previewer();
        previewer.setTempo(240.0);
        // when
        previewer.play(quarters(120, 60, 62, 64, 65)).get(5, TimeUnit.SECONDS);
        awaitNoteOns(capture, 4, 5000);
        // then
        // (timed from the second note: the sequencer may send the first one late, as it starts)
        List<Arrival> ons = capture.noteOns();
        assertThat(ons).hasSize(4);
        double total = ms(ons.get(3).nanos() - ons.get(1).nanos());
        assertThat(total).isCloseTo(2 * 250, within(TOLERANCE_MS));
        assertThat(previewer.tempo()).isEqualTo(240.0);
        assertThatThrownBy(() -> previewer.setTempo(0.0)).hasMessageContaining("bpm=0.0");
    }

    @Test
    void setTempo_null_playsAtFileTempo() throws Exception {
        // given
        Previewer previewer = previewer();
        previewer.setTempo(60.0);
        previewer.setTempo(null);
        // when
        previewer.play(quarters(240, 60, 62, 64)).get(5, TimeUnit.SECONDS);
        awaitNoteOns(capture, 3, 5000);
        // then (timed from the second note: the sequencer may send the first one late, as it starts)
        List<Arrival> ons = capture.noteOns();
        assertThat(ons).hasSize(3);
        assertThat(ms(ons.get(2).nanos() - ons.get(1).nanos())).isCloseTo(250, within(TOLERANCE_MS));
    }

    @Test
    void setLoop_on_fileRestartsAtItsEnd() throws Exception {
        // given: two quarters at 240 BPM; End of Track two quarters in (500 ms), after the last note-off (375 ms)
        Previewer previewer = previewer();
        previewer.setLoop(true);
        CountDownLatch stopped = new CountDownLatch(1);
        previewer.setStoppedListener(stopped::countDown);
        // when
        previewer.play(quarters(240, 60, 64)).get(5, TimeUnit.SECONDS);
        awaitNoteOns(capture, 5, 5000);
        // then: 60 64 60 64 60..., each 60 a loop (500 ms, to End of Track) after the previous one
        List<Arrival> ons = capture.noteOns();
        assertThat(ons.subList(0, 5)).extracting(Arrival::data1).containsExactly(60, 64, 60, 64, 60);
        assertThat(ms(ons.get(2).nanos() - ons.get(0).nanos())).isCloseTo(500, within(TOLERANCE_MS));
        assertThat(ms(ons.get(4).nanos() - ons.get(2).nanos())).isCloseTo(500, within(TOLERANCE_MS));
        assertThat(previewer.isPlaying()).isTrue();
        assertThat(stopped.getCount()).as("a loop does not stop").isEqualTo(1);
        previewer.stop().get(5, TimeUnit.SECONDS);
        assertThat(stopped.await(1, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void stop_whilePlaying_sendsAllNotesOffAndAllSoundOffOnEveryChannel() throws Exception {
        // given: a long note sounding
        Previewer previewer = previewer();
        CountDownLatch stopped = new CountDownLatch(1);
        previewer.setStoppedListener(stopped::countDown);
        previewer.play(quarters(60, 60, 62, 64)).get(5, TimeUnit.SECONDS);
        awaitNoteOns(capture, 1, 5000);
        int before = capture.arrivals.size();
        // when
        previewer.stop().get(5, TimeUnit.SECONDS);
        // then
        List<Arrival> after = capture.arrivals.subList(before, capture.arrivals.size());
        for (int channel = 0; channel < 16; channel++) {
            int ch = channel;
            assertThat(after).as("channel " + ch).anyMatch(a -> a.channel() == ch && a.isController(123));
            assertThat(after).as("channel " + ch).anyMatch(a -> a.channel() == ch && a.isController(120));
        }
        assertThat(previewer.isPlaying()).isFalse();
        assertThat(stopped.await(1, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(1200); // the second note would have come after 1 s
        assertThat(capture.noteOns()).extracting(Arrival::data1).containsExactly(60);
    }

    @Test
    void stop_afterPlaybackEnded_stillSilencesEveryChannel() throws Exception {
        // given: playback ran to its end
        Previewer previewer = previewer();
        CountDownLatch ended = new CountDownLatch(1);
        previewer.setStoppedListener(ended::countDown);
        previewer.play(quarters(480, 60)).get(5, TimeUnit.SECONDS);
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        int before = capture.arrivals.size();
        // when
        previewer.stop().get(5, TimeUnit.SECONDS);
        // then
        assertThat(capture.arrivals.subList(before, capture.arrivals.size()))
                .filteredOn(a -> a.isController(123)).extracting(Arrival::channel).hasSize(16).doesNotHaveDuplicates();
    }

    @Test
    void play_whilePlaying_stopsTheOldOne() throws Exception {
        // given: a slow file playing (a quarter a second)
        Previewer previewer = previewer();
        AtomicInteger stops = new AtomicInteger();
        previewer.setStoppedListener(stops::incrementAndGet);
        previewer.play(quarters(60, 60, 60, 60, 60)).get(5, TimeUnit.SECONDS);
        awaitNoteOns(capture, 1, 5000);
        // when
        previewer.play(quarters(240, 72, 74)).get(5, TimeUnit.SECONDS);
        awaitNoteOns(capture, 3, 5000);
        Thread.sleep(1500);
        // then: the old file's notes stop, it was silenced before the new one began, which played to its end
        List<Arrival> all = List.copyOf(capture.arrivals);
        int firstNew = indexOf(all, a -> a.isNoteOn() && a.data1() == 72);
        int silenced = indexOf(all, a -> a.isController(123));
        assertThat(silenced).isBetween(1, firstNew);
        assertThat(capture.noteOns()).extracting(Arrival::data1).containsExactly(60, 72, 74);
        assertThat(stops.get()).as("only the new play's end").isEqualTo(1);
        assertThat(previewer.isPlaying()).isFalse();
    }

    private static int indexOf(List<Arrival> all, java.util.function.Predicate<Arrival> p) {
        for (int i = 0; i < all.size(); i++) {
            if (p.test(all.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void play_outputCannotOpen_reportsNoSoundOutputAndStops() throws Exception {
        // given: an output like the software synth on a machine without a sound card
        Previewer previewer = new Previewer(() -> {
            throw new MidiUnavailableException();
        });
        previewers.add(previewer);
        List<String> errors = new CopyOnWriteArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        previewer.setErrorListener(errors::add);
        previewer.setStoppedListener(stopped::countDown);
        // when
        previewer.play(quarters(240, 60)).get(5, TimeUnit.SECONDS);
        // then
        assertThat(errors).containsExactly(PreviewOutputs.NO_SOUND_OUTPUT);
        assertThat(stopped.await(1, TimeUnit.SECONDS)).isTrue();
        assertThat(previewer.isPlaying()).isFalse();
    }

    @Test
    void play_slowOutput_returnsAtOnceAndOpensOnThePreviewThread() throws Exception {
        // given: an output that takes 400 ms to open, like the software synthesizer loading its sounds
        List<String> openedOn = new CopyOnWriteArrayList<>();
        Previewer previewer = new Previewer(() -> {
            openedOn.add(Thread.currentThread().getName());
            java.util.concurrent.locks.LockSupport.parkNanos(400_000_000L);
            return capture;
        });
        previewers.add(previewer);
        // when
        long start = System.nanoTime();
        var done = previewer.play(quarters(240, 60));
        double callMs = ms(System.nanoTime() - start);
        done.get(5, TimeUnit.SECONDS);
        // then
        assertThat(callMs).isLessThan(50);
        assertThat(previewer.isPlaying()).isTrue();
        assertThat(openedOn).containsExactly("midicenter-preview");
    }

    @Test
    void play_notMidi_reportsWhyAndStops() throws Exception {
        // given: a previewer whose output is not open yet
        Previewer previewer = new Previewer(capture.source());
        previewers.add(previewer);
        List<String> errors = new CopyOnWriteArrayList<>();
        previewer.setErrorListener(errors::add);
        // when
        previewer.play("not a midi file at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .get(5, TimeUnit.SECONDS);
        // then
        assertThat(errors).singleElement().asString().startsWith("Cannot play this file: ");
        assertThat(previewer.isPlaying()).isFalse();
        assertThat(capture.opened.get()).as("no output opened for a bad file").isZero();
    }

    @Test
    void play_noteRoll_playsItsNotesWithPrograms() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().tempoBpm(0, 240).programChange(0, 2, 33).note(0, 2, 40, 90, PPQ).note(PPQ, 9, 36, 100, 60);
        NoteRoll roll = NoteRoll.of(new MidiReader().read(smf.toBytes()));
        Previewer previewer = previewer();
        // when
        previewer.play(roll).get(5, TimeUnit.SECONDS);
        awaitNoteOns(capture, 2, 5000);
        // then
        List<Arrival> ons = capture.noteOns();
        assertThat(ons).extracting(Arrival::channel, Arrival::data1)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 40), org.assertj.core.groups.Tuple.tuple(9, 36));
        assertThat(ms(ons.get(1).nanos() - ons.get(0).nanos())).isCloseTo(250, within(TOLERANCE_MS));
        assertThat(capture.arrivals).anyMatch(a -> a.command() == ShortMessage.PROGRAM_CHANGE && a.channel() == 2
                && a.data1() == 33);
    }

    @Test
    void close_closesTheOutput() throws Exception {
        // given
        Previewer previewer = new Previewer(capture.source());
        previewer.prepare().get(5, TimeUnit.SECONDS);
        // when
        previewer.close();
        // then
        long deadline = System.currentTimeMillis() + 2000;
        while (!capture.closed && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertThat(capture.closed).isTrue();
        assertThat(capture.opened.get()).isEqualTo(1);
    }

    @Test
    void previewOutputs_list_startsWithTheSoftwareSynth() {
        // when
        List<String> names = PreviewOutputs.list();
        // then
        assertThat(names).first().isEqualTo(PreviewOutputs.SOFTWARE_SYNTH);
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void softwareSynth_open_givesAReceiverOrTheNoSoundOutputMessage() {
        // given: the JDK synthesizer on the default audio line (this machine has no sound card)
        ReceiverSource synth = PreviewOutputs.byName(PreviewOutputs.SOFTWARE_SYNTH);
        // when
        Receiver receiver = null;
        String error = null;
        try {
            receiver = synth.open();
        } catch (MidiUnavailableException e) {
            error = e.getMessage();
        }
        // then: either it plays, or the user is told what to do, never a raw "Can not open line"
        if (receiver != null) {
            receiver.close();
        } else {
            assertThat(error).isEqualTo(PreviewOutputs.NO_SOUND_OUTPUT);
        }
    }

    @Test
    void byName_unknownPort_failsWithItsName() {
        assertThatThrownBy(() -> PreviewOutputs.byName("No Such Port 42").open())
                .isInstanceOf(MidiUnavailableException.class).hasMessageContaining("'No Such Port 42'");
    }

    /**
     * The JDK synthesizer renders without a sound device through {@code AudioSynthesizer.openStream} (this machine
     * has no sound card: its {@code open()} fails, see {@link PreviewOutputs}). The sequence the previewer would
     * play is rendered offline: silence before the note, sound while it plays.
     */
    @Test
    void softwareSynth_rendersPreviewSequenceOffline_audibleWhileTheNoteSounds() throws Exception {
        // given: at 120 BPM one C4 from 0.5 s to 1.0 s, as the previewer's sequence
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        smf.addTrack().tempoBpm(0, 120).note(PPQ, 0, 60, 110, PPQ);
        Sequence sequence = Sequences.of(new MidiReader().read(smf.toBytes())).sequence();
        Synthesizer synth = MidiSystem.getSynthesizer();
        Class<?> audioSynthesizer = Class.forName("com.sun.media.sound.AudioSynthesizer");
        assertThat(audioSynthesizer.isInstance(synth)).isTrue();
        Method openStream = audioSynthesizer.getMethod("openStream", AudioFormat.class, Map.class);
        AudioFormat format = new AudioFormat(44_100, 16, 1, true, false);
        // when
        AudioInputStream audio = (AudioInputStream) openStream.invoke(synth, format, null);
        try {
            Receiver receiver = synth.getReceiver();
            for (Track track : sequence.getTracks()) {
                for (int i = 0; i < track.size(); i++) {
                    MidiEvent e = track.get(i);
                    if (e.getMessage() instanceof ShortMessage) {
                        // 120 BPM: a tick is 500,000 / 480 microseconds
                        receiver.send(e.getMessage(), e.getTick() * 500_000 / PPQ);
                    }
                }
            }
            byte[] pcm = audio.readNBytes(44_100 * 2 * 3 / 2); // 1.5 s
            // then
            assertThat(rms(pcm, 0.0, 0.45)).as("before the note").isLessThan(10);
            assertThat(rms(pcm, 0.55, 0.95)).as("while the note sounds").isGreaterThan(300);
        } finally {
            audio.close();
            synth.close();
        }
    }

    /** RMS of 16-bit little-endian mono samples between two times in seconds. */
    private static double rms(byte[] pcm, double from, double to) {
        int a = (int) (from * 44_100) * 2;
        int b = Math.min(pcm.length, (int) (to * 44_100) * 2);
        double sum = 0;
        int n = 0;
        for (int i = a; i + 1 < b; i += 2) {
            int sample = (short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8));
            sum += (double) sample * sample;
            n++;
        }
        return Math.sqrt(sum / Math.max(1, n));
    }
}
