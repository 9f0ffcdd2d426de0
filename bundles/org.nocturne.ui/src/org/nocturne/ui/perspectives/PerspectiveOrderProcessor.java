package org.nocturne.ui.perspectives;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/**
 * Model processor, run once at start-up after all model fragments are merged: fragments arrive in bundle-resolution
 * order, so this puts the perspectives into {@link PerspectiveOrder} and opens the first (Setup) unless the persisted
 * model already has a selection.
 */
public final class PerspectiveOrderProcessor {

    /** Element id of the window's perspective stack, the parent that perspective fragments contribute to. */
    public static final String PERSPECTIVE_STACK_ID = "org.nocturne.ui.perspectivestack";

    @Execute
    public void execute(MApplication application, EModelService modelService) {
        for (MPerspectiveStack stack : modelService.findElements(application, PERSPECTIVE_STACK_ID, MPerspectiveStack.class)) {
            List<MPerspective> sorted = new ArrayList<>(stack.getChildren());
            sorted.sort(PerspectiveOrder.COMPARATOR);
            if (!sorted.equals(stack.getChildren())) {
                MPerspective selected = stack.getSelectedElement();
                stack.getChildren().clear();
                stack.getChildren().addAll(sorted);
                stack.setSelectedElement(selected);
            }
            if (stack.getSelectedElement() == null && !sorted.isEmpty()) {
                stack.setSelectedElement(sorted.get(0));
            }
        }
    }
}
