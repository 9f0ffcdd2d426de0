package org.nocturne.device.api.mount;

import java.util.Set;

/**
 * What a mount can do.
 *
 * @param equatorialSystem the frame the mount itself works in; callers always use ICRS
 * @param canPark true when it can park and unpark
 * @param canSync true when it accepts a sync
 * @param canPulseGuide true when it accepts guide pulses
 * @param canMoveAxis true when its axes can be moved at a rate
 * @param trackingRates the rates it can track at, at least sidereal for a tracking mount
 * @param guideRateSidereal guide rate as a fraction of sidereal (0.5 = half sidereal)
 * @param maxAxisRateDegreesPerSecond fastest {@link Mount#moveAxis} rate
 * @param isGermanEquatorial true for a mount with a side of pier and meridian flips
 * @param raResolutionSeconds the step of the right ascensions the mount's protocol reports and accepts, in seconds of
 *            time (1 for an LX200 in high precision); 0 when it carries them as floating-point numbers
 * @param decResolutionArcsec the step of its declinations in arc-seconds (1 for an LX200 in high precision); 0 when
 *            floating point
 */
public record MountCapabilities(EquatorialSystem equatorialSystem, boolean canPark, boolean canSync, boolean canPulseGuide,
        boolean canMoveAxis, Set<TrackingRate> trackingRates, double guideRateSidereal, double maxAxisRateDegreesPerSecond,
        boolean isGermanEquatorial, double raResolutionSeconds, double decResolutionArcsec) {

    public MountCapabilities {
        trackingRates = Set.copyOf(trackingRates);
        if (!(raResolutionSeconds >= 0 && decResolutionArcsec >= 0)) {
            throw new IllegalArgumentException("Coordinate resolution " + raResolutionSeconds + " s, " + decResolutionArcsec + "″ is not ≥ 0");
        }
    }

    /** A mount whose protocol carries coordinates as floating-point numbers (no resolution step). */
    public MountCapabilities(EquatorialSystem equatorialSystem, boolean canPark, boolean canSync, boolean canPulseGuide, boolean canMoveAxis,
            Set<TrackingRate> trackingRates, double guideRateSidereal, double maxAxisRateDegreesPerSecond, boolean isGermanEquatorial) {
        this(equatorialSystem, canPark, canSync, canPulseGuide, canMoveAxis, trackingRates, guideRateSidereal, maxAxisRateDegreesPerSecond,
                isGermanEquatorial, 0, 0);
    }

    /** The equatorial frame a mount or protocol works in. */
    public enum EquatorialSystem {
        /** ICRS, epoch J2000. */
        J2000,
        /** Apparent place of date ("JNow"), equinox-based. */
        JNOW
    }
}
