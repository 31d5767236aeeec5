package org.udjat.record.rrd;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.rrd4j.graph.ImageWorker;

/**
 * Where RRD4J draws a graph: an opaque RGB image encoded as PNG in memory. RRD4J's own worker draws
 * with an alpha channel the graphs never use, and lets ImageIO buffer through a temporary file;
 * this one encodes a third fewer bytes per pixel, with a fast deflate level, never touching the
 * disk: about twice as fast. One per graph; not thread-safe.
 */
final class PngWorker extends ImageWorker {
    /** ImageIO's PNG writer maps quality q to deflate level 9 * (1 - q): 0.75 is level 2. */
    private static final float QUALITY = 0.75f;

    private BufferedImage image;
    private AffineTransform initial;

    PngWorker() {
        resize(1, 1);
    }

    @Override
    protected void resize(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        setG2d(g);
        initial = g.getTransform();
        setAntiAliasing(false);
        setTextAntiAliasing(false);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    @Override
    protected void reset(Graphics2D g) {
        g.setTransform(initial);
        g.setClip(0, 0, image.getWidth(), image.getHeight());
    }

    @Override
    protected void makeImage(OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
