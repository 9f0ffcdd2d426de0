package org.nocturne.ui.setup.equipment;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.nocturne.device.api.Discovered;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.ui.widgets.ValueGrid;

/**
 * A form for any driver's settings, built from its {@link SettingDescriptor}s: a text field per value, a drop-down
 * for a choice, a check box for a yes/no, and an editable drop-down for a serial port, which lists the ports a
 * search found. Fields carry {@link ValueGrid#FIELD_KEY} "setting:&lt;key&gt;". UI thread only.
 */
final class SettingsForm {

    private final Composite composite;
    private final Map<String, Control> fields = new HashMap<>();
    private List<SettingDescriptor> descriptors = List.of();

    SettingsForm(Composite parent) {
        composite = new Composite(parent, SWT.NONE);
        composite.setLayout(new GridLayout(3, false));
    }

    Composite control() {
        return composite;
    }

    /** Shows the fields of {@code settings}, filled from {@code values} (defaults where a value is missing). */
    void show(List<SettingDescriptor> settings, Map<String, String> values) {
        for (Control child : composite.getChildren()) {
            child.dispose();
        }
        fields.clear();
        descriptors = settings;
        for (SettingDescriptor setting : settings) {
            Label caption = new Label(composite, SWT.NONE);
            caption.setText(setting.label());
            caption.setToolTipText(setting.help());
            String value = values.getOrDefault(setting.key(), setting.defaultValue());
            Control field = switch (setting.type()) {
                case CHOICE -> {
                    Combo combo = new Combo(composite, SWT.READ_ONLY | SWT.DROP_DOWN);
                    setting.choices().forEach(combo::add);
                    combo.select(Math.max(0, setting.choices().indexOf(value)));
                    yield combo;
                }
                case SERIAL_PORT -> {
                    Combo picker = new Combo(composite, SWT.DROP_DOWN);
                    picker.setText(value);
                    yield picker;
                }
                case BOOLEAN -> {
                    Button check = new Button(composite, SWT.CHECK);
                    check.setSelection(Boolean.parseBoolean(value));
                    yield check;
                }
                default -> {
                    Text text = new Text(composite, SWT.BORDER);
                    text.setText(value);
                    yield text;
                }
            };
            field.setData(ValueGrid.FIELD_KEY, "setting:" + setting.key());
            field.setToolTipText(setting.help());
            GridData layout = new GridData(SWT.FILL, SWT.CENTER, true, false);
            layout.minimumWidth = 160;
            field.setLayoutData(layout);
            new Label(composite, SWT.NONE).setText(setting.unit());
            fields.put(setting.key(), field);
        }
        if (settings.isEmpty()) {
            Label none = new Label(composite, SWT.NONE);
            none.setText("This driver has no settings.");
            none.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        }
        composite.layout(true, true);
    }

    /** Lists, in each serial-port picker, the ports among {@code found}, keeping what is typed there. */
    void offer(List<Discovered> found) {
        for (SettingDescriptor setting : descriptors) {
            if (setting.type() == SettingDescriptor.Type.SERIAL_PORT && fields.get(setting.key()) instanceof Combo picker) {
                Set<String> ports = new LinkedHashSet<>();
                found.forEach(item -> {
                    String port = item.settings().get(setting.key());
                    if (port != null) {
                        ports.add(port);
                    }
                });
                String typed = picker.getText();
                picker.setItems(ports.toArray(String[]::new));
                picker.setText(typed);
            }
        }
    }

    /** Puts {@code values} into their fields; settings not named keep what is shown. */
    void fill(Map<String, String> values) {
        values.forEach((key, value) -> {
            switch (fields.get(key)) {
                case Combo combo when (combo.getStyle() & SWT.READ_ONLY) != 0 -> {
                    int index = combo.indexOf(value);
                    if (index >= 0) {
                        combo.select(index);
                    }
                }
                case Combo combo -> combo.setText(value);
                case Button check -> check.setSelection(Boolean.parseBoolean(value));
                case Text text -> text.setText(value);
                case null, default -> {
                    // a setting this driver does not have
                }
            }
        });
    }

    /** The values as shown, unchecked: what a search for devices starts from (the host and port typed so far). */
    Map<String, String> shownValues() {
        Map<String, String> values = new HashMap<>();
        for (SettingDescriptor setting : descriptors) {
            values.put(setting.key(), shown(fields.get(setting.key())));
        }
        return values;
    }

    /**
     * The values as typed, checked.
     *
     * @throws IllegalArgumentException naming the first bad setting
     */
    Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        for (SettingDescriptor setting : descriptors) {
            String value = shown(fields.get(setting.key()));
            setting.check(value);
            values.put(setting.key(), value);
        }
        return values;
    }

    private static String shown(Control field) {
        return switch (field) {
            case Combo combo -> combo.getText().trim();
            case Button check -> Boolean.toString(check.getSelection());
            case Text text -> text.getText().trim();
            default -> throw new IllegalStateException("Unexpected field " + field);
        };
    }
}
