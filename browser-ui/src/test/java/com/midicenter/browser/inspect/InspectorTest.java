package com.midicenter.browser.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.dnd.DragOptions;
import com.midicenter.browser.edt.Edt;
import com.midicenter.browser.preview.ReceiverSource;
import com.midicenter.browser.state.UiState;
import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.core.music.MusicalKey;
import com.midicenter.persistence.search.SearchHit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The inspector without a window: real files read off the EDT, the roll shown, previews into a capture. */
@Timeout(60)
class InspectorTest {

    @TempDir
    Path tmp;

    /** Every short message the preview sent. */
    final List<int[]> sent = new CopyOnWriteArrayList<>();
    final ExecutorService executor = Executors.newFixedThreadPool(2);
    final List<String> messages = new CopyOnWriteArrayList<>();
    Inspector inspector;

    @AfterEach
    void close() throws Exception {
        if (inspector != null) {
            Edt.call(() -> {
                inspector.dispose();
                return null;
            });
        }
        executor.shutdownNow();
    }

    ReceiverSource capture() {
        return () -> new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                if (message instanceof ShortMessage m) {
                    sent.add(new int[] {m.getCommand(), m.getChannel(), m.getData1(), m.getData2()});
                }
            }

            @Override
            public void close() {
            }
        };
    }

    /** A four-beat loop of {@code key} at 240 BPM. */
    Path file(String name, int key) throws Exception {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().tempoBpm(0, 240).timeSignature(0, 4, 4);
        SmfBuilder.Track t = smf.addTrack().trackName(name).programChange(0, 0, 33);
        for (int beat = 0; beat < 4; beat++) {
            t.note(beat * 480L, 0, key, 100, 240);
        }
        return Files.write(tmp.resolve(name + ".mid"), smf.toBytes());
    }

    static SearchHit hit(long id, Path path) {
        return new SearchHit(id, path.toString(), path.getFileName().toString(), null, null, 240.0, null, "4/4", 1,
                1.0, List.of(), false, false, null, "done", null, null, null, null);
    }

    void waitFor(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Edt.call(condition::getAsBoolean)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what + " (roll says: "
                        + Edt.call(() -> inspector.pianoRoll().message()) + ")");
            }
            Thread.sleep(10);
        }
    }

    List<Integer> noteOnKeys() {
        List<Integer> keys = new ArrayList<>();
        for (int[] m : sent) {
            if (m[0] == ShortMessage.NOTE_ON && m[3] > 0) {
                keys.add(m[2]);
            }
        }
        return keys;
    }

    long allNotesOffChannels() {
        return sent.stream().filter(m -> m[0] == ShortMessage.CONTROL_CHANGE && m[2] == 123).mapToInt(m -> m[1])
                .distinct().count();
    }

    @Test
    void select_thenPlayStopAndArrowToTheNextFileWhilePlaying() throws Exception {
        // given
        Path bass = file("Bass", 40);
        Path lead = file("Lead", 72);
        inspector = Edt.call(() -> new Inspector(null, executor, capture(), messages::add));

        // when: a file selected
        Edt.call(() -> {
            inspector.select(hit(1, bass));
            return null;
        });
        waitFor("the roll", () -> inspector.noteRoll() != null);

        // then
        assertThat(Edt.call(() -> inspector.noteRoll().noteCount())).isEqualTo(4);
        assertThat(Edt.call(() -> inspector.pianoRoll().roll())).isSameAs(Edt.call(inspector::noteRoll));

        // when: played
        Edt.call(() -> {
            inspector.togglePreview();
            return null;
        });
        waitFor("bass notes", () -> noteOnKeys().contains(40));
        assertThat(Edt.call(inspector::isPreviewing)).isTrue();
        waitFor("the playhead moving", () -> inspector.pianoRoll().playhead() > 0);

        // when: the next file selected while playing (arrow down): the old one stops, the new one plays
        sent.clear();
        Edt.call(() -> {
            inspector.select(hit(2, lead));
            return null;
        });
        waitFor("lead notes", () -> noteOnKeys().contains(72));
        assertThat(allNotesOffChannels()).as("the old preview silenced on every channel").isEqualTo(16);
        assertThat(noteOnKeys()).doesNotContain(40);

        // when: stopped
        sent.clear();
        Edt.call(() -> {
            inspector.togglePreview();
            return null;
        });
        waitFor("all notes off", () -> allNotesOffChannels() == 16);
        assertThat(Edt.call(inspector::isPreviewing)).isFalse();
        assertThat(messages).isEmpty();
    }

    @Test
    void select_unreadableFile_saysWhyInTheRollAndPlayDoesNothing() throws Exception {
        Path broken = Files.writeString(tmp.resolve("Broken.mid"), "not a MIDI file");
        inspector = Edt.call(() -> new Inspector(null, executor, capture(), messages::add));
        Edt.call(() -> {
            inspector.select(hit(3, broken));
            inspector.play();
            return null;
        });
        waitFor("the error", () -> inspector.pianoRoll().message() != null
                && inspector.pianoRoll().message().contains("not a readable MIDI file (damaged, or not MIDI at all)"));
        assertThat(Edt.call(inspector::isPreviewing)).isFalse();
        Edt.call(() -> {
            inspector.select(hit(4, tmp.resolve("gone.mid")));
            return null;
        });
        waitFor("the missing file", () -> inspector.pianoRoll().message() != null
                && inspector.pianoRoll().message().contains("the file is no longer there"));
        assertThat(noteOnKeys()).isEmpty();
    }

    @Test
    void saveThenRestore_keepsLoopTempoAndDragOptions() throws Exception {
        inspector = Edt.call(() -> new Inspector(null, executor, capture(), messages::add));
        List<DragOptions> seen = new CopyOnWriteArrayList<>();
        UiState state = new UiState().put("preview.loop", false).put("preview.tempo", "90")
                .put("drag.key", "Am").put("drag.bpm", "100");
        Edt.call(() -> {
            inspector.onDragOptions(seen::add);
            inspector.restoreState(state);
            return null;
        });
        assertThat(Edt.call(inspector::dragOptions)).isEqualTo(new DragOptions(MusicalKey.parse("Am").orElseThrow(),
                100.0));
        assertThat(seen).last().isEqualTo(Edt.call(inspector::dragOptions));
        assertThat(Edt.call(() -> inspector.previewer().isLoop())).isFalse();
        UiState saved = new UiState();
        Edt.call(() -> {
            inspector.saveState(saved);
            return null;
        });
        assertThat(saved.get("preview.tempo", null)).isEqualTo("90");
        assertThat(saved.get("drag.key", null)).isEqualTo("Am");
        assertThat(saved.getBoolean("preview.loop", true)).isFalse();
        // nonsense is ignored
        Edt.call(() -> {
            inspector.restoreState(new UiState().put("preview.tempo", "fast").put("drag.key", "H#"));
            return null;
        });
        assertThat(Edt.call(inspector::dragOptions)).isEqualTo(DragOptions.AS_IS);
    }
}
