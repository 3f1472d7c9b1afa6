package com.midicenter.browser.tags;

import com.midicenter.library.curation.TagService;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.persistence.curation.TagCount;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What the browser's tag tools need from the library: user tags on many files at once, autocomplete, the user tags
 * with their counts (rename, merge) and the tag cloud of a search. {@link #of(TagService)} in the app; a fake in unit
 * tests.
 *
 * <p>[any thread] Called from the panel's executor threads, never on the EDT. A {@link RuntimeException}'s message is
 * shown to the user as it is (the library's refusals are written for that: "'house' is an automatic tag …").
 */
public interface TagsSource {

    /** Gives the user tag to the files; returns how many did not have it. */
    int add(Collection<Long> contentIds, String tag);

    /** Takes the user tag from the files; returns how many had it. */
    int remove(Collection<Long> contentIds, String tag);

    /** Tags of every kind starting with {@code prefix} (any case), most used first. */
    List<TagCount> complete(String prefix, int limit);

    /** The user tags with their file counts, most used first. */
    List<TagCount> userTags(int limit);

    /** Renames a user tag on every file; returns how many files carry it. */
    int rename(String from, String to);

    /** Merges the user tag {@code from} into {@code into}; returns how many files got {@code into}. */
    int merge(String from, String into);

    /** The tags most carried among the matches of {@code request}, with counts. */
    List<TagCount> cloud(SearchRequest request, int limit);

    /** The library's tag service as a source. */
    static TagsSource of(TagService service) {
        Objects.requireNonNull(service, "service");
        return new TagsSource() {
            @Override
            public int add(Collection<Long> contentIds, String tag) {
                return service.add(contentIds, tag);
            }

            @Override
            public int remove(Collection<Long> contentIds, String tag) {
                return service.remove(contentIds, tag);
            }

            @Override
            public List<TagCount> complete(String prefix, int limit) {
                return service.autocomplete(prefix, limit);
            }

            @Override
            public List<TagCount> userTags(int limit) {
                return service.userTags(null, limit);
            }

            @Override
            public int rename(String from, String to) {
                return service.rename(from, to);
            }

            @Override
            public int merge(String from, String into) {
                return service.merge(from, into);
            }

            @Override
            public List<TagCount> cloud(SearchRequest request, int limit) {
                return service.cloud(request, limit);
            }
        };
    }
}
