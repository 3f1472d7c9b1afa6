package com.midicenter.browser.actions;

import java.awt.event.ActionEvent;
import javax.swing.AbstractAction;
import javax.swing.JTextField;

/** Ctrl+F: puts the caret in the search field with its text selected, ready to type over. */
public final class FocusSearchAction extends AbstractAction {

    private final JTextField field;

    public FocusSearchAction(JTextField field) {
        super("Find");
        this.field = field;
    }

    /** [EDT] */
    @Override
    public void actionPerformed(ActionEvent e) {
        field.requestFocusInWindow();
        field.selectAll();
    }
}
