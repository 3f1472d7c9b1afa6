package com.midicenter.browser.tools;

import com.midicenter.browser.Searcher;
import com.midicenter.browser.edt.TextChanged;
import com.midicenter.library.export.ExportResult;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;
import com.midicenter.persistence.export.ExportSource;
import com.midicenter.persistence.search.SearchHit;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JRadioButton;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.event.DocumentListener;

/**
 * "Export…" (the selected files) and "Export results…" (every file of the current search): a folder or a zip, a naming
 * template with a live example of the first names it will write (taken names shown with their {@code " (2)"}), then
 * the export on a background thread with a progress bar and Cancel, and a summary: where it went, which files got a
 * new name because theirs was taken, which could not be read and why.
 *
 * <p>A search is collected again when the export starts (every page, in the order shown), so the export is the search
 * as it is then. [EDT] Build and use on the EDT only.
 */
public final class ExportDialog {

    /** Rows fetched per page while collecting a search's files. */
    static final int PAGE = 500;
    /** Pause after the last key before the example is worked out again, ms. */
    static final int EXAMPLE_AFTER_MS = 150;

    private final CurationActions actions;
    /** The files to export (the selection), or {@code null} for the search. */
    private final List<SearchHit> selection;
    private final SearchRequest search;
    private final Searcher searcher;
    private final List<ExportSource> firstSources;
    private final long total;
    private final JDialog dialog;
    private final JRadioButton toFolder = new JRadioButton("Folder");
    private final JRadioButton toZip = new JRadioButton("Zip file");
    private final JTextField target = new JTextField(36);
    private final JTextField template = new JTextField("{name}", 36);
    private final DefaultListModel<String> example = new DefaultListModel<>();
    private final JLabel exampleProblem = new JLabel(" ");
    private final JLabel status = new JLabel(" ");
    private final JProgressBar progress = new JProgressBar();
    private final DefaultListModel<String> report = new DefaultListModel<>();
    private final JButton run = new JButton("Export");
    private final JButton cancel = new JButton("Cancel");
    private final JButton showFolder = new JButton("Show in folder");
    private final JButton close = new JButton("Close");
    private final Timer exampleTimer = new Timer(EXAMPLE_AFTER_MS, e -> refreshExample());
    private final AtomicReference<int[]> lastProgress = new AtomicReference<>();
    private final AtomicBoolean progressQueued = new AtomicBoolean();
    private long exampleSeq;
    private List<ExportPreview.Example> examples = List.of();
    private AtomicBoolean running;
    private ExportResult result;
    private List<String> renamed = List.of();
    private String failure;

    ExportDialog(Component owner, CurationActions actions, List<SearchHit> selection, SearchRequest search,
                 Searcher searcher, List<SearchHit> firstRows, long total) {
        this.actions = actions;
        this.selection = selection == null ? null : List.copyOf(selection);
        this.search = search;
        this.searcher = searcher;
        this.total = total;
        List<ExportSource> first = new ArrayList<>();
        for (SearchHit h : firstRows.subList(0, Math.min(ExportPreview.EXAMPLES, firstRows.size()))) {
            first.add(ExportPreview.source(h));
        }
        this.firstSources = List.copyOf(first);
        String what = selection != null ? String.format(Locale.ROOT, "Export %,d %s", total, total == 1 ? "file"
                : "files") : String.format(Locale.ROOT, "Export the search results (%,d files)", total);
        this.dialog = new JDialog(SwingUtilities.getWindowAncestor(owner), what);
        dialog.setName("exportDialog");
        toFolder.setName("export.folder");
        toZip.setName("export.zip");
        target.setName("export.target");
        template.setName("export.template");
        exampleProblem.setName("export.templateProblem");
        status.setName("export.status");
        progress.setName("export.progress");
        run.setName("export.run");
        cancel.setName("export.cancel");
        showFolder.setName("export.showFolder");
        close.setName("export.close");
        exampleTimer.setRepeats(false);

        ButtonGroup kind = new ButtonGroup();
        kind.add(toFolder);
        kind.add(toZip);
        toFolder.setSelected(true);
        target.setText(actions.lastExportTarget() != null ? actions.lastExportTarget()
                : Path.of(System.getProperty("user.home"), "MIDI export").toString());
        if (actions.lastExportTemplate() != null) {
            template.setText(actions.lastExportTemplate());
        }
        if (target.getText().strip().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            toZip.setSelected(true);
        }
        toFolder.addActionListener(e -> kindChosen(false));
        toZip.addActionListener(e -> kindChosen(true));
        JButton choose = new JButton("Choose…");
        choose.setName("export.choose");
        choose.addActionListener(e -> chooseTarget());
        DocumentListener changed = new TextChanged(this::edited);
        target.getDocument().addDocumentListener(changed);
        template.getDocument().addDocumentListener(changed);
        template.setToolTipText("{name} {bpm} {key} {vendor} {pack} {bars} {n}; a missing value is left out"
                + " with the separator before it");
        run.addActionListener(e -> start());
        cancel.addActionListener(e -> cancel());
        cancel.setEnabled(false);
        showFolder.setEnabled(false);
        showFolder.addActionListener(e -> {
            if (result != null) {
                Path t = result.target();
                Desktops.showFolder(ExportPreview.isZip(t) && t.getParent() != null ? t.getParent() : t, this::say);
            }
        });
        close.addActionListener(e -> {
            cancel();
            dialog.dispose();
        });
        progress.setVisible(false);

        JPanel form = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(2, 2, 2, 6);
        c.anchor = GridBagConstraints.WEST;
        c.gridy = 0;
        form.add(new JLabel("To:"), c);
        JPanel kinds = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        kinds.add(toFolder);
        kinds.add(toZip);
        c.gridwidth = 2;
        form.add(kinds, c);
        c.gridwidth = 1;
        c.gridy = 1;
        form.add(new JLabel("Path:"), c);
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        form.add(target, c);
        c.fill = GridBagConstraints.NONE;
        c.weightx = 0;
        form.add(choose, c);
        c.gridy = 2;
        form.add(new JLabel("Names:"), c);
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.gridwidth = 2;
        form.add(template, c);
        c.gridy = 3;
        c.gridx = 1;
        form.add(new JLabel("<html>{name} {bpm} {key} {vendor} {pack} {bars} {n} &nbsp;·&nbsp; nothing is"
                + " overwritten: a taken name gets \" (2)\"</html>"), c);
        c.gridy = 4;
        form.add(exampleProblem, c);

        JList<String> exampleList = new JList<>(example);
        exampleList.setName("export.example");
        exampleList.setVisibleRowCount(ExportPreview.EXAMPLES);
        JPanel exampleBox = new JPanel(new BorderLayout(0, 2));
        exampleBox.add(new JLabel("The first names:"), BorderLayout.NORTH);
        exampleBox.add(new JScrollPane(exampleList), BorderLayout.CENTER);

        JList<String> reportList = new JList<>(report);
        reportList.setName("export.report");
        reportList.setVisibleRowCount(6);
        JPanel bottom = new JPanel(new BorderLayout(0, 6));
        JPanel job = new JPanel(new BorderLayout(8, 0));
        job.add(status, BorderLayout.CENTER);
        job.add(progress, BorderLayout.EAST);
        bottom.add(job, BorderLayout.NORTH);
        bottom.add(new JScrollPane(reportList), BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        buttons.add(showFolder);
        buttons.add(run);
        buttons.add(cancel);
        buttons.add(close);
        bottom.add(buttons, BorderLayout.SOUTH);

        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
        content.add(form, BorderLayout.NORTH);
        content.add(exampleBox, BorderLayout.CENTER);
        content.add(bottom, BorderLayout.SOUTH);
        dialog.setContentPane(content);
        dialog.getRootPane().setDefaultButton(run);
        dialog.setSize(new Dimension(760, 520));
        dialog.setLocationRelativeTo(owner);
    }

    /** [EDT] Shows the dialog and works out the first example. */
    JDialog open() {
        dialog.setVisible(true);
        refreshExample();
        return dialog;
    }

    private void kindChosen(boolean zip) {
        String t = target.getText().strip();
        boolean isZip = t.toLowerCase(Locale.ROOT).endsWith(".zip");
        if (zip && !isZip) {
            target.setText(t.replaceAll("[/\\\\]+$", "") + ".zip");
        } else if (!zip && isZip) {
            target.setText(t.substring(0, t.length() - ".zip".length()));
        }
    }

    private void chooseTarget() {
        JFileChooser chooser = new JFileChooser(target.getText());
        boolean zip = toZip.isSelected();
        chooser.setDialogTitle(zip ? "Zip file to write" : "Folder to export to");
        chooser.setFileSelectionMode(zip ? JFileChooser.FILES_ONLY : JFileChooser.DIRECTORIES_ONLY);
        int answer = zip ? chooser.showSaveDialog(dialog) : chooser.showOpenDialog(dialog);
        if (answer == JFileChooser.APPROVE_OPTION && chooser.getSelectedFile() != null) {
            String p = chooser.getSelectedFile().getPath();
            target.setText(zip && !p.toLowerCase(Locale.ROOT).endsWith(".zip") ? p + ".zip" : p);
        }
    }

    private void edited() {
        boolean zip = target.getText().strip().toLowerCase(Locale.ROOT).endsWith(".zip");
        if (zip != toZip.isSelected()) {
            (zip ? toZip : toFolder).setSelected(true);
        }
        exampleTimer.restart();
    }

    /** Reads what is in the target (off the EDT), then shows the first names. */
    private void refreshExample() {
        long seq = ++exampleSeq;
        String text = template.getText();
        Path to = targetPath();
        if (to == null) {
            showExample(seq, text, false, Set.of(), null);
            return;
        }
        boolean zip = ExportPreview.isZip(to);
        CurationActions.start("export-example", () -> {
            Set<String> taken = new HashSet<>();
            Path zipTarget = null;
            if (zip) {
                zipTarget = ExportPreview.zipTarget(to, Files::exists);
            } else if (Files.isDirectory(to)) {
                try (Stream<Path> list = Files.list(to)) {
                    list.forEach(p -> taken.add(p.getFileName().toString()));
                } catch (IOException | RuntimeException e) {
                    // unreadable now: the export will say why
                }
            }
            Path z = zipTarget;
            SwingUtilities.invokeLater(() -> showExample(seq, text, zip, taken, z));
        });
    }

    private void showExample(long seq, String text, boolean zip, Set<String> taken, Path zipTarget) {
        if (seq != exampleSeq) {
            return;
        }
        example.clear();
        try {
            examples = ExportPreview.names(text, firstSources, (int) Math.min(Integer.MAX_VALUE, total), zip, taken);
            for (ExportPreview.Example e : examples) {
                example.addElement(e.renamed() ? e.name() + "   (the name is taken: nothing is overwritten)"
                        : e.name());
            }
            if (total > examples.size()) {
                example.addElement(String.format(Locale.ROOT, "… and %,d more", total - examples.size()));
            }
            String where = zipTarget != null && !zipTarget.equals(targetPath())
                    ? "That zip exists: this export will write " + zipTarget.getFileName() + " beside it." : " ";
            exampleProblem.setText(where);
            run.setEnabled(running == null && result == null && targetPath() != null);
        } catch (IllegalArgumentException e) {
            examples = List.of();
            exampleProblem.setText(e.getMessage());
            run.setEnabled(false);
        }
    }

    private Path targetPath() {
        String t = target.getText().strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Path.of(t).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Starts the export on its own thread. */
    private void start() {
        Path to = targetPath();
        if (running != null || result != null || to == null) {
            return;
        }
        String names = template.getText();
        try {
            ExportPreview.names(names, List.of(), 0, false, Set.of()); // checks the template
        } catch (IllegalArgumentException e) {
            exampleProblem.setText(e.getMessage());
            return;
        }
        actions.exportStarted(target.getText().strip(), names);
        AtomicBoolean flag = new AtomicBoolean();
        running = flag;
        run.setEnabled(false);
        target.setEnabled(false);
        template.setEnabled(false);
        toFolder.setEnabled(false);
        toZip.setEnabled(false);
        cancel.setEnabled(true);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        say(selection != null ? "Exporting …" : "Collecting the search's files …");
        CurationActions.start("export", () -> {
            ExportResult r = null;
            List<String> again = List.of();
            String problem = null;
            try {
                List<ExportSource> sources = selection != null ? sourcesOf(selection) : collect(flag);
                if (!flag.get()) {
                    List<Long> ids = sources.stream().map(ExportSource::contentId).toList();
                    r = actions.tools().export(ids, to, names, this::progressFromJob, flag);
                    again = ExportPreview.renamed(r, sources, names);
                }
            } catch (RuntimeException e) {
                problem = Desktops.why(e);
            }
            ExportResult out = r;
            List<String> renamedNames = again;
            String why = problem;
            SwingUtilities.invokeLater(() -> ended(to, out, renamedNames, why));
        });
    }

    private static List<ExportSource> sourcesOf(List<SearchHit> hits) {
        Map<Long, ExportSource> byId = new LinkedHashMap<>();
        for (SearchHit h : hits) {
            byId.putIfAbsent(h.contentId(), ExportPreview.source(h));
        }
        return new ArrayList<>(byId.values());
    }

    /** [export thread] Every file of the search, in its order. */
    private List<ExportSource> collect(AtomicBoolean cancelled) {
        Map<Long, ExportSource> byId = new LinkedHashMap<>();
        String cursor = null;
        do {
            if (cancelled.get()) {
                break;
            }
            SearchResult page = searcher.search(search.page(PAGE, cursor, false));
            for (SearchHit h : page.hits()) {
                byId.putIfAbsent(h.contentId(), ExportPreview.source(h));
            }
            cursor = page.next();
            int found = byId.size();
            SwingUtilities.invokeLater(() -> {
                if (running != null) {
                    say(String.format(Locale.ROOT, "Collecting the search's files: %,d …", found));
                }
            });
        } while (cursor != null);
        return new ArrayList<>(byId.values());
    }

    /** [export thread] Coalesces progress into at most one pending EDT update. */
    private void progressFromJob(int done, int of) {
        lastProgress.set(new int[] {done, of});
        if (progressQueued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(() -> {
                progressQueued.set(false);
                int[] v = lastProgress.get();
                if (running != null && v != null) {
                    progress.setIndeterminate(false);
                    progress.setMaximum(Math.max(1, v[1]));
                    progress.setValue(v[0]);
                    if (!running.get()) {
                        say(String.format(Locale.ROOT, "Exporting %,d of %,d", v[0], v[1]));
                    }
                }
            });
        }
    }

    private void cancel() {
        if (running != null && !running.get()) {
            running.set(true);
            cancel.setEnabled(false);
            say("Stopping after the current file …");
        }
    }

    private void ended(Path to, ExportResult r, List<String> renamedNames, String problem) {
        boolean cancelled = running != null && running.get();
        running = null;
        cancel.setEnabled(false);
        progress.setVisible(false);
        if (r == null) {
            failure = problem != null ? problem : "stopped before anything was written";
            say((problem != null ? "Could not export to " + to + ": " : "Export stopped: ") + failure);
            run.setEnabled(true);
            target.setEnabled(true);
            template.setEnabled(true);
            toFolder.setEnabled(true);
            toZip.setEnabled(true);
            return;
        }
        result = r;
        renamed = List.copyOf(renamedNames);
        long bytes = r.files().stream().mapToLong(ExportResult.Exported::sizeBytes).sum();
        String text = String.format(Locale.ROOT, "%s%,d %s (%s) exported to %s", r.cancelled() || cancelled
                ? "Stopped: " : "", r.files().size(), r.files().size() == 1 ? "file" : "files", Desktops.size(bytes),
                r.target());
        if (!r.target().equals(to)) {
            text += " (" + to.getFileName() + " existed and was left alone)";
        }
        if (!renamed.isEmpty()) {
            text += String.format(Locale.ROOT, "; %,d got a new name (taken)", renamed.size());
        }
        if (!r.failures().isEmpty()) {
            text += String.format(Locale.ROOT, "; %,d could not be read", r.failures().size());
        }
        say(text);
        report.clear();
        for (ExportResult.Failure f : r.failures()) {
            report.addElement("Could not read " + f.source() + ": " + f.reason());
        }
        for (String n : renamed) {
            report.addElement("New name (taken): " + n);
        }
        if (report.isEmpty() && !r.files().isEmpty()) {
            report.addElement("Every file was read and written under its template name; nothing was overwritten.");
        }
        showFolder.setEnabled(true);
        actions.message(text);
    }

    private void say(String text) {
        status.setText(text);
        status.setToolTipText(text);
    }

    /** [EDT] The example names shown (the first files). */
    public List<ExportPreview.Example> examples() {
        return examples;
    }

    /** [EDT] What the export did, or {@code null} before it ended (or when it failed: {@link #failure()}). */
    public ExportResult result() {
        return result;
    }

    /** [EDT] Why the export could not run, or {@code null}. */
    public String failure() {
        return failure;
    }

    /** [EDT] The files that got a new name ({@code "wanted → written"}). */
    public List<String> renamed() {
        return renamed;
    }

    /** [EDT] True while the export runs. */
    public boolean isRunning() {
        return running != null;
    }

    /** [EDT] The dialog window. */
    public JDialog window() {
        return dialog;
    }
}
