package com.midicenter.core.corpus;

/**
 * The meters the corpus uses, on a sixteenth-note grid.
 *
 * <p>{@code groups} are the sixteenth steps where the bar's beat groups start (6/8 is two dotted quarters,
 * 7/8 is 2+2+3 eighths, 5/4 is 3+2 quarters counted as five beats).
 */
enum Meter {
    FOUR_FOUR(4, 4, 16, 0, 4, 8, 12),
    THREE_FOUR(3, 4, 12, 0, 4, 8),
    SIX_EIGHT(6, 8, 12, 0, 6),
    SEVEN_EIGHT(7, 8, 14, 0, 4, 8),
    FIVE_FOUR(5, 4, 20, 0, 4, 8, 12, 16);

    private final int numerator;
    private final int denominator;
    private final int steps;
    private final int[] groups;

    Meter(int numerator, int denominator, int steps, int... groups) {
        this.numerator = numerator;
        this.denominator = denominator;
        this.steps = steps;
        this.groups = groups;
    }

    int numerator() {
        return numerator;
    }

    int denominator() {
        return denominator;
    }

    /** Sixteenth notes per bar. */
    int steps() {
        return steps;
    }

    int groupCount() {
        return groups.length;
    }

    /** Sixteenth step where beat group {@code i} starts. */
    int group(int i) {
        return groups[i];
    }

    /** True when a beat group starts at sixteenth step {@code step}. */
    boolean isGroupStart(int step) {
        for (int g : groups) {
            if (g == step) {
                return true;
            }
        }
        return false;
    }

    /** {@code 4/4}, {@code 6/8}... */
    String text() {
        return numerator + "/" + denominator;
    }
}
