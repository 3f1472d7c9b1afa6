package com.midicenter.browser.testing;

import java.awt.Point;
import java.awt.Robot;
import java.awt.event.InputEvent;

/**
 * A drag with {@link Robot} as a hand does it, paced so that X11's drag and drop (XDND) keeps up under Xvfb: press,
 * a slow start past the drag threshold, steps onto the target, a hover for the position/status exchange. The release
 * is left to the caller (to screenshot the hover first).
 */
public final class RobotDrag {

    private RobotDrag() {
    }

    /** Presses at {@code from} and moves to {@code to}, hovering there; the button stays down. */
    public static void pressAndHover(Robot robot, Point from, Point to) throws InterruptedException {
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        Thread.sleep(150);
        for (int i = 1; i <= 10; i++) { // past the drag threshold, slowly
            robot.mouseMove(from.x + 2 * i, from.y + i);
            Thread.sleep(30);
        }
        Point at = new Point(from.x + 20, from.y + 10);
        int steps = 40;
        for (int i = 1; i <= steps; i++) {
            robot.mouseMove(at.x + (to.x - at.x) * i / steps, at.y + (to.y - at.y) * i / steps);
            Thread.sleep(25);
        }
        for (int i = 0; i < 10; i++) { // hover: the XDND position/status exchange
            robot.mouseMove(to.x + (i % 2) * 3, to.y + (i % 3));
            Thread.sleep(50);
        }
    }
}
