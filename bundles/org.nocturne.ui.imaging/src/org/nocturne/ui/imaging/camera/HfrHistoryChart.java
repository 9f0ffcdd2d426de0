package org.nocturne.ui.imaging.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.nocturne.ui.widgets.ValueGrid;

/**
 * The median HFR of each frame of a run, the number the user watches while focusing: frames across, HFR in pixels up
 * (points joined by a line, a gap where a frame had no stars), and each frame's star count as faint bars on their own
 * scale at the right. The newest {@value #FRAMES_SHOWN} frames are drawn; all are kept. UI thread only.
 */
final class HfrHistoryChart {

    private static final int FRAMES_SHOWN = 120;
    private static final int LEFT = 44;
    private static final int RIGHT = 44;
    private static final int TOP = 46;
    private static final int BOTTOM = 22;
    /** Least space in pixels between the first and the last frame label. */
    private static final int LABEL_GAP = 12;
    private static final Color BACKGROUND = new Color(24, 26, 31);
    private static final Color GRID = new Color(70, 74, 84);
    private static final Color AXIS_TEXT = new Color(150, 155, 165);
    private static final Color TITLE = new Color(220, 222, 228);
    private static final Color HFR = new Color(120, 190, 255);
    private static final Color STARS = new Color(70, 110, 80);
    private static final Color STARS_TEXT = new Color(110, 170, 120);

    /** One frame's figures; HFR NaN when it had no stars. */
    private record FramePoint(double hfr, int stars) {
    }

    private final Canvas canvas;
    private final List<FramePoint> frames = new ArrayList<>();
    private double arcsecPerPixel = Double.NaN;

    HfrHistoryChart(Composite parent, String field) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setData(ValueGrid.FIELD_KEY, field);
        canvas.addPaintListener(event -> paint(event.gc));
    }

    Canvas control() {
        return canvas;
    }

    /** Adds a frame's median HFR (pixels, NaN without stars) and star count; the scale (NaN when unknown) labels it. */
    void add(double hfrPixels, int stars, double frameArcsecPerPixel) {
        frames.add(new FramePoint(hfrPixels, stars));
        arcsecPerPixel = frameArcsecPerPixel;
        canvas.redraw();
    }

    /** Starts a new history. */
    void clear() {
        frames.clear();
        canvas.redraw();
    }

    /** Every frame's median HFR in pixels, oldest first; NaN for frames without stars. */
    List<Double> hfrs() {
        return frames.stream().map(FramePoint::hfr).toList();
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(BACKGROUND);
        gc.fillRectangle(area);
        gc.setAntialias(SWT.ON);
        Rectangle plot = new Rectangle(area.x + LEFT, area.y + TOP, Math.max(1, area.width - LEFT - RIGHT),
                Math.max(1, area.height - TOP - BOTTOM));
        gc.setForeground(TITLE);
        gc.drawText(title(), area.x + 8, area.y + 4, true);
        if (frames.isEmpty()) {
            return;
        }
        List<FramePoint> shown = frames.subList(Math.max(0, frames.size() - FRAMES_SHOWN), frames.size());
        Axis hfrAxis = Axis.upTo(1.1 * shown.stream().mapToDouble(FramePoint::hfr).filter(Double::isFinite).max().orElse(1));
        Axis starsAxis = Axis.upTo(Math.max(5, 1.1 * shown.stream().mapToInt(FramePoint::stars).max().orElse(0)));
        drawScales(gc, area, plot, hfrAxis, starsAxis);
        double slot = plot.width / (double) Math.max(shown.size(), 10);
        gc.setBackground(STARS);
        for (int i = 0; i < shown.size(); i++) {
            int barHeight = (int) Math.round(shown.get(i).stars() / starsAxis.top() * plot.height);
            int x = (int) (plot.x + i * slot + slot * 0.2);
            gc.fillRectangle(x, plot.y + plot.height - barHeight, Math.max(1, (int) (slot * 0.6)), barHeight);
        }
        gc.setForeground(HFR);
        gc.setBackground(HFR);
        gc.setLineWidth(2);
        Point previous = null;
        for (int i = 0; i < shown.size(); i++) {
            double hfr = shown.get(i).hfr();
            if (!Double.isFinite(hfr)) {
                previous = null;
                continue;
            }
            Point point = new Point(centre(plot, slot, i), (int) Math.round(plot.y + plot.height - hfr / hfrAxis.top() * plot.height));
            if (previous != null) {
                gc.drawLine(previous.x, previous.y, point.x, point.y);
            }
            gc.fillOval(point.x - 3, point.y - 3, 7, 7);
            previous = point;
        }
        gc.setLineWidth(1);
        gc.setForeground(AXIS_TEXT);
        int last = frameLabel(gc, plot, centre(plot, slot, shown.size() - 1), frames.size(), Integer.MAX_VALUE);
        if (shown.size() > 1) {
            frameLabel(gc, plot, centre(plot, slot, 0), frames.size() - shown.size() + 1, last - LABEL_GAP);
        }
    }

    private static void drawScales(GC gc, Rectangle area, Rectangle plot, Axis hfrAxis, Axis starsAxis) {
        gc.setForeground(HFR);
        gc.drawText("HFR px", area.x + 8, plot.y - 20, true);
        gc.setForeground(STARS_TEXT);
        String stars = "stars";
        gc.drawText(stars, area.x + area.width - gc.textExtent(stars).x - 8, plot.y - 20, true);
        gc.setLineStyle(SWT.LINE_DOT);
        for (int step = 0; step <= hfrAxis.divisions(); step++) {
            int y = plot.y + plot.height - step * plot.height / hfrAxis.divisions();
            gc.setForeground(GRID);
            gc.drawLine(plot.x, y, plot.x + plot.width, y);
            gc.setForeground(AXIS_TEXT);
            String hfr = hfrAxis.label(step);
            Point size = gc.textExtent(hfr);
            gc.drawText(hfr, plot.x - size.x - 6, y - size.y / 2, true);
        }
        gc.setLineStyle(SWT.LINE_SOLID);
        for (int step = 0; step <= starsAxis.divisions(); step++) {
            int y = plot.y + plot.height - step * plot.height / starsAxis.divisions();
            String count = starsAxis.label(step);
            gc.drawText(count, plot.x + plot.width + 6, y - gc.textExtent(count).y / 2, true);
        }
    }

    /**
     * Draws "frame N" under the bar at {@code x}, kept inside the plot, unless its right end would pass {@code limit}
     * (so the first frame's label never runs into the last one's). Returns the label's left edge, or {@code limit}
     * when it was left out.
     */
    private static int frameLabel(GC gc, Rectangle plot, int x, int frame, int limit) {
        String label = "frame " + frame;
        int width = gc.textExtent(label).x;
        int left = Math.max(plot.x, Math.min(plot.x + plot.width - width, x - width / 2));
        if (left + width > limit) {
            return limit;
        }
        gc.drawText(label, left, plot.y + plot.height + 3, true);
        return left;
    }

    private static int centre(Rectangle plot, double slot, int index) {
        return (int) Math.round(plot.x + (index + 0.5) * slot);
    }

    private String title() {
        if (frames.isEmpty()) {
            return "HFR per frame (line) and star count (bars): take frames to follow focus";
        }
        FramePoint latest = frames.get(frames.size() - 1);
        String hfr = Double.isFinite(latest.hfr()) ? String.format(Locale.ROOT, "HFR %.2f px", latest.hfr()) : "no stars";
        if (Double.isFinite(latest.hfr()) && Double.isFinite(arcsecPerPixel)) {
            hfr += String.format(Locale.ROOT, " (%.2f″)", latest.hfr() * arcsecPerPixel);
        }
        double best = frames.stream().mapToDouble(FramePoint::hfr).filter(Double::isFinite).min().orElse(Double.NaN);
        return String.format(Locale.ROOT, "Frame %d: %s · %d stars%s", frames.size(), hfr, latest.stars(),
                Double.isFinite(best) ? String.format(Locale.ROOT, " · best HFR %.2f px", best) : "");
    }

    /**
     * A value axis from 0 to a round top (1, 2 or 5 times a power of ten), with round divisions.
     *
     * @param top the axis's largest value
     * @param divisions how many equal steps it is cut into
     */
    private record Axis(double top, int divisions) {

        /** The smallest round axis that reaches {@code value}. */
        static Axis upTo(double value) {
            if (!(value > 0)) {
                return new Axis(1, 5);
            }
            double power = Math.pow(10, Math.floor(Math.log10(value)));
            for (double leading : new double[] { 1, 2, 5 }) {
                if (value <= leading * power) {
                    return new Axis(leading * power, leading == 2 ? 4 : 5);
                }
            }
            return new Axis(10 * power, 5);
        }

        /** The value at a division, with as many decimals as the step needs. */
        String label(int step) {
            double size = top / divisions;
            int decimals = size >= 1 ? 0 : (int) Math.ceil(-Math.log10(size) - 1e-9);
            return String.format(Locale.ROOT, "%." + decimals + "f", size * step);
        }
    }
}
