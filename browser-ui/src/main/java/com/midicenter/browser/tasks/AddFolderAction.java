package com.midicenter.browser.tasks;

import java.awt.Component;
import java.awt.event.ActionEvent;
import java.io.File;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JFileChooser;

/** "Add folder…": choose a folder, then import and analyse it in the background ({@link TaskStrip}). [EDT] */
public final class AddFolderAction extends AbstractAction {

    private final Component owner;
    private final TaskStrip strip;
    private File lastDir;

    public AddFolderAction(Component owner, TaskStrip strip) {
        super("Add folder…");
        this.owner = owner;
        this.strip = strip;
        putValue(Action.SHORT_DESCRIPTION, "Import a folder of MIDI files (and zip/7z packs) into the library");
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        if (strip.isJobRunning()) {
            return;
        }
        JFileChooser chooser = new JFileChooser(lastDir);
        chooser.setDialogTitle("Add a folder to the library");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setApproveButtonText("Add");
        if (chooser.showOpenDialog(owner) == JFileChooser.APPROVE_OPTION && chooser.getSelectedFile() != null) {
            File dir = chooser.getSelectedFile();
            lastDir = dir.getParentFile();
            strip.startAddFolder(dir.toPath());
        }
    }
}
