package org.nocturne.catalog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nocturne.catalog.deepsky.DeepSkyCatalog;
import org.nocturne.core.night.NightSky;
import org.nocturne.core.night.Visibility;
import org.nocturne.core.sky.ObserverSite;

class TargetPlannerTest {

    private static final TargetPlanner PLANNER = new TargetPlanner(new TargetSearch(DeepSkyCatalog.bundled()));
    private static final ObserverSite MUNICH = new ObserverSite("Munich", 48.14, 11.58, 520);
    private static final NightSky NOVEMBER = NightSky.forNight(MUNICH, LocalDate.of(2026, 11, 25), ZoneOffset.ofHours(1));

    @Test
    void m31IsANovemberTargetFromMunichAndTheSouthernSkyIsNot() {
        PlannedTarget m31 = PLANNER.plan("M31", TargetFilter.ANY, NOVEMBER, 30, false, 5).get(0);
        assertEquals("M 31", m31.object().id());
        assertEquals(Visibility.CIRCUMPOLAR, m31.night().visibility(), "dec +41° at latitude 48° never sets");
        // 90 − |φ − δ| with the apparent declination of 2026, +41.41° (J2000 +41.27° plus 26 years of precession).
        assertEquals(90 - Math.abs(48.14 - 41.41), m31.night().transitAltitudeDegrees(), 0.05, "transit altitude");
        assertTrue(m31.night().darkTimeAboveMinimum().compareTo(Duration.ofHours(6)) > 0, m31.night().toString());

        List<PlannedTarget> omegaCentauri = PLANNER.plan("omega centauri", TargetFilter.ANY, NOVEMBER, 30, false, 5);
        assertEquals(Visibility.NEVER_RISES, omegaCentauri.get(0).night().visibility(), "dec −47.5° never rises at 48° N");
        assertTrue(PLANNER.plan("omega centauri", TargetFilter.ANY, NOVEMBER, 30, true, 5).isEmpty(), "not observable");
    }

    @Test
    void aBlankSearchListsTheTargetsWithTheMostDarkTimeFirst() {
        List<PlannedTarget> plan = PLANNER.plan("", TargetFilter.ANY, NOVEMBER, 30, true, 300);
        assertEquals(300, plan.size());
        for (int i = 1; i < plan.size(); i++) {
            assertTrue(plan.get(i - 1).night().darkTimeAboveMinimum().compareTo(plan.get(i).night().darkTimeAboveMinimum()) >= 0,
                    "sorted by dark time at " + i);
            assertFalse(plan.get(i).night().darkTimeAboveMinimum().isZero());
        }
    }
}
