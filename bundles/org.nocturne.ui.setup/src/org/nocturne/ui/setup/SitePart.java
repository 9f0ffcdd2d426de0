package org.nocturne.ui.setup;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.nocturne.core.angle.Sexagesimal;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.ui.site.SiteStore;
import org.nocturne.ui.widgets.ValueGrid;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Observatory site: name, latitude, longitude and elevation, which every sky position in the workbench is computed
 * for. Angles accept sexagesimal or decimal degrees; longitude is east positive (west negative), as in ASCOM and INDI.
 * Input fields ({@link ValueGrid#FIELD_KEY}): "name", "latitude", "longitude", "elevation"; button "save"; message
 * "status".
 */
public final class SitePart {

    @Inject
    private SiteStore siteStore;

    private Text name;
    private Text latitude;
    private Text longitude;
    private Text elevation;
    private Label status;

    @PostConstruct
    public void create(Composite parent) {
        ValueGrid grid = new ValueGrid(parent);
        name = grid.addInput("Site name", "name", "e.g. Backyard observatory");
        latitude = grid.addInput("Latitude", "latitude", "north positive, e.g. 51 28 38 or 51.4772");
        longitude = grid.addInput("Longitude", "longitude", "east positive, west negative, e.g. -0 00 02");
        elevation = grid.addInput("Elevation (m)", "elevation", "metres above sea level");
        new Label(grid.composite(), SWT.NONE);
        Button save = new Button(grid.composite(), SWT.PUSH);
        save.setText("Save site");
        save.setData(ValueGrid.FIELD_KEY, "save");
        save.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        save.addListener(SWT.Selection, e -> save());
        status = grid.addMessage("status");

        ObserverSite current = siteStore.site();
        if (siteStore.isUserDefined()) {
            show(current);
            status.setText("Saved site in use.");
        } else {
            status.setText("No site saved yet: the workbench computes for " + current.name() + " until you save yours.");
        }
    }

    private void show(ObserverSite site) {
        name.setText(site.name());
        latitude.setText(Sexagesimal.formatDegrees(site.latitudeDegrees()));
        longitude.setText(Sexagesimal.formatDegrees(site.longitudeDegrees()));
        elevation.setText(String.format(Locale.ROOT, "%.0f", site.elevationMeters()));
    }

    private void save() {
        try {
            ObserverSite site = new ObserverSite(name.getText().trim(), Sexagesimal.parse(latitude.getText(), "Latitude"),
                    Sexagesimal.parse(longitude.getText(), "Longitude"), parseElevation(elevation.getText()));
            siteStore.save(site);
            status.setText("Saved: " + site.name() + ". Every perspective now computes for this site.");
        } catch (IllegalArgumentException | IllegalStateException e) {
            status.setText("Not saved. " + e.getMessage());
        }
        status.getParent().layout(true);
    }

    private static double parseElevation(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return 0.0;
        }
        try {
            return Double.parseDouble(trimmed.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Elevation \"" + trimmed + "\" is not a number of metres");
        }
    }
}
