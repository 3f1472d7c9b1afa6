package com.midicenter.browser.tools;

import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.persistence.search.SearchHit;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;

/**
 * "Split into tracks…": reads the file off the EDT and lists the parts it will make (name, source track, channel,
 * notes) before anything is written; the destination folder ({@link SplitPlan#defaultFolder}) and whether to import
 * the parts into the library can be changed; "Split" writes them (and imports them) on a background thread, then the
 * table lists the files written and "Show in folder" opens their folder. Problems are said in the dialog's status
 * line in plain words.
 *
 * <p>[EDT] Build and use on the EDT only.
 */
public final class SplitDialog {

    private final CurationActions actions;
    private final SearchHit hit;
    private final JDialog dialog;
    private final JLabel status = new JLabel("Reading the file …");
    private final DefaultTableModel rows = new DefaultTableModel(new Object[] {"Part", "Track", "Channel", "Notes"}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(rows);
    private final JTextField folder = new JTextField(36);
    private final JCheckBox importParts = new JCheckBox("Import the parts as children of this file");
    private final JButton split = new JButton("Split");
    private final JButton showFolder = new JButton("Show in folder");
    private final JButton close = new JButton("Close");
    private SplitPlan plan;
    private List<Path> written = List.of();
    private Path writtenTo;
    private boolean busy;

    SplitDialog(Component owner, CurationActions actions, SearchHit hit) {
        this.actions = actions;
        this.hit = hit;
        this.dialog = new JDialog(SwingUtilities.getWindowAncestor(owner), "Split " + hit.name() + " into tracks");
        dialog.setName("splitDialog");
        status.setName("split.status");
        folder.setName("split.folder");
        importParts.setName("split.import");
        split.setName("split.run");
        showFolder.setName("split.showFolder");
        close.setName("split.close");
        table.setName("split.parts");
        table.getColumnModel().getColumn(0).setPreferredWidth(400);
        table.setFillsViewportHeight(true);

        String song = SplitPlan.songName(hit.name());
        folder.setText(SplitPlan.defaultFolder(actions.tools().splitsFolder(), song).toString());
        folder.setToolTipText("The parts are written here (the folder is created); existing files are never"
                + " overwritten: a taken name gets \" (2)\"");
        importParts.setToolTipText("Import and analyse the written parts, so a search finds them; the details of"
                + " each part name this file as its original");
        JButton choose = new JButton("Choose…");
        choose.setName("split.choose");
        choose.addActionListener(e -> chooseFolder());
        split.setEnabled(false);
        split.addActionListener(e -> write());
        showFolder.setEnabled(false);
        showFolder.addActionListener(e -> Desktops.showFolder(writtenTo, this::say));
        close.addActionListener(e -> dialog.dispose());

        JPanel where = new JPanel(new BorderLayout(6, 0));
        where.add(new JLabel("Folder:"), BorderLayout.WEST);
        where.add(folder, BorderLayout.CENTER);
        where.add(choose, BorderLayout.EAST);
        JPanel options = new JPanel(new BorderLayout(0, 4));
        options.add(where, BorderLayout.NORTH);
        options.add(importParts, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        buttons.add(showFolder);
        buttons.add(split);
        buttons.add(close);
        options.add(buttons, BorderLayout.SOUTH);

        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
        content.add(status, BorderLayout.NORTH);
        content.add(new JScrollPane(table), BorderLayout.CENTER);
        content.add(options, BorderLayout.SOUTH);
        dialog.setContentPane(content);
        dialog.getRootPane().setDefaultButton(split);
        dialog.setSize(new Dimension(720, 420));
        dialog.setLocationRelativeTo(owner);
    }

    /** [EDT] Shows the dialog and starts reading the file. */
    JDialog open() {
        dialog.setVisible(true);
        busy = true;
        String location = hit.path();
        String name = hit.name();
        CurationActions.start("split-read", () -> {
            SplitPlan p = null;
            String problem = null;
            try {
                p = SplitPlan.of(actions.tools().read(location), name);
            } catch (MidiFormatException e) {
                problem = "Cannot split " + name + ": it is not a readable MIDI file (" + e.getMessage() + ")";
            } catch (IOException | RuntimeException e) {
                problem = "Cannot read " + name + ": " + Desktops.why(e);
            }
            SplitPlan plan = p;
            String why = problem;
            SwingUtilities.invokeLater(() -> read(plan, why));
        });
        return dialog;
    }

    private void read(SplitPlan p, String problem) {
        busy = false;
        if (p == null) {
            say(problem);
            return;
        }
        plan = p;
        for (SplitPlan.Row r : p.rows()) {
            rows.addRow(new Object[] {r.name(), r.track(), r.channel(), r.notes()});
        }
        if (p.parts().isEmpty()) {
            say(hit.name() + " has no notes: there is nothing to split.");
        } else {
            say(String.format(Locale.ROOT, "%d %s, %,d notes, will be written:", p.parts().size(),
                    p.parts().size() == 1 ? "part" : "parts", p.notes()));
            split.setEnabled(true);
        }
    }

    private void chooseFolder() {
        JFileChooser chooser = new JFileChooser(folder.getText());
        chooser.setDialogTitle("Folder for the parts");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setApproveButtonText("Choose");
        if (chooser.showOpenDialog(dialog) == JFileChooser.APPROVE_OPTION && chooser.getSelectedFile() != null) {
            folder.setText(chooser.getSelectedFile().getPath());
        }
    }

    /** Writes the parts (and imports them) off the EDT. */
    private void write() {
        if (plan == null || busy) {
            return;
        }
        Path to;
        try {
            to = Path.of(folder.getText().strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            say("That is not a folder name: " + e.getMessage());
            return;
        }
        boolean andImport = importParts.isSelected();
        busy = true;
        split.setEnabled(false);
        importParts.setEnabled(false);
        say("Writing " + plan.parts().size() + " parts to " + to + " …");
        SplitPlan p = plan;
        long contentId = hit.contentId();
        CurationActions.start("split-write", () -> {
            List<Path> files = List.of();
            CurationTools.SplitImport imported = null;
            String problem = null;
            try {
                if (andImport) {
                    imported = actions.tools().splitIntoLibrary(contentId, to);
                    files = imported.written();
                } else {
                    files = p.write(to);
                }
            } catch (IOException e) {
                problem = "Cannot write the parts to " + to + ": " + Desktops.why(e);
            } catch (RuntimeException e) {
                problem = "Cannot split into the library: " + Desktops.why(e);
            }
            List<Path> f = files;
            CurationTools.SplitImport i = imported;
            String why = problem;
            SwingUtilities.invokeLater(() -> written(to, f, i, why));
        });
    }

    private void written(Path to, List<Path> files, CurationTools.SplitImport imported, String problem) {
        busy = false;
        written = List.copyOf(files);
        writtenTo = to;
        if (!files.isEmpty()) {
            rows.setRowCount(0);
            table.getColumnModel().getColumn(0).setHeaderValue("Written to the folder");
            table.getTableHeader().repaint();
            List<SplitPlan.Row> planned = plan.rows();
            for (int i = 0; i < files.size(); i++) {
                SplitPlan.Row r = planned.get(i);
                rows.addRow(new Object[] {files.get(i).getFileName().toString(), r.track(), r.channel(), r.notes()});
            }
            showFolder.setEnabled(true);
        }
        if (problem != null) {
            say(problem);
            split.setEnabled(files.isEmpty());
            importParts.setEnabled(files.isEmpty());
            return;
        }
        List<String> renamed = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (!files.get(i).getFileName().toString().equals(plan.parts().get(i).name())) {
                renamed.add(files.get(i).getFileName().toString());
            }
        }
        String text = String.format(Locale.ROOT, "%d %s written to %s", files.size(),
                files.size() == 1 ? "file" : "files", to);
        if (!renamed.isEmpty()) {
            text += String.format(Locale.ROOT, " (%d got a new name: the name was taken)", renamed.size());
        }
        if (imported != null) {
            text += String.format(Locale.ROOT, "; imported: %,d new, %,d already in the library, %,d linked as parts of"
                    + " %s%s", imported.imported(), imported.duplicates(), imported.linked(), hit.name(),
                    imported.errors() + imported.analysisFailed() > 0 ? String.format(Locale.ROOT, ", %,d unreadable",
                            imported.errors() + imported.analysisFailed()) : "");
            actions.libraryChanged();
        }
        say(text);
        actions.message(text);
    }

    private void say(String text) {
        status.setText(text);
        status.setToolTipText(text);
    }

    /** [EDT] The files written by the last split (tests). */
    public List<Path> written() {
        return written;
    }

    /** [EDT] True while the file is read or the parts written. */
    public boolean isBusy() {
        return busy;
    }

    /** [EDT] The dialog window. */
    public JDialog window() {
        return dialog;
    }

    /** [EDT] The parts listed, or {@code null} before the file was read. */
    public SplitPlan plan() {
        return plan;
    }
}
