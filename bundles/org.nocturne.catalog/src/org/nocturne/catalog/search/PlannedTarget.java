package org.nocturne.catalog.search;

import org.nocturne.catalog.deepsky.DeepSkyObject;
import org.nocturne.core.night.TargetNight;

/**
 * A catalog object with how it fares on one night at one site.
 *
 * @param object the catalog entry
 * @param night rise, transit, set, time above the chosen altitude in darkness and the best moment
 */
public record PlannedTarget(DeepSkyObject object, TargetNight night) {
}
