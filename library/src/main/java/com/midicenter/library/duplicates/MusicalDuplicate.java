package com.midicenter.library.duplicates;

import java.util.List;

/**
 * Contents with different bytes that play the same notes.
 *
 * @param fingerprint the shared {@link com.midicenter.core.analysis.NoteFingerprint} (hex)
 * @param members     at least two, by content id
 */
public record MusicalDuplicate(String fingerprint, List<Member> members) {

    public MusicalDuplicate {
        members = List.copyOf(members);
        if (members.size() < 2) {
            throw new IllegalArgumentException("a musical duplicate needs 2 contents, got " + members.size());
        }
    }

    /** One content of the group, with the location it was read from. */
    public record Member(long contentId, String path, long sizeBytes) {
    }
}
