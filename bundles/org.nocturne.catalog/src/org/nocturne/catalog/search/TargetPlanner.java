package org.nocturne.catalog.search;

import java.util.Comparator;
import java.util.List;

import org.nocturne.catalog.deepsky.DeepSkyObject;
import org.nocturne.core.night.NightSky;

/**
 * Answers "what do I shoot tonight?": a {@link TargetSearch} whose results carry their night at the site. Typed text
 * keeps the search's relevance order; a blank search lists the targets with the most dark time above the chosen
 * altitude first, brighter ones first among equals.
 *
 * <p>Thread-safe; a plan over the whole catalog takes some tens of milliseconds, so call it off the UI thread.
 */
public final class TargetPlanner {

    private static final Comparator<PlannedTarget> MOST_DARK_TIME_FIRST = Comparator
            .comparing((PlannedTarget target) -> target.night().darkTimeAboveMinimum()).reversed()
            .thenComparingDouble(target -> target.object().hasMagnitude() ? target.object().magnitude() : Double.MAX_VALUE);

    private final TargetSearch search;

    public TargetPlanner(TargetSearch search) {
        this.search = search;
    }

    /**
     * @param text what the user typed; blank for the whole catalog
     * @param filter type, constellation, magnitude and size
     * @param night the night and site
     * @param minimumAltitudeDegrees the altitude a target must clear to count as observable, in [−1, 90]
     * @param observableOnly keep only targets with some dark time above that altitude
     * @param limit at most this many
     */
    public List<PlannedTarget> plan(String text, TargetFilter filter, NightSky night, double minimumAltitudeDegrees,
            boolean observableOnly, int limit) {
        boolean blank = text == null || text.isBlank();
        List<DeepSkyObject> found = search.find(text, filter, blank || observableOnly ? Integer.MAX_VALUE : limit);
        var planned = found.stream()
                .map(object -> new PlannedTarget(object, night.target(object.position(), minimumAltitudeDegrees)))
                .filter(target -> !observableOnly || !target.night().darkTimeAboveMinimum().isZero());
        return (blank ? planned.sorted(MOST_DARK_TIME_FIRST) : planned).limit(limit).toList();
    }
}
