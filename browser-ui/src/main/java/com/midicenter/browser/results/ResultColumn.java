package com.midicenter.browser.results;

import com.midicenter.persistence.search.SearchHit;

import java.util.function.Function;
import javax.swing.SwingConstants;

/** The columns of the results table: title, how a hit's value is spelled, alignment and preferred width in pixels. */
public enum ResultColumn {
    NAME("Name", h -> Cells.text(h.name()), SwingConstants.LEADING, 320),
    BPM("BPM", h -> Cells.bpm(h.bpm()), SwingConstants.TRAILING, 60),
    KEY("Key", h -> Cells.key(h.keyCode()), SwingConstants.LEADING, 50),
    METER("Meter", h -> Cells.text(h.meter()), SwingConstants.LEADING, 55),
    BARS("Bars", h -> Cells.bars(h.bars()), SwingConstants.TRAILING, 50),
    DURATION("Duration", h -> Cells.duration(h.durationSec()), SwingConstants.TRAILING, 70),
    INSTRUMENTS("Instruments", h -> Cells.instruments(h.instruments()), SwingConstants.LEADING, 180),
    VENDOR("Vendor", h -> Cells.text(h.vendor()), SwingConstants.LEADING, 140);

    private final String title;
    private final Function<SearchHit, String> cell;
    private final int alignment;
    private final int preferredWidthPx;

    ResultColumn(String title, Function<SearchHit, String> cell, int alignment, int preferredWidthPx) {
        this.title = title;
        this.cell = cell;
        this.alignment = alignment;
        this.preferredWidthPx = preferredWidthPx;
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
