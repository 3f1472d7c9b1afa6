package com.midicenter.app;

import com.midicenter.browser.BrowserPanel;
import java.awt.Frame;
import java.awt.event.WindowEvent;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * What {@link GuiCommandIT} runs in a child JVM on its Xvfb display: {@code midicenter COMMAND --home HOME} (gui, or
 * demo) as the user starts it, then, once the window has settled, optionally text typed into the search field, then
 * the window closed as the user closes it; the command must return 0 and leave the embedded server stopped. Facts go
 * to a properties file. Arguments: {@code HOME REPORT_FILE TEXT_TO_LEAVE_OR_- COMMAND [ARGS...]}.
 */
public final class GuiScenario {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Properties report = new Properties();
        int exit = 0;
        try {
            String leave = args[2].equals("-") ? null : args[2];
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(args).subList(3, args.length));
            command.add("--home");
            command.add(home.toString());
            run(home, report, leave, command.toArray(String[]::new));
        } catch (Throwable e) {
            e.printStackTrace();
            report.setProperty("error", String.valueOf(e));
            exit = 1;
        } finally {
            try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
                report.store(out, "GuiScenario");
            }
        }
        System.exit(exit);
    }

    private static void run(Path home, Properties report, String leave, String[] command) throws Exception {
        AtomicInteger cliExit = new AtomicInteger(-1);
        Thread cli = new Thread(() -> cliExit.set(Main.run(command)), "cli");
        cli.start();
        JFrame frame = null;
        long deadline = System.currentTimeMillis() + 90_000;
        while (frame == null) {
            frame = onEdt(() -> {
                for (Frame f : Frame.getFrames()) {
                    if (f instanceof JFrame j && f.isShowing() && f.getTitle().startsWith("MIDI Software Center")) {
                        return j;
                    }
                }
                return null;
            });
            if (frame == null) {
                if (!cli.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new AssertionError("no window (gui exit " + cliExit.get() + ")");
                }
                Thread.sleep(50);
            }
        }
        JFrame window = frame;
        report.setProperty("title", onEdt(window::getTitle));
        BrowserPanel panel = onEdt(() -> (BrowserPanel) window.getContentPane());
        while (!onEdt(panel::isSettled) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        report.setProperty("status", onEdt(panel::statusText));
        report.setProperty("searchText", onEdt(() -> panel.searchField().getText()));
        report.setProperty("rows", String.valueOf(onEdt(() -> panel.resultsTable().getRowCount())));
        if (leave != null) {
            onEdt(() -> {
                panel.searchField().setText(leave);
                return null;
            });
            while (!onEdt(() -> panel.isSettled() && leave.equals(panel.currentRequest().text()))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            report.setProperty("statusAfterTyping", onEdt(panel::statusText));
        }
        Path pid = home.resolve("db").resolve("postmaster.pid");
        report.setProperty("serverRunningWhileOpen", String.valueOf(Files.exists(pid)));

        long closing = System.nanoTime();
        SwingUtilities.invokeAndWait(() -> window.dispatchEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSING)));
        cli.join(30_000);
        report.setProperty("cliEnded", String.valueOf(!cli.isAlive()));
        report.setProperty("cliExit", String.valueOf(cliExit.get()));
        report.setProperty("closeMs", String.valueOf((System.nanoTime() - closing) / 1_000_000));
        report.setProperty("serverStoppedAfterClose", String.valueOf(!Files.exists(pid)));
    }

    private static <T> T onEdt(Callable<T> work) throws Exception {
        return com.midicenter.browser.edt.Edt.call(work);
    }
}
