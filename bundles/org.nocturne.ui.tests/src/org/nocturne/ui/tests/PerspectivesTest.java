package org.nocturne.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.Test;
import org.nocturne.ui.perspectives.PerspectiveSwitcher;
import org.nocturne.ui.widgets.ValueGrid;

/** Starts from the real workbench, as a user sees it, and clicks through every perspective in the main toolbar. */
class PerspectivesTest {

    private static final String SKY = "org.nocturne.ui.part.sky";

    /** Each perspective's label, in workflow order, with the parts that it must show. */
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();
    static {
        EXPECTED.put("Setup", List.of("org.nocturne.ui.setup.part.equipment", SKY));
        EXPECTED.put("Alignment", List.of("org.nocturne.ui.alignment.part.polescope", SKY));
        EXPECTED.put("Framing", List.of("org.nocturne.ui.framing.part.atlas", SKY));
        EXPECTED.put("Imaging", List.of("org.nocturne.ui.imaging.part.camera", SKY));
        EXPECTED.put("Sequencer", List.of(SKY));
        EXPECTED.put("Calibration", List.of(SKY));
    }

    @Test
    void mainWindowIsTitledNocturneAndShowsAPerspective() {
        Workbench workbench = Workbench.main();
        assertEquals("Nocturne", workbench.shell.getText());
        assertTrue(workbench.shell.isVisible(), "main window shown");
        MPerspective active = workbench.models().getActivePerspective(workbench.window);
        assertNotNull(active, "a perspective is open");
    }

    @Test
    void switcherListsTheSixPerspectivesInWorkflowOrder() {
        Workbench workbench = Workbench.main();
        List<String> labels = switcherItems(workbench).stream().map(Button::getText).toList();
        assertEquals(List.copyOf(EXPECTED.keySet()), labels);
    }

    @Test
    void eachPerspectiveShowsItsPartsWhenChosenInTheSwitcher() {
        Workbench workbench = Workbench.main();
        for (Map.Entry<String, List<String>> expected : EXPECTED.entrySet()) {
            Button item = switcherItems(workbench).stream().filter(i -> i.getText().equals(expected.getKey())).findFirst()
                    .orElseThrow(() -> new AssertionError("no switcher button " + expected.getKey()));
            click(workbench, item);

            MPerspective active = workbench.models().getActivePerspective(workbench.window);
            assertEquals(expected.getKey(), active.getLabel(), "perspective after clicking " + expected.getKey());
            assertTrue(item.getSelection(), expected.getKey() + " button shown as pressed");
            for (Button other : switcherItems(workbench)) {
                assertEquals(other == item, other.getSelection(), other.getText() + " pressed only when open");
            }
            for (String partId : expected.getValue()) {
                MPart part = workbench.parts().findPart(partId);
                assertNotNull(part, partId + " exists");
                MUIElement shownThrough = part.getCurSharedRef() != null ? part.getCurSharedRef() : part;
                assertSame(active, workbench.models().getPerspectiveFor(shownThrough), partId + " is in " + expected.getKey());
                Control widget = (Control) part.getWidget();
                assertNotNull(widget, partId + " is rendered in " + expected.getKey());
                assertTrue(widget.isVisible(), partId + " is visible in " + expected.getKey());
                assertTrue(widget.getSize().x > 50 && widget.getSize().y > 50, partId + " has room: " + widget.getSize());
                assertSame(workbench.shell, widget.getShell());
            }
            Label siderealTime = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "lst", Label.class);
            assertTrue(siderealTime.getText().matches("\\d\\dh \\d\\dm \\d\\d\\.\\ds"), "sidereal time shown: " + siderealTime.getText());
        }
    }

    static List<Button> switcherItems(Workbench workbench) {
        return Workbench.findAll(workbench.shell, Button.class, b -> b.getData(PerspectiveSwitcher.PERSPECTIVE_ID_KEY) != null);
    }

    /** What a mouse click on a toggle button does: it flips its state, then fires Selection. */
    static void click(Workbench workbench, Button item) {
        item.setSelection(!item.getSelection());
        item.notifyListeners(SWT.Selection, new Event());
        workbench.settle();
    }
}
