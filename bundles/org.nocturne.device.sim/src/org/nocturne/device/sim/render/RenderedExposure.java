package org.nocturne.device.sim.render;

import java.util.List;

import org.nocturne.image.Frame;
import org.nocturne.image.Wcs;

/**
 * A rendered frame and the truth behind it. Immutable.
 *
 * @param frame the 16-bit frame as the camera reads it out, with its metadata (no WCS: that is for a solver to find)
 * @param stars the catalog stars whose mid-exposure centre falls inside the frame, brightest first
 * @param wcs the true gnomonic world coordinate system of the frame at mid-exposure, in the FITS 1-based pixel
 *        convention of {@link Wcs} (frame pixel (x, y) of {@link RenderedStar} is FITS pixel (x + 1, y + 1))
 * @param exposureNumber the number that, with the renderer's seed, seeded this exposure's noise
 */
public record RenderedExposure(Frame frame, List<RenderedStar> stars, Wcs wcs, long exposureNumber) {

    public RenderedExposure {
        stars = List.copyOf(stars);
    }
}
