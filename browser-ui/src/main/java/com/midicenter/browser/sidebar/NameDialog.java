package com.midicenter.browser.sidebar;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.Map;
import java.util.WeakHashMap;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

/**
 * The modal "name?" dialog of the sidebar (new collection, save search, rename): a question, a field holding the
 * suggested name (selected, so typing replaces it), OK (Enter) and Cancel (Esc). One dialog per window, hidden and
 * shown again rather than made anew: a new window costs the EDT its native set-up each time.
 *
 * <p>[EDT]
 */
final class NameDialog extends JDialog {

    private static final Map<Window, NameDialog> BY_OWNER = new WeakHashMap<>();

    private final JLabel question = new JLabel();
    private final JTextField field = new JTextField(28);
    private String answer;

    private NameDialog(Window owner) {
        super(owner, ModalityType.APPLICATION_MODAL);
        setName("nameDialog");
        setDefaultCloseOperation(HIDE_ON_CLOSE);
        field.setName("nameDialog.name");
        JButton ok = new JButton("OK");
        ok.setName("nameDialog.ok");
        JButton cancel = new JButton("Cancel");
        cancel.setName("nameDialog.cancel");
        ok.addActionListener(e -> close(field.getText()));
        cancel.addActionListener(e -> close(null));
        field.addActionListener(e -> close(field.getText()));
        getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "cancel");
        getRootPane().getActionMap().put("cancel", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                close(null);
            }
        });
        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(12, 12, 10, 12));
        content.add(question, BorderLayout.NORTH);
        content.add(field, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING, 6, 0));
        buttons.add(cancel);
        buttons.add(ok);
        content.add(buttons, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(ok);
    }

    private void close(String text) {
        answer = text;
        setVisible(false);
    }

    /** Asks and waits (a modal dialog: events go on meanwhile); the name typed, or null when cancelled. */
    static String ask(Component parent, String title, String text, String initial) {
        Window owner = parent == null ? null : SwingUtilities.getWindowAncestor(parent);
        NameDialog d = BY_OWNER.computeIfAbsent(owner, o -> {
            NameDialog made = new NameDialog(o);
            if (o != null) {
                o.addWindowListener(new java.awt.event.WindowAdapter() {
                    @Override
                    public void windowClosed(java.awt.event.WindowEvent e) {
                        BY_OWNER.remove(o); // the dialog holds its owner: let both go
                        made.dispose();
                    }
                });
            }
            return made;
        });
        d.setTitle(title);
        d.question.setText(text);
        d.field.setText(initial == null ? "" : initial);
        d.field.selectAll();
        d.answer = null;
        d.pack();
        d.setLocationRelativeTo(parent);
        d.field.requestFocusInWindow();
        d.setVisible(true);
        return d.answer;
    }
}
