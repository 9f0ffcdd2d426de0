package org.nocturne.ui.perspectives;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The main toolbar's perspective switcher: one toggle button per perspective of the window's perspective stack, in
 * {@link PerspectiveOrder}; the open perspective's button is pressed and bold. A pure e4 application has none built in. It follows the model: a perspective added or
 * removed at run time (an observatory bundle installed, say) appears or disappears, and a switch made elsewhere moves
 * the selection. UI thread only.
 */
public final class PerspectiveSwitcher {

    /** Widget data key under which each button holds its perspective's element id (tests find buttons by it). */
    public static final String PERSPECTIVE_ID_KEY = "org.nocturne.ui.perspectiveId";

    @Inject
    private EModelService modelService;
    @Inject
    private EPartService partService;
    @Inject
    private MWindow window;

    private Composite bar;
    private Font boldFont;

    @PostConstruct
    public void create(Composite parent) {
        bar = new Composite(parent, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.marginLeft = 4;
        layout.marginTop = 2;
        layout.marginBottom = 2;
        layout.spacing = 2;
        bar.setLayout(layout);
        FontData[] bold = bar.getFont().getFontData();
        for (FontData data : bold) {
            data.setStyle(SWT.BOLD);
        }
        boldFont = new Font(bar.getDisplay(), bold);
        bar.addDisposeListener(e -> boldFont.dispose());
        rebuild();
    }

    @Inject
    @Optional
    void perspectiveSelected(@UIEventTopic(UIEvents.ElementContainer.TOPIC_SELECTEDELEMENT) Event event) {
        if (isOurStack(event)) {
            updateSelection();
        }
    }

    @Inject
    @Optional
    void perspectivesChanged(@UIEventTopic(UIEvents.ElementContainer.TOPIC_CHILDREN) Event event) {
        if (isOurStack(event)) {
            rebuild();
        }
    }

    private boolean isOurStack(Event event) {
        return bar != null && !bar.isDisposed() && event.getProperty(UIEvents.EventTags.ELEMENT) == stack();
    }

    private MPerspectiveStack stack() {
        List<MPerspectiveStack> stacks = modelService.findElements(window, PerspectiveOrderProcessor.PERSPECTIVE_STACK_ID,
                MPerspectiveStack.class);
        return stacks.isEmpty() ? null : stacks.get(0);
    }

    private void rebuild() {
        for (Control button : bar.getChildren()) {
            button.dispose();
        }
        MPerspectiveStack stack = stack();
        if (stack == null) {
            return;
        }
        List<MPerspective> perspectives = new ArrayList<>(stack.getChildren());
        perspectives.sort(PerspectiveOrder.COMPARATOR);
        for (MPerspective perspective : perspectives) {
            if (!perspective.isToBeRendered()) {
                continue;
            }
            Button button = new Button(bar, SWT.TOGGLE);
            button.setText(perspective.getLabel());
            button.setToolTipText(perspective.getTooltip() == null ? perspective.getLabel() : perspective.getTooltip());
            button.setData(PERSPECTIVE_ID_KEY, perspective.getElementId());
            button.setData(perspective);
            button.addListener(SWT.Selection, e -> {
                if (stack.getSelectedElement() != perspective) {
                    partService.switchPerspective(perspective);
                }
                updateSelection();
            });
        }
        updateSelection();
        bar.getParent().layout(true, true);
    }

    private void updateSelection() {
        MPerspectiveStack stack = stack();
        MPerspective selected = stack == null ? null : stack.getSelectedElement();
        for (Control control : bar.getChildren()) {
            Button button = (Button) control;
            boolean open = button.getData() == selected;
            button.setSelection(open);
            button.setFont(open ? boldFont : null);
        }
        bar.layout(true);
    }
}
