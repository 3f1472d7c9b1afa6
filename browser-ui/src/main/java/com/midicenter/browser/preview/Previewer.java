package com.midicenter.browser.preview;

import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.roll.NoteRoll;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Transmitter;

/**
 * Plays a file for preview: a javax.sound {@link Sequencer} that is not connected to the default device, its
 * transmitter wired to the chosen output ({@link ReceiverSource}; by default {@link PreviewOutputs#softwareSynth()}).
 *
 * <p>Never blocks its caller (the EDT): every call only records what is wanted and hands the work to one named
 * daemon thread, the preview thread, which owns the sequencer and the output. The output is opened there lazily, on
 * the first play (or {@link #prepare()}); an output that cannot be opened is reported to the error listener with a
 * clear text ({@link PreviewOutputs#NO_SOUND_OUTPUT} for a missing sound device), never thrown. A play supersedes
 * every earlier play and stop, even one still waiting for the preview thread.
 *
 * <p>Listeners are called on the preview thread (hop to the EDT with {@code invokeLater}): the position listener
 * with the sequencer's tick about {@value #POSITION_PERIOD_MS} ms apart while playing, the stopped listener once
 * when playback ends (the end of the file, {@link #stop()}, or a failure; not when a new play replaces it), the
 * error listener with a one-line message. The futures that play, stop and prepare return complete on the preview
 * thread once the work is done (tests wait on them; the UI can ignore them).
 *
 * <p>Thread-safe.
 */
public final class Previewer implements AutoCloseable {

    /** How often the position listener hears the tick while playing (about 30 times a second). */
    public static final long POSITION_PERIOD_MS = 33;

    private static final int CC_ALL_SOUND_OFF = 120;
    private static final int CC_ALL_NOTES_OFF = 123;
    private static final int CC_SUSTAIN = 64;

    private final ScheduledThreadPoolExecutor thread;
    /** Raised by every play and stop; work for an older value is skipped. */
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean playing;
    private volatile boolean loop;
    private volatile Double tempoBpm;
    private volatile LongConsumer positionListener = tick -> { };
    private volatile Runnable stoppedListener = () -> { };
    private volatile Consumer<String> errorListener = message -> { };

    // [preview thread] only
    private ReceiverSource output;
    private Receiver receiver;
    private Sequencer sequencer;
    private Transmitter transmitter;
    private ScheduledFuture<?> poller;
    private long playingRequest = -1;
    private double fileBpm = 120;

    /** A previewer on the JDK's software synthesizer. */
    public Previewer() {
        this(PreviewOutputs.softwareSynth());
    }

    /** A previewer on {@code output}, opened on the preview thread when first needed. */
    public Previewer(ReceiverSource output) {
        this.output = Objects.requireNonNull(output, "output");
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "midicenter-preview");
            t.setDaemon(true);
            return t;
        });
        // few tasks ever queue (one per user action); dropping them on close is right
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.setRemoveOnCancelPolicy(true);
    }

    // ---- listeners and settings

    /** [any thread] Called with the current tick about 30 times a second while playing (on the preview thread). */
    public void setPositionListener(LongConsumer listener) {
        positionListener = Objects.requireNonNull(listener, "listener");
    }

    /** [any thread] Called when playback ends: end of file, {@link #stop()} or a failure (on the preview thread). */
    public void setStoppedListener(Runnable listener) {
        stoppedListener = Objects.requireNonNull(listener, "listener");
    }

    /** [any thread] Called with a message the user should see, e.g. {@link PreviewOutputs#NO_SOUND_OUTPUT}. */
    public void setErrorListener(Consumer<String> listener) {
        errorListener = Objects.requireNonNull(listener, "listener");
    }

    /** [any thread] Loop the whole file (from its start to its End of Track), now and for the next plays. */
    public void setLoop(boolean loop) {
        this.loop = loop;
        submit(() -> {
            if (sequencer != null && sequencer.getSequence() != null) {
                applyLoop();
            }
        });
    }

    public boolean isLoop() {
        return loop;
    }

    /**
     * [any thread] Play at {@code bpm} (a tempo factor against the file's first tempo, so tempo changes keep their
     * proportions), or at the file's own tempo when {@code null}. Applies at once and to the next plays.
     */
    public void setTempo(Double bpm) {
        if (bpm != null && !(bpm >= 1 && bpm <= 1000)) {
            throw new IllegalArgumentException("bpm=" + bpm);
        }
        this.tempoBpm = bpm;
        submit(() -> {
            if (sequencer != null) {
                applyTempo();
            }
        });
    }

    /** The BPM set by {@link #setTempo}, {@code null} for the file's own. */
    public Double tempo() {
        return tempoBpm;
    }

    /** True from a play until playback ends or is stopped. */
    public boolean isPlaying() {
        return playing;
    }

    // ---- commands

    /** [any thread] Reads {@code bytes} (leniently, as the library does) on the preview thread and plays them. */
    public CompletableFuture<Void> play(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return play(() -> Sequences.of(new MidiReader().read(bytes)));
    }

    /** [any thread] Plays {@code file}: its channel messages and tempo changes. */
    public CompletableFuture<Void> play(MidiFile file) {
        Objects.requireNonNull(file, "file");
        return play(() -> Sequences.of(file));
    }

    /** [any thread] Plays {@code roll}: its notes with each channel's first program, at its tempo map. */
    public CompletableFuture<Void> play(NoteRoll roll) {
        Objects.requireNonNull(roll, "roll");
        return play(() -> Sequences.of(roll));
    }

    /** [any thread] Opens the output ahead of the first play (e.g. when the preview becomes visible). */
    public CompletableFuture<Void> prepare() {
        return submit(this::openOutput).thenApply(opened -> null);
    }

    /**
     * [any thread] Stops playback and always sends All Notes Off, All Sound Off and Sustain off on all 16 channels to
     * the output (if it was ever opened), so nothing hangs whatever the sequencer left sounding.
     */
    public CompletableFuture<Void> stop() {
        long request = requests.incrementAndGet();
        boolean was = playing;
        playing = false;
        return submit(() -> {
            halt();
            if (was && request == requests.get()) {
                stoppedListener.run();
            }
        });
    }

    /**
     * [any thread] Switches to another output; the current one is silenced and closed on the preview thread and
     * the new one opened at the next play.
     */
    public CompletableFuture<Void> setOutput(ReceiverSource output) {
        Objects.requireNonNull(output, "output");
        stop();
        return submit(() -> {
            closeOutput();
            this.output = output;
        });
    }

    /** [any thread] Stops, closes the output and the sequencer, and ends the preview thread. */
    @Override
    public void close() {
        stop();
        submit(() -> {
            closeOutput();
            if (sequencer != null) {
                sequencer.close();
                sequencer = null;
            }
        });
        thread.shutdown();
    }

    // ---- preview thread

    @FunctionalInterface
    private interface Loader {
        Sequences.Playable load() throws MidiFormatException, InvalidMidiDataException;
    }

    private CompletableFuture<Void> play(Loader loader) {
        long request = requests.incrementAndGet();
        playing = true;
        return submit(() -> {
            if (request != requests.get()) {
                return; // a newer play or a stop came first
            }
            Sequences.Playable playable;
            try {
                playable = loader.load();
            } catch (MidiFormatException | InvalidMidiDataException | RuntimeException e) {
                fail(request, "Cannot play this file: " + e.getMessage());
                return;
            }
            if (!openOutput() || !openSequencer()) {
                fail(request, null);
                return;
            }
            halt(); // the old playback, if any, and its notes
            try {
                sequencer.setSequence(playable.sequence());
            } catch (InvalidMidiDataException e) {
                fail(request, "Cannot play this file: " + e.getMessage());
                return;
            }
            fileBpm = playable.firstBpm();
            sequencer.setTickPosition(0);
            applyLoop();
            applyTempo();
            sequencer.start();
            playingRequest = request;
            poller = thread.scheduleAtFixedRate(() -> poll(request), POSITION_PERIOD_MS, POSITION_PERIOD_MS,
                    TimeUnit.MILLISECONDS);
        });
    }

    /** [preview thread] Reports the position, or the end of playback. */
    private void poll(long request) {
        try {
            if (request != playingRequest || sequencer == null) {
                return;
            }
            if (sequencer.isRunning()) {
                positionListener.accept(sequencer.getTickPosition());
                return;
            }
            halt();
            if (request == requests.get()) {
                playing = false;
                stoppedListener.run();
            }
        } catch (RuntimeException e) {
            // a listener's or the output's failure must not end the poller silently
            halt();
            fail(request, "Preview failed: " + e);
        }
    }

    /** [preview thread] Stops the sequencer and the poller and silences the output. */
    private void halt() {
        if (poller != null) {
            poller.cancel(false);
            poller = null;
        }
        playingRequest = -1;
        if (sequencer != null && sequencer.isOpen() && sequencer.isRunning()) {
            sequencer.stop();
        }
        if (receiver != null) {
            silence(receiver);
        }
    }

    /** All Notes Off, All Sound Off and Sustain off on all 16 channels. */
    static void silence(Receiver receiver) {
        try {
            for (int channel = 0; channel < 16; channel++) {
                receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, CC_SUSTAIN, 0), -1);
                receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, CC_ALL_NOTES_OFF, 0), -1);
                receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, CC_ALL_SOUND_OFF, 0), -1);
            }
        } catch (InvalidMidiDataException e) {
            throw new AssertionError("constant controller messages are valid", e);
        }
    }

    private void fail(long request, String message) {
        if (message != null) {
            errorListener.accept(message);
        }
        if (request == requests.get()) {
            playing = false;
            stoppedListener.run();
        }
    }

    /** [preview thread] Opens the output unless open; false (after telling the error listener) when it cannot. */
    private boolean openOutput() {
        if (receiver != null) {
            return true;
        }
        try {
            receiver = Objects.requireNonNull(output.open(), "the output opened no receiver");
        } catch (MidiUnavailableException | RuntimeException e) {
            String message = e.getMessage();
            errorListener.accept(message == null || message.isBlank() ? PreviewOutputs.NO_SOUND_OUTPUT : message);
            return false;
        }
        if (transmitter != null) {
            transmitter.setReceiver(receiver);
        }
        return true;
    }

    private boolean openSequencer() {
        if (sequencer != null) {
            return true;
        }
        try {
            Sequencer s = MidiSystem.getSequencer(false);
            s.open();
            transmitter = s.getTransmitter();
            transmitter.setReceiver(receiver);
            sequencer = s;
            return true;
        } catch (MidiUnavailableException e) {
            errorListener.accept("Preview unavailable: no MIDI sequencer (" + e.getMessage() + ")");
            return false;
        }
    }

    private void closeOutput() {
        halt();
        if (receiver != null) {
            receiver.close();
            receiver = null;
        }
        if (transmitter != null) {
            transmitter.setReceiver(null);
        }
    }

    private void applyLoop() {
        sequencer.setLoopStartPoint(0);
        sequencer.setLoopEndPoint(-1);
        sequencer.setLoopCount(loop ? Sequencer.LOOP_CONTINUOUSLY : 0);
    }

    private void applyTempo() {
        Double bpm = tempoBpm;
        sequencer.setTempoFactor(bpm == null ? 1f : (float) (bpm / fileBpm));
    }

    private CompletableFuture<Boolean> submit(java.util.concurrent.Callable<Boolean> work) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    done.complete(work.call());
                } catch (Exception | Error e) {
                    errorListener.accept("Preview failed: " + e);
                    done.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("previewer closed", e));
        }
        return done;
    }

    private CompletableFuture<Void> submit(Runnable work) {
        return submit(() -> {
            work.run();
            return Boolean.TRUE;
        }).thenApply(ok -> null);
    }
}
