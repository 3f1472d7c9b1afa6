package com.midicenter.browser;

import com.midicenter.browser.state.UiState;

import java.awt.Dimension;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.JFrame;
import javax.swing.WindowConstants;

/** The standalone window around a {@link BrowserPanel} (the plugin embeds the panel in its own editor instead). */
public final class BrowserFrame {

    /** The start of every window title. */
    public static final String TITLE = "MIDI Software Center";

    private BrowserFrame() {
    }

    /** [EDT] {@link #open(String, BrowserPanel, UiState, Runnable)} with nothing remembered. */
    public static JFrame open(String library, BrowserPanel panel, Runnable onClosed) {
        return open(library, panel, new UiState(), onClosed);
    }

    /**
     * [EDT] Opens a window titled {@code MIDI Software Center — <library>} showing {@code panel}, with the search field
     * focused, where and as large as {@code state} remembers (when that still fits a screen). When the window closes,
     * its bounds and the panel's state ({@link BrowserPanel#saveState}) are written into {@code state}, then
     * {@code onClosed} runs on the EDT: it must only hand over (count down a latch, save the state to a file), the
     * closing work (the database) belongs to the thread that opened it.
     */
    public static JFrame open(String library, BrowserPanel panel, UiState state, Runnable onClosed) {
        JFrame frame = new JFrame(TITLE + " — " + library);
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.setContentPane(panel);
        frame.setMinimumSize(new Dimension(640, 400));
        Rectangle bounds = new Rectangle(state.getInt("window.x", Integer.MIN_VALUE, -20_000, 20_000),
                state.getInt("window.y", Integer.MIN_VALUE, -20_000, 20_000),
                state.getInt("window.width", 1280, 640, 20_000), state.getInt("window.height", 800, 400, 20_000));
        frame.setSize(bounds.width, bounds.height);
        if (bounds.x != Integer.MIN_VALUE && bounds.y != Integer.MIN_VALUE && onSomeScreen(bounds)) {
            frame.setLocation(bounds.x, bounds.y);
        } else {
            frame.setLocationByPlatform(true);
        }
        if (state.getBoolean("window.maximized", false)) {
            frame.setExtendedState(Frame.MAXIMIZED_BOTH);
        }
        panel.restoreState(state);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                remember(frame, panel, state);
            }

            @Override
            public void windowClosed(WindowEvent e) {
                onClosed.run();
            }
        });
        frame.setVisible(true);
        panel.searchField().requestFocusInWindow();
        return frame;
    }

    /** [EDT] Writes the window's bounds and the panel's state into {@code state}. */
    public static void remember(JFrame frame, BrowserPanel panel, UiState state) {
        boolean maximized = (frame.getExtendedState() & Frame.MAXIMIZED_BOTH) == Frame.MAXIMIZED_BOTH;
        state.put("window.maximized", maximized);
        if (!maximized) {
            Rectangle b = frame.getBounds();
            state.put("window.x", b.x).put("window.y", b.y).put("window.width", b.width)
                    .put("window.height", b.height);
        }
        panel.saveState(state);
    }

    private static boolean onSomeScreen(Rectangle bounds) {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        Rectangle titleBar = new Rectangle(bounds.x, bounds.y, Math.max(1, bounds.width), 32);
        for (var device : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            if (device.getDefaultConfiguration().getBounds().intersects(titleBar)) {
                return true;
            }
        }
        return false;
    }
}
