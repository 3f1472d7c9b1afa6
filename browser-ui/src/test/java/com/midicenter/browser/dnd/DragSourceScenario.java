package com.midicenter.browser.dnd;

import com.midicenter.core.music.MusicalKey;
import com.midicenter.persistence.search.SearchHit;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import javax.swing.table.AbstractTableModel;
import com.midicenter.browser.edt.Edt;

/**
 * The browser side of {@link DragToDawIT}, in its own JVM on the test display: a results table over four generated
 * files (one a zip member), {@link FileDragHandler} installed, rows 1, 2 and 4 selected; {@link Robot} presses on a
 * selected row, moves in steps onto {@link DropTargetApp}'s window and releases. Facts go to a properties file:
 * {@code expectedFiles}, {@code expectedUriList}, the target's bounds, screenshots, {@code problems}, and
 * {@code completed}. Arguments: {@code REPORT_FILE TARGET_REPORT_FILE WORK_DIR SCREENSHOT_DIR}.
 */
public final class DragSourceScenario {

    private static final long WAIT_MS = 20_000;

    private final Properties report = new Properties();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    public static void main(String[] args) throws Exception {
        DragSourceScenario scenario = new DragSourceScenario();
        int exit = 0;
        try {
            scenario.run(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            scenario.report.setProperty("completed", "true");
        } catch (Throwable e) {
            e.printStackTrace();
            scenario.report.setProperty("completed", "false");
            scenario.report.setProperty("error", String.valueOf(e));
            exit = 1;
        }
        scenario.report.setProperty("problems", String.join("\n", scenario.problems));
        try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
            scenario.report.store(out, "DragSourceScenario");
        }
        System.exit(exit);
    }

    private void run(Path targetReport, Path work, Path shots) throws Exception {
        // given: four files, one of them in a zip; rows 1, 2 and 4 selected
        Path library = Files.createDirectories(work.resolve("library"));
        List<SearchHit> rows = new ArrayList<>();
        int am = MusicalKey.parse("Am").orElseThrow().code();
        String[] names = {"Deep Bass 1.mid", "Zip Member #2.mid", "Pad 3.mid", "Keys (Am) 4.mid"};
        for (int i = 0; i < names.length; i++) {
            String location;
            if (i == 1) {
                Path zip = library.resolve("pack.zip");
                try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
                    z.putNextEntry(new ZipEntry("Bass/" + names[i]));
                    z.write(FileDragHandlerTest.bassLine());
                    z.closeEntry();
                }
                location = zip + "!/Bass/" + names[i];
            } else {
                location = Files.write(library.resolve(names[i]), FileDragHandlerTest.bassLine()).toString();
            }
            rows.add(FileDragHandlerTest.hit(11 + i, location, names[i], 100.0, am));
        }
        DragCache cache = new DragCache(work.resolve("drag-cache"), DragCache.DEFAULT_MAX_BYTES);
        List<Path> expected = List.of(Path.of(rows.get(0).path()), cache.folder().resolve("12").resolve(names[1]),
                Path.of(rows.get(3).path()));
        report.setProperty("expectedFiles", String.join("\n", expected.stream().map(Path::toString).toList()));
        report.setProperty("expectedUriList", FileTransferable.uriList(expected));

        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "drag-copy");
            t.setDaemon(true);
            return t;
        });
        FileDragHandler handler = new FileDragHandler(rows::get, cache, executor, problems::add);
        JTable table = Edt.call(() -> show(rows, handler));

        Properties target = waitFor(targetReport, "ready");
        String[] b = target.getProperty("bounds").split(",");
        Rectangle drop = new Rectangle(Integer.parseInt(b[0]), Integer.parseInt(b[1]), Integer.parseInt(b[2]),
                Integer.parseInt(b[3]));
        Rectangle row = Edt.call(() -> {
            Rectangle r = table.getCellRect(1, 0, true);
            Point p = table.getLocationOnScreen();
            return new Rectangle(p.x + r.x, p.y + r.y, r.width, r.height);
        });
        report.setProperty("targetBounds", target.getProperty("bounds"));
        report.setProperty("rowBounds", row.x + "," + row.y + "," + row.width + "," + row.height);
        if (row.intersects(drop)) {
            throw new IllegalStateException("the target window covers the dragged row: " + drop + " / " + row);
        }

        // when: press on row 2, move in steps onto the target, hover, release
        Robot robot = new Robot();
        Point from = new Point(row.x + 60, row.y + row.height / 2);
        Point to = new Point(drop.x + drop.width / 2, drop.y + drop.height / 2);
        robot.mouseMove(from.x, from.y);
        robot.waitForIdle();
        Thread.sleep(300);
        long start = System.nanoTime();
        com.midicenter.browser.testing.RobotDrag.pressAndHover(robot, from, to);
        save(robot, shots.resolve("dnd-hover.png"), "hoverScreenshot");
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        Properties received = waitFor(targetReport, "received");
        report.setProperty("dropMs", Long.toString((System.nanoTime() - start) / 1_000_000));
        Thread.sleep(300); // the target repaints its label
        save(robot, shots.resolve("dnd-dropped.png"), "droppedScreenshot");
        report.setProperty("receivedFiles", received.getProperty("files", ""));
        report.setProperty("receivedUriList", received.getProperty("uriList", ""));
        report.setProperty("receivedFlavors", received.getProperty("flavors", ""));
        report.setProperty("receivedDragOver", received.getProperty("dragOver", "false"));
        report.setProperty("receivedDropAction", received.getProperty("dropAction", ""));
        report.setProperty("selectedRows", Edt.call(() -> java.util.Arrays.toString(table.getSelectedRows())));
        executor.shutdownNow();
    }

    /** [EDT] */
    private static JTable show(List<SearchHit> rows, FileDragHandler handler) {
        JTable table = new JTable(new AbstractTableModel() {
            private final String[] columns = {"Name", "BPM", "Key", "Location"};

            @Override
            public int getRowCount() {
                return rows.size();
            }

            @Override
            public int getColumnCount() {
                return columns.length;
            }

            @Override
            public String getColumnName(int column) {
                return columns[column];
            }

            @Override
            public Object getValueAt(int row, int column) {
                SearchHit h = rows.get(row);
                return switch (column) {
                    case 0 -> h.name();
                    case 1 -> h.bpm();
                    case 2 -> MusicalKey.ofCode(h.keyCode()).name();
                    default -> h.path();
                };
            }
        });
        table.setRowHeight(24);
        handler.installOn(table);
        table.setRowSelectionInterval(0, 1);
        table.addRowSelectionInterval(3, 3);
        JFrame frame = new JFrame("Results (drag source)");
        frame.getContentPane().add(new JScrollPane(table));
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.setSize(640, 300);
        frame.setLocation(40, 100);
        frame.setVisible(true);
        return table;
    }

    private static Properties waitFor(Path file, String key) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(file)) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                }
                if ("true".equals(p.getProperty(key))) {
                    return p;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no '" + key + "' in " + file + " within " + WAIT_MS + " ms");
    }

    private void save(Robot robot, Path file, String property) throws Exception {
        Files.createDirectories(file.getParent());
        Rectangle screen = new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(robot.createScreenCapture(screen), "png", file.toFile());
        report.setProperty(property, file.toString());
    }
}
