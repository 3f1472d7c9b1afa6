package com.midicenter.core.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Writes and reads {@code ground-truth.csv}: UTF-8, RFC 4180 (CRLF line ends, a header row, fields with a comma,
 * quote or line break quoted with doubled quotes). Lists ({@code programs}, {@code instrument}) are
 * {@code ;}-separated, {@code chords} space-separated, booleans {@code true}/{@code false}.
 */
public final class GroundTruthCsv {

    /** The column names, in order. */
    public static final List<String> COLUMNS = List.of("path", "kind", "duplicate_of", "corrupt_kind", "recoverable",
            "vendor", "pack", "category", "part", "format", "ppq", "tracks", "bpm", "bpm_in_meta", "bpm_in_name",
            "meta_tempo_is_default", "key", "key_in_name", "key_signature_event", "meter", "meter_in_meta", "bars",
            "has_drums", "programs", "instrument", "chords", "notes", "swing", "seed");

    /** The header line, with its CRLF. */
    public static final String HEADER = String.join(",", COLUMNS) + "\r\n";

    private GroundTruthCsv() {
    }

    /** Reads every row of a ground-truth file into memory. */
    public static List<GroundTruth> read(Path csv) throws IOException {
        try (Stream<GroundTruth> rows = stream(csv)) {
            return rows.toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Streams the rows lazily (memory-flat for millions of rows). Close the stream. I/O errors surface as
     * {@link UncheckedIOException}; a malformed row as {@link IllegalArgumentException} naming its line.
     */
    public static Stream<GroundTruth> stream(Path csv) throws IOException {
        BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        try {
            List<String> header = readRecord(in);
            if (header == null || !header.equals(COLUMNS)) {
                throw new IOException(csv + ": not a ground-truth file, header " + header);
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        Iterator<GroundTruth> it = new Iterator<>() {
            private List<String> next = advance();
            private long line = 1;

            private List<String> advance() {
                try {
                    return readRecord(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public GroundTruth next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                List<String> fields = next;
                line++;
                next = advance();
                try {
                    return parse(fields);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(csv + " record " + line + ": " + e.getMessage(), e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(() -> {
                    try {
                        in.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Appends one row, with its CRLF. */
    public static void write(Appendable out, GroundTruth t) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        field(sb, t.path());
        sb.append(',').append(t.kind().csvName());
        sb.append(',');
        field(sb, t.duplicateOf());
        sb.append(',').append(t.corruptKind() == null ? "" : t.corruptKind().csvName());
        sb.append(',').append(t.corruptKind() == null ? "" : Boolean.toString(t.recoverable()));
        sb.append(',');
        field(sb, t.vendor());
        sb.append(',');
        field(sb, t.pack());
        sb.append(',');
        field(sb, t.category());
        sb.append(',').append(t.part().csvName());
        sb.append(',').append(t.format());
        sb.append(',').append(t.ppq());
        sb.append(',').append(t.tracks());
        sb.append(',').append(FileNamer.bpmText(t.bpm()));
        sb.append(',').append(t.bpmInMeta());
        sb.append(',').append(t.bpmInName());
        sb.append(',').append(t.metaTempoIsDefault());
        sb.append(',').append(t.key());
        sb.append(',').append(t.keyInName());
        sb.append(',').append(t.keySignatureEvent());
        sb.append(',').append(t.meter());
        sb.append(',').append(t.meterInMeta());
        sb.append(',').append(t.bars());
        sb.append(',').append(t.hasDrums());
        sb.append(',');
        for (int i = 0; i < t.programs().size(); i++) {
            sb.append(i == 0 ? "" : ";").append(t.programs().get(i));
        }
        sb.append(',');
        field(sb, String.join(";", t.instrument()));
        sb.append(',');
        field(sb, String.join(" ", t.chords()));
        sb.append(',').append(t.notes());
        sb.append(',').append(t.swing());
        sb.append(',');
        String hex = Long.toHexString(t.seed());
        sb.append("0".repeat(16 - hex.length())).append(hex);
        sb.append("\r\n");
        out.append(sb);
    }

    static GroundTruth parse(List<String> f) {
        if (f.size() != COLUMNS.size()) {
            throw new IllegalArgumentException(f.size() + " fields, expected " + COLUMNS.size());
        }
        FileKind kind = FileKind.fromCsv(f.get(1));
        CorruptKind corrupt = f.get(3).isEmpty() ? null : CorruptKind.fromCsv(f.get(3));
        List<Integer> programs = new ArrayList<>();
        for (String p : split(f.get(23), ';')) {
            programs.add(Integer.parseInt(p));
        }
        return new GroundTruth(f.get(0), kind, f.get(2), corrupt, bool(f.get(4)), f.get(5), f.get(6), f.get(7),
                Part.fromCsv(f.get(8)), Integer.parseInt(f.get(9)), Integer.parseInt(f.get(10)),
                Integer.parseInt(f.get(11)), Double.parseDouble(f.get(12)), bool(f.get(13)), bool(f.get(14)),
                bool(f.get(15)), f.get(16), bool(f.get(17)), f.get(18), f.get(19), bool(f.get(20)),
                Integer.parseInt(f.get(21)), bool(f.get(22)), programs, split(f.get(24), ';'), split(f.get(25), ' '),
                Integer.parseInt(f.get(26)), Integer.parseInt(f.get(27)), Long.parseUnsignedLong(f.get(28), 16));
    }

    private static boolean bool(String s) {
        if (s.isEmpty() || s.equals("false")) {
            return false;
        }
        if (s.equals("true")) {
            return true;
        }
        throw new IllegalArgumentException("boolean " + s);
    }

    private static List<String> split(String s, char separator) {
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == separator) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        return out;
    }

    private static void field(StringBuilder sb, String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            sb.append(value);
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(c);
            if (c == '"') {
                sb.append('"');
            }
        }
        sb.append('"');
    }

    /** Reads one RFC 4180 record (quoted fields may span lines); null at end of input. Accepts LF or CRLF. */
    static List<String> readRecord(BufferedReader in) throws IOException {
        int c = in.read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>(COLUMNS.size());
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new IOException("unterminated quoted field");
                }
                if (c == '"') {
                    in.mark(1);
                    int d = in.read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (d >= 0) {
                            in.reset();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c < 0) {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            c = in.read();
        }
    }
}
