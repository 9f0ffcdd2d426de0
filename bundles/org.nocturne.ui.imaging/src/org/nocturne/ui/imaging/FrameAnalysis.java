package org.nocturne.ui.imaging;

import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.nocturne.image.Frame;
import org.nocturne.image.display.Preview;
import org.nocturne.image.stars.Star;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.image.stars.StarList;
import org.nocturne.image.stats.ImageStatistics;
import org.nocturne.solver.api.SolveRequest;

/**
 * What the imaging parts show of one frame: the auto-stretched preview as SWT pixels, the stars to circle, and the
 * figures focusing and frame checks watch. {@link #of} does the work on the calling thread (a worker, never the UI thread); the
 * result is immutable; it holds the frame only in its {@link #solveRequest}, so that a solver that reads pixels can.
 *
 * @param preview the stretched preview (ImageData is plain data, safe to build off the UI thread)
 * @param scale frame pixels per preview pixel
 * @param marked the brightest stars, to circle
 * @param starCount how many stars were detected
 * @param medianHfr the stars' median half-flux radius in frame pixels, NaN without stars
 * @param arcsecPerPixel the frame's pixel scale, NaN when its metadata do not give it
 * @param background the sky background's median, ADU
 * @param noise the sky background's robust sigma, ADU
 * @param medianFwhm the stars' median FWHM in frame pixels, NaN without stars
 * @param medianEccentricity the stars' median eccentricity, NaN without stars
 * @param size the frame's size and colour, for example "3000×2000 mono"
 * @param solveRequest a plate solve of the frame with the stars found here, the hints its metadata give, and the frame
 */
public record FrameAnalysis(ImageData preview, int scale, List<Star> marked, int starCount, double medianHfr, double arcsecPerPixel,
        double background, double noise, double medianFwhm, double medianEccentricity, String size, SolveRequest solveRequest) {

    /** Longest side of the preview, in pixels; larger frames are shrunk by a whole factor. */
    private static final int PREVIEW_SIZE = 1600;
    /** Most stars circled on screen, the brightest first. */
    private static final int MARKED_STARS = 2000;

    /** Measures and renders {@code frame}; blocks for the work, so call it on a worker. */
    public static FrameAnalysis of(Frame frame) {
        ImageStatistics statistics = ImageStatistics.of(frame);
        Preview preview = Preview.of(frame, statistics, PREVIEW_SIZE);
        StarList stars = new StarDetector().detect(frame);
        List<Star> marked = List.copyOf(stars.stars().subList(0, Math.min(stars.stars().size(), MARKED_STARS)));
        return new FrameAnalysis(imageData(preview), preview.scale(), marked, stars.stars().size(), stars.medianHfr(),
                frame.metadata().arcsecPerPixel(), stars.backgroundLevel(), stars.backgroundNoise(), stars.medianFwhm(),
                stars.medianEccentricity(), frame.width() + "×" + frame.height() + " " + (frame.isBayer() ? frame.bayerPattern().name() : "mono"),
                SolveRequest.ofFrame(frame).withStars(stars));
    }

    /** The median HFR in arc-seconds, NaN when there are no stars or the pixel scale is unknown. */
    public double medianHfrArcsec() {
        return medianHfr * arcsecPerPixel;
    }

    private static ImageData imageData(Preview preview) {
        ImageData data = new ImageData(preview.width(), preview.height(), 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int rowBytes = preview.width() * 3;
        for (int y = 0; y < preview.height(); y++) {
            System.arraycopy(preview.rgb(), y * rowBytes, data.data, y * data.bytesPerLine, rowBytes);
        }
        return data;
    }
}
