package com.midicenter.plugin;

import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Frame;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for a DAW's plugin window, in its own JVM: an undecorated AWT frame at (0, 0), 1100×700, dark grey,
 * whose X11 window id goes to the file named by the first argument. Runs until killed. Needs
 * {@code --add-exports java.desktop/sun.awt=ALL-UNNAMED --add-exports java.desktop/sun.awt.X11=ALL-UNNAMED}.
 */
public final class ParentWindowHost {

    public static final int WIDTH = 1100;
    public static final int HEIGHT = 700;

    private ParentWindowHost() {
    }

    public static void main(String[] args) throws Exception {
        Path idFile = Path.of(args[0]);
        Frame[] frame = new Frame[1];
        EventQueue.invokeAndWait(() -> {
            Frame f = new Frame("test host");
            f.setUndecorated(true);
            f.setBackground(new Color(40, 40, 40));
            f.setBounds(0, 0, WIDTH, HEIGHT);
            f.setVisible(true);
            frame[0] = f;
        });
        Thread.sleep(500);
        long id = x11WindowId(frame[0]);
        Path tmp = idFile.resolveSibling(idFile.getFileName() + ".tmp");
        Files.writeString(tmp, Long.toString(id));
        Files.move(tmp, idFile);
        Thread.sleep(Long.MAX_VALUE);
    }

    /** The X11 window of {@code frame}'s peer (sun.awt.X11.XBaseWindow#getWindow). */
    static long x11WindowId(Frame frame) throws Exception {
        Class<?> accessor = Class.forName("sun.awt.AWTAccessor");
        Object components = accessor.getMethod("getComponentAccessor").invoke(null);
        Method getPeer = Class.forName("sun.awt.AWTAccessor$ComponentAccessor").getMethod("getPeer",
                java.awt.Component.class);
        Object peer = getPeer.invoke(components, frame);
        Method getWindow = Class.forName("sun.awt.X11.XBaseWindow").getMethod("getWindow");
        return (long) getWindow.invoke(peer);
    }
}
