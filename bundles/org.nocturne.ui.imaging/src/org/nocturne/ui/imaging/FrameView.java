package org.nocturne.ui.imaging;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.nocturne.image.stars.Star;
import org.nocturne.ui.widgets.ValueGrid;

/**
 * The latest frame, fitted to the canvas, with its detected stars circled (radius 2.5 HFR). Holds one SWT image,
 * released when the next frame comes or the canvas is disposed. UI thread only.
 */
public final class FrameView {

    private static final Color STAR_MARK = new Color(90, 220, 120);
    private static final Color EMPTY_TEXT = new Color(150, 155, 165);

    private final Canvas canvas;
    private Image image;
    private final String emptyText;
    private FrameAnalysis shown;

    /**
     * @param field the canvas's {@link ValueGrid#FIELD_KEY} name
     * @param emptyText what the canvas says before the first frame
     */
    public FrameView(Composite parent, String field, String emptyText) {
        this.emptyText = emptyText;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setData(ValueGrid.FIELD_KEY, field);
        canvas.addPaintListener(event -> paint(event.gc));
        canvas.addDisposeListener(event -> release());
    }

    public Canvas control() {
        return canvas;
    }

    public void show(FrameAnalysis analysis) {
        release();
        image = new Image(canvas.getDisplay(), analysis.preview());
        shown = analysis;
        canvas.redraw();
    }

    private void release() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        if (image == null) {
            gc.setForeground(EMPTY_TEXT);
            gc.drawText(emptyText, area.x + 12, area.y + 12, true);
            return;
        }
        ImageData preview = shown.preview();
        double zoom = Math.min(area.width / (double) preview.width, area.height / (double) preview.height);
        int width = (int) (preview.width * zoom);
        int height = (int) (preview.height * zoom);
        int left = area.x + (area.width - width) / 2;
        int top = area.y + (area.height - height) / 2;
        gc.setInterpolation(SWT.HIGH);
        gc.drawImage(image, 0, 0, preview.width, preview.height, left, top, width, height);
        double framePixel = zoom / shown.scale();
        gc.setForeground(STAR_MARK);
        gc.setAntialias(SWT.ON);
        for (Star star : shown.marked()) {
            int r = (int) Math.max(4, 2.5 * star.hfr() * framePixel);
            int x = left + (int) Math.round((star.x() + 0.5) * framePixel);
            int y = top + (int) Math.round((star.y() + 0.5) * framePixel);
            gc.drawOval(x - r, y - r, 2 * r, 2 * r);
        }
    }
}
