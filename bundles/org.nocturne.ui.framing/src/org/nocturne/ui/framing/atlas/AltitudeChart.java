package org.nocturne.ui.framing.atlas;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.nocturne.core.night.AltitudeCurve;
import org.nocturne.core.night.NightSample;
import org.nocturne.core.night.NightSky;
import org.nocturne.core.sky.TwilightPhase;

/**
 * The altitude of one target over one night: time from sunset to sunrise across, altitude 0–90° up, the background
 * shaded by twilight (day, civil, nautical, astronomical, dark), the chosen minimum altitude as a line, the Moon's
 * altitude dotted. UI thread only; {@link #show} takes values computed elsewhere and only paints them.
 */
final class AltitudeChart {

    private static final int LEFT = 36;
    private static final int RIGHT = 12;
    private static final int TOP = 22;
    private static final int BOTTOM = 24;

    private final Canvas canvas;
    private NightSky night;
    private AltitudeCurve curve;
    private String title = "";
    private double minimumAltitude;
    private ZoneId zone = ZoneId.systemDefault();

    AltitudeChart(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.addPaintListener(event -> paint(event.gc));
    }

    Canvas control() {
        return canvas;
    }

    /** Shows a night, and the curve of a target on it (null for none). */
    void show(NightSky sky, AltitudeCurve targetCurve, String targetTitle, double minimumAltitudeDegrees, ZoneId timeZone) {
        night = sky;
        curve = targetCurve;
        title = targetTitle;
        minimumAltitude = minimumAltitudeDegrees;
        zone = timeZone;
        canvas.setData(SkyAtlasPart.FIELD_KEY, "chart:" + (targetCurve == null ? "" : targetTitle));
        canvas.redraw();
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        Rectangle plot = new Rectangle(area.x + LEFT, area.y + TOP, Math.max(1, area.width - LEFT - RIGHT),
                Math.max(1, area.height - TOP - BOTTOM));
        gc.setAntialias(SWT.ON);
        gc.setBackground(color(gc, new RGB(24, 26, 31)));
        gc.fillRectangle(area);
        if (night == null) {
            return;
        }
        List<NightSample> samples = night.samples();
        Instant start = night.window().start();
        Instant end = night.window().end();
        double span = Math.max(1, end.getEpochSecond() - start.getEpochSecond());
        for (int i = 0; i + 1 < samples.size(); i++) {
            int x0 = x(plot, samples.get(i).time(), start, span);
            int x1 = x(plot, samples.get(i + 1).time(), start, span);
            gc.setBackground(color(gc, shade(TwilightPhase.of(samples.get(i).sunAltitudeDegrees()))));
            gc.fillRectangle(Math.max(plot.x, x0), plot.y, Math.min(plot.x + plot.width, x1) - Math.max(plot.x, x0) + 1, plot.height);
        }
        gc.setLineStyle(SWT.LINE_DOT);
        for (int altitude = 0; altitude <= 90; altitude += 30) {
            int y = y(plot, altitude);
            gc.setForeground(color(gc, new RGB(70, 74, 84)));
            gc.drawLine(plot.x, y, plot.x + plot.width, y);
            gc.setForeground(color(gc, new RGB(150, 155, 165)));
            String label = altitude + "°";
            Point size = gc.textExtent(label);
            gc.drawText(label, plot.x - size.x - 6, y - size.y / 2, true);
        }
        ZonedDateTime hour = start.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        for (; hour.toInstant().isBefore(end); hour = hour.plusHours(1)) {
            int x = x(plot, hour.toInstant(), start, span);
            gc.setForeground(color(gc, new RGB(70, 74, 84)));
            gc.drawLine(x, plot.y, x, plot.y + plot.height);
            gc.setForeground(color(gc, new RGB(150, 155, 165)));
            String label = String.format("%02d", hour.getHour());
            gc.drawText(label, x - gc.textExtent(label).x / 2, plot.y + plot.height + 4, true);
        }
        gc.setLineStyle(SWT.LINE_DASH);
        gc.setForeground(color(gc, new RGB(200, 120, 60)));
        int minimumY = y(plot, minimumAltitude);
        gc.drawLine(plot.x, minimumY, plot.x + plot.width, minimumY);
        gc.setLineStyle(SWT.LINE_DOT);
        gc.setLineWidth(2);
        gc.setForeground(color(gc, new RGB(170, 170, 150)));
        drawCurve(gc, plot, samples.stream().mapToDouble(NightSample::moonAltitudeDegrees).toArray(), start, span);
        gc.setLineStyle(SWT.LINE_SOLID);
        if (curve != null) {
            gc.setForeground(color(gc, new RGB(120, 190, 255)));
            drawCurve(gc, plot, curve.altitudesDegrees(), start, span);
        }
        gc.setLineWidth(1);
        gc.setForeground(color(gc, new RGB(220, 222, 228)));
        gc.drawText(curve == null ? "Select a target to see its altitude tonight" : title + " — altitude tonight (local time; Moon dotted)",
                plot.x, area.y + 3, true);
    }

    private void drawCurve(GC gc, Rectangle plot, double[] altitudes, Instant start, double span) {
        List<NightSample> samples = night.samples();
        int n = Math.min(samples.size(), altitudes.length);
        gc.setClipping(plot);
        for (int i = 0; i + 1 < n; i++) {
            if (altitudes[i] < -5 && altitudes[i + 1] < -5) {
                continue;
            }
            gc.drawLine(x(plot, samples.get(i).time(), start, span), y(plot, altitudes[i]),
                    x(plot, samples.get(i + 1).time(), start, span), y(plot, altitudes[i + 1]));
        }
        gc.setClipping((Rectangle) null);
    }

    private static int x(Rectangle plot, Instant time, Instant start, double span) {
        return plot.x + (int) Math.round((time.getEpochSecond() - start.getEpochSecond()) / span * plot.width);
    }

    private static int y(Rectangle plot, double altitudeDegrees) {
        return plot.y + (int) Math.round((90 - altitudeDegrees) / 90.0 * plot.height);
    }

    private static RGB shade(TwilightPhase phase) {
        return switch (phase) {
            case DAY -> new RGB(72, 88, 116);
            case CIVIL_TWILIGHT -> new RGB(56, 66, 90);
            case NAUTICAL_TWILIGHT -> new RGB(40, 46, 66);
            case ASTRONOMICAL_TWILIGHT -> new RGB(30, 33, 48);
            case NIGHT -> new RGB(14, 15, 22);
        };
    }

    /** SWT colours need no disposal since 3.119 (they own no OS resource). */
    private static Color color(GC gc, RGB rgb) {
        return new Color(rgb);
    }
}
