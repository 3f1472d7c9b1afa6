import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws midicenter.svg's shapes into a PNG (jpackage and the hicolor theme want a PNG), so that no binary icon is
 * kept in the repository. Run by package.sh: {@code java IconPng.java OUT.png [SIZE]} (headless).
 */
public final class IconPng {
    public static void main(String[] args) throws IOException {
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(size / 256.0, size / 256.0);
        g.setColor(new Color(0x1f3a5f));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 88, 88));
        g.setColor(Color.WHITE);
        for (int x : new int[] {36, 78, 120, 162}) {
            g.fill(new RoundRectangle2D.Double(x, 132, 38, 92, 10, 10));
        }
        g.setColor(new Color(0x111827));
        for (int x : new int[] {62, 104, 188}) {
            g.fill(new RoundRectangle2D.Double(x, 132, 24, 56, 6, 6));
        }
        g.setColor(new Color(0xf5b942));
        g.fill(new Ellipse2D.Double(96 - 26, 100 - 19, 52, 38));
        g.fillRect(114, 28, 10, 74);
        Path2D flag = new Path2D.Double();
        flag.moveTo(124, 28);
        flag.curveTo(150, 34, 170, 48, 176, 76);
        flag.curveTo(162, 62, 146, 58, 124, 56);
        flag.closePath();
        g.fill(flag);
        g.dispose();
        ImageIO.write(image, "png", new File(args[0]));
    }
}
