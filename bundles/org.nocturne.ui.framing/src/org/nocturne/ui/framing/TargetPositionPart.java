package org.nocturne.ui.framing;

import java.time.Instant;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.nocturne.core.angle.Sexagesimal;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObservedPlace;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.sky.TopocentricSky;
import org.nocturne.ui.site.SiteStore;
import org.nocturne.ui.widgets.Ticker;
import org.nocturne.ui.widgets.ValueGrid;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Target position: type a J2000 right ascension and declination (as catalogs give them) and see where the target
 * stands from the site now: apparent JNow coordinates (what many mounts expect), hour angle, altitude, azimuth and the
 * time to the meridian (which decides the meridian flip). Inputs "ra", "dec"; values "jnow", "hourAngle", "altAz",
 * "meridian"; message "status".
 */
public final class TargetPositionPart {

    @Inject
    private SiteStore siteStore;

    private TopocentricSky sky;
    private Text ra;
    private Text dec;
    private Label jnow;
    private Label hourAngle;
    private Label altAz;
    private Label meridian;
    private Label status;

    @PostConstruct
    public void create(Composite parent) {
        ValueGrid grid = new ValueGrid(parent);
        ra = grid.addInput("Right ascension (J2000)", "ra", "hours, e.g. 05 35 17.3");
        dec = grid.addInput("Declination (J2000)", "dec", "degrees, e.g. -05 23 28");
        jnow = grid.addValue("Apparent (JNow)", "jnow");
        hourAngle = grid.addValue("Hour angle", "hourAngle");
        altAz = grid.addValue("Altitude, azimuth", "altAz");
        meridian = grid.addValue("Meridian", "meridian");
        status = grid.addMessage("status");
        ra.addListener(SWT.Modify, e -> refresh());
        dec.addListener(SWT.Modify, e -> refresh());
        sky = new TopocentricSky(siteStore.site());
        Ticker.every(1000, ra, this::refresh);
    }

    @Inject
    @Optional
    void siteChanged(@UIEventTopic(SiteStore.TOPIC_SITE_CHANGED) ObserverSite site) {
        sky = new TopocentricSky(site);
        if (ra != null && !ra.isDisposed()) {
            refresh();
        }
    }

    private void refresh() {
        if (ra.getText().isBlank() && dec.getText().isBlank()) {
            show("", "", "", "", "Type a target's J2000 coordinates to see where it stands from " + sky.site().name() + ".");
            return;
        }
        Equatorial target;
        try {
            double hours = Sexagesimal.parse(ra.getText(), "Right ascension");
            double degrees = Sexagesimal.parse(dec.getText(), "Declination");
            if (hours < 0 || hours >= 24) {
                throw new IllegalArgumentException("Right ascension " + ra.getText().trim() + " is outside 0h to 24h");
            }
            if (Math.abs(degrees) > 90) {
                throw new IllegalArgumentException("Declination " + dec.getText().trim() + " is outside ±90°");
            }
            target = Equatorial.ofHoursDegrees(hours, degrees);
        } catch (IllegalArgumentException e) {
            show("", "", "", "", e.getMessage());
            return;
        }
        ObservedPlace place = sky.observe(target, AstroTime.of(Instant.now()));
        long minutesToMeridian = Math.round(place.hoursToMeridian() * 60.0);
        show(Sexagesimal.formatHours(place.apparent().raHours()) + "   " + Sexagesimal.formatDegrees(place.apparent().decDegrees()),
                Sexagesimal.formatHours(place.hourAngleHours()) + (place.hourAngleHours() < 0 ? " (east)" : " (west)"),
                String.format(Locale.ROOT, "%.2f°, %.2f°", place.altitudeDegrees(), place.azimuthDegrees())
                        + (place.altitudeDegrees() < 0 ? " (below the horizon)" : ""),
                String.format(Locale.ROOT, "crosses in %dh %02dm", minutesToMeridian / 60, minutesToMeridian % 60),
                "Computed for " + sky.site().name() + ".");
    }

    private void show(String apparent, String ha, String horizontal, String meridianText, String message) {
        jnow.setText(apparent);
        hourAngle.setText(ha);
        altAz.setText(horizontal);
        meridian.setText(meridianText);
        status.setText(message);
        status.getParent().layout(true);
    }
}
