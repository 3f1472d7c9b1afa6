package com.midicenter.browser.actions;

import java.awt.event.ActionEvent;
import javax.swing.AbstractAction;
import javax.swing.JTextField;

/** Esc: empties the search field (the whole library shows again) and puts the caret there. */
public final class ClearSearchAction extends AbstractAction {

    private final JTextField field;
    private final Runnable searchNow;

    /** {@code searchNow} runs the search at once instead of after the typing pause. */
    public ClearSearchAction(JTextField field, Runnable searchNow) {
        super("Clear search");
        this.field = field;
        this.searchNow = searchNow;
    }

    /** [EDT] */
    @Override
    public void actionPerformed(ActionEvent e) {
        boolean hadText = !field.getText().isEmpty();
        field.setText("");
        field.requestFocusInWindow();
        if (hadText) {
            searchNow.run();
        }
    }
}
