package com.midicenter.browser.filters;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.edt.Edt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.swing.JButton;
import org.junit.jupiter.api.Test;

class ChipBarTest {

    final List<Chip> removed = new ArrayList<>();
    int cleared;

    static <T> T onEdt(Callable<T> work) throws Exception {
        return Edt.call(work);
    }

    ChipBar bar() throws Exception {
        return onEdt(() -> {
            ChipBar b = new ChipBar();
            b.onRemove(removed::add);
            b.onClearAll(() -> cleared++);
            return b;
        });
    }

    @Test
    void setChips_noFilter_hidden() throws Exception {
        ChipBar b = bar();

        assertThat(onEdt(b::isVisible)).isFalse();
        onEdt(() -> {
            b.setChips(FilterState.NONE.withHalfDouble(true).chips());
            return null;
        });
        assertThat(onEdt(b::isVisible)).isFalse();
    }

    @Test
    void setChips_filters_oneButtonEachWithACrossAndTheLink() throws Exception {
        // given
        ChipBar b = bar();
        FilterState s = FilterState.NONE.withKey("Am").withBpm("120-126").withMinRating(4).withVendor("X");

        // when
        onEdt(() -> {
            b.setChips(s.chips());
            return null;
        });

        // then
        assertThat(onEdt(b::isVisible)).isTrue();
        assertThat(onEdt(() -> b.chipButtons().stream().map(JButton::getText).toList()))
                .containsExactly("120–126 BPM  ×", "Am  ×", "Vendor: X  ×", "★ 4+  ×");
        assertThat(onEdt(() -> b.chipButtons().get(1).getAccessibleContext().getAccessibleName()))
                .isEqualTo("Remove filter Am");
        assertThat(onEdt(() -> b.chipButtons().stream().allMatch(JButton::isFocusable))).isTrue();
        assertThat(onEdt(() -> b.clearAllLink().getParent())).isSameAs(b);
    }

    @Test
    void clickingAChip_removesThatChipsFilter() throws Exception {
        // given
        ChipBar b = bar();
        FilterState s = FilterState.NONE.withKey("Am").withDrums(true);
        onEdt(() -> {
            b.setChips(s.chips());
            return null;
        });

        // when: the second chip activated (a click, or Space when focused)
        onEdt(() -> {
            b.chipButtons().get(1).doClick();
            return null;
        });

        // then
        assertThat(removed).extracting(Chip::label).containsExactly("Drums");
        assertThat(removed.get(0).removeFrom(s)).isEqualTo(FilterState.NONE.withKey("Am"));
        assertThat(cleared).isZero();
    }

    @Test
    void clearAll_callsTheOwner() throws Exception {
        ChipBar b = bar();
        onEdt(() -> {
            b.setChips(FilterState.NONE.withKey("Am").chips());
            b.clearAllLink().doClick();
            return null;
        });

        assertThat(cleared).isEqualTo(1);
        assertThat(removed).isEmpty();
    }
}
