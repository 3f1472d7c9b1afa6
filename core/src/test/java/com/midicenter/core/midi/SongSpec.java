package com.midicenter.core.midi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A test-side description of a MIDI file (format, division, tracks of events at absolute ticks) that can be
 * written with {@link SmfBuilder} and compared, event by event, with what {@link MidiReader} reads back.
 */
record SongSpec(int format, Division division, boolean runningStatus, List<List<Event>> tracks) {

    SongSpec {
        tracks = List.copyOf(tracks);
    }

    /**
     * One event. {@code status} is 0x80..0xEF for channel messages (data1/data2), 0xFF for meta events
     * (data1 = type, payload) or 0xF0/0xF7 for SysEx (payload).
     */
    record Event(long tick, int status, int data1, int data2, byte[] payload) {

        static Event channel(long tick, int status, int data1, int data2) {
            return new Event(tick, status, data1, (status & 0xE0) == 0xC0 ? 0 : data2, null);
        }

        static Event meta(long tick, int type, byte[] payload) {
            return new Event(tick, 0xFF, type, 0, payload);
        }

        static Event sysex(long tick, int status, byte[] payload) {
            return new Event(tick, status, 0, 0, payload);
        }

        Event at(long newTick) {
            return new Event(newTick, status, data1, data2, payload);
        }

        /** A readable, comparable rendering: tick, status, data or payload in hex. */
        String describe() {
            StringBuilder sb = new StringBuilder("t=").append(tick).append(' ').append(hex(status));
            if (status == 0xFF) {
                sb.append(' ').append(hex(data1));
            }
            if (payload != null) {
                sb.append(" [");
                for (int i = 0; i < payload.length; i++) {
                    sb.append(i == 0 ? "" : " ").append(hex(payload[i] & 0xFF));
                }
                sb.append(']');
            } else {
                sb.append(' ').append(hex(data1)).append(' ').append(hex(data2));
            }
            return sb.toString();
        }

        private static String hex(int v) {
            return new String(new char[] {HEX[(v >> 4) & 0xF], HEX[v & 0xF]});
        }

        private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    }

    /** Adds the events to a builder in list order (the builder sorts them by tick, stably). */
    SmfBuilder toBuilder(boolean useRunningStatus) {
        SmfBuilder smf = new SmfBuilder(format, division).runningStatus(useRunningStatus);
        for (List<Event> events : tracks) {
            SmfBuilder.Track track = smf.addTrack();
            for (Event e : events) {
                if (e.status() == 0xFF) {
                    track.meta(e.tick(), e.data1(), e.payload());
                } else if (e.status() == 0xF0 || e.status() == 0xF7) {
                    track.sysex(e.tick(), e.status(), e.payload());
                } else {
                    track.channelMessage(e.tick(), e.status(), e.data1(), e.data2());
                }
            }
        }
        return smf;
    }

    byte[] toBytes() {
        return toBuilder(runningStatus).toBytes();
    }

    /** What the reader should return for track {@code t}: events sorted stably by tick, then End of Track. */
    List<String> expectedTrack(int t) {
        List<Event> sorted = new ArrayList<>(tracks.get(t));
        sorted.sort(Comparator.comparingLong(Event::tick));
        long last = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1).tick();
        List<String> out = new ArrayList<>();
        for (Event e : sorted) {
            out.add(e.describe());
        }
        out.add(Event.meta(last, 0x2F, new byte[0]).describe());
        return out;
    }

    /** Events the reader returned for track {@code t}, rendered like {@link #expectedTrack(int)}. */
    static List<String> actualTrack(MidiFile file, int t) {
        List<String> out = new ArrayList<>();
        for (int i = file.trackStart(t); i < file.trackEnd(t); i++) {
            out.add(eventOf(file, i).describe());
        }
        return out;
    }

    static Event eventOf(MidiFile file, int i) {
        int status = file.status(i);
        if (status == 0xFF) {
            return Event.meta(file.tick(i), file.metaType(i), file.payload(i));
        }
        if (status == 0xF0 || status == 0xF7) {
            return Event.sysex(file.tick(i), status, file.payload(i));
        }
        return new Event(file.tick(i), status, file.data1(i), file.data2(i), null);
    }

    int eventCount() {
        return tracks.stream().mapToInt(List::size).sum();
    }

    // ------------------------------------------------------------------ seeded generation (for the fuzz test)

    /** A valid, sorted song from a seeded {@link Random}: every kind of event, some huge deltas. */
    static SongSpec random(Random rnd, int format, Division division, boolean runningStatus, int trackCount,
                           int eventsPerTrack) {
        List<List<Event>> tracks = new ArrayList<>();
        for (int t = 0; t < trackCount; t++) {
            List<Event> events = new ArrayList<>();
            long tick = 0;
            for (int k = 0; k < eventsPerTrack; k++) {
                int r = rnd.nextInt(100);
                tick += r < 40 ? 0 : r < 90 ? rnd.nextInt(200) : r < 98 ? rnd.nextInt(20_000) : rnd.nextInt(0x0FFF_FFFF);
                events.add(randomEvent(rnd, tick));
            }
            tracks.add(events);
        }
        return new SongSpec(format, division, runningStatus, tracks);
    }

    private static Event randomEvent(Random rnd, long tick) {
        int kind = rnd.nextInt(20);
        int channel = rnd.nextInt(16);
        if (kind < 12) {
            int[] commands = {0x80, 0x90, 0x90, 0x90, 0xA0, 0xB0, 0xC0, 0xD0, 0xE0};
            return Event.channel(tick, commands[rnd.nextInt(commands.length)] | channel, rnd.nextInt(128), rnd.nextInt(128));
        }
        return switch (kind) {
            case 12 -> Event.meta(tick, 0x51, new byte[] {(byte) rnd.nextInt(256), (byte) rnd.nextInt(256), (byte) (1 + rnd.nextInt(255))});
            case 13 -> Event.meta(tick, 0x58, new byte[] {(byte) (1 + rnd.nextInt(16)), (byte) rnd.nextInt(7), 24, 8});
            case 14 -> Event.meta(tick, 0x59, new byte[] {(byte) (rnd.nextInt(15) - 7), (byte) rnd.nextInt(2)});
            case 15, 16 -> Event.meta(tick, 1 + rnd.nextInt(15), randomBytes(rnd, rnd.nextInt(10) == 0 ? 200 : 20));
            case 17 -> Event.sysex(tick, 0xF0, randomBytes(rnd, 40));
            case 18 -> Event.sysex(tick, 0xF7, randomBytes(rnd, 8));
            default -> Event.meta(tick, 0x7F, randomBytes(rnd, 12));
        };
    }

    private static byte[] randomBytes(Random rnd, int maxLength) {
        byte[] out = new byte[rnd.nextInt(maxLength + 1)];
        rnd.nextBytes(out);
        return out;
    }
}
