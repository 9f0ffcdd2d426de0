package org.nocturne.catalog.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;

import org.nocturne.catalog.deepsky.DeepSkyCatalog;
import org.nocturne.catalog.search.TargetFilter;
import org.nocturne.catalog.search.TargetPlanner;
import org.nocturne.catalog.search.TargetSearch;
import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.night.NightSky;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.system.MachineDescription;

/**
 * Times the catalogs as the product uses them and writes a Markdown table: loading the bundled files in a fresh JVM,
 * cone searches of the star catalog per frame, target search, and planning the whole deep-sky catalog for one night.
 * A benchmark application, not a test: it prints figures and asserts nothing.
 *
 * <p>Usage: {@code CatalogBenchmark <output.md>}.
 */
public final class CatalogBenchmark {

    private static final int WARM_UP = 3;
    private static final int RUNS = 9;

    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        new CatalogBenchmark().run(Path.of(args.length > 0 ? args[0] : "docs/benchmarks/catalog.md"));
    }

    private void run(Path output) throws IOException {
        long start = System.nanoTime();
        StarCatalog stars = StarCatalog.bundled();
        double loadStars = (System.nanoTime() - start) / 1e6;
        row("Load the star catalog (first use, cold JVM)", loadStars, "ms", "-", stars.size() + " stars, "
                + (heapInUse() >> 20) + " MB heap in use after");
        start = System.nanoTime();
        DeepSkyCatalog deepSky = DeepSkyCatalog.bundled();
        row("Load the deep-sky catalog (first use)", (System.nanoTime() - start) / 1e6, "ms", "-", deepSky.objects().size() + " objects");

        Random random = new Random(1);
        Equatorial[] centres = new Equatorial[2000];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = new Equatorial(random.nextDouble() * 2 * Math.PI, Math.asin(2 * random.nextDouble() - 1));
        }
        for (double[] cone : new double[][] { { 0.5, 12 }, { 1, 12 }, { 3, 12 }, { 5, 12 }, { 3, 9 } }) {
            long[] found = { 0 };
            double micros = median(() -> {
                long t = System.nanoTime();
                for (Equatorial centre : centres) {
                    stars.forEachInCone(centre, cone[0], cone[1], (ra, dec, mag) -> found[0]++);
                }
                return System.nanoTime() - t;
            }) / 1e3 / centres.length;
            row(String.format(Locale.ROOT, "Cone search %.1f° to mag %.0f", cone[0], cone[1]), micros, "µs",
                    cone[0] == 3 && cone[1] == 12 ? "well under 1 ms (issue 4)" : "-",
                    String.format(Locale.ROOT, "mean of 2000 random centres; %.0f stars a cone", found[0] / (double) centres.length / (WARM_UP + RUNS)));
        }

        start = System.nanoTime();
        TargetSearch search = new TargetSearch(deepSky);
        row("Build the target search index", (System.nanoTime() - start) / 1e6, "ms", "-", "");
        for (String text : new String[] { "m31", "andromeda", "ngc 70" }) {
            double micros = median(() -> {
                long t = System.nanoTime();
                search.find(text, TargetFilter.ANY, 50);
                return System.nanoTime() - t;
            }) / 1e3;
            row("Search \"" + text + "\"", micros, "µs", "-", "whole catalog scanned");
        }
        ObserverSite site = new ObserverSite("Benchmark", 48.0, 11.0, 500);
        LocalDate date = LocalDate.of(2026, 11, 25);
        double nightMillis = median(() -> {
            long t = System.nanoTime();
            NightSky.forNight(site, date, ZoneOffset.UTC);
            return System.nanoTime() - t;
        }) / 1e6;
        row("Compute one night at a site (5-minute samples, Sun and Moon events)", nightMillis, "ms", "-", "");
        NightSky night = NightSky.forNight(site, date, ZoneOffset.UTC);
        TargetPlanner planner = new TargetPlanner(search);
        double planMillis = median(() -> {
            long t = System.nanoTime();
            planner.plan("", TargetFilter.ANY, night, 30, true, 200);
            return System.nanoTime() - t;
        }) / 1e6;
        row("Plan the whole catalog for the night (blank search, observable only)", planMillis, "ms", "-",
                deepSky.objects().size() + " objects, each with rise, transit, set, dark time above 30°");
        write(output);
    }

    private static double median(LongSupplier nanos) {
        for (int i = 0; i < WARM_UP; i++) {
            nanos.getAsLong();
        }
        long[] times = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            times[i] = nanos.getAsLong();
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    private void row(String operation, double value, String unit, String target, String notes) {
        String line = String.format(Locale.ROOT, "| %s | %.1f %s | %s | %s |", operation, value, unit, target, notes);
        rows.add(line);
        System.out.println(line);
    }

    private void write(Path output) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Catalog benchmark, ").append(LocalDate.now()).append("\n\n");
        out.append("Command: `releng/benchmark-catalog`. Median of ").append(RUNS).append(" runs after ").append(WARM_UP)
                .append(" warm-up runs, except the first-use loads, timed once in a fresh JVM.\n\n");
        out.append("Machine: ").append(MachineDescription.describe()).append("\n\n");
        out.append("| operation | time | target | notes |\n|---|---:|---|---|\n");
        rows.forEach(line -> out.append(line).append('\n'));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, out);
    }

    private static long heapInUse() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
