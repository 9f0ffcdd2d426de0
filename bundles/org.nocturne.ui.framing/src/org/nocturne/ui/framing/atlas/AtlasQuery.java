package org.nocturne.ui.framing.atlas;

import java.time.LocalDate;

import org.nocturne.catalog.search.TargetFilter;
import org.nocturne.core.sky.ObserverSite;

/**
 * Everything the Sky Atlas asks at once: the text, the filter, the night and the altitude a target must clear.
 *
 * @param minimumAltitudeDegrees observed altitude in degrees, [0, 90]
 */
record AtlasQuery(String text, TargetFilter filter, ObserverSite site, LocalDate night, double minimumAltitudeDegrees,
        boolean observableOnly) {
}
