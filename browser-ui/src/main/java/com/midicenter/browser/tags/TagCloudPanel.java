package com.midicenter.browser.tags;

import com.formdev.flatlaf.FlatClientProperties;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.persistence.curation.TagCount;

import java.awt.FlowLayout;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

/**
 * The tag cloud of a search: the {@value #LIMIT} tags most carried among its matches (the library looks at the first
 * 2,000), each a flat button whose font grows with its count (log scale, {@value #MIN_SCALE}× to {@value #MAX_SCALE}×
 * the base size), your tags in bold; a click hands the tag to {@link #onChoose} (the browser adds the tag filter).
 *
 * <p>{@link #load} reads the cloud on the executor; only the answer of the newest load is shown (stale answers are
 * dropped).
 *
 * <p>[EDT] Build and use on the EDT.
 */
public final class TagCloudPanel extends JPanel {

    /** Tags shown. */
    public static final int LIMIT = 40;
    static final float MIN_SCALE = 0.85f;
    static final float MAX_SCALE = 1.9f;
    /** Width the rows are filled to, in px. */
    private static final int ROW_WIDTH_PX = 380;

    private final TagsSource tags;
    private final Executor executor;
    private final JLabel status = new JLabel(" ");
    private final List<JButton> buttons = new ArrayList<>();
    private Consumer<TagCount> onChoose = t -> { };
    private long seq;
    private boolean settled = true;
    private List<TagCount> shown = List.of();

    public TagCloudPanel(TagsSource tags, Executor executor) {
        this.tags = Objects.requireNonNull(tags, "tags");
        this.executor = Objects.requireNonNull(executor, "executor");
        setName("tagCloud");
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        setBorder(BorderFactory.createEmptyBorder(6, 8, 8, 8));
        status.setName("tagCloud.status");
        add(status);
    }

    /** [EDT] What a click on a tag does. */
    public void onChoose(Consumer<TagCount> action) {
        this.onChoose = Objects.requireNonNull(action, "action");
    }

    /** [EDT] Reads the cloud of {@code request} on the executor; says "Counting tags…" meanwhile. */
    public void load(SearchRequest request) {
        long mySeq = ++seq;
        settled = false;
        showStatus("Counting tags\u2026");
        try {
            executor.execute(() -> {
                try {
                    List<TagCount> cloud = List.copyOf(tags.cloud(request, LIMIT));
                    SwingUtilities.invokeLater(() -> answered(mySeq, cloud, null));
                } catch (RuntimeException e) {
                    String why = e.getMessage() == null ? e.toString() : e.getMessage();
                    SwingUtilities.invokeLater(() -> answered(mySeq, List.of(), "Could not count the tags: " + why));
                }
            });
        } catch (RejectedExecutionException e) {
            answered(mySeq, List.of(), "Busy; try again in a moment");
        }
    }

    private void answered(long mySeq, List<TagCount> cloud, String problem) {
        if (mySeq != seq) {
            return; // a newer search's cloud is on its way
        }
        settled = true;
        shown = cloud;
        removeAll();
        buttons.clear();
        if (problem != null || cloud.isEmpty()) {
            add(status);
            status.setText(problem != null ? problem : "No tags in these results");
        } else {
            fill(cloud);
        }
        revalidate();
        repaint();
        java.awt.Window w = SwingUtilities.getWindowAncestor(this);
        if (w instanceof javax.swing.JDialog) {
            w.pack();
        }
        if (getParent() instanceof javax.swing.JPopupMenu popup && popup.isVisible()) {
            popup.pack();
        }
    }

    private void fill(List<TagCount> cloud) {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (TagCount t : cloud) {
            min = Math.min(min, t.files());
            max = Math.max(max, t.files());
        }
        List<TagCount> byName = new ArrayList<>(cloud);
        byName.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        JPanel row = newRow();
        int width = 0;
        for (TagCount t : byName) {
            JButton b = new JButton(t.name());
            b.setName("cloud.tag:" + t.name());
            b.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
            b.setMargin(new java.awt.Insets(0, 3, 0, 3));
            Font base = b.getFont();
            if (base != null) {
                b.setFont(base.deriveFont("user".equals(t.category()) ? Font.BOLD : Font.PLAIN,
                        base.getSize2D() * scale(t.files(), min, max)));
            }
            b.setToolTipText(String.format(Locale.ROOT, "%s (%s): %,d of these files — click to filter", t.name(),
                    t.category(), t.files()));
            b.addActionListener(e -> onChoose.accept(t));
            int w = b.getPreferredSize().width + 4;
            if (width > 0 && width + w > ROW_WIDTH_PX) {
                add(row);
                row = newRow();
                width = 0;
            }
            row.add(b);
            width += w;
            buttons.add(b);
        }
        add(row);
    }

    private static JPanel newRow() {
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEADING, 2, 0));
        row.setOpaque(false);
        row.setAlignmentX(JComponent.LEFT_ALIGNMENT);
        return row;
    }

    /** The font scale of a tag carried by {@code files} of the matches, the cloud's counts spanning min..max. */
    static float scale(long files, long min, long max) {
        if (max <= min) {
            return 1f;
        }
        double f = (Math.log(files) - Math.log(min)) / (Math.log(max) - Math.log(min));
        return (float) (MIN_SCALE + (MAX_SCALE - MIN_SCALE) * Math.max(0, Math.min(1, f)));
    }

    private void showStatus(String text) {
        if (buttons.isEmpty()) {
            status.setText(text);
        } else {
            status.setText(text);
            add(status, 0);
            revalidate();
        }
    }

    /** [EDT] The tags shown, in the cloud's order (most carried first). */
    public List<TagCount> tags() {
        return shown;
    }

    /** [EDT] The tag buttons, alphabetical. */
    public List<JButton> buttons() {
        return List.copyOf(buttons);
    }

    /** [EDT] True when the last load has been answered. */
    public boolean isSettled() {
        return settled;
    }

    /** [EDT] The status line ("Counting tags…", "No tags in these results", a failure), or blank. */
    public String statusText() {
        return status.getParent() == this ? status.getText().strip() : "";
    }
}
