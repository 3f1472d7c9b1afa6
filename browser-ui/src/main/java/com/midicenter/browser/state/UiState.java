package com.midicenter.browser.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the browser remembers between runs (window bounds, column widths, the last search, filters, sort, theme,
 * preview settings): string keys and values, read leniently (a missing, unreadable or nonsensical value is the
 * default), stored as a properties file written atomically (a crash while saving keeps the previous file). The
 * standalone window keeps it in the data folder; the plugin gives the same text to the host to save in the project.
 *
 * <p>Not thread-safe: the EDT owns it.
 */
public final class UiState {

    private final Map<String, String> values = new TreeMap<>();

    /** An empty state: every value its default. */
    public UiState() {
    }

    /** The state saved in {@code file}; empty when there is none or it cannot be read (never an exception). */
    public static UiState load(Path file) {
        UiState state = new UiState();
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
                p.stringPropertyNames().forEach(k -> state.values.put(k, p.getProperty(k)));
            } catch (IOException | IllegalArgumentException e) {
                state.values.clear(); // a damaged file: start from the defaults
            }
        }
        return state;
    }

    /**
     * Writes the state to {@code file} (a temporary file beside it, then moved over it). The file is the user's alone
     * (0600, from the temporary file): it holds the last search and filters.
     */
    public void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                properties().store(out, "MIDI Software Center browser state");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The state as text (the plugin's project state). */
    public String toText() {
        StringWriter w = new StringWriter();
        try {
            properties().store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** A state from {@link #toText()}; empty for text that cannot be read. */
    public static UiState fromText(String text) {
        UiState state = new UiState();
        if (text != null) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(text));
                p.stringPropertyNames().forEach(k -> state.values.put(k, p.getProperty(k)));
            } catch (IOException | IllegalArgumentException e) {
                state.values.clear();
            }
        }
        return state;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.putAll(values);
        return p;
    }

    public String get(String key, String orElse) {
        String v = values.get(key);
        return v == null ? orElse : v;
    }

    public int getInt(String key, int orElse, int min, int max) {
        try {
            int v = Integer.parseInt(values.getOrDefault(key, "").strip());
            return v < min || v > max ? orElse : v;
        } catch (NumberFormatException e) {
            return orElse;
        }
    }

    public boolean getBoolean(String key, boolean orElse) {
        String v = values.get(key);
        return v == null ? orElse : Boolean.parseBoolean(v.strip());
    }

    /** Sets or, with {@code null}, removes a value. */
    public UiState put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        return this;
    }

    public UiState put(String key, int value) {
        return put(key, Integer.toString(value));
    }

    public UiState put(String key, boolean value) {
        return put(key, Boolean.toString(value));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
