package com.midicenter.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks a 2,000-file corpus on disk against its own ground truth, with the project's reader. */
class CorpusContentTest {

    private static final int FILES = 2000;
    private static final Pattern KEY_IN_NAME = Pattern.compile(
            "(?<![A-Za-z0-9#])([A-G][#b]?)(?:[ _]?(minor|major|min|maj)|(m))?(?![A-Za-z0-9#])");

    @TempDir
    static Path dir;
    static CorpusSummary summary;
    static List<GroundTruth> rows;
    static final MidiReader READER = new MidiReader();

    @BeforeAll
    static void generate() throws IOException {
        summary = new CorpusGenerator(20240601L).generate(FILES, dir, null);
        rows = GroundTruthCsv.read(summary.groundTruthCsv());
    }

    @Test
    void generate_2000Files_oneRowPerFileOnDisk() throws IOException {
        // given the corpus
        // when
        Set<String> onDisk = new HashSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> onDisk.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        onDisk.remove("ground-truth.csv");
        // then
        assertThat(rows).hasSize(FILES);
        assertThat(onDisk).containsExactlyInAnyOrderElementsOf(rows.stream().map(GroundTruth::path).toList());
        assertThat(rows.stream().map(r -> r.path().toLowerCase(Locale.ROOT)).distinct().count())
                .as("paths unique even on case-insensitive file systems").isEqualTo(FILES);
        assertThat(summary.files()).isEqualTo(FILES);
        assertThat(summary.valid() + summary.duplicates() + summary.corrupt()).isEqualTo(FILES);
    }

    @Test
    void generate_validAndDuplicateFiles_parseWithoutWarnings() {
        // given
        List<String> failures = new ArrayList<>();
        // when
        for (GroundTruth t : readable()) {
            try {
                MidiFile f = READER.read(dir.resolve(t.path()));
                if (!f.warnings().isEmpty()) {
                    failures.add(t.path() + " " + f.warnings());
                }
            } catch (MidiFormatException e) {
                failures.add(t.path() + " " + e.getMessage());
            }
        }
        // then
        assertThat(failures).isEmpty();
    }

    @Test
    void generate_validAndDuplicateFiles_matchGroundTruthFormatPpqTracksNotesDrums() throws Exception {
        for (GroundTruth t : readable()) {
            // given
            MidiFile f = READER.read(dir.resolve(t.path()));
            // when
            MidiFacts facts = MidiFacts.of(f);
            // then
            assertThat(f.format()).as(t.path()).isEqualTo(t.format());
            assertThat(f.ppq()).as(t.path()).isEqualTo(t.ppq());
            assertThat(f.trackCount()).as(t.path()).isEqualTo(t.tracks());
            assertThat(facts.noteOns()).as(t.path()).isEqualTo(t.notes());
            assertThat(facts.drumNotes()).as(t.path()).isEqualTo(t.hasDrums());
            assertThat(f.lastTick()).as(t.path() + " ends at the loop end")
                    .isEqualTo(t.bars() * MidiFacts.barTicks(t.ppq(), t.meter()));
        }
    }

    @Test
    void generate_validFiles_metaEventsMatchGroundTruth() throws Exception {
        for (GroundTruth t : readable()) {
            // given
            MidiFacts facts = MidiFacts.of(READER.read(dir.resolve(t.path())));
            // when
            List<Integer> expectedTempos = t.bpmInMeta() ? List.of((int) Math.round(60_000_000.0 / t.bpm()))
                    : t.metaTempoIsDefault() ? List.of(500_000) : List.of();
            // then
            assertThat(facts.tempos()).as(t.path()).isEqualTo(expectedTempos);
            assertThat(facts.meters()).as(t.path()).isEqualTo(t.meterInMeta() ? List.of(t.meter()) : List.of());
            assertThat(facts.keySignatures().stream().map(MidiFacts::keyName).toList()).as(t.path())
                    .isEqualTo(t.keySignatureEvent().isEmpty() ? List.of() : List.of(t.keySignatureEvent()));
            assertThat(facts.programs()).as(t.path()).isEqualTo(t.programs());
            assertThat(t.instrument()).as(t.path()).hasSizeGreaterThanOrEqualTo(Math.max(1, t.programs().size()));
        }
    }

    @Test
    void generate_groundTruth_isConsistentWithItself() {
        for (GroundTruth t : rows) {
            assertThat(t.key().isEmpty()).as(t.path()).isEqualTo(!t.part().isTonal());
            assertThat(t.chords().isEmpty()).as(t.path()).isEqualTo(!t.part().hasChords());
            assertThat(t.hasDrums()).as(t.path()).isEqualTo(t.part().hasDrums());
            assertThat(!t.metaTempoIsDefault() || (t.bpmInName() && !t.bpmInMeta() && t.bpm() != 120)).as(t.path()).isTrue();
            assertThat(t.keySignatureEvent().isEmpty() || t.keySignatureEvent().equals(t.key())
                    || t.keySignatureEvent().equals("C")).as(t.path()).isTrue();
            assertThat(t.path()).as("vendor folder").startsWith(t.vendor().isEmpty() ? "" : t.vendor() + "/");
            if (!t.pack().isEmpty()) {
                assertThat(t.path()).startsWith(t.vendor() + "/" + t.pack() + "/");
            }
            for (String chord : t.chords()) {
                MidiFacts.chordPitchClasses(chord); // parses: spelling is in the documented grammar
                assertThat(chord).as(t.path()).doesNotContain("E#", "B#", "Cb", "Fb");
            }
        }
    }

    @Test
    void generate_chordPadAndArpParts_playTheGroundTruthChordEveryBarWithItsBassLowest() throws Exception {
        Predicate<GroundTruth> harmonic = t -> t.part() == Part.CHORDS || t.part() == Part.PAD || t.part() == Part.ARP;
        List<GroundTruth> checked = readable().stream().filter(harmonic).toList();
        for (GroundTruth t : checked) {
            // given
            MidiFacts facts = MidiFacts.of(READER.read(dir.resolve(t.path())));
            long barTicks = MidiFacts.barTicks(t.ppq(), t.meter());
            for (int bar = 0; bar < t.bars(); bar++) {
                // when
                int lowest = Integer.MAX_VALUE;
                Set<Integer> pcs = new HashSet<>();
                for (int[] n : facts.notes()) {
                    if (n[0] / barTicks == bar) {
                        lowest = Math.min(lowest, n[2]);
                        pcs.add(n[2] % 12);
                    }
                }
                int[] chord = MidiFacts.chordPitchClasses(t.chords().get(bar));
                Set<Integer> expected = new HashSet<>();
                for (int i = 1; i < chord.length; i++) {
                    expected.add(chord[i]);
                }
                // then
                assertThat(pcs).as(t.path() + " bar " + bar + " " + t.chords().get(bar)).isEqualTo(expected);
                assertThat(lowest % 12).as(t.path() + " bar " + bar + " bass of " + t.chords().get(bar)).isEqualTo(chord[0]);
            }
        }
        assertThat(checked).hasSizeGreaterThan(300);
    }

    @Test
    void generate_melodyLeadAndBassParts_stayInKeyAndMelodiesStartAndEndOnTheTonic() throws Exception {
        Predicate<GroundTruth> melodic = t -> t.part() == Part.MELODY || t.part() == Part.LEAD || t.part() == Part.BASS;
        List<GroundTruth> checked = readable().stream().filter(melodic).toList();
        for (GroundTruth t : checked) {
            // given
            MusicKey key = MusicKey.parse(t.key()).orElseThrow();
            int leadingTone = (key.tonic() + 11) % 12;
            // when
            List<int[]> notes = MidiFacts.of(READER.read(dir.resolve(t.path()))).notes();
            // then
            for (int[] n : notes) {
                int pc = n[2] % 12;
                assertThat(key.inScale(pc) || (key.minor() && pc == leadingTone))
                        .as(t.path() + " note " + n[2] + " in " + t.key()).isTrue();
            }
            if (t.part() != Part.BASS) {
                assertThat(notes.get(0)[2] % 12).as(t.path() + " first note").isEqualTo(key.tonic());
                assertThat(notes.get(notes.size() - 1)[2] % 12).as(t.path() + " last note").isEqualTo(key.tonic());
            }
        }
        assertThat(checked).hasSizeGreaterThan(300);
    }

    @Test
    void generate_duplicates_areByteIdenticalToTheirOriginals() throws IOException {
        // given
        Map<String, GroundTruth> byPath = new HashMap<>();
        rows.forEach(t -> byPath.put(t.path(), t));
        List<GroundTruth> duplicates = rows.stream().filter(t -> t.kind() == FileKind.DUPLICATE).toList();
        for (GroundTruth d : duplicates) {
            // when
            GroundTruth original = byPath.get(d.duplicateOf());
            // then
            assertThat(original).as(d.path()).isNotNull();
            assertThat(original.kind()).isEqualTo(FileKind.VALID);
            assertThat(rows.indexOf(original)).as("an earlier file").isLessThan(rows.indexOf(d));
            assertThat(Files.readAllBytes(dir.resolve(d.path()))).as(d.path())
                    .isEqualTo(Files.readAllBytes(dir.resolve(original.path())));
            assertThat(d.notes()).isEqualTo(original.notes());
            assertThat(d.key()).isEqualTo(original.key());
            assertThat(d.path()).contains("/Bonus/");
        }
        assertThat(duplicates).isNotEmpty();
    }

    @Test
    void generate_unrecoverableCorruptFiles_throwMidiFormatException() {
        List<GroundTruth> broken = rows.stream().filter(t -> t.kind() == FileKind.CORRUPT && !t.recoverable()).toList();
        for (GroundTruth t : broken) {
            // given
            Path file = dir.resolve(t.path());
            // when / then
            assertThatThrownBy(() -> READER.read(file)).as(t.path() + " " + t.corruptKind())
                    .isInstanceOf(MidiFormatException.class)
                    .extracting(e -> ((MidiFormatException) e).reason())
                    .isEqualTo(expectedReason(t.corruptKind()));
        }
        assertThat(broken).isNotEmpty();
    }

    @Test
    void generate_recoverableCorruptFiles_parseWithWarningsAndIntactOnesKeepEveryNote() throws Exception {
        List<GroundTruth> recoverable = rows.stream().filter(t -> t.kind() == FileKind.CORRUPT && t.recoverable()).toList();
        for (GroundTruth t : recoverable) {
            // given / when
            MidiFile f = READER.read(dir.resolve(t.path()));
            // then
            assertThat(f.warnings()).as(t.path() + " " + t.corruptKind()).isNotEmpty();
            if (t.corruptKind().eventsIntact()) {
                assertThat(MidiFacts.of(f).noteOns()).as(t.path()).isEqualTo(t.notes());
                assertThat(f.trackCount()).as(t.path()).isEqualTo(t.tracks());
                assertThat(f.format()).as(t.path()).isEqualTo(t.format());
            }
        }
        assertThat(recoverable).isNotEmpty();
    }

    @Test
    void generate_2000Files_kindSharesWithinTolerance() {
        // given / when
        double corrupt = share(t -> t.kind() == FileKind.CORRUPT);
        double duplicate = share(t -> t.kind() == FileKind.DUPLICATE);
        // then: 2% and 5% by construction, decided file by file (binomial: 3.5 sigma bounds)
        assertThat(corrupt).as("corrupt").isBetween(0.009, 0.031);
        assertThat(duplicate).as("duplicates").isBetween(0.033, 0.067);
        assertThat(summary.corrupt()).isEqualTo(rows.stream().filter(t -> t.kind() == FileKind.CORRUPT).count());
        assertThat(summary.duplicates()).isEqualTo(rows.stream().filter(t -> t.kind() == FileKind.DUPLICATE).count());
        for (CorruptKind k : CorruptKind.values()) {
            assertThat(rows.stream().anyMatch(t -> t.corruptKind() == k)).as("some " + k).isTrue();
        }
        for (Part p : Part.values()) {
            assertThat(rows.stream().anyMatch(t -> t.part() == p)).as("some " + p).isTrue();
        }
    }

    @Test
    void generate_2000Files_coverAll24Keys() {
        // given / when
        Set<String> keys = new HashSet<>();
        rows.forEach(t -> keys.add(t.key()));
        keys.remove("");
        // then
        assertThat(keys).containsExactlyInAnyOrder("C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B",
                "Cm", "C#m", "Dm", "D#m", "Em", "Fm", "F#m", "Gm", "G#m", "Am", "Bbm", "Bm");
    }

    @Test
    void generate_fileNamesClaimingABpm_containTheTrueBpm() {
        for (GroundTruth t : rows) {
            // given
            String name = fileName(t);
            String bpm = FileNamer.bpmText(t.bpm());
            // when
            boolean found = Pattern.compile("(?<![0-9.])" + Pattern.quote(bpm) + "(?![0-9]|\\.[0-9])").matcher(name).find();
            // then
            if (t.bpmInName()) {
                assertThat(found).as(name + " claims " + bpm).isTrue();
            }
        }
        assertThat(rows.stream().filter(GroundTruth::bpmInName).count()).isGreaterThan(FILES / 2);
    }

    @Test
    void generate_fileNamesClaimingAKey_containTheTrueKeyAndOthersNone() {
        for (GroundTruth t : rows) {
            // given
            String name = fileName(t);
            // when
            List<MusicKey> claimed = keysIn(name);
            // then
            if (t.keyInName()) {
                assertThat(claimed).as(name).containsExactly(MusicKey.parse(t.key()).orElseThrow());
            } else {
                assertThat(claimed).as(name).isEmpty();
            }
        }
        assertThat(rows.stream().filter(GroundTruth::keyInName).count()).isGreaterThan(FILES / 3);
    }

    @Test
    void generate_rmiFiles_areRiffWrappedMidi() throws IOException {
        List<GroundTruth> rmi = readable().stream().filter(t -> t.path().endsWith(".rmi")).toList();
        for (GroundTruth t : rmi) {
            byte[] b = Files.readAllBytes(dir.resolve(t.path()));
            assertThat(new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RMID");
            assertThat(MidiReader.sniff(b, b.length)).isTrue();
        }
        assertThat(rmi).isNotEmpty();
    }

    /** Keys a file name states, read the way a tag extractor would: note letter, accidental, mode word. */
    static List<MusicKey> keysIn(String fileName) {
        List<MusicKey> keys = new ArrayList<>();
        Matcher m = KEY_IN_NAME.matcher(fileName);
        while (m.find()) {
            boolean minor = m.group(3) != null || (m.group(2) != null && m.group(2).startsWith("mi"));
            keys.add(MusicKey.parse(m.group(1) + (minor ? "m" : "")).orElseThrow());
        }
        return keys;
    }

    private static String fileName(GroundTruth t) {
        return t.path().substring(t.path().lastIndexOf('/') + 1);
    }

    private static List<GroundTruth> readable() {
        return rows.stream().filter(t -> t.kind() != FileKind.CORRUPT).toList();
    }

    private static double share(Predicate<GroundTruth> p) {
        return rows.stream().filter(p).count() / (double) rows.size();
    }

    private static MidiFormatException.Reason expectedReason(CorruptKind kind) {
        return switch (kind) {
            case EMPTY -> MidiFormatException.Reason.EMPTY;
            case RANDOM_BYTES, HTML_PAGE -> MidiFormatException.Reason.NOT_MIDI;
            case HEADER_ONLY -> MidiFormatException.Reason.HEADER_ONLY;
            case TRUNCATED_HEADER -> MidiFormatException.Reason.BAD_HEADER;
            default -> throw new AssertionError(kind + " is recoverable");
        };
    }
}
