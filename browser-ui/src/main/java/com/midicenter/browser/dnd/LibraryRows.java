package com.midicenter.browser.dnd;

import java.awt.datatransfer.DataFlavor;
import java.util.List;

/**
 * The library's own rows in a drag (their content ids, in the table's order), for drop targets in the same window:
 * the sidebar's collections take them. A JVM-local flavor: never offered to other applications, which get the files.
 *
 * @param contentIds the dragged files, at least one
 */
public record LibraryRows(List<Long> contentIds) {

    /** The flavor a {@link FileTransferable} of the results table offers them in. */
    public static final DataFlavor FLAVOR = flavor();

    public LibraryRows {
        contentIds = List.copyOf(contentIds);
        if (contentIds.isEmpty()) {
            throw new IllegalArgumentException("a drag holds at least one row");
        }
    }

    private static DataFlavor flavor() {
        try {
            return new DataFlavor(DataFlavor.javaJVMLocalObjectMimeType + ";class=" + LibraryRows.class.getName(),
                    "MIDI Software Center rows", LibraryRows.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("LibraryRows is loaded", e);
        }
    }
}
