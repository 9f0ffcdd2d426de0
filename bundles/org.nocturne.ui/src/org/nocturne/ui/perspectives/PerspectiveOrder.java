package org.nocturne.ui.perspectives;

import java.util.Comparator;

import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;

/**
 * The order in which perspectives appear: the night's workflow order, set by each perspective's model fragment as the
 * persisted-state entry {@value #KEY} (Setup 10, Alignment 20, Framing 30, Imaging 40, Sequencer 50, Calibration 60).
 * A perspective without the entry (an observatory's own, say) comes after ours, ordered by its label.
 */
public final class PerspectiveOrder {

    /** Persisted-state key of an {@link MPerspective} whose value is its position, a whole number. */
    public static final String KEY = "org.nocturne.ui.order";

    /** Sorts by {@value #KEY}, then by label. */
    public static final Comparator<MPerspective> COMPARATOR = Comparator.comparingInt(PerspectiveOrder::rank)
            .thenComparing(p -> p.getLabel() == null ? "" : p.getLabel());

    private PerspectiveOrder() {
    }

    static int rank(MPerspective perspective) {
        String value = perspective.getPersistedState().get(KEY);
        if (value == null) {
            return Integer.MAX_VALUE;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
