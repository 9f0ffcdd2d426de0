package org.nocturne.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.core.profile.EquipmentProfile;
import org.nocturne.ui.equipment.EquipmentSession;
import org.nocturne.ui.site.SiteStore;
import org.nocturne.ui.setup.equipment.EquipmentPart;
import org.nocturne.ui.widgets.ValueGrid;

/**
 * From a fresh start the Setup perspective holds the Simulator profile, with the sky simulator (found as a
 * Declarative Services provider) chosen for every kind; "Connect all" connects every device and the rows show it.
 */
class EquipmentSetupTest {

    @Test
    void theSimulatorProfileConnectsAllItsDevices() {
        Workbench workbench = Workbench.main();
        PerspectivesTest.click(workbench, PerspectivesTest.switcherItems(workbench).stream().filter(b -> b.getText().equals("Setup"))
                .findFirst().orElseThrow());
        EquipmentPart part = (EquipmentPart) workbench.parts().showPart("org.nocturne.ui.setup.part.equipment", PartState.ACTIVATE).getObject();
        workbench.settle();
        EquipmentSession session = workbench.window.getContext().get(EquipmentSession.class);
        assertEquals(EquipmentProfile.SIMULATOR_NAME, session.profile().name());
        assertEquals("Simulator", Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "profile", Combo.class).getText());
        assertEquals("", session.problem(), "the profile's devices were made");
        Combo cameraDriver = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "driver:CAMERA", Combo.class);
        assertEquals("Sky simulator", cameraDriver.getText(), "the simulator's DeviceProvider service was found");

        workbench.await(part.connectAll(), "Connect all answered");
        for (DeviceKind kind : DeviceKind.values()) {
            Device<?> device = session.equipment().orElseThrow().devices().get(kind);
            assertEquals(ConnectionState.CONNECTED, device.state().connection(), kind + ": " + device.state());
            String row = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "state:" + kind.name(), Label.class).getText();
            assertTrue(row.contains("Connected"), kind + " row: " + row);
            assertEquals("Disconnect", Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "connect:" + kind.name(), Button.class).getText());
        }
        assertEquals("All devices connected.", Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "status", Label.class).getText());
    }

    @Test
    void aProfileSavedUnderANewNameIsChosenAndTheSiteFollowsTheProfile() throws Exception {
        Workbench workbench = Workbench.main();
        PerspectivesTest.click(workbench, PerspectivesTest.switcherItems(workbench).stream().filter(b -> b.getText().equals("Setup"))
                .findFirst().orElseThrow());
        workbench.parts().showPart("org.nocturne.ui.setup.part.equipment", PartState.ACTIVATE);
        workbench.settle();
        EquipmentSession session = workbench.window.getContext().get(EquipmentSession.class);
        String before = session.profile().name();
        Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "newProfile", Text.class).setText("Backyard");
        Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "saveAs", Button.class).notifyListeners(SWT.Selection, new Event());
        workbench.pumpUntil(() -> session.profile().name().equals("Backyard"), () -> "the new profile is chosen");
        assertTrue(session.profileNames().containsAll(List.of("Backyard", before)), session.profileNames().toString());
        assertEquals("Backyard", Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "profile", Combo.class).getText());

        SiteStore sites = workbench.window.getContext().get(SiteStore.class);
        ObserverSite hill = new ObserverSite("Hill", 47.5, 8.25, 600);
        sites.save(hill);
        workbench.pumpUntil(() -> session.profile().site().equals(hill), () -> "the profile and the site agree");
        assertEquals(hill, session.store().load("Backyard").orElseThrow().site(), "the site saved in Setup is the profile's");

        workbench.await(session.choose(before), "the profile is chosen again");
        workbench.pumpUntil(() -> sites.site().equals(session.profile().site()), () -> "the profile and the site agree");
        assertEquals(before, session.profile().name());
        assertTrue(session.store().delete("Backyard"));
    }
}
