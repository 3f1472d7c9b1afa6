package com.midicenter.persistence.search;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Streams every {@code search_doc} row, in content id order, with one {@code COPY ... TO STDOUT} (a million rows in a
 * few seconds, without a result set in memory). The row object is reused: a consumer copies what it keeps.
 */
public final class SearchDocStream {

    /** One row of the stream; overwritten by the next. Absent values: {@code NaN}, {@code -1} or {@code null}. */
    public static final class Row {
        public long contentId;
        /** The file name in lower case. */
        public String name;
        public String vendor;
        public String pack;
        /** The weighted words: lexeme and its best weight (3 = A, the name, ... 0 = D). */
        public final List<String> lexemes = new ArrayList<>();
        public final IntList weights = new IntList();
        public float bpm;
        public int keyCode;
        public String meter;
        public int bars;
        public float durationSec;
        public final List<String> instruments = new ArrayList<>();
        public boolean hasDrums;
        public final IntList tagIds = new IntList();
        public boolean favorite;
        public int rating;
        public boolean failed;
        /** Microseconds since the epoch. */
        public long addedMicros;
        public boolean hasPrints;
        public long rhythmPrint;
        public long pitchPrint;
    }

    /** A growable list of ints (no boxing on the hot path). */
    public static final class IntList {
        private int[] values = new int[16];
        private int size;

        public void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        public int get(int i) {
            Objects.checkIndex(i, size);
            return values[i];
        }

        public int size() {
            return size;
        }

        public void clear() {
            size = 0;
        }
    }

    /** Receives each row. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(Row row);
    }

    static final String SQL = "COPY (SELECT d.content_id, lower(d.name), d.vendor, d.pack, d.tsv, d.bpm, d.key_code,"
            + " d.meter, d.bars, d.duration_sec, d.instruments, d.has_drums, d.tag_ids, d.favorite, d.rating,"
            + " d.state = 'failed', (extract(epoch FROM d.added_at) * 1000000)::bigint, d.rhythm_print, d.pitch_print"
            + " FROM search_doc d ORDER BY d.content_id) TO STDOUT";

    private SearchDocStream() {
    }

    /** Streams the rows (one statement: one snapshot) on a connection the caller owns; returns how many were read. */
    public static long read(Connection connection, RowConsumer consumer) throws SQLException {
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(SQL);
        Row row = new Row();
        long rows = 0;
        try {
            byte[] data;
            while ((data = copy.readFromCopy()) != null) {
                parse(new String(data, StandardCharsets.UTF_8), row);
                consumer.accept(row);
                rows++;
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        return rows;
    }

    /** One line of COPY text format: tab-separated fields, {@code \N} for NULL, backslash escapes. */
    static void parse(String line, Row row) {
        String[] f = new String[19];
        int field = 0;
        int start = 0;
        int end = line.endsWith("\n") ? line.length() - 1 : line.length();
        for (int i = 0; i <= end && field < f.length; i++) {
            if (i == end || line.charAt(i) == '\t') {
                f[field++] = unescape(line, start, i);
                start = i + 1;
            }
        }
        if (field != f.length) {
            throw new IllegalStateException("search_doc COPY row has " + field + " fields, expected " + f.length);
        }
        row.contentId = Long.parseLong(f[0]);
        row.name = f[1] == null ? "" : f[1];
        row.vendor = f[2];
        row.pack = f[3];
        parseTsvector(f[4] == null ? "" : f[4], row);
        row.bpm = f[5] == null ? Float.NaN : Float.parseFloat(f[5]);
        row.keyCode = f[6] == null ? -1 : Integer.parseInt(f[6]);
        row.meter = f[7];
        row.bars = f[8] == null ? -1 : Integer.parseInt(f[8]);
        row.durationSec = f[9] == null ? Float.NaN : Float.parseFloat(f[9]);
        row.instruments.clear();
        parseArray(f[10], row.instruments);
        row.hasDrums = "t".equals(f[11]);
        row.tagIds.clear();
        List<String> tags = new ArrayList<>();
        parseArray(f[12], tags);
        for (String t : tags) {
            row.tagIds.add(Integer.parseInt(t));
        }
        row.favorite = "t".equals(f[13]);
        row.rating = f[14] == null ? 0 : Integer.parseInt(f[14]);
        row.failed = "t".equals(f[15]);
        row.addedMicros = Long.parseLong(f[16]);
        row.hasPrints = f[17] != null && f[18] != null;
        row.rhythmPrint = f[17] == null ? 0 : Long.parseLong(f[17]);
        row.pitchPrint = f[18] == null ? 0 : Long.parseLong(f[18]);
    }

    private static String unescape(String line, int from, int to) {
        if (to - from == 2 && line.charAt(from) == '\\' && line.charAt(from + 1) == 'N') {
            return null;
        }
        int slash = line.indexOf('\\', from);
        if (slash < 0 || slash >= to) {
            return line.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char ch = line.charAt(i);
            if (ch != '\\' || i + 1 >= to) {
                sb.append(ch);
                continue;
            }
            char e = line.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\u000b');
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i + 1 < to && line.charAt(i + 1) >= '0' && line.charAt(i + 1) <= '7'; k++) {
                            v = v * 8 + line.charAt(++i) - '0';
                        }
                        sb.append((char) v);
                    } else {
                        sb.append(e);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** {@code 'bass':3A,8C 'it''s':2}: lexemes in quotes ({@code ''} and {@code \\} escaped), positions with weights. */
    static void parseTsvector(String tsv, Row row) {
        row.lexemes.clear();
        row.weights.clear();
        int i = 0;
        int n = tsv.length();
        StringBuilder lexeme = new StringBuilder();
        while (i < n) {
            while (i < n && tsv.charAt(i) != '\'') {
                i++;
            }
            if (i >= n) {
                break;
            }
            i++;
            lexeme.setLength(0);
            while (i < n) {
                char ch = tsv.charAt(i);
                if (ch == '\\' && i + 1 < n) {
                    lexeme.append(tsv.charAt(i + 1));
                    i += 2;
                } else if (ch == '\'') {
                    if (i + 1 < n && tsv.charAt(i + 1) == '\'') {
                        lexeme.append('\'');
                        i += 2;
                    } else {
                        i++;
                        break;
                    }
                } else {
                    lexeme.append(ch);
                    i++;
                }
            }
            int best = 0;
            if (i < n && tsv.charAt(i) == ':') {
                i++;
                while (i < n && tsv.charAt(i) != ' ') {
                    char ch = tsv.charAt(i);
                    if (ch >= 'A' && ch <= 'C') {
                        best = Math.max(best, 'D' - ch);
                    }
                    i++;
                }
            }
            row.lexemes.add(lexeme.toString());
            row.weights.add(best);
        }
    }

    /** {@code {a,"b c",d}} into its elements ({@code NULL} elements skipped). */
    static void parseArray(String text, List<String> out) {
        if (text == null || text.length() < 2) {
            return;
        }
        int i = 1;
        int n = text.length() - 1;
        StringBuilder sb = new StringBuilder();
        while (i < n) {
            sb.setLength(0);
            boolean quoted = text.charAt(i) == '"';
            if (quoted) {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    sb.append(text.charAt(i++));
                }
                i++;
            } else {
                while (i < n && text.charAt(i) != ',') {
                    sb.append(text.charAt(i++));
                }
            }
            String element = sb.toString();
            if (quoted || !element.equals("NULL")) {
                out.add(element);
            }
            i++; // the comma
        }
    }
}
