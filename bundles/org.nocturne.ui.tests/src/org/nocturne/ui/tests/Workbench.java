package org.nocturne.ui.tests;

import java.util.ArrayList;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;

/** Finds things in the running Nocturne workbench for tests that run on its UI thread. */
final class Workbench {

    /** How long a test waits for the workbench to answer. */
    static final long TIMEOUT_SECONDS = 60;

    /** Widget data key under which the e4 renderers keep a widget's model element. */
    private static final String MODEL_ELEMENT_KEY = "modelElement";

    final Display display;
    final Shell shell;
    final MWindow window;

    private Workbench(Display display, Shell shell, MWindow window) {
        this.display = display;
        this.shell = shell;
        this.window = window;
    }

    /** The main window; fails when the workbench has none. */
    static Workbench main() {
        Display display = Display.getCurrent();
        if (display == null) {
            throw new AssertionError("Not on the workbench's UI thread");
        }
        for (Shell shell : display.getShells()) {
            if (shell.getData(MODEL_ELEMENT_KEY) instanceof MWindow window
                    && "org.nocturne.ui.window.main".equals(window.getElementId())) {
                return new Workbench(display, shell, window);
            }
        }
        throw new AssertionError("No Nocturne main window among " + display.getShells().length + " shells");
    }

    EModelService models() {
        return window.getContext().get(EModelService.class);
    }

    EPartService parts() {
        return window.getContext().get(EPartService.class);
    }

    /** Runs the event loop until it is idle, so that posted events, layouts and paints are done. */
    void settle() {
        for (int i = 0; i < 50; i++) {
            while (display.readAndDispatch()) {
                // keep dispatching
            }
            sleep(10);
        }
    }

    /** Every control of {@code type} under {@code root} that passes {@code filter}, in tree order. */
    static <T extends Control> List<T> findAll(Composite root, Class<T> type, Predicate<T> filter) {
        List<T> found = new ArrayList<>();
        for (Control child : root.getChildren()) {
            if (type.isInstance(child) && filter.test(type.cast(child))) {
                found.add(type.cast(child));
            }
            if (child instanceof Composite composite) {
                found.addAll(findAll(composite, type, filter));
            }
        }
        return found;
    }

    /**
     * The first visible control under {@code root} whose data under {@code key} equals {@code value}, or null. Parts
     * of perspectives that are not shown are invisible, so this finds what the user sees.
     */
    @SuppressWarnings("unchecked")
    static <T extends Widget> T find(Composite root, String key, String value, Class<T> type) {
        for (Control child : root.getChildren()) {
            if (!child.isVisible()) {
                continue;
            }
            if (type.isInstance(child) && value.equals(child.getData(key))) {
                return (T) child;
            }
            if (child instanceof Composite composite) {
                T found = find(composite, key, value, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Runs the event loop until {@code condition} holds; fails with {@code what} after {@link #TIMEOUT_SECONDS}. Wakes
     * every 50 ms, since work on other threads can change the condition without posting anything to the display.
     */
    void pumpUntil(BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + TIMEOUT_SECONDS * 1_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            if (!display.readAndDispatch()) {
                display.timerExec(50, () -> {
                });
                display.sleep();
            }
        }
        assertTrue(condition.getAsBoolean(), () -> what.get() + " (within " + TIMEOUT_SECONDS + " s)");
        settle();
    }

    /** Runs the event loop until {@code future} is done (it may need the UI thread to finish), then returns its value. */
    <T> T await(CompletableFuture<T> future, String what) {
        return await(future, () -> what);
    }

    /** As {@link #await(CompletableFuture, String)}, with the failure message made only when needed. */
    <T> T await(CompletableFuture<T> future, Supplier<String> what) {
        pumpUntil(future::isDone, what);
        return future.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
