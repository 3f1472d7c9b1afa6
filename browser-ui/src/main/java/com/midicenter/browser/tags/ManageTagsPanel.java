package com.midicenter.browser.tags;

import com.formdev.flatlaf.FlatClientProperties;
import com.midicenter.persistence.curation.TagCount;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Window;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;

/**
 * "Manage tags": your tags with their file counts; pick one, type a name, then "Rename" (refused by the library if
 * another of your tags has that name: merge instead) or "Merge into" (the files of the picked tag get the named one,
 * which must be one of yours; the picked one goes). Automatic tags are not listed: they come back with each import.
 * Every call runs on the executor; the list is read again after each change; a refusal is said once, in the library's
 * words.
 *
 * <p>[EDT] Build and use on the EDT.
 */
public final class ManageTagsPanel extends JPanel {

    /** Most tags listed. */
    public static final int LIMIT = 1_000;

    private final TagsSource tags;
    private final Executor executor;
    private final Runnable changed;
    private final DefaultListModel<TagCount> model = new DefaultListModel<>();
    private final JList<TagCount> list = new JList<>(model);
    private final JTextField name = new JTextField(16);
    private final JButton rename = new JButton("Rename");
    private final JButton merge = new JButton("Merge into");
    private final JLabel message = new JLabel(" ");
    private long loadSeq;
    private boolean busy;

    /** @param changed [EDT] after a rename or merge (the host reloads what shows tags) */
    public ManageTagsPanel(TagsSource tags, Executor executor, Runnable changed) {
        super(new BorderLayout(0, 6));
        this.tags = Objects.requireNonNull(tags, "tags");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.changed = Objects.requireNonNull(changed, "changed");
        setName("manageTags");
        setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
        list.setName("manageTags.list");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setVisibleRowCount(12);
        list.setCellRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(JList<?> l, Object value, int index,
                                                                   boolean selected, boolean focus) {
                TagCount t = (TagCount) value;
                return super.getListCellRendererComponent(l, t.name() + String.format(java.util.Locale.ROOT,
                        "  (%,d)", t.files()), index, selected, focus);
            }
        });
        list.addListSelectionListener(e -> updateControls());
        name.setName("manageTags.name");
        name.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "New name, or the tag to merge into");
        TagCompletion.install(name, tags::complete, executor);
        rename.setName("manageTags.rename");
        merge.setName("manageTags.merge");
        rename.addActionListener(e -> rename());
        merge.addActionListener(e -> merge());
        message.setName("manageTags.message");
        add(new JLabel("Your tags (automatic ones come from paths and analysis and stay):"), BorderLayout.NORTH);
        add(new JScrollPane(list), BorderLayout.CENTER);
        JPanel edit = new JPanel(new BorderLayout(0, 6));
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEADING, 6, 0));
        row.add(name);
        row.add(rename);
        row.add(merge);
        edit.add(row, BorderLayout.NORTH);
        edit.add(message, BorderLayout.SOUTH);
        add(edit, BorderLayout.SOUTH);
        updateControls();
    }

    /** [EDT] Opens the panel in a dialog over {@code owner} (not modal) and reads the tags. */
    public static JDialog open(Window owner, ManageTagsPanel panel) {
        JDialog dialog = new JDialog(owner, "Manage tags");
        dialog.setName("manageTagsDialog");
        dialog.setDefaultCloseOperation(JDialog.DISPOSE_ON_CLOSE);
        dialog.setContentPane(panel);
        dialog.pack();
        dialog.setLocationRelativeTo(owner);
        dialog.setVisible(true);
        panel.reload();
        return dialog;
    }

    /** [EDT] Reads your tags again, on the executor. */
    public void reload() {
        long seq = ++loadSeq;
        try {
            executor.execute(() -> {
                try {
                    List<TagCount> found = List.copyOf(tags.userTags(LIMIT));
                    SwingUtilities.invokeLater(() -> loaded(seq, found));
                } catch (RuntimeException e) {
                    String why = e.getMessage() == null ? e.toString() : e.getMessage();
                    SwingUtilities.invokeLater(() -> say("Could not read your tags: " + why, false));
                }
            });
        } catch (RejectedExecutionException e) {
            say("Busy; the tags were not read", false);
        }
    }

    private void loaded(long seq, List<TagCount> found) {
        if (seq != loadSeq) {
            return;
        }
        String selected = list.getSelectedValue() == null ? null : list.getSelectedValue().name();
        model.clear();
        model.addAll(found);
        for (int i = 0; i < model.size(); i++) {
            if (model.get(i).name().equals(selected)) {
                list.setSelectedIndex(i);
            }
        }
        updateControls();
    }

    private void rename() {
        TagCount from = list.getSelectedValue();
        String to = name.getText().strip();
        if (from == null || to.isEmpty() || busy) {
            return;
        }
        run("rename \u201c" + from.name() + "\u201d", () -> {
            int n = tags.rename(from.name(), to);
            return "Renamed \u201c" + from.name() + "\u201d to \u201c" + to + "\u201d on " + TagEditPanel.files(n);
        });
    }

    private void merge() {
        TagCount from = list.getSelectedValue();
        String into = name.getText().strip();
        if (from == null || into.isEmpty() || busy) {
            return;
        }
        run("merge \u201c" + from.name() + "\u201d", () -> {
            int n = tags.merge(from.name(), into);
            return "Merged \u201c" + from.name() + "\u201d into \u201c" + into + "\u201d (" + TagEditPanel.files(n)
                    + " got it)";
        });
    }

    private void run(String what, Supplier<String> change) {
        busy = true;
        updateControls();
        try {
            executor.execute(() -> {
                String outcome;
                boolean ok;
                try {
                    outcome = change.get();
                    ok = true;
                } catch (RuntimeException e) {
                    outcome = "Could not " + what + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
                    ok = false;
                }
                String o = outcome;
                boolean done = ok;
                SwingUtilities.invokeLater(() -> {
                    busy = false;
                    say(o, done);
                    if (done) {
                        name.setText("");
                        changed.run();
                        reload();
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            busy = false;
            say("Busy; try again in a moment", false);
        }
    }

    private void say(String text, boolean ok) {
        message.setText(text);
        message.putClientProperty(FlatClientProperties.STYLE, ok ? null : "foreground: $Component.error.focusedBorderColor");
        updateControls();
    }

    private void updateControls() {
        boolean on = !busy && list.getSelectedValue() != null;
        rename.setEnabled(on);
        merge.setEnabled(on);
    }

    /** [EDT] The tags listed. */
    public JList<TagCount> tagList() {
        return list;
    }

    /** [EDT] The name field. */
    public JTextField nameField() {
        return name;
    }

    /** [EDT] "Rename". */
    public JButton renameButton() {
        return rename;
    }

    /** [EDT] "Merge into". */
    public JButton mergeButton() {
        return merge;
    }

    /** [EDT] The outcome of the last change, or blank. */
    public String messageText() {
        return message.getText().strip();
    }
}
