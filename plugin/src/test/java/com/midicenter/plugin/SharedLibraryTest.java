package com.midicenter.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SharedLibraryTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    private SharedLibrary library(CountDownLatch gate) {
        return new SharedLibrary(Path.of("target", "fake-home"), home -> {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.add("open");
            return new SharedLibrary.Library(home, null, null, null, null, 0);
        }, lib -> events.add("close"));
    }

    @Test
    void acquire_twoUsers_openOnceAndCloseAfterTheLast() throws Exception {
        // given
        SharedLibrary lib = library(new CountDownLatch(0));

        // when
        var a = lib.acquire();
        var b = lib.acquire();

        // then
        assertThat(a.get(10, TimeUnit.SECONDS)).isSameAs(b.get(10, TimeUnit.SECONDS));
        assertThat(lib.opens()).isEqualTo(1);
        lib.release();
        lib.awaitIdle();
        assertThat(lib.users()).isEqualTo(1);
        assertThat(events).containsExactly("open");
        lib.release();
        lib.awaitIdle();
        assertThat(lib.users()).isZero();
        assertThat(events).containsExactly("open", "close");
        assertThatThrownBy(lib::release).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void acquire_whileOpening_returnsAtOnceAndReleaseDuringOpenLetsItFinish() throws Exception {
        // given: an opening that waits for the gate
        CountDownLatch gate = new CountDownLatch(1);
        SharedLibrary lib = library(gate);

        // when
        long t0 = System.nanoTime();
        var a = lib.acquire();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        lib.release();
        var again = lib.acquire();
        gate.countDown();

        // then: the first opening finished, then closed; the new user got a second opening
        assertThat(ms).isLessThan(50);
        assertThat(a.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(again.get(10, TimeUnit.SECONDS)).isNotSameAs(a.get());
        assertThat(lib.opens()).isEqualTo(2);
        lib.release();
        lib.awaitIdle();
        assertThat(events).containsExactly("open", "close", "open", "close");
    }
}
