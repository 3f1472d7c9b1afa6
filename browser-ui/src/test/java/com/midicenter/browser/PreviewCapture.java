package com.midicenter.browser;

import com.midicenter.browser.preview.ReceiverSource;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * The preview output of {@link BrowserScenario}: a {@link Receiver} that records every channel message it is sent, in
 * order, with the time it arrived. Positions ({@link #size()}) mark "from here on" for the scenario's checks.
 *
 * <p>[any thread] The previewer sends on its own thread; the scenario reads on its thread.
 */
final class PreviewCapture implements Receiver, ReceiverSource {

    /** Controller number of All Notes Off. */
    static final int ALL_NOTES_OFF = 123;

    /** One message as it arrived. */
    record Arrival(long nanos, int command, int channel, int data1, int data2) {
        boolean isNoteOn() {
            return command == ShortMessage.NOTE_ON && data2 > 0;
        }

        boolean isController(int controller) {
            return command == ShortMessage.CONTROL_CHANGE && data1 == controller;
        }
    }

    private final List<Arrival> arrivals = new ArrayList<>();
    private int opened;

    @Override
    public synchronized Receiver open() {
        opened++;
        return this;
    }

    @Override
    public void send(MidiMessage message, long timeStamp) {
        if (message instanceof ShortMessage m) {
            Arrival a = new Arrival(System.nanoTime(), m.getCommand(), m.getChannel(), m.getData1(), m.getData2());
            synchronized (this) {
                arrivals.add(a);
            }
        }
    }

    @Override
    public void close() {
        // the scenario keeps reading what arrived
    }

    /** How many messages have arrived so far. */
    synchronized int size() {
        return arrivals.size();
    }

    /** How often the previewer opened this output. */
    synchronized int opened() {
        return opened;
    }

    /** The messages that arrived at position {@code from} and later. */
    synchronized List<Arrival> since(int from) {
        return List.copyOf(arrivals.subList(Math.min(from, arrivals.size()), arrivals.size()));
    }

    /** The note-ons that arrived at position {@code from} and later. */
    List<Arrival> noteOnsSince(int from) {
        return since(from).stream().filter(Arrival::isNoteOn).toList();
    }

    /** The channels that got All Notes Off at position {@code from} and later. */
    java.util.Set<Integer> allNotesOffChannelsSince(int from) {
        java.util.Set<Integer> channels = new java.util.TreeSet<>();
        for (Arrival a : since(from)) {
            if (a.isController(ALL_NOTES_OFF)) {
                channels.add(a.channel());
            }
        }
        return channels;
    }
}
