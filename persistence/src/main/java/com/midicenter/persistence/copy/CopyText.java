package com.midicenter.persistence.copy;

import java.util.List;

/**
 * Encodes values in PostgreSQL's {@code COPY ... (FORMAT text)} format: tab-separated, {@code \N} for NULL,
 * backslash escapes, arrays as {@code {...}} literals. Appends to a reusable {@link StringBuilder}.
 *
 * <p>Not thread-safe; one per writer.
 */
public final class CopyText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    private boolean firstInRow = true;

    public CopyText(StringBuilder out) {
        this.out = out;
    }

    private void separator() {
        if (!firstInRow) {
            out.append('\t');
        }
        firstInRow = false;
    }

    public void endRow() {
        out.append('\n');
        firstInRow = true;
    }

    public CopyText nullValue() {
        separator();
        out.append("\\N");
        return this;
    }

    public CopyText text(String s) {
        if (s == null) {
            return nullValue();
        }
        separator();
        escapeInto(s, out);
        return this;
    }

    public CopyText number(long v) {
        separator();
        out.append(v);
        return this;
    }

    public CopyText number(double v) {
        separator();
        out.append(Double.isFinite(v) ? Double.toString(v) : "0");
        return this;
    }

    public CopyText numberOrNull(Double v) {
        return v == null ? nullValue() : number(v.doubleValue());
    }

    public CopyText bool(boolean b) {
        separator();
        out.append(b ? 't' : 'f');
        return this;
    }

    public CopyText bytea(byte[] bytes) {
        separator();
        // \x hex form; the backslash itself is escaped for COPY
        out.append("\\\\x");
        for (byte b : bytes) {
            out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return this;
    }

    public CopyText intArray(List<Integer> values) {
        separator();
        out.append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values.get(i).intValue());
        }
        out.append('}');
        return this;
    }

    public CopyText doubleArray(List<Double> values) {
        separator();
        out.append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            double v = values.get(i);
            out.append(Double.isFinite(v) ? Double.toString(v) : "0");
        }
        out.append('}');
        return this;
    }

    public CopyText intArray(int[] values, int count) {
        separator();
        out.append('{');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values[i]);
        }
        out.append('}');
        return this;
    }

    public CopyText textArray(List<String> values) {
        separator();
        out.append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            // array element: "..." with \ and " escaped; then the whole thing COPY-escaped
            StringBuilder element = new StringBuilder(values.get(i).length() + 2).append('"');
            for (char c : values.get(i).toCharArray()) {
                if (c == '"' || c == '\\') {
                    element.append('\\');
                }
                element.append(c);
            }
            element.append('"');
            escapeInto(element, out);
        }
        out.append('}');
        return this;
    }

    public static void escapeInto(CharSequence s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> { } // PostgreSQL text cannot hold NUL: dropped
                default -> out.append(c);
            }
        }
    }
}
