package org.nocturne.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nocturne.core.angle.Sexagesimal;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObservedPlace;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.sky.TopocentricSky;
import org.nocturne.ui.site.SiteStore;
import org.nocturne.ui.widgets.ValueGrid;

/** The parts that compute something, driven through their widgets as a user would. */
class SiteAndTargetTest {

    @Test
    void aSiteSavedInSetupIsUsedByEveryPerspective() {
        Workbench workbench = Workbench.main();
        open(workbench, "Setup");
        workbench.parts().showPart("org.nocturne.ui.setup.part.site", PartState.ACTIVATE);
        workbench.settle();
        type(workbench, "name", "Siding Spring");
        type(workbench, "latitude", "-31 16 24");
        type(workbench, "longitude", "149 03 52");
        type(workbench, "elevation", "1165");
        Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "save", Button.class).notifyListeners(SWT.Selection, new Event());
        workbench.settle();

        assertTrue(value(workbench, "status").startsWith("Saved: Siding Spring"), value(workbench, "status"));
        ObserverSite saved = workbench.window.getContext().get(SiteStore.class).site();
        assertEquals(-31.273333, saved.latitudeDegrees(), 1e-6);
        assertEquals(149.064444, saved.longitudeDegrees(), 1e-6);
        assertTrue(value(workbench, "site").startsWith("Siding Spring\n"), value(workbench, "site"));

        double expectedLst = new TopocentricSky(saved).localSiderealTimeHours(AstroTime.of(Instant.now()));
        double shownLst = Sexagesimal.parse(value(workbench, "lst"), "LST");
        assertEquals(0.0, Math.IEEEremainder(expectedLst - shownLst, 24.0), 3.0 / 3600.0, "sky part follows the saved site");

        open(workbench, "Alignment");
        assertTrue(value(workbench, "star").startsWith("σ Octantis"), "southern site aligns on σ Oct: " + value(workbench, "star"));
    }

    @Test
    void badSiteInputIsRefusedWithTheFieldNamed() {
        Workbench workbench = Workbench.main();
        open(workbench, "Setup");
        workbench.parts().showPart("org.nocturne.ui.setup.part.site", PartState.ACTIVATE);
        workbench.settle();
        ObserverSite before = workbench.window.getContext().get(SiteStore.class).site();
        type(workbench, "name", "Nowhere");
        type(workbench, "latitude", "95 00 00");
        type(workbench, "longitude", "0");
        Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "save", Button.class).notifyListeners(SWT.Selection, new Event());
        workbench.settle();
        assertTrue(value(workbench, "status").startsWith("Not saved. Latitude 95.0°"), value(workbench, "status"));
        assertEquals(before, workbench.window.getContext().get(SiteStore.class).site());
    }

    @Test
    void framingShowsWhereATargetStandsNow() {
        Workbench workbench = Workbench.main();
        open(workbench, "Framing");
        workbench.parts().showPart("org.nocturne.ui.framing.part.target", PartState.ACTIVATE);
        workbench.settle();
        type(workbench, "ra", "05 35 17.3");
        type(workbench, "dec", "-05 23 28");
        ObserverSite site = workbench.window.getContext().get(SiteStore.class).site();
        ObservedPlace expected = new TopocentricSky(site).observe(Equatorial.ofHoursDegrees(5.588139, -5.391111), AstroTime.of(Instant.now()));
        String altAz = value(workbench, "altAz");
        String[] degrees = altAz.replaceAll("[^0-9.,-]", "").split(",");
        assertEquals(expected.altitudeDegrees(), Double.parseDouble(degrees[0]), 0.05, altAz);
        assertEquals(expected.azimuthDegrees(), Double.parseDouble(degrees[1]), 0.1, altAz);
        assertTrue(value(workbench, "jnow").startsWith(Sexagesimal.formatHours(expected.apparent().raHours()).substring(0, 7)),
                value(workbench, "jnow"));
        assertTrue(value(workbench, "meridian").matches("crosses in \\d+h \\d\\dm"), value(workbench, "meridian"));

        type(workbench, "ra", "M42");
        assertTrue(value(workbench, "status").startsWith("Right ascension \"M42\""), value(workbench, "status"));
        assertEquals("", value(workbench, "altAz"));
        assertEquals("", value(workbench, "jnow"));
    }

    /** Leaves Setup and Framing as a user finds them, with their first parts on top, for the tests that follow. */
    @AfterEach
    void showTheFirstParts() {
        Workbench workbench = Workbench.main();
        open(workbench, "Framing");
        workbench.parts().showPart("org.nocturne.ui.framing.part.atlas", PartState.ACTIVATE);
        open(workbench, "Setup");
        workbench.parts().showPart("org.nocturne.ui.setup.part.equipment", PartState.ACTIVATE);
        workbench.settle();
    }

    private static void open(Workbench workbench, String perspective) {
        Button item = PerspectivesTest.switcherItems(workbench).stream().filter(i -> i.getText().equals(perspective))
                .findFirst().orElseThrow();
        PerspectivesTest.click(workbench, item);
    }

    private static void type(Workbench workbench, String field, String text) {
        Text input = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, field, Text.class);
        input.setText(text);
        workbench.settle();
    }

    private static String value(Workbench workbench, String field) {
        return Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, field, Label.class).getText();
    }
}
