package com.midicenter.browser.tasks;

import com.midicenter.library.jobs.AddFolder;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the browser's library actions need: add a folder (import + analysis) and the library's size for the status
 * bar. {@link #of(AddFolder)} in the app and the plugin; a fake in unit tests.
 *
 * <p>[any thread] Called from the browser's job and status threads, never on the EDT.
 */
public interface LibraryJobs {

    /** Imports and analyses {@code folder}; see {@link AddFolder#run}. */
    AddFolder.Outcome addFolder(Path folder, AtomicBoolean cancel, AddFolder.Progress progress);

    /** The library's files and analysis queue now. */
    AddFolder.LibraryStatus status();

    static LibraryJobs of(AddFolder job) {
        return new LibraryJobs() {
            @Override
            public AddFolder.Outcome addFolder(Path folder, AtomicBoolean cancel, AddFolder.Progress progress) {
                return job.run(folder, cancel, progress);
            }

            @Override
            public AddFolder.LibraryStatus status() {
                return job.status();
            }
        };
    }
}
