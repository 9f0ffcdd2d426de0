package org.nocturne.ui.imaging;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.osgi.service.event.Event;

import jakarta.inject.Inject;

/**
 * Application add-on: when Nocturne is started with a FITS file on the command line ({@code ./nocturne frame.fits}),
 * it opens the Imaging perspective on the Frame part once the workbench is up, so the file is shown at once.
 */
public final class FrameArgumentAddon {

    @Inject
    @Optional
    void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication application,
            EModelService models) {
        if (FramePart.fileFromCommandLine().isEmpty() || application.getChildren().isEmpty()) {
            return;
        }
        MWindow window = application.getChildren().get(0);
        List<MPerspective> imaging = models.findElements(window, "org.nocturne.ui.perspective.imaging", MPerspective.class);
        EPartService parts = window.getContext().get(EPartService.class);
        if (!imaging.isEmpty()) {
            parts.switchPerspective(imaging.get(0));
        }
        parts.showPart("org.nocturne.ui.imaging.part.frame", PartState.ACTIVATE);
    }
}
