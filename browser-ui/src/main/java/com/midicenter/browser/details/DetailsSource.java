package com.midicenter.browser.details;

import com.midicenter.library.details.FileDetails;
import com.midicenter.library.details.FileDetailsService;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * What the details pane needs from the library: one file's details and the user's edits on it.
 * {@link #of(FileDetailsService)} in the app; a fake in unit tests; later the plugin's connection to the library.
 *
 * <p>[any thread] Called from the pane's executor threads, possibly concurrently; never on the EDT. Exceptions are
 * shown to the user with their message as it is: an {@link IllegalArgumentException} for a value the library refuses
 * (a bad tag, a path tag that cannot be removed), any other {@link RuntimeException} for a file that is gone or a
 * database failure.
 */
public interface DetailsSource {

    /** Everything about the file, or empty if it is no longer in the library. */
    Optional<FileDetails> load(long contentId);

    /** Marks or unmarks the file as a favourite. */
    void setFavorite(long contentId, boolean favorite);

    /** Rates the file 1..5 stars, or clears the rating ({@code null}). */
    void setRating(long contentId, Integer stars);

    /** Gives the user tag to the files; returns how many did not have it. */
    int addTag(Collection<Long> contentIds, String tag);

    /** Takes the user tag from the file; returns false if it had no tag of that name. */
    boolean removeTag(long contentId, String tag);

    /** The library's details service as a source. */
    static DetailsSource of(FileDetailsService service) {
        Objects.requireNonNull(service, "service");
        return new DetailsSource() {
            @Override
            public Optional<FileDetails> load(long contentId) {
                return service.details(contentId);
            }

            @Override
            public void setFavorite(long contentId, boolean favorite) {
                service.setFavorite(contentId, favorite);
            }

            @Override
            public void setRating(long contentId, Integer stars) {
                service.setRating(contentId, stars);
            }

            @Override
            public int addTag(Collection<Long> contentIds, String tag) {
                return service.addTag(contentIds, tag);
            }

            @Override
            public boolean removeTag(long contentId, String tag) {
                return service.removeTag(contentId, tag);
            }
        };
    }
}
