package org.nocturne.device.sim.render;

import org.nocturne.core.sky.Equatorial;

/**
 * One catalog star as the renderer put it into a frame: the truth that measurements are checked against.
 *
 * @param position the catalog's place, ICRS at J2000
 * @param magnitude the catalog's magnitude (Tycho V<sub>T</sub>)
 * @param x where the centre of the star's image is at mid-exposure, in the output frame's pixels: 0-based, (0, 0) the
 *        centre of the frame's first pixel, x along the row (the convention of {@code org.nocturne.image.stars.Star})
 * @param y the same, down the rows
 * @param electrons the star's expected total charge over the exposure, e⁻, as a mono sensor collects it (after clouds
 *        and vignetting; before saturation, and before a colour sensor's filters take their share)
 */
public record RenderedStar(Equatorial position, double magnitude, double x, double y, double electrons) {
}
