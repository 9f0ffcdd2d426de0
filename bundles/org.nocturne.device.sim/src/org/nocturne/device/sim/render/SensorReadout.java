package org.nocturne.device.sim.render;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.nocturne.image.BayerPattern;

/**
 * Turns the light and dark charge of one exposure into 16-bit pixels, as a sensor does: per unbinned pixel the mean
 * charge (star images, vignetted sky and flat light, each through the pixel's colour filter, plus dark current and the
 * hot pixels' extra), shot noise (Poisson), the full well; per output pixel the sum of its bin, one read noise
 * (Gaussian), the gain, the bias, rounding and the 16-bit range.
 *
 * <p>The frame is read in bands of {@value #BAND_ROWS} output rows on the common fork-join pool; each band draws the
 * star images that reach it into its own buffer, and each output row takes its random numbers from
 * {@link RowNoise#forRow}, so the pixels do not depend on the threads. Immutable; {@link #read} may be called from
 * several threads.
 */
final class SensorReadout {

    private static final int BAND_ROWS = 16;

    private final SensorModel sensor;
    private final ReadoutWindow window;
    private final List<MoffatStar> stars;
    private final double diffuseElectrons;
    private final double darkElectrons;
    private final Vignetting vignetting;
    private final HotPixels hotPixels;
    private final double[] response = new double[4];

    /**
     * @param stars the star images, in window pixels
     * @param diffuseElectrons sky and flat light over the exposure at the field's centre, e⁻ per unbinned mono pixel
     * @param darkElectrons an ordinary pixel's dark charge over the exposure, e⁻
     */
    SensorReadout(SensorModel sensor, ReadoutWindow window, List<MoffatStar> stars, double diffuseElectrons,
            double darkElectrons, Vignetting vignetting, HotPixels hotPixels) {
        this.sensor = sensor;
        this.window = window;
        this.stars = stars;
        this.diffuseElectrons = diffuseElectrons;
        this.darkElectrons = darkElectrons;
        this.vignetting = vignetting;
        this.hotPixels = hotPixels;
        BayerPattern pattern = sensor.bayerPattern();
        for (int parity = 0; parity < 4; parity++) {
            response[parity] = pattern == null ? 1 : SensorModel.filterTransmission(pattern.colorAt(parity & 1, parity >> 1));
        }
    }

    /** The output pixels, row by row, for the noise of {@code exposureSeed}. */
    short[] read(long exposureSeed) {
        short[] out = new short[window.width() * window.height()];
        int bands = (window.height() + BAND_ROWS - 1) / BAND_ROWS;
        IntStream.range(0, bands).parallel().forEach(band -> readBand(band, exposureSeed, out));
        return out;
    }

    private void readBand(int band, long exposureSeed, short[] out) {
        int binning = window.binning();
        int width = window.width();
        int columns = window.sensorColumns();
        int firstOutputRow = band * BAND_ROWS;
        int lastOutputRow = Math.min(window.height(), firstOutputRow + BAND_ROWS);
        int firstRow = firstOutputRow * binning;
        int rows = (lastOutputRow - firstOutputRow) * binning;
        float[] starLight = drawStars(firstRow, rows, columns);
        double[] mean = new double[columns];
        double[] binned = new double[width];
        double fullWell = sensor.fullWellElectrons();
        for (int outputRow = firstOutputRow; outputRow < lastOutputRow; outputRow++) {
            RowNoise noise = RowNoise.forRow(exposureSeed, outputRow);
            Arrays.fill(binned, 0);
            for (int j = 0; j < binning; j++) {
                int row = outputRow * binning + j;
                int sensorY = window.y() + row;
                for (int column = 0; column < columns; column++) {
                    int sensorX = window.x() + column;
                    double light = diffuseElectrons == 0 ? 0 : diffuseElectrons * vignetting.at(sensorX, sensorY);
                    if (starLight != null) {
                        light += starLight[(row - firstRow) * columns + column];
                    }
                    mean[column] = light * response[((sensorY & 1) << 1) | (sensorX & 1)] + darkElectrons;
                }
                hotPixels.addTo(mean, sensorY, window.x(), columns, darkElectrons);
                for (int column = 0; column < columns; column++) {
                    binned[column / binning] += Math.min(fullWell, noise.photons(mean[column]));
                }
            }
            int offset = outputRow * width;
            for (int x = 0; x < width; x++) {
                double electrons = binned[x] + sensor.readNoiseElectrons() * noise.gaussian();
                long adu = Math.round(sensor.biasAdu() + electrons / sensor.gainElectronsPerAdu());
                out[offset + x] = (short) Math.max(0, Math.min(SensorModel.MAX_ADU, adu));
            }
        }
    }

    /** The star light of window rows {@code firstRow} to {@code firstRow + rows − 1}, or null when no star reaches them. */
    private float[] drawStars(int firstRow, int rows, int columns) {
        float[] buffer = null;
        for (MoffatStar star : stars) {
            if (star.bottom() >= firstRow && star.top() < firstRow + rows) {
                if (buffer == null) {
                    buffer = new float[rows * columns];
                }
                star.addTo(buffer, firstRow, rows, columns);
            }
        }
        return buffer;
    }
}
