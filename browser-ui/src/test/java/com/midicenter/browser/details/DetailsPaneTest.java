package com.midicenter.browser.details;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.edt.Edt;
import com.midicenter.library.details.FileDetails;
import com.midicenter.library.details.FileDetails.AnalysisState;
import com.midicenter.library.details.FileDetails.Drums;
import com.midicenter.library.details.FileDetails.FileInfo;
import com.midicenter.library.details.FileDetails.Harmony;
import com.midicenter.library.details.FileDetails.Instruments;
import com.midicenter.library.details.FileDetails.Location;
import com.midicenter.library.details.FileDetails.NoteStats;
import com.midicenter.library.details.FileDetails.Tag;
import com.midicenter.library.details.FileDetails.TagSource;
import com.midicenter.library.details.FileDetails.Tempo;
import com.midicenter.library.details.FileDetails.TempoChange;
import java.awt.Component;
import java.awt.Container;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The details pane without a window: a fake library, an executor whose tasks the test runs when it wants. */
class DetailsPaneTest {

    /** A library of files kept in memory; records every call and the thread it came on. */
    static final class FakeSource implements DetailsSource {
        final Map<Long, FileDetails> files = new ConcurrentHashMap<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<Boolean> onEdt = new CopyOnWriteArrayList<>();
        volatile RuntimeException failNext;

        private void called(String call) {
            calls.add(call);
            onEdt.add(SwingUtilities.isEventDispatchThread());
            RuntimeException e = failNext;
            if (e != null) {
                failNext = null;
                throw e;
            }
        }

        @Override
        public Optional<FileDetails> load(long contentId) {
            called("load " + contentId);
            return Optional.ofNullable(files.get(contentId));
        }

        @Override
        public void setFavorite(long contentId, boolean favorite) {
            called("favorite " + contentId + " " + favorite);
            files.computeIfPresent(contentId, (k, d) -> with(d, favorite, d.rating(), d.tags()));
        }

        @Override
        public void setRating(long contentId, Integer stars) {
            called("rating " + contentId + " " + stars);
            files.computeIfPresent(contentId, (k, d) -> with(d, d.favorite(), stars, d.tags()));
        }

        @Override
        public int addTag(Collection<Long> contentIds, String tag) {
            called("addTag " + contentIds + " " + tag);
            for (long id : contentIds) {
                files.computeIfPresent(id, (k, d) -> {
                    List<Tag> tags = new ArrayList<>(d.tags());
                    tags.add(new Tag("user", tag.strip(), TagSource.USER));
                    return with(d, d.favorite(), d.rating(), tags);
                });
            }
            return contentIds.size();
        }

        @Override
        public boolean removeTag(long contentId, String tag) {
            called("removeTag " + contentId + " " + tag);
            files.computeIfPresent(contentId, (k, d) -> with(d, d.favorite(), d.rating(),
                    d.tags().stream().filter(t -> !(t.removable() && t.name().equals(tag))).toList()));
            return true;
        }
    }

    static FileDetails file(long id, String name) {
        return new FileDetails(id, "ab".repeat(32), 1234, OffsetDateTime.of(2026, 3, 14, 9, 30, 0, 0, ZoneOffset.UTC),
                AnalysisState.DONE, null, 2, OffsetDateTime.of(2026, 3, 14, 9, 31, 0, 0, ZoneOffset.UTC),
                new FileInfo(1, 2, 480, 8.0, 4, true, List.of("Bass")),
                new Tempo(124.0, "meta", 1.0, 0, List.of(new TempoChange(0, 124)), "4/4", "meta", List.of("4/4@1")),
                new Harmony("Am", 0.82, "C", "notes", "8A", "Am F C G", List.of("Am", "F", "C", "G")),
                new NoteStats(32, 8.0, 45, 57, 90, 110, 100.5, 1, true, 0.0),
                new Drums(false, List.of(), List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 0.0, null, 0, List.of(), "none"),
                new Instruments(List.of(1), List.of(33), List.of("Bass"), List.of("bass")),
                List.of("missing end of track repaired"),
                List.of(new Location("/lib/Acme/Deep Bass/" + name, name, null, "Acme", "Deep Bass", 1234, 0, false)),
                List.of(new Tag("part", "bass", TagSource.PATH), new Tag("user", "keeper", TagSource.USER)),
                false, 3);
    }

    static FileDetails with(FileDetails d, boolean favorite, Integer rating, List<Tag> tags) {
        return new FileDetails(d.contentId(), d.sha256(), d.sizeBytes(), d.addedAt(), d.analysisState(),
                d.analysisError(), d.analyzerVersion(), d.analyzedAt(), d.file(), d.tempo(), d.harmony(), d.notes(),
                d.drums(), d.instruments(), d.warnings(), d.locations(), tags, favorite, rating);
    }

    final FakeSource source = new FakeSource();
    final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    static <T> T onEdt(Callable<T> work) throws Exception {
        T t = Edt.call(work);
        SwingUtilities.invokeAndWait(() -> { }); // then what the work posted
        return t;
    }

    /** Runs the next queued task here (not on the EDT), then lets the EDT apply its answer. */
    void runNextTask() throws Exception {
        Runnable task = tasks.poll();
        assertThat(task).as("a queued task").isNotNull();
        task.run();
        onEdt(() -> null);
    }

    DetailsPane paneShowing(long id) throws Exception {
        source.files.put(1L, file(1, "Deep Bass Am 124.mid"));
        source.files.put(2L, file(2, "Other Loop.mid"));
        DetailsPane pane = onEdt(() -> new DetailsPane(source, tasks::add));
        onEdt(() -> {
            pane.show(id);
            return null;
        });
        runNextTask();
        source.calls.clear();
        source.onEdt.clear();
        return pane;
    }

    static <T extends Component> T find(Container root, String name, Class<T> type) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName()) && type.isInstance(c)) {
                return type.cast(c);
            }
            if (c instanceof Container inner) {
                T found = find(inner, name, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    void click(DetailsPane pane, String name) throws Exception {
        onEdt(() -> {
            AbstractButton b = find(pane, name, AbstractButton.class);
            assertThat(b).as("button " + name).isNotNull();
            assertThat(b.isEnabled()).as("button " + name + " enabled").isTrue();
            b.doClick(0);
            return null;
        });
    }

    // ---------------------------------------------------------------- showing

    @Test
    void show_loadedFile_headerTagsAndEveryGroupShown() throws Exception {
        // given / when
        DetailsPane pane = paneShowing(1);

        // then: header
        assertThat(onEdt(() -> find(pane, "name", JLabel.class).getText())).isEqualTo("Deep Bass Am 124.mid");
        assertThat(onEdt(() -> find(pane, "path", JLabel.class).getText()))
                .isEqualTo("/lib/Acme/Deep Bass/Deep Bass Am 124.mid");
        assertThat(onEdt(() -> find(pane, "favorite", AbstractButton.class).getText())).isEqualTo("☆");
        assertThat(onEdt(() -> List.of(1, 2, 3, 4, 5).stream()
                .map(i -> find(pane, "rating" + i, AbstractButton.class).getText()).toList()))
                .containsExactly("★", "★", "★", "☆", "☆");
        // the form: every group, fields of each
        assertThat(onEdt(pane::sectionTitles)).isEqualTo(DetailsPane.SECTIONS);
        assertThat(onEdt(() -> pane.fieldValue("BPM"))).isEqualTo("124");
        assertThat(onEdt(() -> pane.fieldValue("Tempo map"))).isEqualTo("124 BPM at 0 s");
        assertThat(onEdt(() -> pane.fieldValue("Meter map"))).isEqualTo("4/4@1");
        assertThat(onEdt(() -> pane.fieldValue("Key"))).isEqualTo("Am");
        assertThat(onEdt(() -> pane.fieldValue("Camelot"))).isEqualTo("8A");
        assertThat(onEdt(() -> pane.fieldValue("Key confidence"))).isEqualTo("82 %");
        assertThat(onEdt(() -> pane.fieldValue("Chords"))).isEqualTo("Am F C G");
        assertThat(onEdt(() -> pane.fieldValue("Pitch range"))).isEqualTo("A2 (45) – A3 (57)");
        assertThat(onEdt(() -> pane.fieldValue("Drums"))).isEqualTo("no");
        assertThat(onEdt(() -> pane.fieldValue("Swing"))).isEqualTo("—");
        assertThat(onEdt(() -> pane.fieldValue("Categories"))).isEqualTo("bass");
        assertThat(onEdt(() -> pane.fieldValue("PPQ"))).isEqualTo("480");
        assertThat(onEdt(() -> pane.fieldValue("Warnings"))).isEqualTo("missing end of track repaired");
        assertThat(onEdt(() -> find(pane, "field:Key", JLabel.class).getText())).isEqualTo("Am");
        // tags: the user's removable, the path's not
        assertThat(onEdt(() -> find(pane, "tag:bass", JComponent.class))).isNotNull();
        assertThat(onEdt(() -> find(pane, "removeTag:bass", AbstractButton.class))).isNull();
        assertThat(onEdt(() -> find(pane, "removeTag:keeper", AbstractButton.class))).isNotNull();
        assertThat(onEdt(pane::messageText)).isEmpty();
        assertThat(onEdt(pane::isSettled)).isTrue();
    }

    @Test
    void show_directExecutor_loadsAndShows() throws Exception {
        // given
        source.files.put(7L, file(7, "Direct.mid"));
        DetailsPane pane = onEdt(() -> new DetailsPane(source, Runnable::run));

        // when
        onEdt(() -> {
            pane.show(7);
            return null;
        });

        // then
        assertThat(onEdt(() -> find(pane, "name", JLabel.class).getText())).isEqualTo("Direct.mid");
        assertThat(onEdt(() -> pane.details().orElseThrow().contentId())).isEqualTo(7L);
    }

    @Test
    void show_olderAnswerArrivesLast_isDropped() throws Exception {
        // given: the pane shows file 1; the user selects 2, then 1, then 2 again
        DetailsPane pane = paneShowing(1);
        onEdt(() -> {
            pane.show(1);
            pane.show(2);
            return null;
        });
        Runnable forOne = tasks.take();
        Runnable forTwo = tasks.take();

        // when: the answer for 2 comes first, the one for 1 (no longer selected) after it
        forTwo.run();
        forOne.run();
        onEdt(() -> null);

        // then
        assertThat(onEdt(() -> find(pane, "name", JLabel.class).getText())).isEqualTo("Other Loop.mid");
        assertThat(onEdt(pane::contentId)).isEqualTo(2L);
        assertThat(onEdt(pane::isSettled)).isTrue();
    }

    @Test
    void clear_answerOnItsWay_isDroppedAndNothingShown() throws Exception {
        // given
        DetailsPane pane = paneShowing(1);
        onEdt(() -> {
            pane.show(2);
            pane.clear();
            return null;
        });

        // when
        runNextTask();

        // then
        assertThat(onEdt(() -> pane.details().isPresent())).isFalse();
        assertThat(onEdt(() -> find(pane, "name", JLabel.class).getText())).isBlank();
        assertThat(onEdt(pane::fieldNames)).isEmpty();
        assertThat(onEdt(() -> find(pane, "favorite", AbstractButton.class).isEnabled())).isFalse();
    }

    // ---------------------------------------------------------------- edits

    @Test
    void favorite_click_goesToTheSourceOffTheEdtAndShowsTheStoredAnswer() throws Exception {
        // given
        DetailsPane pane = paneShowing(1);
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        onEdt(() -> {
            pane.onShown(d -> told.add(d.contentId() + " " + d.favorite() + " on "
                    + (javax.swing.SwingUtilities.isEventDispatchThread() ? "EDT" : "worker")));
            return null;
        });

        // when
        click(pane, "favorite");

        // then: nothing happens on the EDT; the controls wait for the answer
        assertThat(source.calls).isEmpty();
        assertThat(onEdt(() -> find(pane, "favorite", AbstractButton.class).isEnabled())).isFalse();
        runNextTask();
        assertThat(source.calls).containsExactly("favorite 1 true", "load 1");
        assertThat(source.onEdt).containsOnly(false);
        assertThat(onEdt(() -> find(pane, "favorite", AbstractButton.class).getText())).isEqualTo("★");
        assertThat(onEdt(() -> find(pane, "favorite", AbstractButton.class).isEnabled())).isTrue();
        assertThat(told).as("the pane's listener (the results row follows it)").containsExactly("1 true on EDT");
    }

    @Test
    void rating_clickAnotherStarThenTheCurrentOneAgain_setsThenClears() throws Exception {
        // given: rated 3
        DetailsPane pane = paneShowing(1);

        // when
        click(pane, "rating5");
        runNextTask();
        click(pane, "rating5");
        runNextTask();

        // then
        assertThat(source.calls).containsExactly("rating 1 5", "load 1", "rating 1 null", "load 1");
        assertThat(onEdt(() -> pane.details().orElseThrow().rating())).isNull();
        assertThat(onEdt(() -> find(pane, "rating1", AbstractButton.class).getText())).isEqualTo("☆");
    }

    @Test
    void addTag_enterInTheField_goesToTheSourceAndTheChipAppears() throws Exception {
        // given
        DetailsPane pane = paneShowing(1);

        // when
        onEdt(() -> {
            JTextField field = find(pane, "addTag", JTextField.class);
            field.setText(" dark ");
            field.postActionEvent();
            return null;
        });
        runNextTask();

        // then
        assertThat(source.calls).containsExactly("addTag [1]  dark ", "load 1");
        assertThat(onEdt(() -> find(pane, "removeTag:dark", AbstractButton.class))).isNotNull();
        assertThat(onEdt(() -> find(pane, "addTag", JTextField.class).getText())).isEmpty();
    }

    @Test
    void removeTag_clickTheCross_goesToTheSourceAndTheChipGoes() throws Exception {
        // given
        DetailsPane pane = paneShowing(1);

        // when
        click(pane, "removeTag:keeper");
        runNextTask();

        // then
        assertThat(source.calls).containsExactly("removeTag 1 keeper", "load 1");
        assertThat(onEdt(() -> find(pane, "tag:keeper", JComponent.class))).isNull();
        assertThat(onEdt(() -> find(pane, "tag:bass", JComponent.class))).isNotNull();
    }

    @Test
    void editAnswer_fileNoLongerSelected_isDropped() throws Exception {
        // given: a rating under way for file 1
        DetailsPane pane = paneShowing(1);
        click(pane, "rating1");
        Runnable rating = tasks.take();

        // when: the user selects file 2, whose answer comes before the rating's
        onEdt(() -> {
            pane.show(2);
            return null;
        });
        runNextTask();
        rating.run();
        onEdt(() -> null);

        // then: the edit was made, but file 2 is what is shown
        assertThat(source.calls).contains("rating 1 1");
        assertThat(onEdt(() -> pane.details().orElseThrow().contentId())).isEqualTo(2L);
    }

    // ---------------------------------------------------------------- errors

    @Test
    void edit_refused_messageSaysWhyOnceAndTheFileStays() throws Exception {
        // given
        DetailsPane pane = paneShowing(1);
        source.failNext = new IllegalArgumentException(
                "the tag 'bass' comes from the file's path (part); only tags you added can be removed");

        // when
        click(pane, "removeTag:keeper");
        runNextTask();

        // then
        assertThat(onEdt(pane::messageText)).isEqualTo("Could not remove the tag 'keeper': the tag 'bass' comes from"
                + " the file's path (part); only tags you added can be removed");
        assertThat(onEdt(pane::showsError)).isTrue();
        assertThat(onEdt(() -> pane.details().orElseThrow().contentId())).isEqualTo(1L);
        assertThat(onEdt(() -> find(pane, "favorite", AbstractButton.class).isEnabled())).isTrue();

        // when: the next edit works
        click(pane, "favorite");
        runNextTask();

        // then: the message is gone
        assertThat(onEdt(pane::messageText)).isEmpty();
        assertThat(onEdt(pane::showsError)).isFalse();
    }

    @Test
    void show_loadFailsOrFileGone_saysSoInPlainWords() throws Exception {
        // given
        DetailsPane pane = paneShowing(1);
        source.failNext = new IllegalStateException("the database is not running");

        // when
        onEdt(() -> {
            pane.show(2);
            return null;
        });
        runNextTask();

        // then
        assertThat(onEdt(pane::messageText)).isEqualTo("Could not load the details: the database is not running");
        assertThat(onEdt(() -> pane.details().isPresent())).isFalse();

        // when
        onEdt(() -> {
            pane.show(99);
            return null;
        });
        runNextTask();

        // then
        assertThat(onEdt(pane::messageText)).isEqualTo("This file is no longer in the library.");
    }

    // ---------------------------------------------------------------- theme

    @Test
    void themeKeys_underFlatLafLightAndDark_allResolve() throws Exception {
        javax.swing.LookAndFeel before = javax.swing.UIManager.getLookAndFeel();
        try {
            for (boolean dark : new boolean[] {false, true}) {
                // given
                onEdt(() -> {
                    com.midicenter.browser.BrowserTheme.setup(dark);
                    return null;
                });

                // when
                DetailsPane pane = paneShowing(1);

                // then
                for (String key : List.of(DetailsPane.SECTION_FOREGROUND, DetailsPane.LABEL_FOREGROUND,
                        DetailsPane.STAR_FOREGROUND, DetailsPane.ERROR_FOREGROUND, DetailsPane.CHIP_BACKGROUND,
                        DetailsPane.USER_CHIP_BACKGROUND)) {
                    assertThat(onEdt(() -> javax.swing.UIManager.getColor(key))).as(key + " dark=" + dark).isNotNull();
                }
                assertThat(onEdt(() -> find(pane, "rating1", AbstractButton.class).getForeground()))
                        .isEqualTo(onEdt(() -> javax.swing.UIManager.getColor(DetailsPane.STAR_FOREGROUND)));
            }
        } finally {
            onEdt(() -> {
                javax.swing.UIManager.setLookAndFeel(before);
                return null;
            });
        }
    }

    // ---------------------------------------------------------------- piano roll

    @Test
    void setPianoRoll_componentAtTheTop_nullGivesThePlaceholder() throws Exception {
        // given
        DetailsPane pane = onEdt(() -> new DetailsPane(source, tasks::add));
        JLabel roll = onEdt(() -> new JLabel("roll"));

        // when / then
        assertThat(onEdt(() -> find(pane, "pianoRollPlaceholder", JLabel.class))).isNotNull();
        onEdt(() -> {
            pane.setPianoRoll(roll);
            return null;
        });
        assertThat(onEdt(pane::pianoRoll)).isSameAs(roll);
        assertThat(onEdt(() -> find(pane, "pianoRoll", JComponent.class).getComponent(0))).isSameAs(roll);
        assertThat(onEdt(() -> find(pane, "pianoRollPlaceholder", JLabel.class))).isNull();
        onEdt(() -> {
            pane.setPianoRoll(null);
            return null;
        });
        assertThat(onEdt(pane::pianoRoll)).isNull();
        assertThat(onEdt(() -> find(pane, "pianoRollPlaceholder", JLabel.class))).isNotNull();
    }

    @Test
    void tags_yoursFirstAndAutomaticOnesHidable() throws Exception {
        // given: a file with a path tag ("bass") and a user tag ("keeper")
        source.files.put(7L, file(7, "Tags.mid"));
        DetailsPane pane = onEdt(() -> new DetailsPane(source, Runnable::run));
        onEdt(() -> {
            pane.show(7);
            return null;
        });

        // when: "Automatic tags" unticked
        List<String> before = onEdt(pane::tagChips);
        onEdt(() -> {
            pane.setShowAutomaticTags(false);
            return null;
        });

        // then
        assertThat(before).containsExactly("keeper", "bass");
        assertThat(onEdt(pane::tagChips)).containsExactly("keeper");
        assertThat(onEdt(pane::showsAutomaticTags)).isFalse();
    }

    @Test
    void tagField_withCompletion_offersTagsFromTheSource() throws Exception {
        // given
        source.files.put(7L, file(7, "Tags.mid"));
        DetailsPane pane = onEdt(() -> new DetailsPane(source, Runnable::run));
        com.midicenter.browser.tags.TagCompletion completion = onEdt(() -> pane.enableTagCompletion((prefix, n) ->
                List.of(new com.midicenter.persistence.curation.TagCount("user", prefix + "eper", 4))));
        onEdt(() -> {
            pane.show(7);
            return null;
        });

        // when: "ke" typed in the tag field
        onEdt(() -> {
            find(pane, "addTag", JTextField.class).setText("ke");
            completion.lookUp();
            return null;
        });

        // then
        assertThat(onEdt(completion::suggestions)).containsExactly("keeper");
    }
}
