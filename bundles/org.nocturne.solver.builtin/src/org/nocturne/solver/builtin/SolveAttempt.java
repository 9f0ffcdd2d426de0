package org.nocturne.solver.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.task.Progress;
import org.nocturne.image.Wcs;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.image.stars.StarList;
import org.nocturne.solver.api.ScaleHint;
import org.nocturne.solver.api.SolveMode;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;
import org.nocturne.solver.api.StarMatch;

/**
 * One solve of one request, on the calling thread: detect stars if needed, drop a trail's detections
 * ({@link TrailFilter}), look the frame's quads up near the hint (in a search area widened in two steps) or in the
 * whole-sky index, verify, then refine. Throws {@link Budget.Stopped}
 * when cancelled or out of time; every other outcome is a result. Not thread-safe: one per attempt.
 */
final class SolveAttempt {

    static final String SOLVER_ID = "builtin";
    private static final double LOWEST_SCALE = 0.1;
    private static final double HIGHEST_SCALE = 20;
    /** Near a hint without a scale, fields whose short side is below this are not searched: the catalog is too sparse. */
    private static final double SMALLEST_NEAR_SIDE_DEGREES = 0.2;
    private static final double LARGEST_SIDE_DEGREES = 20;
    private static final int STARS_USED = 1000;
    private static final int NEAR_NEIGHBOURS = 5;
    /**
     * Neighbours of the levels of wide cells near a hint, when the scale is known. Without a scale every level from
     * 0.2° to 20° fields is built, the wide ones over cones up to 20° across, where they would make every failing
     * solve much slower; wide fields then solve less often.
     */
    private static final int WIDE_NEAR_NEIGHBOURS = 8;
    private static final double FIRST_NEAR_RADIUS_DEGREES = 3;

    private final SolveRequest request;
    private final Supplier<StarCatalog> catalog;
    private final BiFunction<StarCatalog, Budget, SkyIndex> skyIndex;
    private final BooleanSupplier skyIndexBuilt;
    private final Budget budget;
    private final Progress progress;
    private final SolveMode mode;

    /**
     * @param skyIndex the whole-sky index, built on first use
     * @param skyIndexBuilt whether it is built already
     */
    SolveAttempt(SolveRequest request, Supplier<StarCatalog> catalog, BiFunction<StarCatalog, Budget, SkyIndex> skyIndex,
            BooleanSupplier skyIndexBuilt, Budget budget, Progress progress) {
        this.request = request;
        this.catalog = catalog;
        this.skyIndex = skyIndex;
        this.skyIndexBuilt = skyIndexBuilt;
        this.budget = budget;
        this.progress = progress;
        this.mode = request.mode();
    }

    SolveResult run() {
        if (mode == SolveMode.BLIND && !request.blindAllowed()) {
            return failed("the request has no position hint and does not allow a blind solve");
        }
        StarList list = request.stars();
        if (list == null) {
            progress.report(Double.NaN, "Detecting stars");
            list = request.withStarsDetected(new StarDetector()).stars();
            budget.check();
        }
        int detected = list.stars().size();
        if (detected < MatchVerifier.MINIMUM_MATCHES) {
            return failed((detected == 1 ? "only 1 star" : "only " + detected + " stars") + " detected; at least "
                    + MatchVerifier.MINIMUM_MATCHES + " are needed");
        }
        ImageStars image = new ImageStars(TrailFilter.withoutTrails(list.stars(), request.width(), request.height()),
                STARS_USED, request.width(), request.height());
        ImageQuads quads = ImageQuads.of(image);
        if (quads.count == 0) {
            return failed("the " + detected + " detected stars are too close together to make out a pattern");
        }
        StarCatalog stars = catalog.get();
        budget.check();
        MatchVerifier verifier = new MatchVerifier(stars, image);
        double shortSide = Math.min(request.width(), request.height());
        ScaleHint hint = request.scale();
        double lowest = hint != null ? hint.lowest() : LOWEST_SCALE;
        double highest = hint != null ? hint.highest() : HIGHEST_SCALE;
        MatchVerifier.Verdict verdict = mode == SolveMode.NEAR
                ? searchNear(image, quads, verifier, stars, lowest, highest, shortSide)
                : searchBlind(image, quads, verifier, stars, lowest, highest, shortSide);
        if (verdict == null) {
            String where = mode == SolveMode.NEAR
                    ? "within " + number(request.searchRadiusDegrees()) + "° of " + formatPlace(request.hint())
                    : "anywhere on the sky";
            return failed("no match " + where + " at " + number(lowest) + "–" + number(highest) + "″/px among "
                    + Math.min(detected, STARS_USED) + " stars");
        }
        progress.report(Double.NaN, "Refining the solution");
        return new SolutionRefiner(stars, image).refine(verdict, mode, budget);
    }

    /**
     * Near the hint: first within a few degrees, with quads built for the frame's possible field sizes (and one denser
     * catalog selection, in case its brightest stars are saturated); then, if the search radius is wider, over the
     * whole radius: looked up in the whole-sky index when the scale is unknown or the index is built already, else
     * built the same way.
     */
    private MatchVerifier.Verdict searchNear(ImageStars image, ImageQuads quads, MatchVerifier verifier, StarCatalog stars,
            double lowest, double highest, double shortSide) {
        double smallestSide = Math.max(shortSide * lowest / 3600,
                Math.min(SMALLEST_NEAR_SIDE_DEGREES, shortSide * highest / 3600));
        double largestSide = Math.min(LARGEST_SIDE_DEGREES, shortSide * highest / 3600);
        if (smallestSide > largestSide) {
            return null;
        }
        double radius = request.searchRadiusDegrees();
        double firstRadius = Math.min(radius, Math.max(FIRST_NEAR_RADIUS_DEGREES,
                1.5 * Math.hypot(request.width(), request.height()) * lowest / 3600));
        QuadSearch.Limits limits = new QuadSearch.Limits(Math.toRadians(lowest / 3600), Math.toRadians(highest / 3600),
                request.hint(), radius);
        MatchVerifier.Verdict verdict = searchAround(image, quads, verifier, stars, smallestSide, largestSide, firstRadius,
                limits);
        if (verdict != null || radius <= firstRadius) {
            return verdict;
        }
        boolean skyIndexServes = smallestSide >= SkyIndex.SMALLEST_SIDE_DEGREES && largestSide <= SkyIndex.LARGEST_SIDE_DEGREES * 2;
        if (skyIndexServes && (request.scale() == null || skyIndexBuilt.getAsBoolean())) {
            progress.report(Double.NaN, "Matching " + image.count() + " stars within " + number(radius) + "° of the hint");
            return new QuadSearch(image, quads, verifier, limits, false, budget).run(skyIndex.apply(stars, budget).levels);
        }
        return searchAround(image, quads, verifier, stars, smallestSide, largestSide, radius, limits);
    }

    private MatchVerifier.Verdict searchAround(ImageStars image, ImageQuads quads, MatchVerifier verifier,
            StarCatalog stars, double smallestSide, double largestSide, double radius, QuadSearch.Limits limits) {
        progress.report(Double.NaN, "Matching " + image.count() + " stars within " + number(radius) + "° of the hint");
        double aspect = Math.max(request.width(), request.height()) / (double) Math.min(request.width(), request.height());
        List<IndexLevel> levels = IndexLevel.covering(Math.toRadians(smallestSide), Math.toRadians(largestSide),
                NEAR_NEIGHBOURS, request.scale() != null ? WIDE_NEAR_NEIGHBOURS : NEAR_NEIGHBOURS, true);
        double[] cones = new double[levels.size()];
        double widest = 0;
        for (int i = 0; i < cones.length; i++) {
            double halfDiagonal = Math.toDegrees(Math.min(levels.get(i).largestSide(), Math.toRadians(largestSide)))
                    * Math.hypot(1, aspect) / 2;
            cones[i] = Math.min(180, radius + halfDiagonal);
            widest = Math.max(widest, cones[i]);
        }
        SkyStars.Region region = SkyStars.Region.of(stars, request.hint(), widest);
        List<QuadIndex> indexes = new ArrayList<>();
        for (int i = 0; i < cones.length; i++) {
            indexes.add(levels.get(i).build(region, request.hint(), cones[i], budget));
        }
        return new QuadSearch(image, quads, verifier, limits, true, budget).run(indexes);
    }

    private MatchVerifier.Verdict searchBlind(ImageStars image, ImageQuads quads, MatchVerifier verifier, StarCatalog stars,
            double lowest, double highest, double shortSide) {
        progress.report(Double.NaN, "Matching " + image.count() + " stars over the whole sky");
        SkyIndex index = skyIndex.apply(stars, budget);
        QuadSearch.Limits limits = new QuadSearch.Limits(Math.toRadians(lowest / 3600), Math.toRadians(highest / 3600),
                null, 180);
        return new QuadSearch(image, quads, verifier, limits, false, budget).run(index.levels);
    }

    private SolveResult failed(String reason) {
        return new SolveResult.Failed(SOLVER_ID, mode, budget.elapsed(), reason);
    }

    /** A place as {@code 05h35m −05°20′}. */
    static String formatPlace(Equatorial place) {
        long minutesOfTime = Math.round(place.raHours() * 60) % (24 * 60);
        long arcminutes = Math.round(Math.abs(place.decDegrees()) * 60);
        String sign = place.decDegrees() < 0 && arcminutes != 0 ? "−" : "+";
        return String.format(Locale.ROOT, "%02dh%02dm %s%02d°%02d′", minutesOfTime / 60, minutesOfTime % 60, sign,
                arcminutes / 60, arcminutes % 60);
    }

    /** A number as people write it: no trailing zeros, at most two decimals. */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** The refined solution as the result the API returns. */
    static SolveResult.Solved solved(SolveMode mode, Budget budget, Wcs wcs, int width, int height, StarPairs pairs) {
        List<StarMatch> matches = new ArrayList<>(pairs.size);
        double sum = 0;
        for (int i = 0; i < pairs.size; i++) {
            double residual = PlateFit.residualArcsec(wcs, pairs, i);
            sum += residual * residual;
            matches.add(new StarMatch(pairs.x[i], pairs.y[i], new Equatorial(pairs.ra[i], pairs.dec[i]),
                    pairs.magnitude[i], residual));
        }
        return new SolveResult.Solved(SOLVER_ID, mode, budget.elapsed(), wcs, width, height, matches,
                Math.sqrt(sum / Math.max(1, pairs.size)));
    }
}
