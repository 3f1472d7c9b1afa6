package com.midicenter.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.core.analysis.KeyResult.KeySource;
import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;
import com.midicenter.core.music.MusicalKey;

import org.junit.jupiter.api.Test;

class KeyAnalyzerTest {

    private static final int PPQ = 480;
    private static final MusicalKey C = key("C");
    private static final MusicalKey A_MINOR = key("Am");
    private final KeyAnalyzer analyzer = new KeyAnalyzer();

    private static MusicalKey key(String name) {
        return MusicalKey.parse(name).orElseThrow();
    }

    /** One track: optional key signature, then {@code pitches} as quarter notes on channel 1. */
    private static SmfBuilder melody(int... pitches) {
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack().timeSignature(0, 4, 4);
        for (int i = 0; i < pitches.length; i++) {
            t.note((long) i * PPQ, 0, pitches[i], 90, PPQ - 10);
        }
        t.meta((long) pitches.length * PPQ, 0x2F, new byte[0]);
        return smf;
    }

    private KeyResult analyze(SmfBuilder smf, MusicalKey nameKey) throws Exception {
        MidiFile file = new MidiReader().read(smf.toBytes());
        return analyzer.analyze(file, Notes.of(file), nameKey);
    }

    // C major: tonic triad on the strong beats, leading tone B resolving to C
    private static final int[] C_MAJOR_TUNE = {60, 62, 64, 65, 67, 65, 64, 62, 60, 64, 67, 72, 71, 74, 72, 60};
    // A minor: same white keys but tonic A, with the raised leading tone G# resolving to A
    private static final int[] A_MINOR_TUNE = {57, 59, 60, 62, 64, 62, 60, 59, 57, 60, 64, 69, 68, 71, 69, 57};
    // C minor: Eb, Ab and Bb
    private static final int[] C_MINOR_TUNE = {60, 62, 63, 65, 67, 65, 63, 62, 60, 63, 67, 72, 70, 68, 67, 60};

    @Test
    void analyze_cMajorTune_findsCMajorNotItsRelativeMinor() throws Exception {
        // given
        SmfBuilder smf = melody(C_MAJOR_TUNE);
        // when
        KeyResult r = analyze(smf, null);
        // then
        assertThat(r.key()).isEqualTo(C);
        assertThat(r.source()).isEqualTo(KeySource.NOTES);
        assertThat(r.runnerUp()).isNotNull().isNotEqualTo(C);
        assertThat(r.confidence()).isBetween(0.3, 1.0);
    }

    @Test
    void analyze_aMinorTune_findsAMinorNotItsRelativeMajor() throws Exception {
        // given
        SmfBuilder smf = melody(A_MINOR_TUNE);
        // when
        KeyResult r = analyze(smf, null);
        // then
        assertThat(r.key()).isEqualTo(A_MINOR);
        assertThat(r.source()).isEqualTo(KeySource.NOTES);
    }

    @Test
    void analyze_parallelTunes_tellCMajorFromCMinor() throws Exception {
        // given
        SmfBuilder major = melody(C_MAJOR_TUNE);
        SmfBuilder minor = melody(C_MINOR_TUNE);
        // when
        KeyResult majorResult = analyze(major, null);
        KeyResult minorResult = analyze(minor, null);
        // then
        assertThat(majorResult.key()).isEqualTo(C);
        assertThat(minorResult.key()).isEqualTo(key("Cm"));
    }

    @Test
    void analyze_cMajorDefaultKeySignatureOnMinorTune_isIgnored() throws Exception {
        // given: the sf=0 major default some software writes whatever the key
        SmfBuilder smf = melody(A_MINOR_TUNE);
        smf.addTrack().keySignature(0, 0, false).meta(16 * PPQ, 0x2F, new byte[0]);
        // when
        KeyResult r = analyze(smf, null);
        // then
        assertThat(r.key()).isEqualTo(A_MINOR);
        assertThat(r.source()).isEqualTo(KeySource.NOTES);
    }

    // white keys only, starting and ending on E: A minor and E minor fit about equally well
    private static final int[] WHITE_KEY_TUNE = {64, 60, 69, 64, 67, 60, 62, 69, 64, 65, 60, 69, 71, 64, 60, 64};

    @Test
    void analyze_nonDefaultKeySignatureOnNearTie_decidesTheKey() throws Exception {
        // given: the E-minor signature (one sharp, minor) on a white-key tune whose notes lean to A minor
        SmfBuilder smf = melody(WHITE_KEY_TUNE);
        KeyResult notesOnly = analyze(melody(WHITE_KEY_TUNE), null);
        smf.addTrack().keySignature(0, 1, true).meta(16 * PPQ, 0x2F, new byte[0]);
        // when
        KeyResult r = analyze(smf, null);
        // then
        assertThat(notesOnly.key()).isEqualTo(A_MINOR);
        assertThat(notesOnly.runnerUp()).isEqualTo(key("Em"));
        assertThat(r.key()).isEqualTo(key("Em"));
        assertThat(r.runnerUp()).isEqualTo(A_MINOR);
        assertThat(r.source()).isEqualTo(KeySource.KEY_SIGNATURE);
    }

    @Test
    void analyze_keySignatureWithInvalidMode_isIgnored() throws Exception {
        // given: mode byte 2
        SmfBuilder smf = melody(C_MAJOR_TUNE);
        smf.addTrack().meta(0, 0x59, new byte[] {0, 2}).meta(16 * PPQ, 0x2F, new byte[0]);
        // when
        KeyResult r = analyze(smf, null);
        // then
        assertThat(r.key()).isEqualTo(C);
        assertThat(r.source()).isEqualTo(KeySource.NOTES);
    }

    @Test
    void analyze_filenameKeyOnNearTie_decidesTheKey() throws Exception {
        // given: the notes' runner-up (a near tie) named in the file name
        SmfBuilder smf = melody(C_MAJOR_TUNE);
        KeyResult notesOnly = analyze(smf, null);
        MusicalKey named = notesOnly.runnerUp();
        // when
        KeyResult r = analyze(smf, named);
        // then
        assertThat(r.key()).isEqualTo(named);
        assertThat(r.source()).isEqualTo(KeySource.FILENAME);
        assertThat(r.runnerUp()).isEqualTo(C);
    }

    @Test
    void analyze_filenameKeyAgreeingWithNotes_raisesConfidence() throws Exception {
        // given
        SmfBuilder smf = melody(A_MINOR_TUNE);
        // when
        KeyResult plain = analyze(smf, null);
        KeyResult named = analyze(smf, A_MINOR);
        // then
        assertThat(named.key()).isEqualTo(A_MINOR);
        assertThat(named.source()).isEqualTo(KeySource.NOTES);
        assertThat(named.confidence()).isGreaterThan(plain.confidence());
    }

    @Test
    void analyze_filenameKeyStronglyContradicted_isOverruledByTheNotes() throws Exception {
        // given: a C major tune named F# (six sharps: almost no common notes)
        SmfBuilder smf = melody(C_MAJOR_TUNE);
        // when
        KeyResult r = analyze(smf, key("F#"));
        // then
        assertThat(r.key()).isEqualTo(C);
        assertThat(r.source()).isEqualTo(KeySource.NOTES);
    }

    @Test
    void analyze_drumOnlyFile_hasNoKeyEvenWithAKeyInTheName() throws Exception {
        // given: kick and snare on channel 10 (index 9), and a key signature
        SmfBuilder smf = new SmfBuilder(0, Division.ppq(PPQ));
        SmfBuilder.Track t = smf.addTrack().keySignature(0, 2, false);
        for (int beat = 0; beat < 8; beat++) {
            t.note((long) beat * PPQ, 9, beat % 2 == 0 ? 36 : 38, 100, PPQ / 4);
        }
        t.meta(8 * PPQ, 0x2F, new byte[0]);
        // when
        KeyResult r = analyze(smf, key("Am"));
        // then
        assertThat(r).isEqualTo(KeyResult.NONE);
        assertThat(r.key()).isNull();
        assertThat(r.runnerUp()).isNull();
        assertThat(r.confidence()).isZero();
        assertThat(r.source()).isEqualTo(KeySource.NONE);
    }

    @Test
    void analyze_noNotesAtAll_hasNoKey() throws Exception {
        // given
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(PPQ));
        smf.addTrack().tempoBpm(0, 120).keySignature(0, -3, true).meta(4 * PPQ, 0x2F, new byte[0]);
        // when
        KeyResult r = analyze(smf, null);
        // then
        assertThat(r).isEqualTo(KeyResult.NONE);
    }

    @Test
    void analyze_drumsAlongsideATune_ignoresTheDrums() throws Exception {
        // given: the A minor tune plus loud, long drum notes whose pitch classes would pull towards other keys
        SmfBuilder smf = melody(A_MINOR_TUNE);
        SmfBuilder.Track drums = smf.addTrack();
        for (int beat = 0; beat < 16; beat++) {
            drums.note((long) beat * PPQ, 9, 42 + beat % 3, 127, PPQ);
        }
        drums.meta(16 * PPQ, 0x2F, new byte[0]);
        // when
        KeyResult r = analyze(smf, null);
        // then
        assertThat(r.key()).isEqualTo(A_MINOR);
    }

    @Test
    void mirexScore_relatedKeys_scoreByMirexWeights() {
        // given
        MusicalKey truth = C;
        // when / then
        assertThat(KeyAnalyzer.mirexScore(truth, C)).isEqualTo(1.0);
        assertThat(KeyAnalyzer.mirexScore(truth, key("G"))).isEqualTo(0.5);
        assertThat(KeyAnalyzer.mirexScore(truth, key("F"))).isEqualTo(0.5);
        assertThat(KeyAnalyzer.mirexScore(truth, A_MINOR)).isEqualTo(0.3);
        assertThat(KeyAnalyzer.mirexScore(truth, key("Cm"))).isEqualTo(0.2);
        assertThat(KeyAnalyzer.mirexScore(truth, key("Gm"))).isZero();
        assertThat(KeyAnalyzer.mirexScore(truth, key("D"))).isZero();
        assertThat(KeyAnalyzer.mirexScore(truth, null)).isZero();
        assertThat(KeyAnalyzer.mirexScore(A_MINOR, C)).isEqualTo(0.3);
        assertThat(KeyAnalyzer.mirexScore(A_MINOR, key("Em"))).isEqualTo(0.5);
    }
}
