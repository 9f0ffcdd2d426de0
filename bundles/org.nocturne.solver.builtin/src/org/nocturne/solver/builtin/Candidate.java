package org.nocturne.solver.builtin;

import org.nocturne.image.Wcs;

/**
 * The solution one quad match suggests: the similarity (of the parity that fits better) carrying the four frame stars
 * onto the four catalog stars, on the tangent plane at the catalog stars' mean direction. Rejected when even the
 * better parity leaves the stars more than 1% of the quad's size from where it puts them. Immutable.
 */
final class Candidate {

    private static final double MOST_MISFIT = 0.01;

    final Wcs wcs;
    final boolean flipped;

    private Candidate(Wcs wcs, boolean flipped) {
        this.wcs = wcs;
        this.flipped = flipped;
    }

    /**
     * The candidate of frame quad {@code q} against catalog stars {@code sky} (in canonical order, as the frame quad's
     * members), or null when the shapes do not fit.
     */
    static Candidate of(ImageStars image, ImageQuads quads, int q, SkyStars stars, int[] sky) {
        double cx = 0, cy = 0, cz = 0;
        for (int s : sky) {
            cx += stars.x[s];
            cy += stars.y[s];
            cz += stars.z[s];
        }
        double norm = Math.sqrt(cx * cx + cy * cy + cz * cz);
        cx /= norm;
        cy /= norm;
        cz /= norm;
        double ra = Math.atan2(cy, cx);
        double dec = Math.asin(Math.max(-1, Math.min(1, cz)));
        double ex = -Math.sin(ra), ey = Math.cos(ra);
        double nx = -Math.sin(dec) * Math.cos(ra), ny = -Math.sin(dec) * Math.sin(ra), nz = Math.cos(dec);
        double[] xi = new double[4];
        double[] eta = new double[4];
        double[] u = new double[4];
        double[] v = new double[4];
        double mxi = 0, meta = 0, mu = 0, mv = 0;
        for (int r = 0; r < 4; r++) {
            int s = sky[r];
            double dot = stars.x[s] * cx + stars.y[s] * cy + stars.z[s] * cz;
            xi[r] = (stars.x[s] * ex + stars.y[s] * ey) / dot;
            eta[r] = (stars.x[s] * nx + stars.y[s] * ny + stars.z[s] * nz) / dot;
            int member = quads.members[q * 4 + r];
            u[r] = image.x[member];
            v[r] = image.y[member];
            mxi += xi[r] / 4;
            meta += eta[r] / 4;
            mu += u[r] / 4;
            mv += v[r] / 4;
        }
        Candidate best = null;
        double bestMisfit = Double.MAX_VALUE;
        for (int parity = 0; parity < 2; parity++) {
            double sign = parity == 0 ? -1 : 1;
            double sab = 0, sba = 0, n2 = 0;
            for (int r = 0; r < 4; r++) {
                double du = u[r] - mu, dv = sign * (v[r] - mv), dxi = xi[r] - mxi, deta = eta[r] - meta;
                sab += du * dxi + dv * deta;
                sba += du * deta - dv * dxi;
                n2 += du * du + dv * dv;
            }
            double a = sab / n2;
            double b = sba / n2;
            double misfit = 0;
            for (int r = 0; r < 4; r++) {
                double du = u[r] - mu, dv = sign * (v[r] - mv);
                double pxi = a * du - b * dv + mxi;
                double peta = b * du + a * dv + meta;
                misfit = Math.max(misfit, Math.hypot(pxi - xi[r], peta - eta[r]));
            }
            double scale = Math.hypot(a, b);
            double relative = misfit / (scale * quads.sizePixels[q]);
            if (relative > MOST_MISFIT || relative >= bestMisfit) {
                continue;
            }
            double xi0 = mxi - (a * mu - b * sign * mv);
            double eta0 = meta - (b * mu + a * sign * mv);
            // Pixel (0-based) where the tangent point falls: solve a·x − b·s·y = −xi0, b·x + a·s·y = −eta0.
            double det = sign * (a * a + b * b);
            double px = (-xi0 * a * sign - (-eta0) * (-b * sign)) / det;
            double py = (a * -eta0 - b * -xi0) / det;
            bestMisfit = relative;
            double degrees = Math.toDegrees(1);
            best = new Candidate(new Wcs(Math.toDegrees(ra < 0 ? ra + 2 * Math.PI : ra), Math.toDegrees(dec), px + 1, py + 1,
                    a * degrees, -b * sign * degrees, b * degrees, a * sign * degrees), parity == 1);
        }
        return best;
    }
}
