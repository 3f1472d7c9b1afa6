package com.midicenter.persistence.export;

/**
 * One content to export: a present location (an archive member is written {@code a.zip!/b.mid}) and the values of
 * the naming template. Analysis values are {@code null} for a file not (yet) analysed.
 *
 * @param name file name with its extension, as found on disk
 */
public record ExportSource(long contentId, String path, String name, String vendor, String pack, Double bpm,
                           Integer keyCode, Integer bars) {

    public ExportSource {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("path is blank for content " + contentId);
        }
    }
}
