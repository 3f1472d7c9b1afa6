package com.midicenter.browser.sidebar;

import java.awt.Component;
import javax.swing.JOptionPane;

/**
 * The questions the sidebar asks the user (a name, a yes/no). {@link #DIALOGS} asks in modal dialogs (one name dialog
 * per window, reused); unit tests answer without a window.
 *
 * <p>[EDT]
 */
public interface Prompts {

    /** The name typed, or {@code null} when the user cancelled. */
    String askName(Component parent, String title, String question, String initial);

    /** True when the user confirmed. */
    boolean confirm(Component parent, String title, String question);

    /** A modal name dialog, and a {@link JOptionPane} to confirm. */
    Prompts DIALOGS = new Prompts() {
        @Override
        public String askName(Component parent, String title, String question, String initial) {
            return NameDialog.ask(parent, title, question, initial);
        }

        @Override
        public boolean confirm(Component parent, String title, String question) {
            return JOptionPane.showConfirmDialog(parent, question, title, JOptionPane.OK_CANCEL_OPTION,
                    JOptionPane.WARNING_MESSAGE) == JOptionPane.OK_OPTION;
        }
    };
}
