package com.midicenter.browser;

import java.awt.Dimension;
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

    /**
     * [EDT] Opens a window titled {@code MIDI Software Center — <library>} showing {@code panel}, with the search field
     * focused. {@code onClosed} runs on the EDT once the window is closed and disposed: it must only hand over (count
     * down a latch), the closing work (the database) belongs to the thread that opened it.
     */
    public static JFrame open(String library, BrowserPanel panel, Runnable onClosed) {
        JFrame frame = new JFrame(TITLE + " — " + library);
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.setContentPane(panel);
        frame.setMinimumSize(new Dimension(640, 400));
        frame.setSize(1100, 720);
        frame.setLocationByPlatform(true);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                onClosed.run();
            }
        });
        frame.setVisible(true);
        panel.searchField().requestFocusInWindow();
        return frame;
    }
}
