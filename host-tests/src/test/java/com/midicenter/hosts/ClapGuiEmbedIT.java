package com.midicenter.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin's browser embedded in a host window, under Xvfb: the test's tiny C CLAP host (src/test/c/gui_host.c,
 * built here with gcc against native-bridge's clap_abi.h and libX11) opens a magenta X11 window, asks the plugin for
 * an embedded X11 GUI (create("x11", false), set_parent(window), show) and after 10 s takes a screenshot of its
 * window (XGetImage of the screen). Checked on the screenshot: the rectangle the plugin reported as its size is
 * covered by the browser (no host magenta left, many colours, the light panel background, dark text pixels) while
 * the host window outside it stays magenta, i.e. the browser is inside the host's window, at its origin.
 */
class ClapGuiEmbedIT {

    private static final int MAGENTA = 0xFF00FF;
    private static final Pattern SIZE = Pattern.compile("^size (\\d+) (\\d+)", Pattern.MULTILINE);

    private Process xvfb;
    private Path home;

    @Test
    void theBrowserIsEmbeddedInTheHostWindow() throws Exception {
        String xvfbTool = Hosts.tool("Xvfb", "xvfb");
        String gcc = Hosts.tool("gcc", "gcc");
        assertTrue(Files.exists(Path.of("/usr/include/X11/Xlib.h")),
                "the GUI test host needs the X11 headers: apt-get install libx11-dev (.ci/run installs it)");
        Path target = Hosts.nativeTarget();
        Path work = Hosts.workDir("gui");
        home = Files.createDirectories(work.resolve("home"));
        Path hostBin = work.resolve("gui_host");
        String cc = Hosts.run(List.of(gcc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-O1",
                "-I" + System.getProperty("midicenter.nativeInclude", "../native-bridge/include"),
                Path.of(System.getProperty("midicenter.hostSources", "src/test/c"), "gui_host.c").toString(),
                "-o", hostBin.toString(), "-lX11", "-ldl"), Map.of(), 120);
        assertTrue(Files.isExecutable(hostBin), "gcc could not build the GUI test host:\n" + cc);

        int display = startXvfb(xvfbTool, work.resolve("xvfb.log"));
        Path shot = work.resolve("screenshot.ppm");
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", ":" + display);
        Hosts.pluginEnv(env, home);
        ProcessBuilder pb = new ProcessBuilder(hostBin.toString(), target.resolve("midicenter.clap").toString(), "10",
                shot.toString()).redirectErrorStream(true).redirectOutput(work.resolve("gui_host.log").toFile());
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process host = pb.start();
        boolean ended = host.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            Hosts.stop(host);
        }
        String out = Hosts.read(work.resolve("gui_host.log"));
        assertTrue(ended, "the GUI test host did not finish in 90 s:\n" + out);
        assertEquals(0, host.exitValue(), "the GUI test host (a crash, or the plugin refused the GUI):\n" + out);
        assertTrue(Hosts.databaseStopped(home, 5), "the plugin's database server stops with the host (it outlived it)");
        assertTrue(out.contains("embedded into 0x"), "set_parent + show accepted:\n" + out);

        int w = 0;
        int h = 0;
        Matcher m = SIZE.matcher(out);
        while (m.find()) {
            w = Integer.parseInt(m.group(1));
            h = Integer.parseInt(m.group(2));
        }
        assertTrue(w >= 200 && h >= 200, "the plugin reported its GUI size:\n" + out);

        BufferedImage img = readPpm(shot);
        Path png = work.resolve("screenshot.png");
        ImageIO.write(img, "png", png.toFile());
        int ew = Math.min(w, img.getWidth());
        int eh = Math.min(h, img.getHeight());
        long magentaInside = 0;
        long dark = 0;
        long light = 0;
        Map<Integer, Integer> colours = new HashMap<>();
        for (int y = 0; y < eh; y++) {
            for (int x = 0; x < ew; x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.merge(rgb, 1, Integer::sum);
                if (rgb == MAGENTA) {
                    magentaInside++;
                }
                int lum = ((rgb >> 16 & 0xFF) * 3 + (rgb >> 8 & 0xFF) * 6 + (rgb & 0xFF)) / 10;
                if (lum < 96) {
                    dark++;
                } else if (lum > 200) {
                    light++;
                }
            }
        }
        long area = (long) ew * eh;
        long magentaOutside = 0;
        long outside = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (x >= ew || y >= eh) {
                    outside++;
                    magentaOutside += (img.getRGB(x, y) & 0xFFFFFF) == MAGENTA ? 1 : 0;
                }
            }
        }
        int dominant = colours.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String summary = String.format("embedded area %dx%d of the %dx%d host window: %d colours, dominant #%06X,"
                + " %.1f%% light, %.2f%% dark (text), %.3f%% host magenta inside, %.1f%% magenta outside; %s",
                ew, eh, img.getWidth(), img.getHeight(), colours.size(), dominant, 100.0 * light / area,
                100.0 * dark / area, 100.0 * magentaInside / area,
                outside == 0 ? 100.0 : 100.0 * magentaOutside / outside, png);
        System.out.println("GUI: " + summary + "; " + firstLine(out, "Java ready in") + "; host run "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertTrue(magentaInside < area / 200, "the embedded area still shows the host window (blank): " + summary);
        assertTrue(colours.size() >= 20, "the embedded area is not a drawn browser (few colours): " + summary);
        assertTrue(light > area / 2, "the browser's light panel background expected: " + summary);
        assertTrue(dark > area / 1000, "the browser's text (dark pixels) expected: " + summary);
        assertTrue(outside == 0 || magentaOutside * 10 > outside * 9,
                "outside the plugin's rectangle the host window stays visible (the GUI is inside it): " + summary);
    }

    private static String firstLine(String text, String start) {
        for (String l : text.split("\n")) {
            if (l.contains(start)) {
                return l.trim();
            }
        }
        return "(no '" + start + "' line)";
    }

    private static BufferedImage readPpm(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(
                new java.io.BufferedInputStream(raw))) {
            String magic = token(in);
            assertEquals("P6", magic, "PPM");
            int w = Integer.parseInt(token(in));
            int h = Integer.parseInt(token(in));
            token(in); /* 255; one whitespace byte consumed */
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            byte[] row = new byte[w * 3];
            for (int y = 0; y < h; y++) {
                in.readFully(row);
                for (int x = 0; x < w; x++) {
                    img.setRGB(x, y, (row[3 * x] & 0xFF) << 16 | (row[3 * x + 1] & 0xFF) << 8 | row[3 * x + 2] & 0xFF);
                }
            }
            return img;
        }
    }

    private static String token(DataInputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (Character.isWhitespace(c)) {
                if (sb.length() > 0) {
                    break;
                }
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    /** Xvfb on a free display number (no lock file, no socket), waiting for its socket. */
    private int startXvfb(String tool, Path log) throws Exception {
        for (int n = 70 + (int) (ProcessHandle.current().pid() % 50); n < 200; n++) {
            if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                continue;
            }
            xvfb = Hosts.start(List.of(tool, ":" + n, "-screen", "0", "1280x900x24", "-nolisten", "tcp"), Map.of(),
                    log);
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            if (Hosts.waitFor(() -> Files.exists(socket) || !xvfb.isAlive(), 10_000) && xvfb.isAlive()) {
                return n;
            }
            Hosts.stop(xvfb);
        }
        throw new AssertionError("Xvfb did not start on any display; see " + log + ":\n" + Hosts.read(log));
    }

    @AfterEach
    void tearDown() throws Exception {
        Hosts.stop(xvfb);
        if (home != null && Hosts.stopLeftoverDatabase(home)) {
            System.out.println("note: the plugin's embedded database was still running after the test; stopped");
        }
    }
}
