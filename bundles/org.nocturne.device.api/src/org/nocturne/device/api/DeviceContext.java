package org.nocturne.device.api;

import org.nocturne.core.sky.ObserverSite;

/**
 * What the equipment profile tells a device at creation: where it stands and the telescope it is on.
 *
 * @param site the observing site
 * @param focalLengthMm the imaging telescope's focal length in millimetres
 * @param apertureMm the imaging telescope's aperture in millimetres
 * @param seed the seed a simulated device draws its randomness from, so that runs repeat
 */
public record DeviceContext(ObserverSite site, double focalLengthMm, double apertureMm, long seed) {
}
