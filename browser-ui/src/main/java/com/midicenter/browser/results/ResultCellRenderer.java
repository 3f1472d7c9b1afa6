package com.midicenter.browser.results;

import com.midicenter.browser.BrowserTheme;

import java.awt.Component;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;

/** Cells aligned as their {@link ResultColumn} says; a row whose page is loading shows a dim ellipsis. */
public final class ResultCellRenderer extends DefaultTableCellRenderer {

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean isSelected, boolean hasFocus,
                                                   int row, int column) {
        ResultColumn col = ResultColumn.values()[table.convertColumnIndexToModel(column)];
        boolean pending = value == null;
        Object text = pending ? (col == ResultColumn.NAME ? "…" : "") : value;
        super.getTableCellRendererComponent(table, text, isSelected, hasFocus, row, column);
        setHorizontalAlignment(col.alignment());
        if (pending && !isSelected) {
            setForeground(BrowserTheme.color(BrowserTheme.PENDING_FOREGROUND, "Label.disabledForeground"));
        }
        return this;
    }
}
