package org.nocturne.ui.setup.equipment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceProvider;
import org.nocturne.device.api.Discovered;
import org.nocturne.device.core.equipment.Equipment;
import org.nocturne.device.core.profile.DeviceChoice;
import org.nocturne.device.core.profile.EquipmentProfile;
import org.nocturne.ui.equipment.EquipmentSession;
import org.nocturne.ui.widgets.ValueGrid;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Equipment: choose a profile, the driver of each kind of device and its settings (a form generated from the driver's
 * declared settings), connect one or all, and watch every device's state live. Edits are saved to the profile at
 * once. Device commands run on the devices' own threads; the part only shows their snapshots. Widgets carry
 * {@link ValueGrid#FIELD_KEY} names: "profile", "focalLength", "aperture", "newProfile", "saveAs", "driver:KIND", "state:KIND", "connect:KIND",
 * "connectAll", "disconnectAll", "settingsKind", "applySettings", "findDevices", "found", "status", and "setting:key" in
 * the form. "Find devices" asks the chosen driver what it can see (the devices on an INDI server, Alpaca devices on the
 * network, serial ports); choosing one of them puts its settings into the form, to be applied.
 */
public final class EquipmentPart {

    @Inject
    private EquipmentSession session;
    @Inject
    private UISynchronize sync;

    private final Map<DeviceKind, DeviceRow> rows = new EnumMap<>(DeviceKind.class);
    private final List<Device.Subscription> subscriptions = new ArrayList<>();
    private Combo profiles;
    private Text focalLength;
    private Text aperture;
    private Text newProfile;
    private Combo settingsKind;
    private SettingsForm form;
    private Combo found;
    private List<Discovered> foundItems = List.of();
    private Label status;
    private ScrolledComposite scroller;

    @PostConstruct
    public void create(Composite host) {
        host.setLayout(new FillLayout());
        // Scrolls when the window is too low for the device list and a driver's whole form.
        scroller = new ScrolledComposite(host, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite parent = new Composite(scroller, SWT.NONE);
        scroller.setContent(parent);
        scroller.addListener(SWT.Resize, event -> refit());
        parent.setLayout(new GridLayout(1, false));
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(7, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(top, SWT.NONE).setText("Profile");
        profiles = new Combo(top, SWT.READ_ONLY | SWT.DROP_DOWN);
        profiles.setData(ValueGrid.FIELD_KEY, "profile");
        new Label(top, SWT.NONE).setText("Focal length (mm)");
        focalLength = new Text(top, SWT.BORDER);
        focalLength.setData(ValueGrid.FIELD_KEY, "focalLength");
        new Label(top, SWT.NONE).setText("Aperture (mm)");
        aperture = new Text(top, SWT.BORDER);
        aperture.setData(ValueGrid.FIELD_KEY, "aperture");
        Button saveTelescope = new Button(top, SWT.PUSH);
        saveTelescope.setText("Save telescope");
        saveTelescope.addListener(SWT.Selection, event -> saveTelescope());
        Composite copy = new Composite(parent, SWT.NONE);
        copy.setLayout(new GridLayout(2, false));
        newProfile = new Text(copy, SWT.BORDER);
        newProfile.setMessage("New profile name");
        newProfile.setData(ValueGrid.FIELD_KEY, "newProfile");
        GridData nameLayout = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        nameLayout.widthHint = 220;
        newProfile.setLayoutData(nameLayout);
        Button saveAs = new Button(copy, SWT.PUSH);
        saveAs.setText("Save as new profile");
        saveAs.setData(ValueGrid.FIELD_KEY, "saveAs");
        saveAs.addListener(SWT.Selection, event -> saveAs());

        Group devices = new Group(parent, SWT.NONE);
        devices.setText("Devices");
        devices.setLayout(new GridLayout(4, false));
        devices.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        for (DeviceKind kind : DeviceKind.values()) {
            DeviceRow row = new DeviceRow(devices, kind);
            row.driver.addListener(SWT.Selection, event -> chooseDriver(row));
            row.connection.addListener(SWT.Selection, event -> toggle(row));
            rows.put(kind, row);
        }
        Composite actions = new Composite(parent, SWT.NONE);
        actions.setLayout(new GridLayout(2, false));
        Button connectAll = new Button(actions, SWT.PUSH);
        connectAll.setText("Connect all");
        connectAll.setData(ValueGrid.FIELD_KEY, "connectAll");
        connectAll.addListener(SWT.Selection, event -> connectAll());
        Button disconnectAll = new Button(actions, SWT.PUSH);
        disconnectAll.setText("Disconnect all");
        disconnectAll.setData(ValueGrid.FIELD_KEY, "disconnectAll");
        disconnectAll.addListener(SWT.Selection, event -> report("Disconnecting…", session.disconnectAll(), "All devices disconnected."));

        Group settings = new Group(parent, SWT.NONE);
        settings.setText("Driver settings");
        settings.setLayout(new GridLayout(4, false));
        settings.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        settingsKind = new Combo(settings, SWT.READ_ONLY | SWT.DROP_DOWN);
        settingsKind.setData(ValueGrid.FIELD_KEY, "settingsKind");
        for (DeviceKind kind : DeviceKind.values()) {
            settingsKind.add(kind.label());
        }
        settingsKind.select(0);
        settingsKind.addListener(SWT.Selection, event -> showSettings());
        Button apply = new Button(settings, SWT.PUSH);
        apply.setText("Apply settings");
        apply.setData(ValueGrid.FIELD_KEY, "applySettings");
        apply.addListener(SWT.Selection, event -> applySettings());
        Button find = new Button(settings, SWT.PUSH);
        find.setText("Find devices");
        find.setToolTipText("Ask the driver what it can see: the devices of the server typed below, devices on the network, serial ports");
        find.setData(ValueGrid.FIELD_KEY, "findDevices");
        find.addListener(SWT.Selection, event -> findDevices());
        found = new Combo(settings, SWT.READ_ONLY | SWT.DROP_DOWN);
        found.setData(ValueGrid.FIELD_KEY, "found");
        found.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        found.addListener(SWT.Selection, event -> useFound());
        form = new SettingsForm(settings);
        form.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));

        status = new Label(parent, SWT.WRAP);
        status.setData(ValueGrid.FIELD_KEY, "status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        profiles.addListener(SWT.Selection, event -> report("Switching to " + profiles.getText() + "…", session.choose(profiles.getText()), ""));
        reload();
    }

    @PreDestroy
    void dispose() {
        unsubscribe();
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void equipmentChanged(@UIEventTopic(EquipmentSession.TOPIC_CHANGED) EquipmentSession changed) {
        if (profiles != null && !profiles.isDisposed()) {
            reload();
        }
    }

    /** Connects every device of the profile; the future completes once all have answered. UI thread. */
    public CompletableFuture<Void> connectAll() {
        return report("Connecting all devices…", session.connectAll(), "All devices connected.");
    }

    /** Shows the session's profile and devices again, and follows the new devices' states. UI thread. */
    private void reload() {
        unsubscribe();
        EquipmentProfile profile = session.profile();
        try {
            profiles.setItems(session.profileNames().toArray(String[]::new));
        } catch (IOException e) {
            profiles.setItems(profile.name());
            status.setText(e.getMessage());
        }
        profiles.select(Math.max(0, profiles.indexOf(profile.name())));
        focalLength.setText(format(profile.focalLengthMm()));
        aperture.setText(format(profile.apertureMm()));
        Map<DeviceKind, Device<?>> devices = session.equipment().map(Equipment::devices).orElse(Map.of());
        for (DeviceRow row : rows.values()) {
            row.setProviders(session.registry().providers(row.kind), profile.device(row.kind).map(DeviceChoice::providerId).orElse(""));
            Device<?> device = devices.get(row.kind);
            row.show(device);
            if (device != null) {
                subscriptions.add(device.subscribe(state -> sync.asyncExec(() -> {
                    if (!row.status.isDisposed()) {
                        row.show(device);
                        row.status.getParent().layout(true);
                    }
                })));
            }
        }
        status.setText(session.problem().isBlank() ? "Profile \"" + profile.name() + "\": " + devices.size() + " devices." : session.problem());
        showSettings();
        refit();
    }

    private void unsubscribe() {
        subscriptions.forEach(Device.Subscription::close);
        subscriptions.clear();
    }

    private void toggle(DeviceRow row) {
        Device<?> device = session.equipment().flatMap(e -> Optional.ofNullable(e.devices().get(row.kind))).orElse(null);
        if (device == null) {
            return;
        }
        boolean connected = device.state().connection().isConnected();
        report((connected ? "Disconnecting " : "Connecting ") + device.info().name() + "…",
                connected ? device.disconnect() : device.connect(), device.info().name() + (connected ? " disconnected." : " connected."));
    }

    private void chooseDriver(DeviceRow row) {
        DeviceProvider provider = row.chosenProvider();
        report("Saving the profile…", session.edit(profile -> provider == null ? profile.withoutDevice(row.kind)
                : profile.withDevice(row.kind, DeviceChoice.withDefaults(provider.id()))), "");
    }

    private void saveTelescope() {
        try {
            double focal = Double.parseDouble(focalLength.getText().trim());
            double diameter = Double.parseDouble(aperture.getText().trim());
            report("Saving the profile…", session.edit(profile -> profile.withTelescope(focal, diameter)), "");
        } catch (IllegalArgumentException e) {
            status.setText("Not saved: " + (e instanceof NumberFormatException ? "focal length and aperture must be numbers in mm" : e.getMessage()));
        }
    }

    /** Saves the current profile under a new name ("Backyard", "Remote observatory") and switches to it. */
    private void saveAs() {
        try {
            String name = session.profile().withName(newProfile.getText()).name();
            report("Saving " + name + "…", session.edit(profile -> profile.withName(name)), "Profile \"" + name + "\" saved and chosen.");
            newProfile.setText("");
        } catch (IllegalArgumentException e) {
            status.setText("Not saved: " + e.getMessage());
        }
    }

    private void showSettings() {
        DeviceKind kind = DeviceKind.values()[Math.max(0, settingsKind.getSelectionIndex())];
        Optional<DeviceChoice> choice = session.profile().device(kind);
        Optional<DeviceProvider> provider = choice.flatMap(c -> session.registry().provider(c.providerId()));
        form.show(provider.map(p -> p.settings(kind)).orElse(List.of()), choice.map(DeviceChoice::settings).orElse(Map.of()));
        foundItems = List.of();
        found.removeAll();
    }

    /**
     * Asks the chosen driver for the devices it can find, from the host and port typed so far; the future completes
     * once the result is shown. UI thread.
     */
    public CompletableFuture<Void> findDevices() {
        DeviceKind kind = DeviceKind.values()[Math.max(0, settingsKind.getSelectionIndex())];
        Optional<DeviceProvider> provider = session.profile().device(kind).flatMap(c -> session.registry().provider(c.providerId()));
        if (provider.isEmpty()) {
            status.setText(kind.label() + ": choose a driver first.");
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<List<Discovered>> search;
        try {
            search = provider.get().discover(kind, form.shownValues());
        } catch (RuntimeException e) {
            search = CompletableFuture.failedFuture(e);
        }
        // showFound is queued on the UI thread before report's outcome, so the returned future completes after both.
        return report("Looking for " + kind.label().toLowerCase(Locale.ROOT) + " devices with " + provider.get().name() + "…",
                search.thenAccept(items -> sync.asyncExec(() -> showFound(kind, items))), "");
    }

    private void showFound(DeviceKind kind, List<Discovered> items) {
        if (found.isDisposed()) {
            return;
        }
        foundItems = List.copyOf(items);
        found.setItems(items.stream().map(Discovered::label).toArray(String[]::new));
        form.offer(items);
        status.setText(items.isEmpty() ? "No " + kind.label().toLowerCase(Locale.ROOT) + " devices found."
                : "Found " + items.size() + (items.size() == 1 ? " device" : " devices") + ": choose one, then apply the settings.");
        if (items.size() == 1) {
            found.select(0);
            useFound();
        }
        refit();
    }

    private void useFound() {
        int index = found.getSelectionIndex();
        if (index >= 0 && index < foundItems.size()) {
            form.fill(foundItems.get(index).settings());
        }
    }

    private void applySettings() {
        DeviceKind kind = DeviceKind.values()[Math.max(0, settingsKind.getSelectionIndex())];
        Optional<DeviceChoice> choice = session.profile().device(kind);
        if (choice.isEmpty()) {
            status.setText(kind.label() + ": choose a driver first.");
            return;
        }
        try {
            DeviceChoice edited = new DeviceChoice(choice.get().providerId(), form.values());
            report("Saving the profile…", session.edit(profile -> profile.withDevice(kind, edited)), kind.label() + " settings saved.");
        } catch (IllegalArgumentException e) {
            status.setText("Not saved: " + kind.label() + ": " + e.getMessage());
        }
    }

    /** Shows {@code doing} now and the outcome when {@code work} ends; returns a future done once that is shown. */
    private CompletableFuture<Void> report(String doing, CompletableFuture<?> work, String done) {
        status.setText(doing);
        CompletableFuture<Void> shown = new CompletableFuture<>();
        work.whenComplete((value, error) -> sync.asyncExec(() -> {
            if (!status.isDisposed()) {
                Throwable cause = error instanceof CompletionException || error instanceof ExecutionException ? error.getCause() : error;
                if (cause != null) {
                    status.setText(cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
                } else if (!done.isEmpty()) {
                    status.setText(done);
                }
                status.getParent().layout(true);
            }
            shown.complete(null);
        }));
        return shown;
    }

    /** Lays the content out again and lets the scroller know its new height. UI thread. */
    private void refit() {
        Composite content = (Composite) scroller.getContent();
        content.layout(true, true);
        scroller.setMinSize(content.computeSize(scroller.getClientArea().width, SWT.DEFAULT));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
