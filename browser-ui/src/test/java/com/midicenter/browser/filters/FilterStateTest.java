package com.midicenter.browser.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.library.search.SearchRequest;
import com.midicenter.persistence.search.SearchCriteria.Sort;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FilterStateTest {

    static final FilterState ALL = FilterState.NONE.withBpm("118-126").withHalfDouble(true).withKey("8A")
            .withCompatible(true).withMeter("6/8").withBars("4-8").withDuration("0-30").withInstrument("Bass")
            .withDrums(false).withTag("house").withVendor("Loop & Co").withPack("Deep 1").withFavorite(true)
            .withMinRating(4).withState("done");

    @Test
    void toRequest_everyFilter_reachesTheRequest() {
        // when
        SearchRequest r = ALL.toRequest("  deep bass ", Sort.BPM, true, 200, true);

        // then
        assertThat(r).isEqualTo(new SearchRequest("deep bass", "118-126", true, "Am", true, "6/8", "4-8", "0-30",
                "bass", false, "house", "Loop & Co", "Deep 1", true, 4, "done", Sort.BPM, true, 200, null, true,
                null));
    }

    @Test
    void toRequest_noFilterBlankText_asksForEverything() {
        SearchRequest r = FilterState.NONE.toRequest("  ", null, false, 50, false);

        assertThat(r).isEqualTo(new SearchRequest(null, null, false, null, false, null, null, null, null, null, null,
                null, null, false, null, null, null, false, 50, null, false, null));
    }

    @Test
    void toRequest_optionsWithoutTheirFilter_areNotSent() {
        // given: half/double and compatible ticked, no tempo and no key
        FilterState s = FilterState.NONE.withHalfDouble(true).withCompatible(true);

        // when
        SearchRequest r = s.toRequest("x", null, false, 50, false);

        // then
        assertThat(r.halfDouble()).isFalse();
        assertThat(r.compatible()).isFalse();
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.chips()).isEmpty();
    }

    @Test
    void chips_everyFilter_oneLabelledChipEachInOrder() {
        assertThat(ALL.chips()).extracting(Chip::label).containsExactly("118–126 BPM (½×, 2×)", "Am + compatible",
                "6/8", "4–8 bars", "0–30 s", "Instrument: bass", "No drums", "Tag: house", "Vendor: Loop & Co",
                "Pack: Deep 1", "Favourites", "★ 4+", "Analysed");
        assertThat(ALL.chips()).extracting(Chip::filter).containsExactly(Filter.values());
    }

    @Test
    void chips_singleValues_readNaturally() {
        FilterState s = FilterState.NONE.withBpm("120").withKey("Am").withBars("1").withDrums(true)
                .withMinRating(5).withState("failed");

        assertThat(s.chips()).extracting(Chip::label)
                .containsExactly("120 BPM", "Am", "1 bar", "Drums", "★ 5", "Failed analysis");
    }

    @Test
    void removeFrom_eachChip_removesOnlyItsFilter() {
        for (Chip chip : ALL.chips()) {
            // when
            FilterState left = chip.removeFrom(ALL);

            // then
            assertThat(left.isActive(chip.filter())).as(chip.label()).isFalse();
            assertThat(left.chips()).as(chip.label()).hasSize(ALL.chips().size() - 1);
            for (Filter f : Filter.values()) {
                if (f != chip.filter()) {
                    assertThat(left.isActive(f)).as(chip.label() + " keeps " + f).isTrue();
                }
            }
        }
    }

    @Test
    void without_everyFilter_isEmptyButKeepsTheOptions() {
        FilterState s = ALL;
        for (Filter f : Filter.values()) {
            s = s.without(f);
        }

        assertThat(s.isEmpty()).isTrue();
        assertThat(s.halfDouble()).isTrue();
        assertThat(s.compatible()).isTrue();
        assertThat(s).isEqualTo(FilterState.NONE.withHalfDouble(true).withCompatible(true));
    }

    @Test
    void constructor_normalises_equalStatesForEqualFilters() {
        assertThat(FilterState.NONE.withBpm(" 118 – 126 ").bpm()).isEqualTo("118-126");
        assertThat(FilterState.NONE.withBpm("120-120").bpm()).isEqualTo("120");
        assertThat(FilterState.NONE.withBpm("92.50").bpm()).isEqualTo("92.5");
        assertThat(FilterState.NONE.withKey("a minor")).isEqualTo(FilterState.NONE.withKey("8A"));
        assertThat(FilterState.NONE.withVendor("  ")).isEqualTo(FilterState.NONE);
        assertThat(FilterState.NONE.withVendor("a\u0000b\n").vendor()).isEqualTo("ab");
        assertThat(FilterState.NONE.withTag("x".repeat(500)).tag()).hasSize(FilterState.MAX_TEXT);
    }

    @Test
    void constructor_valuesTheSearchWouldRefuse_areRefusedWithTheValue() {
        assertThatThrownBy(() -> FilterState.NONE.withBpm("126-118")).hasMessageContaining("126-118");
        assertThatThrownBy(() -> FilterState.NONE.withBpm("500")).hasMessageContaining("500");
        assertThatThrownBy(() -> FilterState.NONE.withBars("4.5")).hasMessageContaining("4.5");
        assertThatThrownBy(() -> FilterState.NONE.withKey("H")).hasMessageContaining("'H'");
        assertThatThrownBy(() -> FilterState.NONE.withMeter("four")).hasMessageContaining("four");
        assertThatThrownBy(() -> FilterState.NONE.withMinRating(6)).hasMessageContaining("6");
        assertThatThrownBy(() -> FilterState.NONE.withState("pending")).hasMessageContaining("pending");
    }

    @Test
    void format_everyFilter_isStableAndParsesBack() {
        // when
        String text = ALL.format();

        // then
        assertThat(text).isEqualTo("bpm=118-126&half=1&key=Am&compatible=1&meter=6%2F8&bars=4-8&duration=0-30"
                + "&instrument=bass&drums=no&tag=house&vendor=Loop+%26+Co&pack=Deep+1&favorite=1&rating=4&state=done");
        assertThat(FilterState.parse(text)).isEqualTo(ALL);
        assertThat(FilterState.NONE.format()).isEmpty();
        assertThat(FilterState.parse("")).isEqualTo(FilterState.NONE);
        assertThat(FilterState.parse(null)).isEqualTo(FilterState.NONE);
    }

    @Test
    void format_hostileText_roundTrips() {
        FilterState s = FilterState.NONE.withVendor("a=b&c=d%zz+?#\\\"'<>;\u00e9\u4e2d\uD83C\uDFB9")
                .withTag("key=Am&bpm=999").withPack("%").withInstrument("&&==");

        assertThat(FilterState.parse(s.format())).isEqualTo(s);
        assertThat(FilterState.parse(s.format()).key()).isNull(); // the tag's text did not become a key
    }

    @Test
    void parse_unknownOrBadParts_areLeftOutAndTheRestApplies() {
        FilterState s = FilterState.parse("colour=blue&bpm=abc&key=Am&rating=9&vendor=%zz&drums=maybe&meter=6/8"
                + "&=x&novalue&state=pending&bars=8");

        assertThat(s).isEqualTo(FilterState.NONE.withKey("Am").withMeter("6/8").withBars("8"));
    }

    @Property(tries = 300)
    void parse_formatOfAnyState_givesItBack(@ForAll("states") FilterState s) {
        assertThat(FilterState.parse(s.format())).isEqualTo(s);
    }

    @Property(tries = 300)
    void parse_anyText_neverFails(@ForAll String text) {
        FilterState s = FilterState.parse(text);

        assertThat(FilterState.parse(s.format())).isEqualTo(s);
    }

    @Provide
    Arbitrary<FilterState> states() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withChars("&=%+ #?;\u00e9\u0000\n").ofMaxLength(10)).injectNull(0.3);
        Arbitrary<String> bpm = Arbitraries.of("120", "118-126", "92.5", "20-400").injectNull(0.3);
        Arbitrary<String> key = Arbitraries.of("Am", "F#m", "Eb", "8A", "12B").injectNull(0.3);
        Arbitrary<Boolean> drums = Arbitraries.of(true, false).injectNull(0.3);
        Arbitrary<Integer> rating = Arbitraries.of(1, 3, 5).injectNull(0.3);
        Arbitrary<List<Boolean>> flags = Arbitraries.of(true, false).list().ofSize(3);
        return Combinators.combine(text, text, text, text, bpm, key, drums, rating).as(
                (tag, vendor, pack, instrument, b, k, d, r) -> FilterState.NONE.withTag(tag)
                        .withVendor(vendor).withPack(pack).withInstrument(instrument).withBpm(b).withKey(k)
                        .withDrums(d).withMinRating(r))
                .flatMap(s -> flags.map(f -> s.withHalfDouble(f.get(0)).withCompatible(f.get(1))
                        .withFavorite(f.get(2)).withMeter(f.get(0) ? "7/8" : null)
                        .withState(f.get(1) ? "failed" : null)));
    }
}
