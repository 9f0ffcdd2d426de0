package org.nocturne.ui.alignment;

import java.time.Instant;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.nocturne.core.angle.Sexagesimal;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.ObservedPlace;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.sky.PoleStar;
import org.nocturne.core.sky.TopocentricSky;
import org.nocturne.ui.site.SiteStore;
import org.nocturne.ui.widgets.Ticker;
import org.nocturne.ui.widgets.ValueGrid;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Polar scope: where the pole star (Polaris, or σ Octantis south of the equator) stands around the celestial pole now,
 * as the hour angle and as a clock position for the naked eye and for an inverting polar scope, with a drawing of the
 * inverted view. This gets a mount roughly aligned before three-point polar alignment refines it.
 * Value fields: "star", "hourAngle", "nakedEye", "scope"; the drawing is the canvas "reticle".
 */
public final class PoleScopePart {

    @Inject
    private SiteStore siteStore;

    private TopocentricSky sky;
    private PoleStar poleStar;
    private Label star;
    private Label hourAngle;
    private Label nakedEye;
    private Label scope;
    private Canvas reticle;
    private double scopeClock = Double.NaN;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        Composite values = new Composite(parent, SWT.NONE);
        values.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, true));
        ValueGrid grid = new ValueGrid(values);
        star = grid.addValue("Pole star", "star");
        hourAngle = grid.addValue("Hour angle", "hourAngle");
        nakedEye = grid.addValue("Naked eye, facing the pole", "nakedEye");
        scope = grid.addValue("Inverting polar scope", "scope");
        reticle = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        reticle.setData(ValueGrid.FIELD_KEY, "reticle");
        GridData reticleData = new GridData(SWT.FILL, SWT.FILL, true, true);
        reticleData.minimumWidth = 240;
        reticleData.minimumHeight = 240;
        reticle.setLayoutData(reticleData);
        reticle.addPaintListener(e -> paint(e.gc, reticle.getClientArea()));
        useSite(siteStore.site());
        Ticker.every(1000, star, this::refresh);
    }

    @Inject
    @Optional
    void siteChanged(@UIEventTopic(SiteStore.TOPIC_SITE_CHANGED) ObserverSite site) {
        if (star != null && !star.isDisposed()) {
            useSite(site);
            refresh();
        }
    }

    private void useSite(ObserverSite site) {
        sky = new TopocentricSky(site);
        poleStar = PoleStar.forSite(site);
    }

    private void refresh() {
        ObservedPlace place = sky.observe(poleStar.icrs(), AstroTime.of(Instant.now()));
        double ha = place.hourAngleHours();
        scopeClock = poleStar.invertedScopeClock(ha);
        star.setText(poleStar.label() + String.format(Locale.ROOT, ", altitude %.1f°", place.altitudeDegrees()));
        hourAngle.setText(Sexagesimal.formatHours(ha));
        nakedEye.setText(clock(poleStar.nakedEyeClock(ha)));
        scope.setText(clock(scopeClock));
        star.getParent().layout(true);
        reticle.redraw();
    }

    /** "4:37 o'clock" from a clock position in hours [0, 12). */
    private static String clock(double hours) {
        int minutes = (int) Math.round(hours * 60.0) % 720;
        int hour = minutes / 60 == 0 ? 12 : minutes / 60;
        return String.format(Locale.ROOT, "%d:%02d o'clock", hour, minutes % 60);
    }

    private void paint(GC gc, Rectangle area) {
        int size = Math.min(area.width, area.height) - 20;
        if (size < 40) {
            return;
        }
        int cx = area.x + area.width / 2;
        int cy = area.y + area.height / 2;
        int radius = size / 2;
        gc.setAntialias(SWT.ON);
        Color ring = new Color(160, 60, 50);
        Color marker = new Color(255, 200, 120);
        try {
            gc.setForeground(ring);
            gc.setLineWidth(1);
            gc.drawOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
            gc.drawLine(cx - radius, cy, cx + radius, cy);
            gc.drawLine(cx, cy - radius, cx, cy + radius);
            gc.drawString("12", cx - 7, cy - radius - 2 - gc.getFontMetrics().getHeight(), true);
            gc.drawString("6", cx - 4, cy + radius + 2, true);
            gc.drawString("3", cx + radius + 4, cy - 8, true);
            gc.drawString("9", cx - radius - 12, cy - 8, true);
            if (!Double.isNaN(scopeClock)) {
                double angle = scopeClock / 12.0 * 2 * Math.PI;
                int sx = cx + (int) Math.round(radius * Math.sin(angle));
                int sy = cy - (int) Math.round(radius * Math.cos(angle));
                gc.setBackground(marker);
                gc.fillOval(sx - 6, sy - 6, 12, 12);
            }
        } finally {
            ring.dispose();
            marker.dispose();
        }
    }
}
