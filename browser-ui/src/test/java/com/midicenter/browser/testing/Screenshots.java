package com.midicenter.browser.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Checks on the screenshots a UI scenario took: the file is {@code PREFIX + "Screenshot"} of its facts, a region
 * {@code x,y,w,h} (frame coordinates) is a fact of its own. "Not blank" is a standard deviation of the luma above 10;
 * "holds text" above 5; "colourful" (anti-aliased text, icons) more than 8 distinct colours.
 */
public final class Screenshots {

    private Screenshots() {
    }

    /** The screenshot {@code prefix + "Screenshot"} of the facts. */
    public static File file(Properties facts, String prefix) {
        return new File(facts.getProperty(prefix + "Screenshot"));
    }

    /** Asserts that {@code file} exists, is wider than {@code minWidth} and is not blank; its image. */
    public static BufferedImage assertNotBlank(File file, int minWidth) throws IOException {
        assertThat(file).exists();
        BufferedImage image = ImageIO.read(file);
        assertThat(image.getWidth()).isGreaterThan(minWidth);
        assertThat(stdDevOfLuma(image)).as("%s is not blank", file).isGreaterThan(10);
        return image;
    }

    /** Asserts that {@code region} (called {@code what}) of {@code file} is taller than {@code minHeight} and holds text. */
    public static void assertHoldsText(BufferedImage image, Rectangle region, String what, File file, int minHeight) {
        assertThat(region.height).as("%s of %s", what, file).isGreaterThan(minHeight);
        assertThat(stdDevOfLuma(image, region)).as("%s of %s holds text", what, file).isGreaterThan(5);
    }

    /** Asserts that {@code region} (called {@code what}) of {@code file} has more than 8 colours. */
    public static void assertColourful(BufferedImage image, Rectangle region, String what, File file) {
        assertThat(colours(image, region)).as("colours in the %s of %s", what, file).isGreaterThan(8);
    }

    /** A region {@code x,y,w,h} of the facts, clipped to the image. */
    public static Rectangle region(Properties facts, String key, BufferedImage image) {
        String[] r = facts.getProperty(key).split(",");
        return new Rectangle(Integer.parseInt(r[0]), Integer.parseInt(r[1]), Integer.parseInt(r[2]),
                Integer.parseInt(r[3])).intersection(whole(image));
    }

    public static Rectangle whole(BufferedImage image) {
        return new Rectangle(0, 0, image.getWidth(), image.getHeight());
    }

    public static double stdDevOfLuma(BufferedImage image) {
        return stdDevOfLuma(image, whole(image));
    }

    public static double stdDevOfLuma(BufferedImage image, Rectangle region) {
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                double luma = luma(image.getRGB(x, y));
                sum += luma;
                sumSq += luma * luma;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    }

    public static double meanLuma(BufferedImage image, Rectangle region) {
        double sum = 0;
        long n = 0;
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                sum += luma(image.getRGB(x, y));
                n++;
            }
        }
        return sum / n;
    }

    /** The number of distinct colours in {@code region}. */
    public static int colours(BufferedImage image, Rectangle region) {
        Set<Integer> seen = new HashSet<>();
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static double luma(int rgb) {
        return 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
    }
}
