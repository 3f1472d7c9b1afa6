package com.midicenter.browser.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.edt.Edt;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.persistence.curation.TagCount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The tag tools without a window: autocomplete, the "Tag…" panel, "Manage tags" and the tag cloud. */
class TagToolsTest {

    final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    /** A fake library: a few tags; "house" is automatic, so it cannot be removed. */
    final TagsSource source = new TagsSource() {
        @Override
        public int add(Collection<Long> contentIds, String tag) {
            calls.add("add " + contentIds + " " + tag + " on " + thread());
            return tag.equals("keeper") ? 0 : contentIds.size();
        }

        @Override
        public int remove(Collection<Long> contentIds, String tag) {
            calls.add("remove " + contentIds + " " + tag + " on " + thread());
            if (tag.equals("house")) {
                throw new IllegalArgumentException("'house' is an automatic tag; it cannot be removed");
            }
            return 1;
        }

        @Override
        public List<TagCount> complete(String prefix, int limit) {
            calls.add("complete " + prefix + " " + limit + " on " + thread());
            return List.of(new TagCount("genre", prefix + "ouse", 40), new TagCount("user", prefix + "appy", 3),
                    new TagCount("user", prefix, 2));
        }

        @Override
        public List<TagCount> userTags(int limit) {
            calls.add("userTags on " + thread());
            return List.of(new TagCount("user", "keeper", 5), new TagCount("user", "warm", 2));
        }

        @Override
        public int rename(String from, String to) {
            calls.add("rename " + from + " " + to + " on " + thread());
            if (to.equals("warm")) {
                throw new IllegalArgumentException("a user tag 'warm' exists already; merge 'keeper' into it instead");
            }
            return 5;
        }

        @Override
        public int merge(String from, String into) {
            calls.add("merge " + from + " " + into + " on " + thread());
            return 4;
        }

        @Override
        public List<TagCount> cloud(SearchRequest request, int limit) {
            calls.add("cloud " + request.text() + " on " + thread());
            return List.of(new TagCount("part", "bass", 100), new TagCount("user", "keeper", 10),
                    new TagCount("genre", request.text(), 1));
        }
    };

    static String thread() {
        return SwingUtilities.isEventDispatchThread() ? "EDT" : "worker";
    }

    /** Runs the queued background tasks (and what they post to the EDT) until none is left. */
    void runAll() throws Exception {
        Runnable t = tasks.poll(1, TimeUnit.SECONDS);
        while (t != null) {
            t.run();
            Edt.call(() -> null);
            t = tasks.poll(100, TimeUnit.MILLISECONDS);
        }
    }

    // ------------------------------------------------------------------ autocomplete

    @Test
    void completion_typedPrefix_listsTagsOffTheEdtWithoutTheWordItself() throws Exception {
        // given
        JTextField field = Edt.call(JTextField::new);
        TagCompletion completion = Edt.call(() -> TagCompletion.install(field, source::complete, tasks::add));

        // when
        Edt.call(() -> {
            field.setText("h");
            completion.lookUp();
            return null;
        });
        runAll();

        // then
        assertThat(calls).containsExactly("complete h " + TagCompletion.LIMIT + " on worker");
        assertThat(Edt.call(completion::suggestions)).containsExactly("house", "happy");
    }

    @Test
    void completion_answerForOlderText_isDropped() throws Exception {
        // given: a look-up for "h" on its way
        JTextField field = Edt.call(JTextField::new);
        TagCompletion completion = Edt.call(() -> TagCompletion.install(field, source::complete, tasks::add));
        Edt.call(() -> {
            field.setText("h");
            completion.lookUp();
            return null;
        });

        // when: the user types on before it answers
        Edt.call(() -> {
            field.setText("ha");
            return null;
        });
        runAll();

        // then
        assertThat(Edt.call(completion::suggestions)).isEmpty();
    }

    @Test
    void completion_accept_putsTheTagInTheFieldAndCloses() throws Exception {
        // given
        JTextField field = Edt.call(JTextField::new);
        TagCompletion completion = Edt.call(() -> TagCompletion.install(field, source::complete, tasks::add));
        Edt.call(() -> {
            field.setText("h");
            completion.lookUp();
            return null;
        });
        runAll();

        // when
        Edt.call(() -> {
            completion.accept(1);
            return null;
        });
        runAll();

        // then: no new look-up for the text set
        assertThat(Edt.call(() -> field.getText())).isEqualTo("happy");
        assertThat(Edt.call(completion::suggestions)).isEmpty();
        assertThat(calls).hasSize(1);
    }

    @Test
    void completionLabel_countsAndYours() {
        assertThat(TagCompletion.label(new TagCount("user", "keeper", 1204))).isEqualTo("keeper (1,204) \u00b7 yours");
        assertThat(TagCompletion.label(new TagCount("genre", "house", 3))).isEqualTo("house (3)");
    }

    // ------------------------------------------------------------------ Tag…

    @Test
    void tagEdit_add_tagsEverySelectedFileOffTheEdtAndSaysHowMany() throws Exception {
        // given
        List<String> changed = new ArrayList<>();
        TagEditPanel panel = Edt.call(() -> new TagEditPanel(List.of(3L, 4L), source, tasks::add,
                () -> changed.add("changed")));

        // when
        Edt.call(() -> {
            panel.field().setText(" dusty ");
            panel.addButton().doClick();
            return null;
        });
        boolean busy = Edt.call(panel::isBusy);
        runAll();

        // then
        assertThat(busy).as("buttons off while the edit runs").isTrue();
        assertThat(calls).containsExactly("add [3, 4] dusty on worker");
        assertThat(Edt.call(() -> panel.messageText())).isEqualTo("Tagged 2 files \u201cdusty\u201d");
        assertThat(changed).containsExactly("changed");
        assertThat(Edt.call(() -> panel.addButton().getText())).isEqualTo("Add to 2 files");
        assertThat(Edt.call(() -> panel.addButton().isEnabled())).isTrue();
    }

    @Test
    void tagEdit_removeAnAutomaticTag_showsTheLibrarysRefusalOnce() throws Exception {
        // given
        List<String> changed = new ArrayList<>();
        TagEditPanel panel = Edt.call(() -> new TagEditPanel(List.of(3L), source, tasks::add,
                () -> changed.add("changed")));

        // when
        Edt.call(() -> {
            panel.field().setText("house");
            panel.removeButton().doClick();
            return null;
        });
        runAll();

        // then
        assertThat(Edt.call(() -> panel.messageText()))
                .isEqualTo("Could not remove \u201chouse\u201d: 'house' is an automatic tag; it cannot be removed");
        assertThat(changed).isEmpty();
    }

    @Test
    void tagEdit_allHadItAlready_saysSo() throws Exception {
        // given
        TagEditPanel panel = Edt.call(() -> new TagEditPanel(List.of(3L, 4L), source, tasks::add, () -> { }));

        // when
        Edt.call(() -> {
            panel.field().setText("keeper");
            panel.field().postActionEvent(); // Enter adds
            return null;
        });
        runAll();

        // then
        assertThat(Edt.call(() -> panel.messageText())).isEqualTo("All 2 files had \u201ckeeper\u201d already");
    }

    // ------------------------------------------------------------------ Manage tags

    @Test
    void manageTags_renameAndMerge_runOffTheEdtAndReload() throws Exception {
        // given: the tags read
        List<String> changed = new ArrayList<>();
        ManageTagsPanel panel = Edt.call(() -> new ManageTagsPanel(source, tasks::add, () -> changed.add("x")));
        Edt.call(() -> {
            panel.reload();
            return null;
        });
        runAll();
        assertThat(Edt.call(() -> panel.tagList().getModel().getSize())).isEqualTo(2);
        calls.clear();

        // when: "keeper" renamed to "gems", then merged into "warm"
        Edt.call(() -> {
            panel.tagList().setSelectedIndex(0);
            panel.nameField().setText("gems");
            panel.renameButton().doClick();
            return null;
        });
        runAll();
        String renamed = Edt.call(() -> panel.messageText());
        Edt.call(() -> {
            panel.tagList().setSelectedIndex(0);
            panel.nameField().setText("warm");
            panel.mergeButton().doClick();
            return null;
        });
        runAll();

        // then
        assertThat(renamed).isEqualTo("Renamed \u201ckeeper\u201d to \u201cgems\u201d on 5 files");
        assertThat(Edt.call(() -> panel.messageText())).isEqualTo("Merged \u201ckeeper\u201d into \u201cwarm\u201d (4 files got it)");
        assertThat(calls).containsSubsequence("rename keeper gems on worker", "userTags on worker",
                "merge keeper warm on worker", "userTags on worker");
        assertThat(changed).hasSize(2);
    }

    @Test
    void manageTags_renameOntoAnotherTag_refusedInPlainWords() throws Exception {
        // given
        ManageTagsPanel panel = Edt.call(() -> new ManageTagsPanel(source, tasks::add, () -> { }));
        Edt.call(() -> {
            panel.reload();
            return null;
        });
        runAll();

        // when
        Edt.call(() -> {
            panel.tagList().setSelectedIndex(0);
            panel.nameField().setText("warm");
            panel.renameButton().doClick();
            return null;
        });
        runAll();

        // then
        assertThat(Edt.call(() -> panel.messageText())).isEqualTo("Could not rename \u201ckeeper\u201d: a user tag 'warm'"
                + " exists already; merge 'keeper' into it instead");
    }

    // ------------------------------------------------------------------ tag cloud

    @Test
    void cloud_load_showsTagsAlphabeticallySizedByCountAndAClickChoosesOne() throws Exception {
        // given
        TagCloudPanel cloud = Edt.call(() -> new TagCloudPanel(source, tasks::add));
        List<TagCount> chosen = new ArrayList<>();
        Edt.call(() -> {
            cloud.onChoose(chosen::add);
            cloud.load(SearchRequest.text("pad"));
            return null;
        });
        String meanwhile = Edt.call(() -> cloud.statusText());
        runAll();

        // when
        Edt.call(() -> {
            cloud.buttons().get(1).doClick();
            return null;
        });

        // then
        assertThat(meanwhile).isEqualTo("Counting tags\u2026");
        assertThat(calls).containsExactly("cloud pad on worker");
        assertThat(Edt.call(() -> cloud.buttons().stream().map(javax.swing.JButton::getText).toList()))
                .containsExactly("bass", "keeper", "pad");
        float bass = Edt.call(() -> cloud.buttons().get(0).getFont().getSize2D());
        float pad = Edt.call(() -> cloud.buttons().get(2).getFont().getSize2D());
        assertThat(bass).isGreaterThan(pad);
        assertThat(Edt.call(() -> cloud.buttons().get(1).getFont().isBold())).as("yours in bold").isTrue();
        assertThat(chosen).extracting(TagCount::name).containsExactly("keeper");
    }

    @Test
    void cloud_olderLoadAnsweringLast_isDropped() throws Exception {
        // given: two loads on their way
        TagCloudPanel cloud = Edt.call(() -> new TagCloudPanel(source, tasks::add));
        Edt.call(() -> {
            cloud.load(SearchRequest.text("old"));
            cloud.load(SearchRequest.text("new"));
            return null;
        });
        Runnable older = tasks.take();
        Runnable newer = tasks.take();

        // when: the newer answers first
        newer.run();
        older.run();
        Edt.call(() -> null);

        // then
        assertThat(Edt.call(cloud::isSettled)).isTrue();
        assertThat(Edt.call(() -> cloud.tags().stream().map(TagCount::name).toList())).contains("new")
                .doesNotContain("old");
    }

    @Test
    void cloudScale_logOfCountBetweenBounds() {
        assertThat(TagCloudPanel.scale(1, 1, 100)).isEqualTo(TagCloudPanel.MIN_SCALE);
        assertThat(TagCloudPanel.scale(100, 1, 100)).isEqualTo(TagCloudPanel.MAX_SCALE);
        assertThat(TagCloudPanel.scale(10, 1, 100)).isBetween(1.3f, 1.45f);
        assertThat(TagCloudPanel.scale(5, 5, 5)).isEqualTo(1f);
    }
}
