package com.midicenter.browser.results;

import com.midicenter.persistence.search.SearchCriteria.Sort;
import com.midicenter.persistence.search.SearchHit;

import java.util.function.Function;
import javax.swing.SwingConstants;

/**
 * The columns of the results table: title, how a hit's value is spelled, alignment, preferred width in pixels, and
 * the server-side sort a click on its header asks for. Meter, instruments and vendor have no sort in
 * {@link Sort} (no index keeps them cheap), so their headers do not sort.
 */
public enum ResultColumn {
    NAME("Name", h -> Cells.text(h.name()), SwingConstants.LEADING, 300, Sort.NAME),
    BPM("BPM", h -> Cells.bpm(h.bpm()), SwingConstants.TRAILING, 60, Sort.BPM),
    KEY("Key", h -> Cells.key(h.keyCode()), SwingConstants.LEADING, 50, Sort.KEY),
    METER("Meter", h -> Cells.text(h.meter()), SwingConstants.LEADING, 55, null),
    BARS("Bars", h -> Cells.bars(h.bars()), SwingConstants.TRAILING, 50, Sort.BARS),
    DURATION("Duration", h -> Cells.duration(h.durationSec()), SwingConstants.TRAILING, 70, Sort.DURATION),
    RATING("Rating", h -> Cells.rating(h.rating()), SwingConstants.LEADING, 70, Sort.RATING),
    INSTRUMENTS("Instruments", h -> Cells.instruments(h.instruments()), SwingConstants.LEADING, 170, null),
    VENDOR("Vendor", h -> Cells.text(h.vendor()), SwingConstants.LEADING, 130, null);

    private final String title;
    private final Function<SearchHit, String> cell;
    private final int alignment;
    private final int preferredWidthPx;
    private final Sort sort;

    ResultColumn(String title, Function<SearchHit, String> cell, int alignment, int preferredWidthPx, Sort sort) {
        this.title = title;
        this.cell = cell;
        this.alignment = alignment;
        this.preferredWidthPx = preferredWidthPx;
        this.sort = sort;
    }

    /** The server-side order a click on this column's header asks for, or {@code null}: the column does not sort. */
    public Sort sort() {
        return sort;
    }

    /** The column whose header sorts by {@code sort}, or {@code null} (relevance, date added: no column). */
    public static ResultColumn of(Sort sort) {
        for (ResultColumn c : values()) {
            if (c.sort != null && c.sort == sort) {
                return c;
            }
        }
        return null;
    }

    public String title() {
        return title;
    }

    /** The cell text of {@code hit} in this column. */
    public String cell(SearchHit hit) {
        return cell.apply(hit);
    }

    /** A {@link SwingConstants} horizontal alignment. */
    public int alignment() {
        return alignment;
    }

    public int preferredWidthPx() {
        return preferredWidthPx;
    }
}
