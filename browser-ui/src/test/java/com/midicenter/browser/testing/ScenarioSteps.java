package com.midicenter.browser.testing;

import com.midicenter.browser.edt.Edt;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Robot;
import java.awt.Toolkit;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/** Steps the UI scenarios share: waiting on the EDT, checking, moving the hand, timing. */
public final class ScenarioSteps {

    private ScenarioSteps() {
    }

    /** Runs {@code work} on the EDT and returns its result. */
    public static <T> T onEdt(Callable<T> work) throws Exception {
        return Edt.call(work);
    }

    /**
     * Waits until the EDT has run what was queued and painted. Not {@link Robot#waitForIdle()}: that runs an X server
     * round trip on the EDT ({@code XToolkit.syncNativeQueue}), a stall of the test's own making.
     */
    public static void settle() throws Exception {
        onEdt(() -> null);
        Thread.sleep(50);
        onEdt(() -> null);
    }

    /**
     * Polls {@code condition} on the EDT every 10 ms until it holds.
     *
     * @throws AssertionError after {@code timeoutMs}: "timed out waiting for " {@code what} and {@code state} (read on
     *         the EDT)
     */
    public static void waitFor(String what, long timeoutMs, BooleanSupplier condition, Callable<String> state)
            throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!onEdt(condition::getAsBoolean)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what + onEdt(state));
            }
            Thread.sleep(10);
        }
    }

    /** @throws AssertionError "expected: " {@code what} unless {@code ok} */
    public static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("expected: " + what);
        }
    }

    /** Milliseconds since {@code since} (a {@link System#nanoTime()}). */
    public static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** The pointer to the bottom-right corner of the screen, below the window: no hover effects in screenshots. */
    public static void moveMouseAway(Robot robot) {
        Dimension screen = Toolkit.getDefaultToolkit().getScreenSize();
        robot.mouseMove(screen.width - 2, screen.height - 2);
    }

    /** Presses {@code codes} in order and releases them in reverse: a chord such as Ctrl+A. */
    public static void key(Robot robot, int... codes) {
        for (int c : codes) {
            robot.keyPress(c);
        }
        for (int i = codes.length - 1; i >= 0; i--) {
            robot.keyRelease(codes[i]);
        }
    }

    /** The centre of {@code c}, on screen, once it is there (a new dialog maps a moment after it opens). */
    public static Point centreOnScreen(Component c) throws Exception {
        waitFor("'" + c.getName() + "' on screen", 10_000, c::isShowing, () -> "");
        return onEdt(() -> {
            Point p = c.getLocationOnScreen();
            return new Point(p.x + c.getWidth() / 2, p.y + c.getHeight() / 2);
        });
    }

    /**
     * Moves the pointer to {@code p}, lets the move arrive (pacing, not a wait for a result), and clicks there with
     * {@code button} (an {@code InputEvent.BUTTONn_DOWN_MASK}).
     */
    public static void click(Robot robot, Point p, int button) throws InterruptedException {
        robot.mouseMove(p.x, p.y);
        Thread.sleep(100);
        robot.mousePress(button);
        robot.mouseRelease(button);
    }
}
