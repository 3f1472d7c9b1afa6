package com.midicenter.library.duplicates;

import java.util.List;

/**
 * Musical duplicates found, largest groups first.
 *
 * @param candidates contents that shared cheap keys and were read to be compared
 * @param unreadable candidates that could not be read or parsed (left out)
 * @param cancelled  the scan stopped early; the groups are those confirmed so far
 */
public record MusicalScan(List<MusicalDuplicate> groups, int candidates, int unreadable, boolean cancelled) {

    public MusicalScan {
        groups = List.copyOf(groups);
    }
}
