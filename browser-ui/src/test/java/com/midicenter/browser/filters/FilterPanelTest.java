package com.midicenter.browser.filters;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatClientProperties;
import com.midicenter.browser.edt.Edt;
import com.midicenter.persistence.search.FacetCount;
import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JTextField;
import org.junit.jupiter.api.Test;

/** The filter controls without a window. */
class FilterPanelTest {

    static final List<FacetCount> FACETS = List.of(new FacetCount("key", "19", 12_408),
            new FacetCount("key", "0", 3), new FacetCount("bpm", "120", 40), new FacetCount("meter", "4/4", 90),
            new FacetCount("instrument", "bass", 7), new FacetCount("vendor", "Loop Co", 5),
            new FacetCount("tag", "genre:house", 4), new FacetCount("tag", "part:bass", 2));

    final List<FilterState> fired = new ArrayList<>();

    /** Runs {@code work} on the EDT, then what it posted (a text field reads its edit in an invokeLater). */
    static <T> T onEdt(Callable<T> work) throws Exception {
        T t = Edt.call(work);
        javax.swing.SwingUtilities.invokeAndWait(() -> { });
        return t;
    }

    FilterPanel panel() throws Exception {
        return onEdt(() -> {
            FilterPanel p = new FilterPanel();
            p.onChange(fired::add);
            return p;
        });
    }

    @SuppressWarnings("unchecked")
    static <T extends Component> T find(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return (T) c;
            }
            if (c instanceof Container k) {
                T t = find(k, name);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    @Test
    void setFacets_counts_shownInTheComboItemsMostFirst() throws Exception {
        // given
        FilterPanel p = panel();

        // when
        onEdt(() -> {
            p.setFacets(FACETS);
            return null;
        });

        // then
        assertThat(onEdt(p::keyItems)).containsExactly("Any key", "Am (12,408)", "C (3)");
        assertThat(onEdt(() -> FilterPanel.items(find(p, "filter.meter")))).containsExactly("Any meter", "4/4 (90)");
        assertThat(onEdt(() -> FilterPanel.items(find(p, "filter.instrument"))))
                .containsExactly("Any instrument", "bass (7)");
        assertThat(onEdt(() -> FilterPanel.items(find(p, "filter.vendor"))))
                .containsExactly("Any vendor", "Loop Co (5)");
        assertThat(onEdt(() -> FilterPanel.items(find(p, "filter.tag"))))
                .containsExactly("Any tag", "house · genre (4)", "bass · part (2)");
        assertThat(fired).as("new counts are no user change").isEmpty();
    }

    @Test
    void selectingAKey_firesTheStateWithThatKey() throws Exception {
        // given
        FilterPanel p = panel();
        onEdt(() -> {
            p.setFacets(FACETS);
            return null;
        });

        // when
        onEdt(() -> {
            JComboBox<?> key = find(p, "filter.key");
            key.setSelectedIndex(1);
            return null;
        });

        // then
        assertThat(fired).containsExactly(FilterState.NONE.withKey("Am"));
        assertThat(onEdt(p::state)).isEqualTo(FilterState.NONE.withKey("Am"));
    }

    @Test
    void selectingATagItem_filtersByTheTagName() throws Exception {
        FilterPanel p = panel();
        onEdt(() -> {
            p.setFacets(FACETS);
            ((JComboBox<?>) find(p, "filter.tag")).setSelectedIndex(1);
            return null;
        });

        assertThat(fired).containsExactly(FilterState.NONE.withTag("house"));
    }

    @Test
    void setFacets_selectedValueNotInTheResult_staysSelectedWithZero() throws Exception {
        // given: Am chosen
        FilterPanel p = panel();
        onEdt(() -> {
            p.setFacets(FACETS);
            ((JComboBox<?>) find(p, "filter.key")).setSelectedIndex(1);
            return null;
        });

        // when: a result without Am answers
        onEdt(() -> {
            p.setFacets(List.of(new FacetCount("key", "0", 3)));
            return null;
        });

        // then
        assertThat(onEdt(p::keyItems)).containsExactly("Any key", "Am (0)", "C (3)");
        assertThat(onEdt(() -> String.valueOf(((JComboBox<?>) find(p, "filter.key")).getSelectedItem())))
                .isEqualTo("Am (0)");
        assertThat(onEdt(p::state).key()).isEqualTo("Am");
        assertThat(fired).hasSize(1);
    }

    @Test
    void typingARange_validAppliesAndInvalidIsOutlinedNotApplied() throws Exception {
        // given
        FilterPanel p = panel();
        JTextField bpm = onEdt(() -> find(p, "filter.bpm"));

        // when: a valid range, then a reversed one
        onEdt(() -> {
            bpm.setText("118-126");
            return null;
        });
        Object validOutline = onEdt(() -> bpm.getClientProperty(FlatClientProperties.OUTLINE));
        onEdt(() -> {
            bpm.setText("126-118");
            return null;
        });

        // then
        assertThat(validOutline).isNull();
        assertThat(onEdt(() -> bpm.getClientProperty(FlatClientProperties.OUTLINE)))
                .isEqualTo(FlatClientProperties.OUTLINE_ERROR);
        assertThat(onEdt(p::state).bpm()).isEqualTo("118-126");
        assertThat(fired).extracting(FilterState::bpm).containsExactly("118-126");

        // and blank removes the filter and the outline
        onEdt(() -> {
            bpm.setText("");
            return null;
        });
        assertThat(onEdt(p::state).bpm()).isNull();
        assertThat(onEdt(() -> bpm.getClientProperty(FlatClientProperties.OUTLINE))).isNull();
    }

    @Test
    void typingBars_fractionIsRefused() throws Exception {
        FilterPanel p = panel();
        onEdt(() -> {
            ((JTextField) find(p, "filter.bars")).setText("4.5");
            ((JTextField) find(p, "filter.duration")).setText("0-30");
            return null;
        });

        assertThat(onEdt(p::state)).isEqualTo(FilterState.NONE.withDuration("0-30"));
    }

    @Test
    void everyOtherControl_firesItsFilter() throws Exception {
        // given
        FilterPanel p = panel();

        // when
        onEdt(() -> {
            ((JComboBox<?>) find(p, "filter.drums")).setSelectedIndex(2);
            ((JComboBox<?>) find(p, "filter.rating")).setSelectedIndex(4);
            ((JComboBox<?>) find(p, "filter.state")).setSelectedIndex(1);
            ((JCheckBox) find(p, "filter.favorite")).doClick();
            ((JCheckBox) find(p, "filter.compatible")).doClick();
            ((JCheckBox) find(p, "filter.halfDouble")).doClick();
            ((JTextField) find(p, "filter.pack")).setText("Deep 1");
            return null;
        });

        // then
        assertThat(onEdt(p::state)).isEqualTo(FilterState.NONE.withDrums(false).withMinRating(4).withState("done")
                .withFavorite(true).withCompatible(true).withHalfDouble(true).withPack("Deep 1"));
        assertThat(fired).hasSize(7); // one per control: the pack's text read once the edit is complete
    }

    @Test
    void setState_showsEveryFilterWithoutFiring() throws Exception {
        // given
        FilterPanel p = panel();
        FilterState s = FilterStateTest.ALL;

        // when
        onEdt(() -> {
            p.setState(s);
            return null;
        });

        // then
        assertThat(fired).isEmpty();
        assertThat(onEdt(p::state)).isEqualTo(s);
        assertThat(onEdt(() -> ((JTextField) find(p, "filter.bpm")).getText())).isEqualTo("118–126");
        assertThat(onEdt(() -> String.valueOf(((JComboBox<?>) find(p, "filter.key")).getSelectedItem())))
                .isEqualTo("Am (0)");
        assertThat(onEdt(() -> String.valueOf(((JComboBox<?>) find(p, "filter.vendor")).getSelectedItem())))
                .isEqualTo("Loop & Co (0)");
        assertThat(onEdt(() -> String.valueOf(((JComboBox<?>) find(p, "filter.rating")).getSelectedItem())))
                .isEqualTo("★★★★ or more");
        assertThat(onEdt(() -> ((JCheckBox) find(p, "filter.favorite")).isSelected())).isTrue();

        // and back to nothing
        onEdt(() -> {
            p.setState(FilterState.NONE);
            return null;
        });
        assertThat(onEdt(() -> ((JTextField) find(p, "filter.bpm")).getText())).isEmpty();
        assertThat(onEdt(p::keyItems)).containsExactly("Any key");
        assertThat(fired).isEmpty();
    }

    @Test
    void everyControl_hasANameAndFitsTheSidebar() throws Exception {
        FilterPanel p = panel();

        for (String name : List.of("filter.key", "filter.compatible", "filter.bpm", "filter.halfDouble",
                "filter.meter", "filter.bars", "filter.duration", "filter.instrument", "filter.drums",
                "filter.vendor", "filter.pack", "filter.tag", "filter.rating", "filter.state", "filter.favorite")) {
            assertThat((JComponent) find(p, name)).as(name).isNotNull();
        }
        assertThat(onEdt(() -> p.getPreferredSize().width)).isLessThanOrEqualTo(FilterPanel.WIDTH_PX + 40);
    }
}
