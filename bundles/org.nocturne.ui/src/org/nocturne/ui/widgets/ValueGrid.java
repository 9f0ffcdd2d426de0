package org.nocturne.ui.widgets;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * A two-column grid of captions and values, the way parts show readings ("Local sidereal time | 03h 12m 44.0s") and
 * take short inputs. Every value or input widget carries its field name under {@link #FIELD_KEY}, so tests and
 * screenshots find them without relying on layout. UI thread only.
 */
public final class ValueGrid {

    /** Widget data key holding a value's or input's field name. */
    public static final String FIELD_KEY = "org.nocturne.ui.field";

    private final Composite composite;

    /** Lays {@code parent} out as the grid; the grid owns the parent's layout. */
    public ValueGrid(Composite parent) {
        this.composite = parent;
        GridLayout layout = new GridLayout(2, false);
        layout.horizontalSpacing = 16;
        layout.verticalSpacing = 6;
        parent.setLayout(layout);
    }

    /** Adds a read-only value under a caption. */
    public Label addValue(String caption, String field) {
        caption(caption);
        Label value = new Label(composite, SWT.WRAP);
        value.setData(FIELD_KEY, field);
        value.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return value;
    }

    /** Adds a single-line input under a caption, with a hint shown while it is empty. */
    public Text addInput(String caption, String field, String hint) {
        caption(caption);
        Text input = new Text(composite, SWT.BORDER | SWT.SINGLE);
        input.setMessage(hint);
        input.setData(FIELD_KEY, field);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.minimumWidth = 220;
        input.setLayoutData(data);
        return input;
    }

    /** A label spanning both columns, for a status or error line. */
    public Label addMessage(String field) {
        Label message = new Label(composite, SWT.WRAP);
        message.setData(FIELD_KEY, field);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        return message;
    }

    /**
     * A push button that fills its cell of {@code parent}'s grid layout, named {@code field} under
     * {@link #FIELD_KEY} as the grid's values are: for rows of buttons beside or under a grid.
     */
    public static Button pushButton(Composite parent, String text, String field, String tooltip) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tooltip);
        button.setData(FIELD_KEY, field);
        button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return button;
    }

    public Composite composite() {
        return composite;
    }

    private void caption(String text) {
        Label caption = new Label(composite, SWT.NONE);
        caption.setText(text);
        caption.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
    }
}
