package org.nocturne.ui.framing.atlas;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.nocturne.catalog.deepsky.Constellation;
import org.nocturne.catalog.deepsky.DeepSkyCatalog;
import org.nocturne.catalog.deepsky.DeepSkyObject;
import org.nocturne.catalog.deepsky.ObjectType;
import org.nocturne.catalog.search.PlannedTarget;
import org.nocturne.catalog.search.TargetFilter;
import org.nocturne.catalog.search.TargetPlanner;
import org.nocturne.catalog.search.TargetSearch;
import org.nocturne.core.night.NightSky;
import org.nocturne.core.night.SunEvents;
import org.nocturne.core.night.TargetNight;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.ui.site.SiteStore;
import org.nocturne.ui.widgets.ValueGrid;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Sky Atlas: "what do I shoot tonight?". Search by any designation or name, filter by type, constellation,
 * magnitude and size, and see for the chosen night at the site each target's highest altitude, best time, dark hours
 * above a chosen altitude and the Moon's distance; the selected target's altitude over the night is charted with the
 * twilight shaded.
 *
 * <p>Searching and the night's astronomy run on one worker thread; the UI thread only shows results, and a result
 * that a newer query has overtaken is dropped. Widgets carry {@link ValueGrid#FIELD_KEY} names: "search", "type",
 * "constellation", "magnitude", "size", "minAltitude", "night", "observable", "results", "status", "chart:&lt;target&gt;".
 */
public final class SkyAtlasPart {

    static final String FIELD_KEY = ValueGrid.FIELD_KEY;
    private static final int ROWS = 200;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    private SiteStore siteStore;
    @Inject
    private UISynchronize sync;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "Nocturne Sky Atlas");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong generation = new AtomicLong();
    private final ZoneId zone = ZoneId.systemDefault();

    /** Worker thread only. */
    private TargetPlanner planner;
    /** Worker thread only: the last night computed, reused while site and date stay. */
    private NightSky cachedNight;

    private ObserverSite site;
    private Text search;
    private Combo type;
    private Combo constellation;
    private Text magnitude;
    private Text size;
    private Spinner minimumAltitude;
    private DateTime night;
    private Button observableOnly;
    private Label status;
    private Table results;
    private AltitudeChart chart;
    private List<PlannedTarget> shown = List.of();
    private NightSky shownNight;
    private List<Constellation> constellations = List.of();

    @PostConstruct
    public void create(Composite parent) {
        site = siteStore.site();
        parent.setLayout(new GridLayout(1, false));
        Composite filters = new Composite(parent, SWT.NONE);
        filters.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        filters.setLayout(new GridLayout(8, false));
        search = new Text(filters, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage("M 31, NGC 7000, Andromeda, Vega…");
        search.setData(FIELD_KEY, "search");
        GridData searchData = new GridData(SWT.FILL, SWT.CENTER, true, false, 8, 1);
        search.setLayoutData(searchData);
        type = combo(filters, "type", "Type");
        type.add("Any type");
        for (ObjectType kind : ObjectType.values()) {
            type.add(kind.label());
        }
        type.select(0);
        constellation = combo(filters, "constellation", "Constellation");
        constellation.add("Anywhere");
        constellation.select(0);
        magnitude = text(filters, "magnitude", "Brighter than", "mag");
        size = text(filters, "size", "Larger than", "arc-min");
        new Label(filters, SWT.NONE).setText("Above");
        minimumAltitude = new Spinner(filters, SWT.BORDER);
        minimumAltitude.setValues(30, 0, 90, 0, 5, 10);
        minimumAltitude.setData(FIELD_KEY, "minAltitude");
        minimumAltitude.setToolTipText("Altitude a target must clear, in degrees");
        new Label(filters, SWT.NONE).setText("° on the night of");
        night = new DateTime(filters, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        night.setData(FIELD_KEY, "night");
        LocalDate evening = eveningOf(Instant.now());
        night.setDate(evening.getYear(), evening.getMonthValue() - 1, evening.getDayOfMonth());
        observableOnly = new Button(filters, SWT.CHECK);
        observableOnly.setText("Observable only");
        observableOnly.setData(FIELD_KEY, "observable");
        observableOnly.setSelection(true);
        observableOnly.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));

        status = new Label(parent, SWT.WRAP);
        status.setData(FIELD_KEY, "status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        status.setText("Loading the catalogs…");

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        results = new Table(sash, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        results.setData(FIELD_KEY, "results");
        results.setHeaderVisible(true);
        for (String[] column : new String[][] { { "Target", "240" }, { "Type", "110" }, { "Const.", "55" }, { "Mag.", "50" },
                { "Size", "90" }, { "Max alt.", "65" }, { "Best", "55" }, { "Dark h above", "105" }, { "Moon", "55" } }) {
            TableColumn tableColumn = new TableColumn(results, column[0].equals("Target") ? SWT.LEFT : SWT.RIGHT);
            tableColumn.setText(column[0]);
            tableColumn.setWidth(Integer.parseInt(column[1]));
        }
        results.addListener(SWT.Selection, event -> showSelected());
        chart = new AltitudeChart(sash);
        sash.setWeights(55, 45);

        search.addListener(SWT.Modify, event -> refresh());
        type.addListener(SWT.Selection, event -> refresh());
        constellation.addListener(SWT.Selection, event -> refresh());
        magnitude.addListener(SWT.Modify, event -> refresh());
        size.addListener(SWT.Modify, event -> refresh());
        minimumAltitude.addListener(SWT.Modify, event -> refresh());
        night.addListener(SWT.Selection, event -> refresh());
        observableOnly.addListener(SWT.Selection, event -> refresh());
        refresh();
    }

    /** The search box takes the keyboard when the part is activated: the user starts by typing a target. */
    @Focus
    void focus() {
        search.setFocus();
    }

    @PreDestroy
    void dispose() {
        worker.shutdownNow();
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void siteChanged(@UIEventTopic(SiteStore.TOPIC_SITE_CHANGED) ObserverSite changed) {
        site = changed;
        if (search != null && !search.isDisposed()) {
            refresh();
        }
    }

    /** Types a search as the user would; for tests and scripted screenshots. UI thread. */
    public void search(String text) {
        search.setText(text);
    }

    /**
     * Runs the current query on the worker and shows its result. The future completes once the result is on screen
     * (or dropped as stale). UI thread.
     */
    public CompletableFuture<Void> refresh() {
        long ticket = generation.incrementAndGet();
        Optional<AtlasQuery> query = readQuery();
        if (query.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> shownOnScreen = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> plan(query.get()), worker).whenComplete((plan, error) -> sync.asyncExec(() -> {
            try {
                if (ticket == generation.get() && !results.isDisposed()) {
                    show(query.get(), plan, error);
                }
            } finally {
                shownOnScreen.complete(null);
            }
        }));
        return shownOnScreen;
    }

    /** Reads the widgets; reports a bad entry in the status line and returns empty. UI thread. */
    private Optional<AtlasQuery> readQuery() {
        TargetFilter filter = TargetFilter.ANY;
        if (type.getSelectionIndex() > 0) {
            filter = filter.withTypes(EnumSet.of(ObjectType.values()[type.getSelectionIndex() - 1]));
        }
        if (constellation.getSelectionIndex() > 0 && constellation.getSelectionIndex() <= constellations.size()) {
            filter = filter.withConstellation(constellations.get(constellation.getSelectionIndex() - 1).abbreviation());
        }
        try {
            filter = filter.withFaintestMagnitude(number(magnitude, "Magnitude limit", -30, 30));
            filter = filter.withSizeArcmin(number(size, "Size", 0, 10_000), Double.NaN);
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return Optional.empty();
        }
        LocalDate evening = LocalDate.of(night.getYear(), night.getMonth() + 1, night.getDay());
        return Optional.of(new AtlasQuery(search.getText(), filter, site, evening, minimumAltitude.getSelection(),
                observableOnly.getSelection()));
    }

    private static double number(Text field, String what, double min, double max) {
        String text = field.getText().trim().replace(',', '.');
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " " + text + " is outside " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " \"" + text + "\" is not a number", e);
        }
    }

    /** Worker thread. */
    private AtlasPlan plan(AtlasQuery query) {
        if (planner == null) {
            DeepSkyCatalog catalog = DeepSkyCatalog.bundled();
            planner = new TargetPlanner(new TargetSearch(catalog));
        }
        if (cachedNight == null || !cachedNight.site().equals(query.site())
                || !cachedNight.midnight().equals(query.night().plusDays(1).atStartOfDay(zone).toInstant())) {
            cachedNight = NightSky.forNight(query.site(), query.night(), zone);
        }
        List<PlannedTarget> targets = planner.plan(query.text(), query.filter(), cachedNight, query.minimumAltitudeDegrees(),
                query.observableOnly(), ROWS);
        return new AtlasPlan(cachedNight, targets, DeepSkyCatalog.bundled().constellations());
    }

    private record AtlasPlan(NightSky night, List<PlannedTarget> targets, List<Constellation> constellations) {
    }

    /** UI thread. */
    private void show(AtlasQuery query, AtlasPlan plan, Throwable error) {
        if (error != null) {
            status.setText("Search failed: " + (error.getCause() != null ? error.getCause().getMessage() : error.getMessage()));
            return;
        }
        if (constellations.isEmpty()) {
            constellations = plan.constellations();
            constellations.forEach(c -> constellation.add(c.name() + " (" + c.abbreviation() + ")"));
        }
        shownNight = plan.night();
        shown = plan.targets();
        results.setRedraw(false);
        results.removeAll();
        for (PlannedTarget target : shown) {
            TableItem item = new TableItem(results, SWT.NONE);
            item.setText(row(target));
            item.setData(target);
        }
        results.setRedraw(true);
        status.setText(nightSummary(plan.night(), query) + "   " + shown.size() + (shown.size() == ROWS ? "+" : "")
                + (shown.size() == 1 ? " target" : " targets") + (query.observableOnly() ? " observable" : "") + ".");
        status.getParent().layout(true);
        if (!shown.isEmpty()) {
            results.select(0);
        }
        showSelected();
    }

    private void showSelected() {
        int index = results.getSelectionIndex();
        if (shownNight == null) {
            return;
        }
        if (index < 0 || index >= shown.size()) {
            chart.show(shownNight, null, "", minimumAltitude.getSelection(), zone);
            return;
        }
        DeepSkyObject object = shown.get(index).object();
        chart.show(shownNight, shownNight.altitudeCurve(object.position()), object.displayName(), minimumAltitude.getSelection(), zone);
    }

    private String[] row(PlannedTarget target) {
        DeepSkyObject object = target.object();
        TargetNight tonight = target.night();
        String size = Double.isNaN(object.majorAxisArcmin()) ? ""
                : Double.isNaN(object.minorAxisArcmin()) ? format("%.1f′", object.majorAxisArcmin())
                        : format("%.1f×%.1f′", object.majorAxisArcmin(), object.minorAxisArcmin());
        String best = tonight.best().map(moment -> CLOCK.format(moment.time().atZone(zone))).orElse("—");
        String moon = tonight.best().map(moment -> format("%.0f°", moment.moonSeparationDegrees())).orElse("");
        return new String[] { object.displayName(), object.type().label(), object.constellation(),
                object.hasMagnitude() ? format("%.1f", object.magnitude()) : "", size, format("%.0f°", tonight.maxAltitudeDegrees()),
                best, hours(tonight.darkTimeAboveMinimum()), moon };
    }

    private String nightSummary(NightSky sky, AtlasQuery query) {
        SunEvents sun = sky.sunEvents();
        String darkness = sun.darkness().map(window -> "dark " + clock(window.start()) + "–" + clock(window.end()))
                .orElse("no astronomical darkness");
        return format("Night of %s at %s: sunset %s, %s, sunrise %s; Moon %.0f%% lit%s.", query.night(), query.site().name(),
                sun.sunset().map(this::clock).orElse("—"), darkness, sun.sunrise().map(this::clock).orElse("—"),
                sky.moonAtMidnight().illuminatedFraction() * 100, moonTimes(sky));
    }

    private String moonTimes(NightSky sky) {
        List<String> parts = new ArrayList<>();
        sky.moonrise().ifPresent(time -> parts.add("rises " + clock(time)));
        sky.moonset().ifPresent(time -> parts.add("sets " + clock(time)));
        return parts.isEmpty() ? "" : ", " + String.join(", ", parts);
    }

    private String clock(Instant time) {
        return CLOCK.format(time.atZone(zone));
    }

    private static String hours(Duration duration) {
        return duration.isZero() ? "—" : format("%.1f h", duration.toMinutes() / 60.0);
    }

    /** The evening whose night is under way or next: before noon it is still last night. */
    static LocalDate eveningOf(Instant now) {
        var local = now.atZone(ZoneId.systemDefault());
        return local.toLocalTime().isBefore(LocalTime.NOON) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    private static Combo combo(Composite parent, String field, String caption) {
        new Label(parent, SWT.NONE).setText(caption);
        Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setData(FIELD_KEY, field);
        combo.setVisibleItemCount(20);
        return combo;
    }

    private static Text text(Composite parent, String field, String caption, String hint) {
        new Label(parent, SWT.NONE).setText(caption);
        Text text = new Text(parent, SWT.BORDER);
        text.setMessage(hint);
        text.setData(FIELD_KEY, field);
        GridData data = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        data.widthHint = 60;
        text.setLayoutData(data);
        return text;
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
