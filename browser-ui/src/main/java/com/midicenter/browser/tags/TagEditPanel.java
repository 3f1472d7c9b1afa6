package com.midicenter.browser.tags;

import com.formdev.flatlaf.FlatClientProperties;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Window;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

/**
 * The "Tag…" dialog's content for a multi-selection: a tag field with autocomplete, "Add to N files" and
 * "Remove from N files". The edit runs on the executor; the outcome (or the library's refusal, in its own words) is
 * said once in the message line, and {@code changed} runs on the EDT after an edit that changed something (the host
 * reloads the details). While an edit runs the buttons are off: two edits never race.
 *
 * <p>[EDT] Build and use on the EDT.
 */
public final class TagEditPanel extends JPanel {

    private static final java.util.Map<Window, JDialog> DIALOGS = new java.util.WeakHashMap<>();

    private final List<Long> contentIds;
    private final TagsSource tags;
    private final Executor executor;
    private final Runnable changed;
    private final JTextField field = new JTextField(18);
    private final JButton add;
    private final JButton remove;
    private final JLabel message = new JLabel(" ");
    private final TagCompletion completion;
    private boolean busy;

    /**
     * @param contentIds the selected files
     * @param changed    [EDT] after an edit changed files
     */
    public TagEditPanel(List<Long> contentIds, TagsSource tags, Executor executor, Runnable changed) {
        super(new BorderLayout(0, 6));
        this.contentIds = List.copyOf(contentIds);
        if (this.contentIds.isEmpty()) {
            throw new IllegalArgumentException("tag at least one file");
        }
        this.tags = Objects.requireNonNull(tags, "tags");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.changed = Objects.requireNonNull(changed, "changed");
        setName("tagEdit");
        setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
        String files = files(this.contentIds.size());
        field.setName("tagEdit.tag");
        field.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "Tag");
        completion = TagCompletion.install(field, tags::complete, executor);
        add = new JButton("Add to " + files);
        add.setName("tagEdit.add");
        add.addActionListener(e -> addTag());
        remove = new JButton("Remove from " + files);
        remove.setName("tagEdit.remove");
        remove.addActionListener(e -> removeTag());
        field.addActionListener(e -> addTag()); // Enter adds
        message.setName("tagEdit.message");
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING, 6, 0));
        buttons.add(remove);
        buttons.add(add);
        add(new JLabel("A tag for the " + files + " selected:"), BorderLayout.NORTH);
        add(field, BorderLayout.CENTER);
        JPanel south = new JPanel(new BorderLayout(0, 6));
        south.add(buttons, BorderLayout.NORTH);
        south.add(message, BorderLayout.SOUTH);
        add(south, BorderLayout.SOUTH);
    }

    /**
     * [EDT] Opens the panel in a small dialog over {@code owner} (not modal: the window stays usable). The dialog
     * window is one per owner, hidden on close and shown again with the next panel: a new window costs the EDT its
     * native set-up each time.
     */
    public static JDialog open(Window owner, TagEditPanel panel) {
        JDialog dialog = DIALOGS.computeIfAbsent(owner, o -> {
            JDialog d = new JDialog(o);
            d.setName("tagDialog");
            d.setDefaultCloseOperation(JDialog.HIDE_ON_CLOSE);
            if (o != null) {
                o.addWindowListener(new java.awt.event.WindowAdapter() {
                    @Override
                    public void windowClosed(java.awt.event.WindowEvent e) {
                        DIALOGS.remove(o); // the dialog holds its owner: let both go
                        d.dispose();
                    }
                });
            }
            return d;
        });
        dialog.setTitle("Tag " + files(panel.contentIds.size()));
        dialog.setContentPane(panel);
        dialog.pack();
        dialog.setLocationRelativeTo(owner);
        dialog.setVisible(true);
        return dialog;
    }

    private void addTag() {
        String tag = field.getText().strip();
        if (tag.isEmpty() || busy) {
            return;
        }
        run("add", tag, () -> {
            int n = tags.add(contentIds, tag);
            return n == 0 ? "All " + files(contentIds.size()) + " had \u201c" + tag + "\u201d already"
                    : "Tagged " + files(n) + " \u201c" + tag + "\u201d";
        });
    }

    private void removeTag() {
        String tag = field.getText().strip();
        if (tag.isEmpty() || busy) {
            return;
        }
        run("remove", tag, () -> {
            int n = tags.remove(contentIds, tag);
            return n == 0 ? "None of the " + files(contentIds.size()) + " had your tag \u201c" + tag + "\u201d"
                    : "Took \u201c" + tag + "\u201d from " + files(n);
        });
    }

    private void run(String verb, String tag, java.util.function.Supplier<String> edit) {
        busy = true;
        completion.close();
        updateControls();
        try {
            executor.execute(() -> {
                String outcome;
                boolean ok;
                try {
                    outcome = edit.get();
                    ok = true;
                } catch (RuntimeException e) {
                    outcome = "Could not " + verb + " \u201c" + tag + "\u201d: "
                            + (e.getMessage() == null ? e.toString() : e.getMessage());
                    ok = false;
                }
                String o = outcome;
                boolean done = ok;
                SwingUtilities.invokeLater(() -> finished(o, done));
            });
        } catch (RejectedExecutionException e) {
            finished("Busy; try again in a moment", false);
        }
    }

    private void finished(String outcome, boolean ok) {
        busy = false;
        message.setText(outcome);
        message.putClientProperty(FlatClientProperties.STYLE, ok ? null : "foreground: $Component.error.focusedBorderColor");
        updateControls();
        if (ok) {
            changed.run();
        }
    }

    private void updateControls() {
        add.setEnabled(!busy);
        remove.setEnabled(!busy);
        field.setEnabled(!busy);
    }

    static String files(int n) {
        return n == 1 ? "1 file" : String.format(java.util.Locale.ROOT, "%,d files", n);
    }

    /** [EDT] The tag field. */
    public JTextField field() {
        return field;
    }

    /** [EDT] The field's autocomplete. */
    public TagCompletion completion() {
        return completion;
    }

    /** [EDT] "Add to N files". */
    public JButton addButton() {
        return add;
    }

    /** [EDT] "Remove from N files". */
    public JButton removeButton() {
        return remove;
    }

    /** [EDT] The outcome of the last edit, or blank. */
    public String messageText() {
        return message.getText().strip();
    }

    /** [EDT] True while an edit runs. */
    public boolean isBusy() {
        return busy;
    }
}
