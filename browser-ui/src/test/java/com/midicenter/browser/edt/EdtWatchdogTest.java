package com.midicenter.browser.edt;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.EventQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EdtWatchdogTest {

    @Test
    void blockedEdt_isAStall_andAnIdleEdtIsSeenIdle() throws Exception {
        AtomicReference<Thread> edt = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> edt.set(Thread.currentThread()));
        try (EdtWatchdog watchdog = EdtWatchdog.start(10, 100)) {
            Thread.sleep(100);
            assertThat(watchdog.stalls()).isZero();
            // an EDT asleep in a task is blocked (not waiting for events): a stall
            EventQueue.invokeAndWait(() -> {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.sleep(100);
            assertThat(watchdog.stalls()).isEqualTo(1);
            assertThat(watchdog.maxStallMs()).isGreaterThan(150);
            assertThat(watchdog.reports()).anyMatch(r -> r.contains("EdtWatchdogTest"));
        }
        long deadline = System.currentTimeMillis() + 2_000;
        while (!EdtWatchdog.isIdle(edt.get()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(EdtWatchdog.isIdle(edt.get())).as("an EDT with nothing to do waits for events").isTrue();
    }
}
