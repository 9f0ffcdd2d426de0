package org.nocturne.ui.setup.equipment;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceProvider;
import org.nocturne.device.api.DeviceState;
import org.nocturne.ui.widgets.ValueGrid;

/**
 * One kind's line in the equipment list: its name, the driver chosen for it, the device's live state, and a
 * connect/disconnect button. UI thread only; the part feeds it state snapshots.
 */
final class DeviceRow {

    static final String NO_DRIVER = "None";

    final DeviceKind kind;
    final Combo driver;
    final Label status;
    final Button connection;
    private List<DeviceProvider> providers = List.of();

    DeviceRow(Composite parent, DeviceKind kind) {
        this.kind = kind;
        Label name = new Label(parent, SWT.NONE);
        name.setText(kind.label());
        driver = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        driver.setData(ValueGrid.FIELD_KEY, "driver:" + kind.name());
        driver.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        status = new Label(parent, SWT.NONE);
        status.setData(ValueGrid.FIELD_KEY, "state:" + kind.name());
        GridData statusLayout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        statusLayout.widthHint = 280;
        status.setLayoutData(statusLayout);
        connection = new Button(parent, SWT.PUSH);
        connection.setData(ValueGrid.FIELD_KEY, "connect:" + kind.name());
        connection.setText("Connect");
    }

    /** Fills the driver choice: "None" and every provider that makes this kind; selects {@code chosenId}. */
    void setProviders(List<DeviceProvider> available, String chosenId) {
        providers = available;
        driver.removeAll();
        driver.add(NO_DRIVER);
        int selected = 0;
        for (int i = 0; i < available.size(); i++) {
            driver.add(available.get(i).name());
            if (available.get(i).id().equals(chosenId)) {
                selected = i + 1;
            }
        }
        driver.select(selected);
    }

    /** The provider chosen in the drop-down, or null for none. */
    DeviceProvider chosenProvider() {
        int index = driver.getSelectionIndex();
        return index <= 0 ? null : providers.get(index - 1);
    }

    /** Shows a device's state, or that there is none. */
    void show(Device<?> device) {
        if (device == null) {
            status.setText(chosenProvider() == null ? "Not used" : "Not made: see the status line");
            connection.setEnabled(false);
            return;
        }
        DeviceState state = device.state();
        String message = state.message() == null ? "" : state.message();
        String text = state.connection().label() + (message.isBlank() ? "" : ": " + message);
        status.setText(device.info().name() + " — " + text);
        connection.setText(state.connection().isConnected() ? "Disconnect" : "Connect");
        connection.setEnabled(true);
    }
}
