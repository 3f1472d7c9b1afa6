package com.midicenter.browser.dnd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.library.analysis.LocationReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drag cache on a full disk (a tiny tmpfs, mounted as root): the copy fails with the file system's reason and
 * leaves nothing behind (no cut-off copy a later drag would reuse); once there is room the same drag works.
 */
class DragCacheDiskFullTest {

    @TempDir
    Path tmp;

    @Test
    void fileFor_cacheDiskFull_failsLeavingNothingThenWorksWithRoom() throws Exception {
        // given: an 80 KB file dragged at another tempo (so a copy is written) into a cache of 8 KB
        Path source = tmp.resolve("Long Bass 120.mid");
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        SmfBuilder.Track t = smf.addTrack();
        t.tempoBpm(0, 120).timeSignature(0, 4, 4);
        for (int i = 0; i < 10_000; i++) {
            t.note(i * 120L, 0, 36 + i % 24, 100, 100);
        }
        Files.write(source, smf.toBytes());
        Path cacheDir = Files.createDirectories(tmp.resolve("cache"));
        mount("-t", "tmpfs", "-o", "size=8k", "tmpfs", cacheDir.toString());
        try {
            DragCache cache = new DragCache(cacheDir.resolve("drag-cache"), DragCache.DEFAULT_MAX_BYTES);
            DragOptions slower = new DragOptions(null, 100.0);
            try (LocationReader reader = new LocationReader()) {
                // when
                var hit = FileDragHandlerTest.hit(7, source.toString(), "Long Bass 120.mid", 120.0, null);
                assertThatThrownBy(() -> cache.fileFor(hit, slower, reader))
                        .isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
                List<Path> leftAfterFailure = regularFiles(cacheDir);
                mount("-o", "remount,size=1m", cacheDir.toString());
                Path copy = cache.fileFor(hit, slower, reader);

                // then
                assertThat(leftAfterFailure).isEmpty();
                assertThat(new MidiReader().read(Files.readAllBytes(copy)).eventCount()).isGreaterThan(20_000);
                assertThat(regularFiles(cacheDir)).containsExactly(copy);
            }
        } finally {
            run("umount", cacheDir.toString());
        }
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static void mount(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "mount";
        System.arraycopy(args, 0, command, 1, args.length);
        run(command);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", command) + ": " + out).isTrue();
    }
}
