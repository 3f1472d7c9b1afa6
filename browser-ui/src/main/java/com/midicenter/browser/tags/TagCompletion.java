package com.midicenter.browser.tags;

import com.midicenter.browser.edt.TextChanged;
import com.midicenter.persistence.curation.TagCount;

import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import javax.swing.AbstractAction;
import javax.swing.DefaultListModel;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.JPopupMenu;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * Tag autocomplete under a text field: {@value #DELAY_MS} ms after the user stops typing, the tags starting with the
 * field's text are asked for on the executor (never the EDT) and listed in a popup under the field, most used first,
 * with their file counts. Down/Up choose, Enter or a click takes one (the field then holds it; a second Enter acts),
 * Esc closes the list. An answer for text that has changed since is dropped (a sequence number); a failure only
 * leaves the list closed (completion is a help, not the edit).
 *
 * <p>The keys are bound only while the list is open, so the field's own Enter and the window's Esc work as before.
 *
 * <p>[EDT] Build and use on the EDT.
 */
public final class TagCompletion {

    /** Pause after the last key before tags are looked up, in ms. */
    public static final int DELAY_MS = 150;
    /** Most suggestions listed. */
    public static final int LIMIT = 8;

    private static final String ENTER = "tagCompletion.accept";
    private static final String UP = "tagCompletion.up";
    private static final String DOWN = "tagCompletion.down";
    private static final String ESC = "tagCompletion.close";

    private final JTextField field;
    private final BiFunction<String, Integer, List<TagCount>> complete;
    private final Executor executor;
    private final DefaultListModel<TagCount> suggestions = new DefaultListModel<>();
    private final JList<TagCount> list = new JList<>(suggestions);
    private final JPopupMenu popup = new JPopupMenu();
    private final Timer timer = new Timer(DELAY_MS, e -> lookUp());
    /** The last look-up started; older answers are dropped. */
    private long seq;
    /** The field is being set by {@link #accept}: no look-up for that. */
    private boolean adjusting;

    private TagCompletion(JTextField field, BiFunction<String, Integer, List<TagCount>> complete, Executor executor) {
        this.field = field;
        this.complete = complete;
        this.executor = executor;
        timer.setRepeats(false);
        list.setName(field.getName() == null ? "tagSuggestions" : field.getName() + ".suggestions");
        list.setFocusable(false);
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(JList<?> l, Object value, int index,
                                                                   boolean selected, boolean focus) {
                TagCount t = (TagCount) value;
                return super.getListCellRendererComponent(l, label(t), index, selected, focus);
            }
        });
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int i = list.locationToIndex(e.getPoint());
                if (i >= 0) {
                    accept(i);
                }
            }
        });
        popup.setFocusable(false);
        popup.add(list);
        popup.addPopupMenuListener(new javax.swing.event.PopupMenuListener() {
            @Override
            public void popupMenuWillBecomeVisible(javax.swing.event.PopupMenuEvent e) {
            }

            @Override
            public void popupMenuWillBecomeInvisible(javax.swing.event.PopupMenuEvent e) {
                bindKeys(false); // closed by a click elsewhere or the menu's own Esc: the field's keys are its own
            }

            @Override
            public void popupMenuCanceled(javax.swing.event.PopupMenuEvent e) {
            }
        });
        field.getDocument().addDocumentListener(new TextChanged(this::typed));
        field.getActionMap().put(ENTER, action(() -> {
            if (list.getSelectedIndex() >= 0) {
                accept(list.getSelectedIndex());
            } else {
                close();
                field.postActionEvent();
            }
        }));
        field.getActionMap().put(UP, action(() -> move(-1)));
        field.getActionMap().put(DOWN, action(() -> move(1)));
        field.getActionMap().put(ESC, action(this::close));
    }

    /**
     * [EDT] Adds autocomplete to {@code field}.
     *
     * @param complete [executor] the tags starting with a prefix, at most the limit given ({@code TagsSource::complete})
     */
    public static TagCompletion install(JTextField field, BiFunction<String, Integer, List<TagCount>> complete,
                                        Executor executor) {
        return new TagCompletion(Objects.requireNonNull(field, "field"), Objects.requireNonNull(complete, "complete"),
                Objects.requireNonNull(executor, "executor"));
    }

    /** {@code house (1,204)}, and {@code (yours)} for a user tag. */
    static String label(TagCount t) {
        return t.name() + String.format(java.util.Locale.ROOT, " (%,d)", t.files())
                + ("user".equals(t.category()) ? " \u00b7 yours" : "");
    }

    private void typed() {
        if (adjusting) {
            return;
        }
        ++seq; // an answer on its way is for other text now
        if (field.getText().isBlank()) {
            timer.stop();
            close();
        } else {
            timer.restart();
        }
    }

    /** [EDT] Looks the field's text up now (the timer's job; tests call it to skip the pause). */
    public void lookUp() {
        timer.stop();
        String prefix = field.getText().strip();
        if (prefix.isEmpty()) {
            close();
            return;
        }
        long mySeq = ++seq;
        try {
            executor.execute(() -> {
                List<TagCount> found;
                try {
                    found = List.copyOf(complete.apply(prefix, LIMIT));
                } catch (RuntimeException e) {
                    found = List.of();
                }
                List<TagCount> f = found;
                SwingUtilities.invokeLater(() -> answered(mySeq, prefix, f));
            });
        } catch (RejectedExecutionException e) {
            close(); // busy: no suggestions this time
        }
    }

    private void answered(long mySeq, String prefix, List<TagCount> found) {
        if (mySeq != seq || !prefix.equals(field.getText().strip())) {
            return; // typed on meanwhile
        }
        suggestions.clear();
        for (TagCount t : found) {
            if (!t.name().equals(prefix)) { // the word typed in full is no suggestion
                suggestions.addElement(t);
            }
        }
        if (suggestions.isEmpty()) {
            close();
            return;
        }
        list.clearSelection();
        list.setVisibleRowCount(Math.min(LIMIT, suggestions.size()));
        bindKeys(true);
        if (field.isShowing()) { // not in a window (unit tests): listed, keys bound, no popup
            popup.pack();
            popup.show(field, 0, field.getHeight());
        }
    }

    private void move(int by) {
        int n = suggestions.size();
        if (n == 0) {
            return;
        }
        int i = list.getSelectedIndex();
        int next = i < 0 ? (by > 0 ? 0 : n - 1) : Math.floorMod(i + by, n);
        list.setSelectedIndex(next);
        list.ensureIndexIsVisible(next);
    }

    /** [EDT] Puts suggestion {@code index} in the field and closes the list. */
    public void accept(int index) {
        String name = suggestions.get(index).name();
        adjusting = true;
        try {
            field.setText(name);
        } finally {
            adjusting = false;
        }
        ++seq;
        close();
    }

    /** [EDT] Closes the list; a look-up waiting or on its way is dropped. */
    public void close() {
        timer.stop();
        ++seq;
        suggestions.clear();
        bindKeys(false);
        popup.setVisible(false);
    }

    private void bindKeys(boolean on) {
        InputMap keys = field.getInputMap(JComponent.WHEN_FOCUSED);
        bind(keys, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), ENTER, on);
        bind(keys, KeyStroke.getKeyStroke(KeyEvent.VK_UP, 0), UP, on);
        bind(keys, KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, 0), DOWN, on);
        bind(keys, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), ESC, on);
    }

    private static void bind(InputMap keys, KeyStroke key, String name, boolean on) {
        if (on) {
            keys.put(key, name);
        } else if (name.equals(keys.get(key))) {
            keys.remove(key);
        }
    }

    /** [EDT] The suggestions listed (empty when the list is closed). */
    public List<String> suggestions() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < suggestions.size(); i++) {
            out.add(suggestions.get(i).name());
        }
        return out;
    }

    /** [EDT] Whether the list is open. */
    public boolean isOpen() {
        return popup.isVisible();
    }

    private static AbstractAction action(Runnable r) {
        return new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                r.run();
            }
        };
    }
}
