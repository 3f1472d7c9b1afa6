package com.midicenter.persistence.mapper;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/**
 * Library-wide figures for {@code stats} and the status bar. Each call scans whole tables (a few hundred ms at
 * 1M files): do not call it per keystroke.
 */
public interface StatsMapper {

    /** Counts, analysis coverage and database size, read in one statement (one snapshot). */
    LibraryStats libraryStats();

    /** Analysed files per {@code file_meta.bpm_source} (null: no tempo known), most frequent first. */
    List<ValueCount> countByBpmSource();

    /** Analysed files per {@code file_meta.meter} (e.g. {@code "4/4"}; null: unknown), most frequent first. */
    List<ValueCount> countByMeter();

    /** Analysed files per detected key ({@code none} for drum-only files), most common first. */
    List<ValueCount> countByKey();

    /** Analysed files per 20-BPM range ({@code 120-139}; {@code unknown} when no tempo is known), by range. */
    List<ValueCount> countByBpmRange();

    /** Analysed files per instrument category (a file counts once per category it has), most common first. */
    List<ValueCount> countByInstrument();

    /** Analysed files at present locations with paths after {@code after}, in path order, at most {@code limit}. */
    List<AnalysedFile> analysedFiles(@Param("after") String after, @Param("limit") int limit);
}
