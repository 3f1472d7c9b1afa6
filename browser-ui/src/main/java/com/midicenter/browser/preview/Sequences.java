package com.midicenter.browser.preview;

import com.midicenter.core.analysis.Timeline;
import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.roll.NoteRoll;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * javax.sound {@link Sequence}s built from what core read, so a file the JDK's strict parser rejects but our
 * lenient reader repaired still plays. Channel messages and tempo changes are kept; SysEx and other meta events
 * are left out (a preview should not reconfigure the user's synth).
 */
final class Sequences {

    private static final int META_TEMPO = 0x51;
    private static final int META_END_OF_TRACK = 0x2F;

    private Sequences() {
    }

    /** A sequence and the BPM of its first tempo (120 when it has none), the base of a tempo override. */
    record Playable(Sequence sequence, double firstBpm) {
    }

    static Playable of(MidiFile file) throws InvalidMidiDataException {
        Division d = file.division();
        Sequence sequence = d.isSmpte() ? new Sequence(smpteType(d.smpteFps()), d.ticksPerFrame())
                : new Sequence(Sequence.PPQ, d.ticksPerQuarter());
        for (int t = 0; t < file.trackCount(); t++) {
            Track track = sequence.createTrack();
            for (int i = file.trackStart(t); i < file.trackEnd(t); i++) {
                int status = file.status(i);
                if (status >= 0x80 && status < 0xF0) {
                    track.add(new MidiEvent(new ShortMessage(file.command(i), file.channel(i),
                            file.data1(i) & 0x7F, file.data2(i) & 0x7F), file.tick(i)));
                } else if (file.isMeta(i) && file.metaType(i) == META_TEMPO && file.payloadLength(i) >= 3) {
                    byte[] payload = file.payload(i);
                    track.add(new MidiEvent(new MetaMessage(META_TEMPO, payload, 3), file.tick(i)));
                }
            }
        }
        Track first = sequence.getTracks().length > 0 ? sequence.getTracks()[0] : sequence.createTrack();
        // the sequence lasts as long as the file, End of Track included (a loop's length)
        first.add(new MidiEvent(new MetaMessage(META_END_OF_TRACK, new byte[0], 0), file.lastTick()));
        Timeline timeline = Timeline.of(file);
        double bpm = d.isSmpte() || timeline.tempoCount() == 0 ? 120 : timeline.tempoBpm(0);
        return new Playable(sequence, bpm);
    }

    /** The roll's notes, first programs and tempo map, lasting to the end of its last bar. */
    static Playable of(NoteRoll roll) throws InvalidMidiDataException {
        // SMPTE rolls count ticks at 120 BPM (see NoteRoll#ppq), which a PPQ sequence without tempo events plays
        Sequence sequence = new Sequence(Sequence.PPQ, roll.ppq());
        Track track = sequence.createTrack();
        for (int channel = 0; channel < 16; channel++) {
            if (roll.program(channel) >= 0) {
                track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, roll.program(channel),
                        0), 0));
            }
        }
        for (int k = 0; k < roll.tempoCount(); k++) {
            int us = roll.tempoMicros(k);
            byte[] payload = {(byte) (us >>> 16), (byte) (us >>> 8), (byte) us};
            track.add(new MidiEvent(new MetaMessage(META_TEMPO, payload, 3), roll.tempoTick(k)));
        }
        for (int i = 0; i < roll.noteCount(); i++) {
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, roll.channel(i), roll.pitch(i),
                    Math.max(1, roll.velocity(i))), roll.start(i)));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, roll.channel(i), roll.pitch(i), 0),
                    roll.end(i)));
        }
        track.add(new MidiEvent(new MetaMessage(META_END_OF_TRACK, new byte[0], 0), roll.lengthTicks()));
        return new Playable(sequence, roll.bpmAt(0));
    }

    private static float smpteType(int fps) {
        return switch (fps) {
            case 24 -> Sequence.SMPTE_24;
            case 25 -> Sequence.SMPTE_25;
            case 29 -> Sequence.SMPTE_30DROP;
            default -> Sequence.SMPTE_30;
        };
    }
}
