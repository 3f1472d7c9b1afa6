package com.midicenter.core.corpus;

import java.util.SplittableRandom;

/**
 * Genres of loop packs, with what is typical of each: tempo range, share of minor keys and seventh chords,
 * swing, drum/bass/chord styles and meters.
 */
enum Genre {
    //           title             abbr   bpm        minor 7ths  swing(share,min,max)  drums                     bass                   chords                meters 4/4 3/4 6/8 7/8 5/4
    DEEP_HOUSE("Deep House", "DH", 118, 125, 0.6, 0.5, 0.3, 52, 58, DrumStyle.FOUR_ON_FLOOR, BassStyle.OFFBEAT, ChordStyle.STABS, 0.98, 0.01, 0.01, 0, 0),
    HOUSE("House", "HS", 120, 128, 0.4, 0.2, 0.2, 52, 56, DrumStyle.FOUR_ON_FLOOR, BassStyle.OFFBEAT, ChordStyle.STABS, 0.99, 0, 0.01, 0, 0),
    TECHNO("Techno", "TC", 125, 140, 0.85, 0.05, 0.05, 52, 54, DrumStyle.TECHNO, BassStyle.ROLLING, ChordStyle.STABS, 1, 0, 0, 0, 0),
    TRANCE("Trance", "TR", 128, 140, 0.8, 0, 0, 50, 50, DrumStyle.FOUR_ON_FLOOR, BassStyle.ROLLING, ChordStyle.SUSTAIN, 0.99, 0, 0.01, 0, 0),
    TRAP("Trap", "TP", 130, 160, 0.9, 0.05, 0.1, 52, 56, DrumStyle.TRAP, BassStyle.SUB_808, ChordStyle.SUSTAIN, 0.98, 0, 0.02, 0, 0),
    HIP_HOP("Hip Hop", "HH", 85, 98, 0.7, 0.3, 0.6, 54, 66, DrumStyle.BOOM_BAP, BassStyle.SYNCOPATED, ChordStyle.SUSTAIN, 0.98, 0.01, 0.01, 0, 0),
    LOFI("Lo-Fi", "LF", 70, 90, 0.6, 0.8, 0.7, 54, 64, DrumStyle.BOOM_BAP, BassStyle.SYNCOPATED, ChordStyle.STRUM, 0.92, 0.04, 0.04, 0, 0),
    NEO_SOUL("Neo Soul", "NS", 70, 95, 0.5, 0.9, 0.6, 54, 62, DrumStyle.BACKBEAT, BassStyle.WALKING, ChordStyle.STRUM, 0.88, 0.04, 0.08, 0, 0),
    RNB("RnB", "RB", 70, 100, 0.6, 0.7, 0.3, 52, 58, DrumStyle.BACKBEAT, BassStyle.SYNCOPATED, ChordStyle.SUSTAIN, 0.9, 0.02, 0.08, 0, 0),
    DNB("Drum and Bass", "DNB", 160, 175, 0.8, 0.2, 0.05, 52, 54, DrumStyle.BREAKBEAT, BassStyle.REESE, ChordStyle.SUSTAIN, 1, 0, 0, 0, 0),
    POP("Pop", "POP", 95, 128, 0.35, 0.1, 0.05, 52, 56, DrumStyle.BACKBEAT, BassStyle.PULSE, ChordStyle.PULSE, 0.97, 0.01, 0.02, 0, 0),
    FUTURE_BASS("Future Bass", "FB", 140, 160, 0.5, 0.4, 0.1, 52, 56, DrumStyle.TRAP, BassStyle.SUB_808, ChordStyle.PULSE, 1, 0, 0, 0, 0),
    SYNTHWAVE("Synthwave", "SW", 80, 118, 0.6, 0.1, 0, 50, 50, DrumStyle.BACKBEAT, BassStyle.PULSE, ChordStyle.SUSTAIN, 1, 0, 0, 0, 0),
    AFRO("Afro", "AF", 100, 118, 0.5, 0.3, 0.3, 54, 60, DrumStyle.AFRO, BassStyle.SYNCOPATED, ChordStyle.STABS, 0.8, 0, 0.2, 0, 0),
    REGGAETON("Reggaeton", "RG", 88, 100, 0.7, 0.1, 0, 50, 50, DrumStyle.DEMBOW, BassStyle.SYNCOPATED, ChordStyle.PULSE, 1, 0, 0, 0, 0),
    CINEMATIC("Cinematic", "CN", 70, 110, 0.7, 0.1, 0, 50, 50, DrumStyle.BACKBEAT, BassStyle.PULSE, ChordStyle.SUSTAIN, 0.6, 0.2, 0.2, 0, 0),
    JAZZ("Jazz", "JZ", 100, 160, 0.5, 1.0, 0.8, 60, 66, DrumStyle.BACKBEAT, BassStyle.WALKING, ChordStyle.SUSTAIN, 0.5, 0.35, 0, 0, 0.15),
    ODD_TIME("Odd Time", "OT", 90, 140, 0.6, 0.3, 0, 50, 50, DrumStyle.BACKBEAT, BassStyle.SYNCOPATED, ChordStyle.PULSE, 0.1, 0, 0.3, 0.35, 0.25);

    /** Drum pattern families (4/4); other meters use a generic grouping-based pattern. */
    enum DrumStyle { FOUR_ON_FLOOR, TECHNO, BOOM_BAP, TRAP, BREAKBEAT, BACKBEAT, DEMBOW, AFRO }

    enum BassStyle { OFFBEAT, ROLLING, SUB_808, SYNCOPATED, REESE, PULSE, WALKING }

    enum ChordStyle { SUSTAIN, STABS, PULSE, STRUM }

    private final String title;
    private final String abbreviation;
    private final int bpmMin;
    private final int bpmMax;
    private final double minorShare;
    private final double seventhShare;
    private final double swingShare;
    private final int swingMin;
    private final int swingMax;
    private final DrumStyle drumStyle;
    private final BassStyle bassStyle;
    private final ChordStyle chordStyle;
    private final double[] meterWeights;

    Genre(String title, String abbreviation, int bpmMin, int bpmMax, double minorShare, double seventhShare,
          double swingShare, int swingMin, int swingMax, DrumStyle drumStyle, BassStyle bassStyle,
          ChordStyle chordStyle, double... meterWeights) {
        this.title = title;
        this.abbreviation = abbreviation;
        this.bpmMin = bpmMin;
        this.bpmMax = bpmMax;
        this.minorShare = minorShare;
        this.seventhShare = seventhShare;
        this.swingShare = swingShare;
        this.swingMin = swingMin;
        this.swingMax = swingMax;
        this.drumStyle = drumStyle;
        this.bassStyle = bassStyle;
        this.chordStyle = chordStyle;
        this.meterWeights = meterWeights;
    }

    /** Words used in file names, e.g. {@code Deep House}. */
    String title() {
        return title;
    }

    /** Upper-case initials used in underscore-style file names, e.g. {@code DH}. */
    String abbreviation() {
        return abbreviation;
    }

    DrumStyle drumStyle() {
        return drumStyle;
    }

    BassStyle bassStyle() {
        return bassStyle;
    }

    ChordStyle chordStyle() {
        return chordStyle;
    }

    /** A tempo in the genre's range; about 2% are half-BPM values such as 92.5. */
    double bpm(SplittableRandom r) {
        double bpm = bpmMin + r.nextInt(bpmMax - bpmMin + 1);
        if (bpm < bpmMax && r.nextInt(50) == 0) {
            bpm += 0.5;
        }
        return bpm;
    }

    boolean minor(SplittableRandom r) {
        return r.nextDouble() < minorShare;
    }

    boolean sevenths(SplittableRandom r) {
        return r.nextDouble() < seventhShare;
    }

    /** MPC-style swing of sixteenths in percent: 50 is straight. Only 4/4 loops swing. */
    int swing(Meter meter, SplittableRandom r) {
        if (meter != Meter.FOUR_FOUR || r.nextDouble() >= swingShare) {
            return 50;
        }
        return swingMin + r.nextInt(swingMax - swingMin + 1);
    }

    Meter meter(SplittableRandom r) {
        double u = r.nextDouble();
        Meter[] meters = Meter.values();
        for (int i = 0; i < meters.length; i++) {
            u -= meterWeights[i];
            if (u < 0) {
                return meters[i];
            }
        }
        return Meter.FOUR_FOUR;
    }
}
