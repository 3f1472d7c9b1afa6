package com.midicenter.app;

import com.midicenter.browser.BrowserPanel;
import com.midicenter.browser.edt.Edt;
import java.awt.Frame;
import java.nio.file.Path;
import javax.swing.JFrame;

/**
 * What {@link CrashLoopIT} runs in a child JVM on its Xvfb display, to be killed with SIGKILL: {@code midicenter gui
 * --home HOME} as the user starts it; once the window has settled, "Add folder…" on {@code FOLDER} (the task strip's
 * job, as the button starts it after its folder chooser), then nothing: the test kills this JVM at a moment of its
 * choosing. Prints {@value #ADDING} on stdout when the job has started. Arguments: {@code HOME FOLDER}.
 */
public final class GuiCrashScenario {

    /** Printed once the "Add folder…" job runs. */
    static final String ADDING = "add-folder started";

    private GuiCrashScenario() {
    }

    public static void main(String[] args) throws Exception {
        String home = args[0];
        Path folder = Path.of(args[1]);
        Thread cli = new Thread(() -> System.err.println("gui exited with " + Main.run("gui", "--home", home)), "cli");
        cli.setDaemon(true);
        cli.start();
        long deadline = System.currentTimeMillis() + 90_000;
        JFrame window = null;
        while (window == null) {
            window = Edt.call(() -> {
                for (Frame f : Frame.getFrames()) {
                    if (f instanceof JFrame j && f.isShowing() && f.getTitle().startsWith("MIDI Software Center")) {
                        return j;
                    }
                }
                return null;
            });
            if (window == null) {
                if (!cli.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new AssertionError("no window");
                }
                Thread.sleep(50);
            }
        }
        JFrame frame = window;
        BrowserPanel panel = Edt.call(() -> (BrowserPanel) frame.getContentPane());
        while (!Edt.call(panel::isSettled) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        if (!Edt.call(() -> panel.statusBar().startAddFolder(folder))) {
            throw new AssertionError("the window refused to add " + folder);
        }
        System.out.println(ADDING);
        System.out.flush();
        while (Edt.call(() -> panel.statusBar().isJobRunning())) {
            Thread.sleep(50);
        }
        System.out.println("add-folder ended: " + Edt.call(() -> panel.statusBar().jobText()));
        System.out.flush();
        Thread.sleep(120_000); // the test kills this JVM; never closes the window itself
    }
}
