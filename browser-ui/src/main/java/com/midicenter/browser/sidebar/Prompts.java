package com.midicenter.browser.sidebar;

import java.awt.Component;
import javax.swing.JOptionPane;

/**
 * The questions the sidebar asks the user (a name, a yes/no). {@link #DIALOGS} asks in modal option panes; unit tests
 * answer without a window.
 *
 * <p>[EDT]
 */
public interface Prompts {

    /** The name typed, or {@code null} when the user cancelled. */
    String askName(Component parent, String title, String question, String initial);

    /** True when the user confirmed. */
    boolean confirm(Component parent, String title, String question);

    /** Modal {@link JOptionPane}s. */
    Prompts DIALOGS = new Prompts() {
        @Override
        public String askName(Component parent, String title, String question, String initial) {
            Object answer = JOptionPane.showInputDialog(parent, question, title, JOptionPane.PLAIN_MESSAGE, null, null,
                    initial);
            return answer == null ? null : answer.toString();
        }

        @Override
        public boolean confirm(Component parent, String title, String question) {
            return JOptionPane.showConfirmDialog(parent, question, title, JOptionPane.OK_CANCEL_OPTION,
                    JOptionPane.WARNING_MESSAGE) == JOptionPane.OK_OPTION;
        }
    };
}
