package com.midicenter.browser.tasks;

import com.midicenter.browser.BrowserTheme;
import com.midicenter.library.jobs.AddFolder;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Cursor;
import java.awt.FlowLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * The browser's status bar: on the left the search's status ({@code 1,234 files}), then the library's size and the
 * background analysis ({@code 2,000 in library · analysing 120}), and while "Add folder…" runs, its step, a progress
 * bar and Cancel; when it ends, what it did and a link to the files that failed and why.
 *
 * <p>The job runs on its own thread (it takes minutes for a big folder); progress reaches the EDT at most once per
 * repaint (a pending-update flag), never one event per file. The library status is read every
 * {@value #STATUS_EVERY_MS} ms on the given executor while the strip is showing, one read at a time.
 *
 * <p>[EDT] Build and use on the EDT only.
 */
public final class TaskStrip extends JPanel {

    /** How often the library's size and analysis progress are read, in ms. */
    public static final int STATUS_EVERY_MS = 2_000;

    private final LibraryJobs jobs;
    private final Executor executor;
    private final JLabel searchStatus = new JLabel(" ");
    private final JLabel libraryStatus = new JLabel(" ");
    private final JLabel jobText = new JLabel(" ");
    private final JProgressBar jobBar = new JProgressBar();
    private final JButton cancel = new JButton("Cancel");
    private final JLabel failuresLink = new JLabel();
    private final Timer statusTimer;
    private final AtomicBoolean statusInFlight = new AtomicBoolean();
    private final AtomicReference<int[]> lastProgress = new AtomicReference<>();
    private final AtomicBoolean progressQueued = new AtomicBoolean();
    private volatile AddFolder.Phase phase = AddFolder.Phase.IMPORT;
    private AtomicBoolean running;
    private List<AddFolder.Failure> failures = List.of();
    private Consumer<AddFolder.Outcome> onJobEnded = o -> { };
    private AddFolder.LibraryStatus lastStatus;

    public TaskStrip(LibraryJobs jobs, Executor executor) {
        super(new BorderLayout(12, 0));
        this.jobs = jobs;
        this.executor = executor;
        setName("statusBar");
        searchStatus.setName("status");
        libraryStatus.setName("libraryStatus");
        jobText.setName("jobText");
        jobBar.setName("jobProgress");
        cancel.setName("cancelJob");
        failuresLink.setName("failuresLink");
        jobBar.setStringPainted(false);
        jobBar.setPreferredSize(new java.awt.Dimension(160, jobBar.getPreferredSize().height));
        cancel.putClientProperty("JButton.buttonType", "borderless");
        cancel.addActionListener(e -> cancelJob());
        failuresLink.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        failuresLink.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                showFailures();
            }
        });

        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        right.setOpaque(false);
        right.add(jobText);
        right.add(jobBar);
        right.add(cancel);
        right.add(failuresLink);
        right.add(libraryStatus);
        add(searchStatus, BorderLayout.CENTER);
        add(right, BorderLayout.EAST);
        showJob(false);
        failuresLink.setVisible(false);
        applyTheme();

        statusTimer = new Timer(STATUS_EVERY_MS, e -> refreshStatus());
        statusTimer.setInitialDelay(0);
    }

    @Override
    public void addNotify() {
        super.addNotify();
        if (jobs != null) {
            statusTimer.start();
        }
    }

    @Override
    public void removeNotify() {
        statusTimer.stop();
        super.removeNotify();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (searchStatus != null) {
            applyTheme();
        }
    }

    private void applyTheme() {
        java.awt.Color fg = BrowserTheme.color(BrowserTheme.STATUS_FOREGROUND, "Label.disabledForeground");
        searchStatus.setForeground(fg);
        libraryStatus.setForeground(fg);
        jobText.setForeground(fg);
        failuresLink.setForeground(BrowserTheme.color("Component.linkColor", "Hyperlink.linkColor"));
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 0, 0, 0,
                        BrowserTheme.color(BrowserTheme.SEPARATOR_COLOR, "Separator.foreground")),
                BorderFactory.createEmptyBorder(3, 8, 3, 8)));
    }

    /** [EDT] The search's part of the bar ({@code 1,234 files}, or an error). */
    public void setSearchStatus(String text, String tooltip) {
        searchStatus.setText(text);
        searchStatus.setToolTipText(tooltip);
    }

    /**
     * [EDT] A one-line message for the user (a file that cannot be dragged, no sound output...), shown in the job's
     * place until the next message or job; a message already shown is not shown again.
     */
    public void showMessage(String text) {
        if (running != null || text == null || text.equals(jobText.getText()) && jobText.isVisible()) {
            return;
        }
        jobText.setText(text);
        jobText.setToolTipText(text);
        jobText.setVisible(true);
        revalidate();
    }

    public String searchStatus() {
        return searchStatus.getText();
    }

    /** [EDT] Runs after each "Add folder…" job on the EDT (the panel searches again to show the new files). */
    public void onJobEnded(Consumer<AddFolder.Outcome> action) {
        this.onJobEnded = action;
    }

    /** [EDT] True while a job runs. */
    public boolean isJobRunning() {
        return running != null;
    }

    /** [EDT] Reads the library's status now (also every {@value #STATUS_EVERY_MS} ms while shown). */
    public void refreshStatus() {
        if (jobs == null || !statusInFlight.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    AddFolder.LibraryStatus s = jobs.status();
                    SwingUtilities.invokeLater(() -> showStatus(s));
                } catch (RuntimeException e) {
                    SwingUtilities.invokeLater(() -> libraryStatus.setText("library not reachable"));
                } finally {
                    statusInFlight.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            statusInFlight.set(false);
        }
    }

    private void showStatus(AddFolder.LibraryStatus s) {
        lastStatus = s;
        libraryStatus.setText(libraryText(s));
    }

    /** {@code 2,000 in library}, {@code 2,000 in library · analysing 120} (pending and running, any process). */
    static String libraryText(AddFolder.LibraryStatus s) {
        String text = String.format(Locale.ROOT, "%,d in library", s.files());
        if (s.analysing() > 0) {
            text += String.format(Locale.ROOT, " · analysing %,d", s.analysing());
        }
        if (s.analysis().failed() > 0) {
            text += String.format(Locale.ROOT, " · %,d unreadable", s.analysis().failed());
        }
        return text;
    }

    /** [EDT] The last library status read, or {@code null}. */
    public AddFolder.LibraryStatus lastStatus() {
        return lastStatus;
    }

    /**
     * [EDT] Starts importing and analysing {@code folder} on a new thread; refused (false) while another job runs.
     */
    public boolean startAddFolder(Path folder) {
        if (running != null || jobs == null) {
            return false;
        }
        AtomicBoolean cancelFlag = new AtomicBoolean();
        running = cancelFlag;
        failures = List.of();
        failuresLink.setVisible(false);
        phase = AddFolder.Phase.IMPORT;
        jobText.setText("Adding " + folder.getFileName() + " …");
        jobBar.setIndeterminate(true);
        cancel.setEnabled(true);
        showJob(true);
        Thread t = new Thread(() -> {
            AddFolder.Outcome outcome = null;
            String error = null;
            try {
                outcome = jobs.addFolder(folder, cancelFlag, this::progressFromJob);
            } catch (RuntimeException e) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            AddFolder.Outcome o = outcome;
            String err = error;
            SwingUtilities.invokeLater(() -> ended(folder, o, err));
        }, "add-folder");
        t.setDaemon(true);
        t.start();
        return true;
    }

    /** [any thread] Coalesces the job's progress into at most one pending EDT update. */
    private void progressFromJob(AddFolder.Phase p, long done, long total) {
        phase = p;
        lastProgress.set(new int[] {(int) Math.min(done, Integer.MAX_VALUE), (int) Math.min(total, Integer.MAX_VALUE)});
        if (progressQueued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(() -> {
                progressQueued.set(false);
                int[] v = lastProgress.get();
                if (running != null && v != null) {
                    showProgress(phase, v[0], v[1]);
                }
            });
        }
    }

    private void showProgress(AddFolder.Phase p, int done, int total) {
        String step = p == AddFolder.Phase.IMPORT ? "Importing" : "Analysing";
        if (total < 0) {
            jobBar.setIndeterminate(true);
            jobText.setText(String.format(Locale.ROOT, "%s %,d …", step, done));
        } else {
            jobBar.setIndeterminate(false);
            jobBar.setMaximum(Math.max(1, total));
            jobBar.setValue(Math.min(done, total));
            jobText.setText(String.format(Locale.ROOT, "%s %,d of %,d", step, done, total));
        }
    }

    private void ended(Path folder, AddFolder.Outcome outcome, String error) {
        running = null;
        showJob(false);
        jobText.setVisible(true);
        if (outcome == null) {
            jobText.setText("Could not add " + folder.getFileName() + ": " + error);
            jobText.setToolTipText(error);
        } else {
            failures = outcome.failures();
            long added = outcome.imported().imported() + outcome.imported().duplicates();
            String text = String.format(Locale.ROOT, "%s %s: %,d new files", outcome.cancelled() ? "Stopped adding"
                    : "Added", folder.getFileName(), outcome.imported().imported());
            if (outcome.imported().duplicates() > 0) {
                text += String.format(Locale.ROOT, ", %,d copies", outcome.imported().duplicates());
            }
            if (added == 0 && outcome.imported().unchanged() > 0) {
                text = String.format(Locale.ROOT, "%s: %,d files already in the library", folder.getFileName(),
                        outcome.imported().unchanged());
            }
            if (outcome.cancelled()) {
                text += " (add it again to continue)";
            }
            jobText.setText(text);
            jobText.setToolTipText(null);
            long failed = outcome.imported().errors() + outcome.analysisFailed();
            if (failed > 0 || !failures.isEmpty()) {
                failuresLink.setText(String.format(Locale.ROOT, "<html><u>%,d could not be read</u></html>",
                        Math.max(failed, failures.size())));
                failuresLink.setVisible(true);
            }
        }
        refreshStatus();
        if (outcome != null) {
            onJobEnded.accept(outcome);
        }
    }

    /** [EDT] Asks the running job to stop after its current batch (what was stored stays). */
    public void cancelJob() {
        if (running != null) {
            running.set(true);
            cancel.setEnabled(false);
            jobText.setText("Stopping …");
        }
    }

    private void showJob(boolean on) {
        jobText.setVisible(on);
        jobBar.setVisible(on);
        cancel.setVisible(on);
        revalidate();
    }

    /** [EDT] The failures of the last job (path and reason). */
    public List<AddFolder.Failure> failures() {
        return failures;
    }

    /** [EDT] The job's line ({@code Importing 120 of 2,000}, {@code Added Loops: 1,990 new files}). */
    public String jobText() {
        return jobText.getText();
    }

    /** [EDT] Opens the list of the last job's failures. */
    public void showFailures() {
        if (!failures.isEmpty()) {
            FailuresDialog.show(this, failures);
        }
    }

    /** For tests: the component showing the library's status. */
    Component libraryStatusLabel() {
        return libraryStatus;
    }
}
