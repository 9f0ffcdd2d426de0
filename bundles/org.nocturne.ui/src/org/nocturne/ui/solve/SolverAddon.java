package org.nocturne.ui.solve;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.nocturne.solver.api.SolverRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Application add-on: finds the solver registry (a Declarative Services component of org.nocturne.solver.api, to which
 * every installed solver bundle adds itself) and puts {@link PlateSolving} into the application context.
 */
public final class SolverAddon {

    private ServiceTracker<SolverRegistry, SolverRegistry> tracker;
    private PlateSolving solving;

    @PostConstruct
    public void start(MApplication application) throws InterruptedException {
        BundleContext bundle = FrameworkUtil.getBundle(SolverAddon.class).getBundleContext();
        tracker = new ServiceTracker<>(bundle, SolverRegistry.class, null);
        tracker.open();
        SolverRegistry registry = tracker.waitForService(5000);
        if (registry == null) {
            throw new IllegalStateException("The plate solver registry service did not start: is Declarative Services (org.apache.felix.scr) running?");
        }
        IEclipseContext context = application.getContext();
        solving = new PlateSolving(registry, InstanceScope.INSTANCE.getNode("org.nocturne.ui"));
        context.set(PlateSolving.class, solving);
    }

    @PreDestroy
    public void stop() {
        if (solving != null) {
            solving.close();
        }
        if (tracker != null) {
            tracker.close();
        }
    }
}
