package com.midicenter.browser.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.browser.edt.Edt;
import com.midicenter.library.importing.ImportResult;
import com.midicenter.library.jobs.AddFolder;
import com.midicenter.persistence.analysis.QueueCounts;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The status bar's "Add folder…" job and library status, with a fake library the test drives step by step. */
@Timeout(30)
class TaskStripTest {

    /** A job that reports what the test tells it, then ends with {@link #outcome}. */
    static final class FakeJobs implements LibraryJobs {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicReference<AtomicBoolean> cancel = new AtomicReference<>();
        final AtomicReference<AddFolder.Progress> progress = new AtomicReference<>();
        volatile AddFolder.Outcome outcome;
        volatile RuntimeException failure;
        volatile AddFolder.LibraryStatus status = new AddFolder.LibraryStatus(2_000, new QueueCounts(100, 20, 1_880, 0));

        @Override
        public AddFolder.Outcome addFolder(Path folder, AtomicBoolean cancelFlag, AddFolder.Progress p) {
            cancel.set(cancelFlag);
            progress.set(p);
            started.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
            return outcome;
        }

        @Override
        public AddFolder.LibraryStatus status() {
            return status;
        }
    }

    static ImportResult imported(long imported, long duplicates, long errors, boolean cancelled) {
        return new ImportResult(1, imported + duplicates + errors, imported, duplicates, 0, errors, 0, 1.0, cancelled);
    }

    final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    static void settle() throws Exception {
        SwingUtilities.invokeAndWait(() -> { });
    }

    @Test
    void addFolder_progressThenOutcome_showsStepsFailuresAndCallsBack() throws Exception {
        // given
        FakeJobs jobs = new FakeJobs();
        TaskStrip strip = Edt.call(() -> new TaskStrip(jobs, tasks::add));
        AtomicReference<AddFolder.Outcome> ended = new AtomicReference<>();
        Edt.call(() -> {
            strip.onJobEnded(ended::set);
            return null;
        });
        // when: started, the import reports, then the analysis
        assertThat(Edt.call(() -> strip.startAddFolder(Path.of("/music/Loops")))).isTrue();
        assertThat(jobs.started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Edt.call(() -> strip.startAddFolder(Path.of("/music/Other")))).as("one job at a time").isFalse();
        jobs.progress.get().update(AddFolder.Phase.IMPORT, 120, 2_000);
        settle();
        String importing = Edt.call(strip::jobText);
        jobs.progress.get().update(AddFolder.Phase.ANALYSIS, 7, 1_990);
        settle();
        String analysing = Edt.call(strip::jobText);
        jobs.outcome = new AddFolder.Outcome(imported(1_990, 5, 3, false), 1_990, 2, false,
                List.of(new AddFolder.Failure("/music/Loops/bad.mid", "not a MIDI file")));
        jobs.release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Edt.call(strip::isJobRunning) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        settle();
        // then
        assertThat(importing).isEqualTo("Importing 120 of 2,000");
        assertThat(analysing).isEqualTo("Analysing 7 of 1,990");
        assertThat(Edt.call(strip::isJobRunning)).isFalse();
        assertThat(Edt.call(strip::jobText)).isEqualTo("Added Loops: 1,990 new files, 5 copies");
        assertThat(Edt.call(strip::failures)).extracting(AddFolder.Failure::reason).containsExactly("not a MIDI file");
        assertThat(ended.get()).isSameAs(jobs.outcome);
        // and the library status was asked for after the job
        assertThat(tasks).isNotEmpty();
    }

    @Test
    void cancelJob_setsTheFlagAndTheOutcomeSaysHowToContinue() throws Exception {
        FakeJobs jobs = new FakeJobs();
        TaskStrip strip = Edt.call(() -> new TaskStrip(jobs, tasks::add));
        Edt.call(() -> strip.startAddFolder(Path.of("/music/Big")));
        assertThat(jobs.started.await(5, TimeUnit.SECONDS)).isTrue();
        Edt.call(() -> {
            strip.cancelJob();
            return null;
        });
        assertThat(jobs.cancel.get().get()).isTrue();
        assertThat(Edt.call(strip::jobText)).isEqualTo("Stopping …");
        jobs.outcome = new AddFolder.Outcome(imported(10, 0, 0, true), 0, 0, true, List.of());
        jobs.release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Edt.call(strip::isJobRunning) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        settle();
        assertThat(Edt.call(strip::jobText)).isEqualTo("Stopped adding Big: 10 new files (add it again to continue)");
    }

    @Test
    void addFolder_jobThrows_showsTheReasonInWords() throws Exception {
        FakeJobs jobs = new FakeJobs();
        jobs.failure = new IllegalArgumentException("No permission to read the folder /root/x");
        TaskStrip strip = Edt.call(() -> new TaskStrip(jobs, tasks::add));
        Edt.call(() -> strip.startAddFolder(Path.of("/root/x")));
        jobs.release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Edt.call(strip::isJobRunning) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        settle();
        assertThat(Edt.call(strip::jobText)).isEqualTo("Could not add x: No permission to read the folder /root/x");
    }

    @Test
    void refreshStatus_readsOffTheEdtAndShowsSizeAndAnalysis() throws Exception {
        FakeJobs jobs = new FakeJobs();
        TaskStrip strip = Edt.call(() -> new TaskStrip(jobs, tasks::add));
        Edt.call(() -> {
            strip.refreshStatus();
            strip.refreshStatus(); // one read at a time
            return null;
        });
        assertThat(tasks).hasSize(1);
        tasks.take().run();
        settle();
        assertThat(Edt.call(() -> ((javax.swing.JLabel) strip.libraryStatusLabel()).getText()))
                .isEqualTo("2,000 in library · analysing 120");
        assertThat(TaskStrip.libraryText(new AddFolder.LibraryStatus(5, new QueueCounts(0, 0, 4, 1))))
                .isEqualTo("5 in library · 1 unreadable");
    }
}
