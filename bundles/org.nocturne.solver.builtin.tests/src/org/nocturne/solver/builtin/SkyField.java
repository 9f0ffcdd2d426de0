package org.nocturne.solver.builtin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.nocturne.catalog.stars.CatalogStar;
import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.image.SipDistortion;
import org.nocturne.image.Wcs;
import org.nocturne.image.stars.Star;
import org.nocturne.image.stars.StarList;

/**
 * A test field at the star-list level: the catalog stars a frame of the given size, scale, position angle and parity
 * would show, projected through the true WCS, with what a real detection adds or loses (centroid noise, missing
 * stars, spurious ones, a satellite trail). Position angle and parity follow {@link Wcs}: at PA 0 north is +y and,
 * unflipped, east is −x (the simulator's convention). Immutable builder; {@link #stars} draws with the given seed.
 */
record SkyField(Equatorial centre, double arcsecPerPixel, double positionAngle, boolean flipped, int width, int height,
        int brightest, double noisePixels, double missing, double spurious, int trailPoints, long seed, double distortion) {

    static SkyField at(double raHours, double decDegrees, double arcsecPerPixel, double positionAngle) {
        return new SkyField(Equatorial.ofHoursDegrees(raHours, decDegrees), arcsecPerPixel, positionAngle, false, 3000, 2000,
                300, 0.1, 0, 0, 0, 1, 0);
    }

    SkyField size(int w, int h) {
        return new SkyField(centre, arcsecPerPixel, positionAngle, flipped, w, h, brightest, noisePixels, missing, spurious,
                trailPoints, seed, distortion);
    }

    SkyField mirrored() {
        return new SkyField(centre, arcsecPerPixel, positionAngle, true, width, height, brightest, noisePixels, missing,
                spurious, trailPoints, seed, distortion);
    }

    SkyField losing(double fraction) {
        return new SkyField(centre, arcsecPerPixel, positionAngle, flipped, width, height, brightest, noisePixels, fraction,
                spurious, trailPoints, seed, distortion);
    }

    SkyField withSpurious(double fraction) {
        return new SkyField(centre, arcsecPerPixel, positionAngle, flipped, width, height, brightest, noisePixels, missing,
                fraction, trailPoints, seed, distortion);
    }

    SkyField withTrail(int points) {
        return new SkyField(centre, arcsecPerPixel, positionAngle, flipped, width, height, brightest, noisePixels, missing,
                spurious, points, seed, distortion);
    }

    SkyField seeded(long value) {
        return new SkyField(centre, arcsecPerPixel, positionAngle, flipped, width, height, brightest, noisePixels, missing,
                spurious, trailPoints, value, distortion);
    }

    /**
     * The same field seen through optics with quadratic distortion of strength {@code k} per pixel (SIP order 2:
     * A_2_0 = k, A_0_2 = −k/2, B_1_1 = k), a few pixels at the corners for k of a few 10⁻⁶.
     */
    SkyField distorted(double k) {
        return new SkyField(centre, arcsecPerPixel, positionAngle, flipped, width, height, brightest, noisePixels, missing,
                spurious, trailPoints, seed, k);
    }

    /** The true WCS, FITS convention, reference pixel at the frame's centre, with the distortion if any. */
    Wcs truth() {
        double s = arcsecPerPixel / 3600;
        double cos = Math.cos(Math.toRadians(positionAngle));
        double sin = Math.sin(Math.toRadians(positionAngle));
        double mirror = flipped ? -1 : 1;
        SipDistortion sip = distortion == 0 ? null
                : SipDistortion.zero(2).withA(2, 0, distortion).withA(0, 2, -distortion / 2).withB(1, 1, distortion);
        return new Wcs(Math.toDegrees(centre.raRadians()), centre.decDegrees(), (width + 1) / 2.0, (height + 1) / 2.0,
                -s * cos * mirror, s * sin, s * sin * mirror, s * cos, sip);
    }

    /** The frame's stars, brightest first, as a detector would list them. */
    StarList stars(StarCatalog catalog) {
        Wcs wcs = truth();
        Random random = new Random(seed);
        double radius = Math.hypot(width, height) / 2 * arcsecPerPixel / 3600 * 1.05;
        List<CatalogStar> cone = catalog.cone(centre, radius, 99);
        List<Star> stars = new ArrayList<>();
        for (CatalogStar star : cone) {
            double[] pixel = wcs.toPixel(star.position());
            if (pixel == null) {
                continue;
            }
            double x = pixel[0] - 1 + random.nextGaussian() * noisePixels;
            double y = pixel[1] - 1 + random.nextGaussian() * noisePixels;
            if (x < 0 || y < 0 || x > width - 1 || y > height - 1) {
                continue;
            }
            if (random.nextDouble() < missing) {
                continue;
            }
            stars.add(star(x, y, Math.pow(10, -0.4 * (star.magnitude() - 20))));
        }
        stars.sort(Comparator.comparingDouble(Star::flux).reversed());
        if (stars.size() > brightest) {
            stars = new ArrayList<>(stars.subList(0, brightest));
        }
        int extra = (int) Math.round(stars.size() * spurious);
        double faintest = stars.isEmpty() ? 1000 : stars.get(stars.size() - 1).flux();
        double brightestFlux = stars.isEmpty() ? 1e6 : stars.get(0).flux();
        for (int i = 0; i < extra; i++) {
            stars.add(star(random.nextDouble() * (width - 1), random.nextDouble() * (height - 1),
                    faintest + random.nextDouble() * (brightestFlux - faintest)));
        }
        double x0 = random.nextDouble() * width;
        double y0 = random.nextDouble() * height;
        double angle = random.nextDouble() * Math.PI;
        for (int i = 0; i < trailPoints; i++) {
            double x = x0 + Math.cos(angle) * i * 40 - width / 2.0 * Math.cos(angle);
            double y = y0 + Math.sin(angle) * i * 40 - width / 2.0 * Math.sin(angle);
            if (x >= 0 && y >= 0 && x < width && y < height) {
                stars.add(star(x, y, brightestFlux * 0.5));
            }
        }
        stars.sort(Comparator.comparingDouble(Star::flux).reversed());
        return new StarList(stars, 1000, 10, 0, 0, 0);
    }

    /** {@code count} stars scattered uniformly at random over a frame of the given size: no sky at all. */
    static StarList random(int width, int height, int count, long seed) {
        Random random = new Random(seed);
        List<Star> stars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stars.add(star(random.nextDouble() * (width - 1), random.nextDouble() * (height - 1), Math.exp(random.nextGaussian() * 2) * 1000));
        }
        stars.sort(Comparator.comparingDouble(Star::flux).reversed());
        return new StarList(stars, 1000, 10, 0, 0, 0);
    }

    private static Star star(double x, double y, double flux) {
        return new Star(x, y, flux, flux / 10, 1000, Math.sqrt(flux), 2, 3, 0.1);
    }
}
