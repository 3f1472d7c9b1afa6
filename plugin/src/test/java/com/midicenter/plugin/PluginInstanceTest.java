package com.midicenter.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.state.UiState;
import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.SmfBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginInstanceTest {

    @TempDir
    Path dir;

    /** A library that never opens: the instance must work without it. */
    private final CountDownLatch never = new CountDownLatch(1);
    private final SharedLibrary library = new SharedLibrary(Path.of("target", "no-home"), home -> {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("no library in this test");
    }, lib -> { });

    @AfterEach
    void openTheLibrary() {
        never.countDown();
    }

    private static byte[] twoBarFile(int key) {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(480));
        smf.addTrack().tempoBpm(0, 96).note(0, 0, key, 100, 480).note(7 * 480, 0, key + 7, 90, 480);
        return smf.toBytes();
    }

    private static byte[] state(String... keyValues) {
        UiState s = new UiState();
        for (int i = 0; i < keyValues.length; i += 2) {
            s.put(keyValues[i], keyValues[i + 1]);
        }
        return s.toText().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void loadState_selectedPathOfAFile_publishesItsPatternWithoutTheLibrary() throws Exception {
        // given
        Path file = Files.write(dir.resolve("bass.mid"), twoBarFile(40));
        FakeNativeSide side = new FakeNativeSide();
        PluginInstance instance = new PluginInstance(library);
        instance.start(side, dir);

        // when
        instance.loadState(state(PluginInstance.SELECTED_PATH, file.toString()));
        instance.awaitIdle();

        // then
        Pattern p = side.lastPattern();
        assertThat(p).isNotNull();
        assertThat(p.lengthBeats()).isEqualTo(8.0);
        assertThat(p.bpm()).isCloseTo(96.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(p.beats()).containsExactly(0.0, 0.0, 1.0, 7.0); // the last note's off wraps to beat 0
        assertThat(p.data1()).containsExactly(47, 40, 40, 47);
        assertThat(library.users()).as("a restored file plays without the library (no window yet)").isZero();
        instance.libraryReady(); // what the window does when it opens
        assertThat(library.users()).isEqualTo(1);
        instance.destroy();
        assertThat(library.users()).isZero();
    }

    @Test
    void loadState_archiveMember_publishesItsPattern() throws Exception {
        // given: a zip holding the file
        Path zip = dir.resolve("pack.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("Keys/chords.mid"));
            out.write(twoBarFile(60));
            out.closeEntry();
        }
        FakeNativeSide side = new FakeNativeSide();
        PluginInstance instance = new PluginInstance(library);
        instance.start(side, dir);

        // when
        instance.loadState(state(PluginInstance.SELECTED_PATH, zip + "!/Keys/chords.mid"));
        instance.awaitIdle();

        // then
        assertThat(side.lastPattern().data1()).containsExactly(67, 60, 60, 67);
        instance.destroy();
    }

    @Test
    void loadState_missingFile_clearsAndLogs() throws Exception {
        // given
        FakeNativeSide side = new FakeNativeSide();
        PluginInstance instance = new PluginInstance(library);
        instance.start(side, dir);

        // when
        instance.loadState(state(PluginInstance.SELECTED_PATH, dir.resolve("gone.mid").toString()));
        instance.awaitIdle();

        // then
        assertThat(side.calls()).contains("clear").doesNotContain("publish");
        assertThat(side.logs()).anySatisfy(line -> assertThat(line).contains("gone.mid"));
        instance.destroy();
    }

    @Test
    void stateChanged_savedStateLoadedIntoANewInstance_sameSelectionAndBrowserState() throws Exception {
        // given: an instance whose user picked a file, with a search, filters and sort in the browser
        Path file = Files.write(dir.resolve("keys.mid"), twoBarFile(64));
        FakeNativeSide first = new FakeNativeSide();
        PluginInstance a = new PluginInstance(library);
        a.start(first, dir);
        a.selected(file.toString(), 4242L, "keys.mid");
        UiState browser = new UiState().put("search.text", "dark bass").put("search.filters", "bpm=90-100")
                .put("search.sort", "BPM").put("search.descending", true).put("preview.loop", true);
        a.browserStateChanged(browser);
        a.guiSetSize(900, 600);
        a.awaitIdle();
        byte[] saved = first.lastStateBytes();

        // when: the host restores that state into a new instance
        FakeNativeSide second = new FakeNativeSide();
        PluginInstance b = new PluginInstance(library);
        b.start(second, dir);
        b.loadState(saved);
        b.awaitIdle();

        // then
        UiState restored = UiState.fromText(second.lastState());
        assertThat(restored.get(PluginInstance.SELECTED_PATH, null)).isEqualTo(file.toString());
        assertThat(restored.get(PluginInstance.SELECTED_ID, null)).isEqualTo("4242");
        assertThat(restored.get("search.text", null)).isEqualTo("dark bass");
        assertThat(restored.get("search.filters", null)).isEqualTo("bpm=90-100");
        assertThat(restored.get("search.sort", null)).isEqualTo("BPM");
        assertThat(restored.getBoolean("search.descending", false)).isTrue();
        assertThat(restored.get("preview.loop", null)).isEqualTo("true");
        assertThat(b.guiSize()).containsExactly(900, 600);
        assertThat(PluginInstance.keysOf(restored)).isEqualTo(PluginInstance.keysOf(UiState.fromText(
                new String(saved, StandardCharsets.UTF_8))));
        assertThat(second.lastPattern().data1()).containsExactly(first.lastPattern().data1());
        a.destroy();
        b.destroy();
    }

    @Test
    void selected_fileThenNothing_publishesThenClearsEachWithAStateChange() throws Exception {
        // given
        Path file = Files.write(dir.resolve("lead.mid"), twoBarFile(72));
        FakeNativeSide side = new FakeNativeSide();
        PluginInstance instance = new PluginInstance(library);
        instance.start(side, dir);

        // when
        instance.selected(file.toString(), 7L, "lead.mid");
        instance.awaitIdle();
        String afterSelect = side.lastState();
        instance.selected(null, null, null);
        instance.audition(true);
        instance.awaitIdle();

        // then
        assertThat(UiState.fromText(afterSelect).get(PluginInstance.SELECTED_PATH, null)).isEqualTo(file.toString());
        assertThat(UiState.fromText(side.lastState()).get(PluginInstance.SELECTED_PATH, null)).isNull();
        assertThat(side.calls()).containsSubsequence("publish", "clear", "audition true");
        assertThat(side.calls().stream().filter("state"::equals).count()).isGreaterThanOrEqualTo(2);
        instance.destroy();
    }

    @Test
    void serviceLoader_findsThePluginFactory() {
        // when
        var factories = ServiceLoader.load(InstanceLogic.Factory.class).stream().map(ServiceLoader.Provider::type)
                .toList();

        // then
        assertThat(factories).containsExactly(PluginInstance.Factory.class);
    }

    @Test
    void start_withALibraryThatNeverOpens_returnsAtOnce() {
        // given
        PluginInstance instance = new PluginInstance(library);

        // when
        long t0 = System.nanoTime();
        instance.start(new FakeNativeSide(), dir);
        instance.loadState(state(PluginInstance.SELECTED_PATH, "/nowhere.mid"));
        long ms = (System.nanoTime() - t0) / 1_000_000;

        // then
        assertThat(ms).isLessThan(100);
        assertThat(instance.libraryReady()).isNotDone();
        instance.destroy();
    }
}
