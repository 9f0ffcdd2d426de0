package org.nocturne.ui.sky;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.nocturne.core.angle.Sexagesimal;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.ObservedPlace;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.sky.TopocentricSky;
import org.nocturne.core.sky.TwilightPhase;
import org.nocturne.ui.site.SiteStore;
import org.nocturne.ui.widgets.Ticker;
import org.nocturne.ui.widgets.ValueGrid;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * "Sky now", shared by every perspective: the site, local and UTC time, local sidereal time, and the Sun's altitude
 * with the twilight phase. Refreshed once a second on the UI thread (a Sun position costs about 1.3 ms).
 * Value fields ({@link ValueGrid#FIELD_KEY}): "site", "utc", "local", "lst", "sun", "twilight".
 */
public final class SkyPart {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    private SiteStore siteStore;

    private TopocentricSky sky;
    private Label site;
    private Label utc;
    private Label local;
    private Label siderealTime;
    private Label sun;
    private Label twilight;

    @PostConstruct
    public void create(Composite parent) {
        ValueGrid grid = new ValueGrid(parent);
        site = grid.addValue("Site", "site");
        utc = grid.addValue("UTC", "utc");
        local = grid.addValue("Local time", "local");
        siderealTime = grid.addValue("Local sidereal time", "lst");
        sun = grid.addValue("Sun altitude", "sun");
        twilight = grid.addValue("Sky", "twilight");
        showSite(siteStore.site());
        Ticker.every(1000, site, this::refreshValues);
    }

    @Inject
    @Optional
    void siteChanged(@UIEventTopic(SiteStore.TOPIC_SITE_CHANGED) ObserverSite newSite) {
        if (site != null && !site.isDisposed()) {
            showSite(newSite);
            refreshValues();
        }
    }

    private void showSite(ObserverSite observerSite) {
        sky = new TopocentricSky(observerSite);
        String origin = siteStore.isUserDefined() ? "" : "\n(default: set your site in Setup)";
        site.setText(observerSite.name() + "\n" + Sexagesimal.formatDegrees(observerSite.latitudeDegrees(), "N", "S") + ", "
                + Sexagesimal.formatDegrees(observerSite.longitudeDegrees(), "E", "W") + ", "
                + Math.round(observerSite.elevationMeters()) + " m" + origin);
        site.getParent().layout(true);
    }

    private void refreshValues() {
        Instant now = Instant.now();
        AstroTime time = AstroTime.of(now);
        utc.setText(TIME.format(now.atZone(ZoneId.of("UTC"))));
        local.setText(TIME.format(now.atZone(ZoneId.systemDefault())) + " " + ZoneId.systemDefault().getId());
        siderealTime.setText(Sexagesimal.formatHours(sky.localSiderealTimeHours(time)));
        ObservedPlace sunPlace = sky.observeSun(time);
        sun.setText(String.format("%+.1f°", sunPlace.altitudeDegrees()));
        twilight.setText(TwilightPhase.of(sunPlace.altitudeDegrees()).label());
    }
}
