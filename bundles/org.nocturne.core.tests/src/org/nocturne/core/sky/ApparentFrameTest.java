package org.nocturne.core.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ApparentFrameTest {

    private static final double ARCSEC = Math.toRadians(1.0 / 3600);

    @Test
    void apparentPlaceMatchesTheTopocentricSkyAndRoundTrips() {
        AstroTime time = AstroTime.of(Instant.parse("2026-11-25T21:00:00Z"));
        Equatorial vega = Equatorial.ofHoursDegrees(18.615649, 38.783692);
        Equatorial apparent = ApparentFrame.fromIcrs(vega, time);
        Equatorial viaSky = new TopocentricSky(ObserverSite.GREENWICH).observe(vega, time).apparent();
        // TopocentricSky's apparent place is topocentric: diurnal aberration (≤ 0.3″) is the only difference for a star.
        assertEquals(viaSky.raRadians(), apparent.raRadians(), 0.5 * ARCSEC / Math.cos(vega.decRadians()));
        assertEquals(viaSky.decRadians(), apparent.decRadians(), 0.5 * ARCSEC);
        // 26 years of precession move Vega's place by minutes of arc; the round trip returns to the catalog place.
        Equatorial back = ApparentFrame.toIcrs(apparent, time);
        assertEquals(vega.raRadians(), back.raRadians(), 0.001 * ARCSEC);
        assertEquals(vega.decRadians(), back.decRadians(), 0.001 * ARCSEC);
    }
}
