package org.nocturne.solver.builtin;

import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.TangentPlane;
import org.nocturne.image.SipDistortion;
import org.nocturne.image.Wcs;

/**
 * Least-squares world coordinate systems from star pairs, all in the FITS convention (1-based pixels; the pairs hold
 * 0-based ones). Each fit works on the tangent plane about its current reference point and moves that point to where
 * the fit puts the reference pixel, three times, so the projection is centred on the solution. Stateless.
 */
final class PlateFit {

    private static final int CENTRING_ROUNDS = 3;

    private PlateFit() {
    }

    /**
     * A similarity (scale, rotation, shift; mirrored as {@link Wcs#isFlipped()} says when {@code flipped}) with its reference pixel at
     * {@code crpix1, crpix2}, or null when the pairs do not determine one.
     */
    static Wcs similarity(StarPairs pairs, double crpix1, double crpix2, boolean flipped, Equatorial start) {
        Equatorial centre = start;
        double[] xiEta = new double[2];
        double sign = flipped ? 1 : -1;
        for (int round = 0; round < CENTRING_ROUNDS; round++) {
            TangentPlane plane = new TangentPlane(centre);
            double su = 0, sv = 0, sxi = 0, seta = 0;
            int n = pairs.size;
            double[] u = new double[n];
            double[] v = new double[n];
            double[] xi = new double[n];
            double[] eta = new double[n];
            for (int i = 0; i < n; i++) {
                if (!plane.project(pairs.ra[i], pairs.dec[i], xiEta)) {
                    return null;
                }
                u[i] = pairs.x[i] + 1 - crpix1;
                v[i] = sign * (pairs.y[i] + 1 - crpix2);
                xi[i] = Math.toDegrees(xiEta[0]);
                eta[i] = Math.toDegrees(xiEta[1]);
                su += u[i];
                sv += v[i];
                sxi += xi[i];
                seta += eta[i];
            }
            double mu = su / n, mv = sv / n, mxi = sxi / n, meta = seta / n;
            double sab = 0, sba = 0, norm = 0;
            for (int i = 0; i < n; i++) {
                double du = u[i] - mu, dv = v[i] - mv, dxi = xi[i] - mxi, deta = eta[i] - meta;
                sab += du * dxi + dv * deta;
                sba += du * deta - dv * dxi;
                norm += du * du + dv * dv;
            }
            if (!(norm > 0)) {
                return null;
            }
            double a = sab / norm;
            double b = sba / norm;
            double xi0 = mxi - (a * mu - b * mv);
            double eta0 = meta - (b * mu + a * mv);
            centre = plane.deproject(Math.toRadians(xi0), Math.toRadians(eta0));
            if (round == CENTRING_ROUNDS - 1) {
                return new Wcs(Math.toDegrees(centre.raRadians()), Math.toDegrees(centre.decRadians()), crpix1, crpix2,
                        a, -b * sign, b, a * sign);
            }
        }
        throw new AssertionError();
    }

    /** A TAN projection with a full CD matrix, reference pixel at {@code crpix1, crpix2}; null when undetermined. */
    static Wcs tan(StarPairs pairs, double crpix1, double crpix2, Equatorial start) {
        return fit(pairs, crpix1, crpix2, start, false);
    }

    /** As {@link #tan}, with SIP distortion of order 2; null when undetermined. */
    static Wcs tanSip(StarPairs pairs, double crpix1, double crpix2, Equatorial start) {
        return fit(pairs, crpix1, crpix2, start, true);
    }

    private static Wcs fit(StarPairs pairs, double crpix1, double crpix2, Equatorial start, boolean sip) {
        int terms = sip ? 6 : 3;
        if (pairs.size < terms + 2) {
            return null;
        }
        double norm = 1;
        for (int i = 0; i < pairs.size; i++) {
            norm = Math.max(norm, Math.max(Math.abs(pairs.x[i] + 1 - crpix1), Math.abs(pairs.y[i] + 1 - crpix2)));
        }
        Equatorial centre = start;
        double[] xiEta = new double[2];
        double[] row = new double[terms];
        for (int round = 0; round < CENTRING_ROUNDS; round++) {
            TangentPlane plane = new TangentPlane(centre);
            LeastSquares forXi = new LeastSquares(terms);
            LeastSquares forEta = new LeastSquares(terms);
            for (int i = 0; i < pairs.size; i++) {
                if (!plane.project(pairs.ra[i], pairs.dec[i], xiEta)) {
                    return null;
                }
                double u = (pairs.x[i] + 1 - crpix1) / norm;
                double v = (pairs.y[i] + 1 - crpix2) / norm;
                row[0] = 1;
                row[1] = u;
                row[2] = v;
                if (sip) {
                    row[3] = u * u;
                    row[4] = u * v;
                    row[5] = v * v;
                }
                forXi.add(row, Math.toDegrees(xiEta[0]));
                forEta.add(row, Math.toDegrees(xiEta[1]));
            }
            double[] p = forXi.solve();
            double[] q = forEta.solve();
            if (p == null || q == null) {
                return null;
            }
            centre = plane.deproject(Math.toRadians(p[0]), Math.toRadians(q[0]));
            if (round < CENTRING_ROUNDS - 1) {
                continue;
            }
            double cd11 = p[1] / norm, cd12 = p[2] / norm, cd21 = q[1] / norm, cd22 = q[2] / norm;
            double crval1 = Math.toDegrees(centre.raRadians());
            double crval2 = Math.toDegrees(centre.decRadians());
            if (!sip) {
                return new Wcs(crval1, crval2, crpix1, crpix2, cd11, cd12, cd21, cd22);
            }
            double det = cd11 * cd22 - cd12 * cd21;
            if (det == 0) {
                return null;
            }
            double i11 = cd22 / det, i12 = -cd12 / det, i21 = -cd21 / det, i22 = cd11 / det;
            SipDistortion distortion = SipDistortion.zero(2);
            int[][] powers = { { 2, 0 }, { 1, 1 }, { 0, 2 } };
            for (int t = 0; t < 3; t++) {
                double scale = Math.pow(norm, 2);
                double alpha = p[3 + t] / scale;
                double beta = q[3 + t] / scale;
                distortion = distortion.withA(powers[t][0], powers[t][1], i11 * alpha + i12 * beta)
                        .withB(powers[t][0], powers[t][1], i21 * alpha + i22 * beta);
            }
            return new Wcs(crval1, crval2, crpix1, crpix2, cd11, cd12, cd21, cd22, distortion);
        }
        throw new AssertionError();
    }

    /** The root-mean-square distance on the sky between each pair's catalog place and where {@code wcs} puts its star, ″. */
    static double rmsArcsec(Wcs wcs, StarPairs pairs) {
        double sum = 0;
        for (int i = 0; i < pairs.size; i++) {
            double d = residualArcsec(wcs, pairs, i);
            sum += d * d;
        }
        return pairs.size == 0 ? Double.NaN : Math.sqrt(sum / pairs.size);
    }

    static double residualArcsec(Wcs wcs, StarPairs pairs, int i) {
        Equatorial fitted = wcs.toSky(pairs.x[i] + 1, pairs.y[i] + 1);
        return fitted.separationDegrees(new Equatorial(pairs.ra[i], pairs.dec[i])) * 3600;
    }
}
