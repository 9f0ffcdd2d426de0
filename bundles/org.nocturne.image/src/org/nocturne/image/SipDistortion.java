package org.nocturne.image;

import java.util.Arrays;

/**
 * The Simple Imaging Polynomial (SIP) convention's forward distortion, as astrometry.net and most solvers write it:
 * before the CD matrix, the pixel offsets {@code u = x − CRPIX1}, {@code v = y − CRPIX2} become
 * {@code u + Σ A_p_q·uᵖ·v^q} and {@code v + Σ B_p_q·uᵖ·v^q} over 2 ≤ p + q ≤ order. Immutable.
 *
 * @param order the polynomial's order, 2 to 9
 * @param a A coefficients, indexed by {@link #index(int, int)}
 * @param b B coefficients, indexed the same way
 */
public record SipDistortion(int order, double[] a, double[] b) {

    public SipDistortion {
        if (order < 2 || order > 9) {
            throw new IllegalArgumentException("SIP order " + order + " is outside 2 to 9");
        }
        int terms = (order + 1) * (order + 1);
        if (a.length != terms || b.length != terms) {
            throw new IllegalArgumentException("SIP of order " + order + " needs " + terms + " coefficients a side");
        }
        a = a.clone();
        b = b.clone();
    }

    /** A distortion with all coefficients zero, to fill in with {@link #withA} and {@link #withB}. */
    public static SipDistortion zero(int order) {
        int terms = (order + 1) * (order + 1);
        return new SipDistortion(order, new double[terms], new double[terms]);
    }

    /** A copy of the A coefficients: the distortion itself cannot be changed. */
    @Override
    public double[] a() {
        return a.clone();
    }

    /** A copy of the B coefficients. */
    @Override
    public double[] b() {
        return b.clone();
    }

    /** Where coefficient {@code p, q} sits in {@link #a()} and {@link #b()}. */
    public int index(int p, int q) {
        return p * (order + 1) + q;
    }

    public double a(int p, int q) {
        return a[index(p, q)];
    }

    public double b(int p, int q) {
        return b[index(p, q)];
    }

    public SipDistortion withA(int p, int q, double value) {
        double[] copy = a.clone();
        copy[index(p, q)] = value;
        return new SipDistortion(order, copy, b);
    }

    public SipDistortion withB(int p, int q, double value) {
        double[] copy = b.clone();
        copy[index(p, q)] = value;
        return new SipDistortion(order, a, copy);
    }

    /** Applies the distortion to pixel offsets {@code u, v} from CRPIX, writing the corrected offsets into {@code out}. */
    public void apply(double u, double v, double[] out) {
        double f = 0;
        double g = 0;
        double up = 1;
        for (int p = 0; p <= order; p++) {
            double vq = 1;
            for (int q = 0; p + q <= order; q++) {
                if (p + q >= 2) {
                    f += a[index(p, q)] * up * vq;
                    g += b[index(p, q)] * up * vq;
                }
                vq *= v;
            }
            up *= u;
        }
        out[0] = u + f;
        out[1] = v + g;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SipDistortion s && s.order == order && Arrays.equals(s.a, a) && Arrays.equals(s.b, b);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * order + Arrays.hashCode(a)) + Arrays.hashCode(b);
    }

    @Override
    public String toString() {
        return "SipDistortion[order=" + order + ", a=" + Arrays.toString(a) + ", b=" + Arrays.toString(b) + "]";
    }
}
