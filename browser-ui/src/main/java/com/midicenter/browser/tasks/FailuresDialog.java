package com.midicenter.browser.tasks;

import com.midicenter.library.jobs.AddFolder;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Window;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.table.AbstractTableModel;

/** The files an "Add folder…" could not read, and why: a table of path and reason. [EDT] */
final class FailuresDialog {

    private FailuresDialog() {
    }

    static JDialog show(Component owner, List<AddFolder.Failure> failures) {
        Window window = SwingUtilities.getWindowAncestor(owner);
        JDialog dialog = new JDialog(window, "Files that could not be read");
        dialog.setName("failuresDialog");
        JTable table = new JTable(new AbstractTableModel() {
            @Override
            public int getRowCount() {
                return failures.size();
            }

            @Override
            public int getColumnCount() {
                return 2;
            }

            @Override
            public String getColumnName(int column) {
                return column == 0 ? "File" : "Why";
            }

            @Override
            public Object getValueAt(int row, int column) {
                AddFolder.Failure f = failures.get(row);
                return column == 0 ? f.path() : f.reason();
            }
        });
        table.setName("failures");
        table.getColumnModel().getColumn(0).setPreferredWidth(420);
        table.getColumnModel().getColumn(1).setPreferredWidth(300);
        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
        content.add(new JLabel(String.format(Locale.ROOT, "%,d %s could not be read; the rest of the folder was added.",
                failures.size(), failures.size() == 1 ? "file" : "files")), BorderLayout.NORTH);
        content.add(new JScrollPane(table), BorderLayout.CENTER);
        JButton close = new JButton("Close");
        close.addActionListener(e -> dialog.dispose());
        JPanel buttons = new JPanel(new BorderLayout());
        buttons.add(close, BorderLayout.EAST);
        content.add(buttons, BorderLayout.SOUTH);
        dialog.setContentPane(content);
        dialog.setSize(new Dimension(760, 360));
        dialog.setLocationRelativeTo(owner);
        dialog.setVisible(true);
        return dialog;
    }
}
