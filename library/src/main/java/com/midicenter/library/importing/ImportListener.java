package com.midicenter.library.importing;

/** Progress of an import; called from the import's threads, so implementations must be thread-safe and quick. */
@FunctionalInterface
public interface ImportListener {

    /**
     * @param found        files found so far (grows while the folders are walked)
     * @param done         files finished (stored, skipped as unchanged, or recorded as errors)
     * @param walkFinished true once every folder was walked: {@code found} is then the total
     */
    void progress(long found, long done, boolean walkFinished);

    ImportListener NONE = (found, done, walkFinished) -> { };
}
