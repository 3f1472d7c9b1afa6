package com.midicenter.browser.edt;

import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * A {@link DocumentListener} that runs one action whenever a text field's text changes (an insertion or a removal;
 * attribute changes are not text). Swing calls it on the EDT, during the edit: a replacement ({@code setText}, a
 * paste over a selection) calls it twice, once for the removal and once for the insertion.
 */
public final class TextChanged implements DocumentListener {

    private final Runnable action;

    /** {@code action}: [EDT] what to do when the text changed. */
    public TextChanged(Runnable action) {
        if (action == null) {
            throw new IllegalArgumentException("action=null");
        }
        this.action = action;
    }

    @Override
    public void insertUpdate(DocumentEvent e) {
        action.run();
    }

    @Override
    public void removeUpdate(DocumentEvent e) {
        action.run();
    }

    @Override
    public void changedUpdate(DocumentEvent e) {
        // attributes only
    }
}
