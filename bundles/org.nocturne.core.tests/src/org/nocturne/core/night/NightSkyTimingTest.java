package org.nocturne.core.night;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObserverSite;

/**
 * Prints what a night and a deep-sky search cost on this machine; asserts nothing, since timings depend on the machine
 * and its load. The figures land in the test output and in target/surefire-reports.
 */
class NightSkyTimingTest {

    private static final int CATALOG_SIZE = 14_000;
    private static final int ROUNDS = 5;

    @Test
    void printsTheCostOfANightAndOfEachTarget() {
        ObserverSite site = new ObserverSite("Roque de los Muchachos", 28.7606, -17.8816, 2396.0);
        Random random = new Random(20261125L);
        Equatorial[] catalog = new Equatorial[CATALOG_SIZE];
        for (int i = 0; i < catalog.length; i++) {
            catalog[i] = new Equatorial(2.0 * Math.PI * random.nextDouble(), Math.asin(2.0 * random.nextDouble() - 1.0));
        }
        NightSky night = null;
        for (int round = 1; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            night = NightSky.forNight(site, LocalDate.of(2026, 11, 25).plusDays(round), ZoneOffset.UTC);
            long built = System.nanoTime();
            double sink = 0.0;
            for (Equatorial target : catalog) {
                sink += night.target(target, 30.0).darkTimeAboveMinimum().toMillis();
            }
            long targets = System.nanoTime();
            for (Equatorial target : catalog) {
                sink += night.altitudeCurve(target).altitudeDegrees(0);
            }
            long curves = System.nanoTime();
            System.out.printf("NightSky round %d: night built in %.0f ms; %d targets in %.1f ms (%.2f µs each); "
                    + "%d altitude curves of %d samples in %.1f ms (%.2f µs each) [%s]%n", round, (built - start) / 1e6, catalog.length,
                    (targets - built) / 1e6, (targets - built) / 1e3 / catalog.length, catalog.length, night.samples().size(),
                    (curves - targets) / 1e6, (curves - targets) / 1e3 / catalog.length, sink > 0 ? "ok" : "?");
        }
    }
}
