package com.midicenter.browser;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;

import java.awt.Color;
import javax.swing.UIManager;

/**
 * FlatLaf set-up for the standalone window, and the browser's own theme keys. The browser's colours live in
 * {@code com/midicenter/browser/themes/FlatLaf.properties} (all themes) and the {@code FlatLightLaf}/
 * {@code FlatDarkLaf} files beside it, never in code; {@link #color} reads them with a fallback to a standard key so
 * the panel still looks right inside a host that uses another look and feel.
 */
public final class BrowserTheme {

    /** The foreground of cells whose page is still loading. */
    public static final String PENDING_FOREGROUND = "MidiCenter.Browser.pendingForeground";
    /** The foreground of the status line. */
    public static final String STATUS_FOREGROUND = "MidiCenter.Browser.statusForeground";
    /** The line between the results and the status line. */
    public static final String SEPARATOR_COLOR = "MidiCenter.Browser.separatorColor";

    private BrowserTheme() {
    }

    /** [EDT] Installs FlatLaf light or dark with the browser's theme keys. Call once, before building components. */
    public static void setup(boolean dark) {
        FlatLaf.registerCustomDefaultsSource("com.midicenter.browser.themes", BrowserTheme.class.getClassLoader());
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }

    /** [EDT] The colour of a browser theme key, else of the standard {@code fallbackKey}. */
    public static Color color(String key, String fallbackKey) {
        Color c = UIManager.getColor(key);
        return c != null ? c : UIManager.getColor(fallbackKey);
    }
}
