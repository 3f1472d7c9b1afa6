package com.midicenter.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shares decided pack by pack (format, meter, naming) vary a lot in small corpora, because a pack holds 40 to
 * 400 files; they are checked on 20,000 files generated in memory.
 */
class CorpusDistributionTest {

    private static final int FILES = 20_000;
    static List<GroundTruth> rows;

    @BeforeAll
    static void generate() {
        CorpusGenerator generator = new CorpusGenerator(77L);
        rows = new ArrayList<>(FILES);
        for (int i = 0; i < FILES; i++) {
            rows.add(generator.file(i).truth());
        }
    }

    @Test
    void file_20000Files_formatMeterAndTempoSharesNearTheirTargets() {
        // given / when
        double format0 = share(t -> t.format() == 0);
        double notFourFour = share(t -> !t.meter().equals("4/4"));
        double tempoEvent = share(t -> t.bpmInMeta() || t.metaTempoIsDefault());
        double defaultTempo = share(GroundTruth::metaTempoIsDefault);
        double noTempoAnywhere = share(t -> !t.bpmInMeta() && !t.bpmInName());
        // then
        assertThat(format0).as("format 0, target 30%").isBetween(0.2, 0.4);
        assertThat(notFourFour).as("not 4/4, target 10%").isBetween(0.06, 0.16);
        assertThat(tempoEvent).as("with a tempo event, target 85%").isBetween(0.78, 0.92);
        assertThat(defaultTempo).as("misleading 120 BPM, target 3%").isBetween(0.015, 0.05);
        assertThat(noTempoAnywhere).as("tempo nowhere in the file").isBetween(0.005, 0.1);
    }

    @Test
    void file_20000Files_resolutionsBarsAndExtensionsAllOccur() {
        for (int ppq : new int[] {96, 192, 240, 384, 480, 960}) {
            assertThat(share(t -> t.ppq() == ppq)).as("ppq " + ppq).isGreaterThan(0.01);
        }
        for (int bars : new int[] {1, 2, 4, 8, 16}) {
            assertThat(share(t -> t.bars() == bars)).as(bars + " bars").isGreaterThan(0.01);
        }
        for (String ext : new String[] {".mid", ".MID", ".midi", ".kar", ".rmi"}) {
            assertThat(share(t -> t.path().endsWith(ext))).as(ext).isGreaterThan(0.002);
        }
        assertThat(share(t -> CorpusGenerator.extensionOf(t.path()).isEmpty())).as("no extension").isGreaterThan(0.002);
        assertThat(share(t -> t.path().indexOf('/') < 0)).as("at the corpus root").isBetween(0.0005, 0.01);
        assertThat(share(t -> t.swing() > 50)).as("swung").isBetween(0.05, 0.5);
        assertThat(share(t -> t.tracks() > 2)).as("more than one part track").isGreaterThan(0.03);
    }

    @Test
    void file_20000Files_coverEveryMeter() {
        for (String meter : new String[] {"4/4", "3/4", "6/8", "7/8", "5/4"}) {
            assertThat(share(t -> t.meter().equals(meter))).as(meter).isGreaterThan(0.001);
        }
    }

    @Test
    void file_20000Files_bpmsInGenreRangeAndRarelyFractional() {
        assertThat(rows).allSatisfy(t -> assertThat(t.bpm()).isBetween(70.0, 175.0));
        assertThat(share(t -> t.bpm() != Math.rint(t.bpm()))).as("fractional BPM").isBetween(0.002, 0.04);
    }

    private static double share(Predicate<GroundTruth> p) {
        return rows.stream().filter(p).count() / (double) rows.size();
    }
}
