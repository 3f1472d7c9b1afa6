package com.midicenter.library.export;

import com.midicenter.core.music.MusicalKey;
import com.midicenter.persistence.export.ExportSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file naming template such as {@code {bpm} {key} {name}}, checked once when built. Placeholders: {@code {name}}
 * (the file name without its extension), {@code {bpm}} (rounded), {@code {key}} ({@code Am}, {@code F#}),
 * {@code {vendor}}, {@code {pack}}, {@code {bars}} and {@code {n}} (the file's number in the export, zero-padded to
 * the width of the total).
 *
 * <p>A missing value is dropped with the separator before it ({@code {bpm} - {key} - {name}} without a key gives
 * {@code 120 - Bass}). The result is always one plain file name: path separators, {@code ..}, drive letters, control
 * characters and characters Windows forbids become spaces or are removed, so no template or stored value can make an
 * export write outside its folder. Immutable and thread-safe.
 */
public final class NameTemplate {

    public static final String DEFAULT = "{name}";
    /** Characters a file name keeps at most (without the extension and a {@code (2)} suffix). */
    static final int MAX_NAME = 150;

    private static final Set<String> FIELDS = Set.of("name", "bpm", "key", "vendor", "pack", "bars", "n");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    /** Literals made only of these are separators, dropped with a missing value. */
    private static final Pattern SEPARATOR = Pattern.compile("[\\s\\-_.,;+|~()\\[\\]]*");
    /** Separators, characters file systems refuse, control characters (C0 and C1), unpaired surrogates (not encodable). */
    private static final Pattern UNSAFE = Pattern.compile("[\\\\/:*?\"<>|\\p{Cc}\\p{Cs}]");

    private final String text;
    /** Literals at even indexes, field names at odd ones. */
    private final List<String> parts;

    private NameTemplate(String text, List<String> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * @param template the template, or {@code null}/blank for {@link #DEFAULT}
     * @throws IllegalArgumentException for an unknown placeholder (the message lists the known ones)
     */
    public static NameTemplate parse(String template) {
        String t = template == null || template.isBlank() ? DEFAULT : template;
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(t);
        int at = 0;
        while (m.find()) {
            String field = m.group(1).strip().toLowerCase(Locale.ROOT);
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in name template '" + t
                        + "'; known: {name} {bpm} {key} {vendor} {pack} {bars} {n}");
            }
            parts.add(t.substring(at, m.start()));
            parts.add(field);
            at = m.end();
        }
        parts.add(t.substring(at));
        return new NameTemplate(t, List.copyOf(parts));
    }

    /**
     * The file name (without extension) of {@code source}, the {@code number}-th (1-based) of {@code total}.
     * Never blank: falls back to the file's own name, then to {@code content-ID}.
     */
    public String render(ExportSource source, int number, int total) {
        StringBuilder out = new StringBuilder();
        String pending = "";
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                pending += parts.get(i);
                continue;
            }
            String value = clean(value(parts.get(i), source, number, total));
            boolean separator = SEPARATOR.matcher(pending).matches();
            if (value.isEmpty()) {
                if (!separator) {
                    out.append(pending);
                }
            } else {
                if (!(out.isEmpty() && separator)) {
                    out.append(pending);
                }
                out.append(value);
            }
            pending = "";
        }
        out.append(pending);
        String name = safe(out.toString());
        if (name.isEmpty()) {
            name = safe(baseName(source.name()));
        }
        return name.isEmpty() ? "content-" + source.contentId() : name;
    }

    private static String value(String field, ExportSource s, int number, int total) {
        return switch (field) {
            case "name" -> baseName(s.name());
            case "bpm" -> s.bpm() == null ? "" : Long.toString(Math.round(s.bpm()));
            case "key" -> s.keyCode() == null ? "" : new MusicalKey(s.keyCode() / 2, s.keyCode() % 2 == 1).name();
            case "vendor" -> nullToEmpty(s.vendor());
            case "pack" -> nullToEmpty(s.pack());
            case "bars" -> s.bars() == null ? "" : Integer.toString(s.bars());
            case "n" -> String.format(Locale.ROOT, "%0" + Integer.toString(Math.max(1, total)).length() + "d", number);
            default -> throw new IllegalStateException("field " + field);
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** {@code name} without its last extension ({@code Bass.mid} → {@code Bass}). */
    static String baseName(String name) {
        if (name == null) {
            return "";
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String file = name.substring(slash + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** A value with path separators and forbidden characters turned into spaces, whitespace collapsed. */
    private static String clean(String value) {
        return UNSAFE.matcher(value).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    /** One safe file name: no separators, no leading dots (so never {@code .} or {@code ..}), no trailing dots. */
    static String safe(String name) {
        String s = clean(name);
        s = s.replaceAll("^[\\s.]+", "").replaceAll("[\\s.]+$", "");
        if (s.length() > MAX_NAME) {
            // never between the two halves of a character outside the BMP (an emoji): half of one is no file name
            s = s.substring(0, Character.isHighSurrogate(s.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME).strip();
        }
        return s;
    }

    @Override
    public String toString() {
        return text;
    }
}
