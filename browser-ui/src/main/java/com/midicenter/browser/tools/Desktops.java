package com.midicenter.browser.tools;

import java.awt.Desktop;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/** "Show in folder", "Copy paths" and sizes in words, shared by the tools' dialogs. */
final class Desktops {

    private Desktops() {
    }

    /** The folder holding a location (for an archive member: the folder holding the archive). */
    static Path folderOf(String location) {
        int bang = location.indexOf("!/");
        Path file = Path.of(bang >= 0 ? location.substring(0, bang) : location);
        return file.getParent() == null ? file : file.getParent();
    }

    /**
     * [EDT] Opens {@code folder} in the file manager (on a daemon thread: it can take a while); without one, copies
     * the path and says so. {@code message} gets what went wrong, on the EDT.
     */
    static void showFolder(Path folder, Consumer<String> message) {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            copy(List.of(folder.toString()), message);
            message.accept("No file manager to open here; the path was copied: " + folder);
            return;
        }
        Thread t = new Thread(() -> {
            try {
                if (!Files.isDirectory(folder)) {
                    throw new IOException("the folder " + folder + " is gone");
                }
                Desktop.getDesktop().open(new File(folder.toString()));
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                SwingUtilities.invokeLater(() -> message.accept("Cannot show the folder: " + why));
            }
        }, "show-folder");
        t.setDaemon(true);
        t.start();
    }

    /** [EDT] Puts the paths, one a line, on the clipboard and says so. */
    static void copy(List<String> paths, Consumer<String> message) {
        try {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(String.join("\n", paths)),
                    null);
            message.accept(paths.size() == 1 ? "Path copied" : paths.size() + " paths copied");
        } catch (IllegalStateException e) {
            message.accept("The clipboard is busy; try again");
        }
    }

    /** {@code 512 bytes}, {@code 12.3 KB}, {@code 4.5 MB}, {@code 1.2 GB} (1 KB = 1,024 bytes). */
    static String size(long bytes) {
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%,d bytes", bytes);
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** The message of {@code e} in plain words (its class when it has none). */
    static String why(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the file is no longer there (moved or deleted?): " + e.getMessage();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "no permission: " + e.getMessage();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason() + ": " + f.getFile();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
