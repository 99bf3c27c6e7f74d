package org.nanosynapse.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.nanosynapse.io.AtomicFiles;

/**
 * PNG images of small matrices: one panel per matrix, cells coloured on a diverging blue–white–red
 * scale symmetric around zero (or white–blue for counts), optionally with the value in each cell.
 * Used for confusion matrices and for weights shown as images (a neuron's input weights laid out as the
 * input image).
 */
public final class MatrixImage {
  private static final int CELL = 48;
  private static final int MARGIN = 30;
  private static final int TITLE = 24;

  /** One panel. */
  public record Panel(String title, double[][] values, List<String> rowLabels, List<String> colLabels) {}

  private final String title;
  private final boolean diverging;
  private final boolean annotate;

  /**
   * @param diverging colour around zero (weights) rather than from zero up (counts)
   * @param annotate print each cell's value
   */
  public MatrixImage(String title, boolean diverging, boolean annotate) {
    this.title = title;
    this.diverging = diverging;
    this.annotate = annotate;
  }

  public void writePng(Path file, List<Panel> panels) {
    AtomicFiles.writeBytes(file, pngBytes(panels));
  }

  public byte[] pngBytes(List<Panel> panels) {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("panels: need at least one");
    }
    double scale = 0;
    int maxRows = 0;
    int totalWidth = MARGIN;
    for (Panel p : panels) {
      maxRows = Math.max(maxRows, p.values().length);
      totalWidth += p.values()[0].length * CELL + 2 * MARGIN;
      for (double[] r : p.values()) {
        for (double v : r) {
          scale = Math.max(scale, Math.abs(v));
        }
      }
    }
    scale = scale == 0 ? 1 : scale;
    int height = TITLE + 2 * TITLE + maxRows * CELL + 2 * MARGIN;
    BufferedImage img = new BufferedImage(Math.max(totalWidth, 320), height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title + (diverging ? String.format(Locale.ROOT, "  (colour scale ±%.3g)", scale) : ""), MARGIN, 18);
    int x0 = MARGIN;
    for (Panel p : panels) {
      int rows = p.values().length;
      int cols = p.values()[0].length;
      int y0 = TITLE + 2 * TITLE;
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.setColor(Color.BLACK);
      g.drawString(p.title(), x0, y0 - 22);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          double v = p.values()[r][c];
          g.setColor(colour(v / scale));
          g.fillRect(x0 + c * CELL, y0 + r * CELL, CELL, CELL);
          if (annotate) {
            g.setColor(Math.abs(v / scale) > 0.6 ? Color.WHITE : Color.BLACK);
            String s = v == Math.rint(v) && Math.abs(v) < 1e6 ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.2f", v);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(s, x0 + c * CELL + (CELL - fm.stringWidth(s)) / 2, y0 + r * CELL + CELL / 2 + 5);
          }
        }
      }
      g.setColor(Color.GRAY);
      g.setStroke(new BasicStroke(1));
      g.drawRect(x0, y0, cols * CELL, rows * CELL);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      if (p.colLabels() != null) {
        for (int c = 0; c < cols && c < p.colLabels().size(); c++) {
          g.drawString(p.colLabels().get(c), x0 + c * CELL + 2, y0 - 4);
        }
      }
      if (p.rowLabels() != null) {
        for (int r = 0; r < rows && r < p.rowLabels().size(); r++) {
          g.drawString(p.rowLabels().get(r), x0 + cols * CELL + 4, y0 + r * CELL + CELL / 2);
        }
      }
      x0 += cols * CELL + 2 * MARGIN;
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private Color colour(double t) {
    t = Math.max(-1, Math.min(1, t));
    if (!diverging) {
      t = Math.abs(t);
      return new Color((int) (255 - 200 * t), (int) (255 - 150 * t), 255);
    }
    return t >= 0
        ? new Color(255, (int) (255 - 200 * t), (int) (255 - 200 * t))
        : new Color((int) (255 + 200 * t), (int) (255 + 200 * t), 255);
  }
}
