package com.midicenter.browser.dnd;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import javax.swing.WindowConstants;

/**
 * The "DAW" of {@link DragToDawIT}, in a JVM of its own (so the drop goes through the X server's XDND protocol, as
 * from the browser to a real DAW): one window whose label imports {@code javaFileListFlavor} and
 * {@code text/uri-list} and records what it received into a properties file ({@code ready}, {@code bounds}, then
 * {@code dragOver}, {@code received}, {@code files}, {@code uriList}, {@code flavors}). Arguments: {@code REPORT_FILE}. Exits after
 * 90 s. Used by {@link DragToDawIT} and by the browser window scenario ({@code BrowserScenario}).
 */
public final class DropTargetApp {

    private final Path reportFile;
    private final Properties report = new Properties();

    private DropTargetApp(Path reportFile) {
        this.reportFile = reportFile;
    }

    public static void main(String[] args) throws Exception {
        DropTargetApp app = new DropTargetApp(Path.of(args[0]));
        SwingUtilities.invokeAndWait(app::show);
        Thread.sleep(90_000);
        System.exit(0);
    }

    /** [EDT] */
    private void show() {
        JFrame frame = new JFrame("DAW track (drop target)");
        JLabel track = new JLabel("Drop MIDI files here", SwingConstants.CENTER);
        track.setOpaque(true);
        track.setBackground(new Color(0x2B3A4A));
        track.setForeground(Color.WHITE);
        track.setPreferredSize(new Dimension(420, 300));
        track.setTransferHandler(new TransferHandler() {
            @Override
            public boolean canImport(TransferSupport support) {
                boolean files = support.isDataFlavorSupported(DataFlavor.javaFileListFlavor)
                        || support.isDataFlavorSupported(FileTransferable.URI_LIST_FLAVOR);
                if (files && support.isDrop() && !"true".equals(report.getProperty("dragOver"))) {
                    report.setProperty("dragOver", "true"); // the XDND enter/position messages arrived
                    track.setBackground(new Color(0x3D6A3D));
                    track.setText("Release to drop");
                }
                return files;
            }

            @Override
            public boolean importData(TransferSupport support) {
                return record(support, track);
            }
        });
        frame.getContentPane().add(track, BorderLayout.CENTER);
        frame.setDefaultCloseOperation(WindowConstants.EXIT_ON_CLOSE);
        frame.pack();
        frame.setLocation(780, 100);
        // above other windows, as a DAW beside the browser would be: a click into a window that covers the screen
        // (BrowserScenario's browser) raises that window, and the drop must still land here
        frame.setAlwaysOnTop(true);
        frame.setVisible(true);
        // the window manager may move it: report where it is once it is on screen
        new javax.swing.Timer(300, e -> {
            ((javax.swing.Timer) e.getSource()).stop();
            Point p = track.getLocationOnScreen();
            report.setProperty("bounds", p.x + "," + p.y + "," + track.getWidth() + "," + track.getHeight());
            report.setProperty("ready", "true");
            save();
        }).start();
    }

    /** [EDT] */
    private boolean record(TransferHandler.TransferSupport support, JLabel track) {
        try {
            Transferable t = support.getTransferable();
            report.setProperty("flavors", Arrays.stream(support.getDataFlavors()).map(DataFlavor::getMimeType)
                    .collect(Collectors.joining(" | ")));
            if (support.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
                @SuppressWarnings("unchecked")
                List<File> files = (List<File>) t.getTransferData(DataFlavor.javaFileListFlavor);
                report.setProperty("files", files.stream().map(File::getPath).collect(Collectors.joining("\n")));
            }
            if (support.isDataFlavorSupported(FileTransferable.URI_LIST_FLAVOR)) {
                report.setProperty("uriList", (String) t.getTransferData(FileTransferable.URI_LIST_FLAVOR));
            }
            report.setProperty("dropAction", Integer.toString(support.getDropAction()));
            report.setProperty("received", "true");
            track.setText("<html>Received:<br>" + report.getProperty("files", "").replace("\n", "<br>") + "</html>");
            return true;
        } catch (Exception e) {
            report.setProperty("error", e.toString());
            return false;
        } finally {
            save();
        }
    }

    private void save() {
        try {
            Path temp = reportFile.resolveSibling(reportFile.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                report.store(out, "DropTargetApp");
            }
            Files.move(temp, reportFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            e.printStackTrace();
        }
    }
}
