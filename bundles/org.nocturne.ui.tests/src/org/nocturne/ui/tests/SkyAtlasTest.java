package org.nocturne.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.nocturne.catalog.deepsky.DeepSkyCatalog;
import org.nocturne.catalog.deepsky.DeepSkyObject;
import org.nocturne.core.night.NightSky;
import org.nocturne.core.night.TargetNight;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.ui.framing.atlas.SkyAtlasPart;
import org.nocturne.ui.site.SiteStore;
import org.nocturne.ui.widgets.ValueGrid;

/** The Framing perspective's Sky Atlas answers "M31" with the Andromeda Galaxy and its night, and filters by type. */
class SkyAtlasTest {

    @Test
    void answersM31WithTheAndromedaGalaxyAndItsNight() {
        Workbench workbench = Workbench.main();
        SkyAtlasPart atlas = open(workbench);
        Text search = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "search", Text.class);
        search.setText("m 31");
        workbench.await(atlas.refresh(), "the Sky Atlas answers");
        Table results = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "results", Table.class);
        assertTrue(results.getItemCount() > 0, status(workbench));
        TableItem first = results.getItem(0);
        assertEquals("M 31 (Andromeda Galaxy)", first.getText(0), status(workbench));
        assertEquals("Galaxy", first.getText(1));
        assertEquals("And", first.getText(2));
        assertEquals("4.4", first.getText(3));

        ObserverSite site = workbench.window.getContext().get(SiteStore.class).site();
        DateTime night = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "night", DateTime.class);
        LocalDate evening = LocalDate.of(night.getYear(), night.getMonth() + 1, night.getDay());
        DeepSkyObject m31 = DeepSkyCatalog.bundled().objects().stream().filter(o -> o.id().equals("M 31")).findFirst().orElseThrow();
        TargetNight expected = NightSky.forNight(site, evening, ZoneId.systemDefault()).target(m31.position(), 30);
        assertEquals(String.format(Locale.ROOT, "%.0f°", expected.maxAltitudeDegrees()), first.getText(5));
        assertTrue(status(workbench).startsWith("Night of " + evening + " at " + site.name()), status(workbench));
        assertFalse(Workbench.findAll(workbench.shell, Canvas.class, c -> "chart:M 31 (Andromeda Galaxy)".equals(c.getData(ValueGrid.FIELD_KEY)))
                .isEmpty(), "the altitude chart shows M 31");
    }

    @Test
    void filtersByTypeAndReportsABadMagnitudeByName() {
        Workbench workbench = Workbench.main();
        SkyAtlasPart atlas = open(workbench);
        Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "search", Text.class).setText("");
        Combo type = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "type", Combo.class);
        type.select(type.indexOf("Planetary nebula"));
        workbench.await(atlas.refresh(), "the Sky Atlas answers");
        Table results = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "results", Table.class);
        assertTrue(results.getItemCount() > 0, status(workbench));
        for (TableItem item : results.getItems()) {
            assertEquals("Planetary nebula", item.getText(1), item.getText(0));
        }
        Text magnitude = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "magnitude", Text.class);
        magnitude.setText("bright");
        workbench.await(atlas.refresh(), "the Sky Atlas answers");
        assertEquals("Magnitude limit \"bright\" is not a number", status(workbench));
        magnitude.setText("");
        type.select(0);
        workbench.await(atlas.refresh(), "the Sky Atlas answers");
    }

    private static SkyAtlasPart open(Workbench workbench) {
        PerspectivesTest.click(workbench, PerspectivesTest.switcherItems(workbench).stream().filter(b -> b.getText().equals("Framing"))
                .findFirst().orElseThrow());
        SkyAtlasPart atlas = (SkyAtlasPart) workbench.parts().showPart("org.nocturne.ui.framing.part.atlas", PartState.ACTIVATE).getObject();
        workbench.settle();
        return atlas;
    }

    private static String status(Workbench workbench) {
        return Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "status", Label.class).getText();
    }
}
