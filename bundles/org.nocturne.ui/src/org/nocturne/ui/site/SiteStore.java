package org.nocturne.ui.site;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.nocturne.core.sky.ObserverSite;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The observing site the workbench computes for, kept in the workspace preferences until equipment profiles (which
 * will own it) exist. Until the user saves a site, {@link ObserverSite#GREENWICH} is used and {@link #isUserDefined()}
 * is false, so views can say so.
 *
 * <p>Each saved site is posted on {@link #TOPIC_SITE_CHANGED} with the {@link ObserverSite} as the event's data.
 * Thread-safe; {@link #save} writes to disk and blocks for that short time.
 */
public final class SiteStore {

    /** Event topic for a changed site; the event data is the new {@link ObserverSite}. */
    public static final String TOPIC_SITE_CHANGED = "org/nocturne/ui/site/changed";

    private static final String NAME = "site.name";
    private static final String LATITUDE = "site.latitude";
    private static final String LONGITUDE = "site.longitude";
    private static final String ELEVATION = "site.elevation";

    private final IEclipsePreferences preferences;
    private final IEventBroker eventBroker;

    public SiteStore(IEclipsePreferences preferences, IEventBroker eventBroker) {
        this.preferences = preferences;
        this.eventBroker = eventBroker;
    }

    /** The saved site, or Greenwich when none was saved or the saved values are no longer valid. */
    public synchronized ObserverSite site() {
        if (!isUserDefined()) {
            return ObserverSite.GREENWICH;
        }
        try {
            return new ObserverSite(preferences.get(NAME, ""), preferences.getDouble(LATITUDE, Double.NaN),
                    preferences.getDouble(LONGITUDE, Double.NaN), preferences.getDouble(ELEVATION, 0.0));
        } catch (IllegalArgumentException corrupt) {
            return ObserverSite.GREENWICH;
        }
    }

    /** True once the user has saved a site of their own. */
    public synchronized boolean isUserDefined() {
        return preferences.get(NAME, null) != null;
    }

    /**
     * Saves the site and announces it.
     *
     * @throws IllegalStateException when the preferences cannot be written, with the reason
     */
    public void save(ObserverSite site) {
        synchronized (this) {
            preferences.put(NAME, site.name());
            preferences.putDouble(LATITUDE, site.latitudeDegrees());
            preferences.putDouble(LONGITUDE, site.longitudeDegrees());
            preferences.putDouble(ELEVATION, site.elevationMeters());
            try {
                preferences.flush();
            } catch (BackingStoreException e) {
                throw new IllegalStateException("Could not save the site to the workspace preferences: " + e.getMessage(), e);
            }
        }
        eventBroker.post(TOPIC_SITE_CHANGED, site);
    }
}
