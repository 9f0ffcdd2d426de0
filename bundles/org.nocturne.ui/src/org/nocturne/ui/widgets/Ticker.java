package org.nocturne.ui.widgets;

import org.eclipse.swt.widgets.Control;

/**
 * Runs a short refresh on the UI thread now and then at a fixed interval, for as long as a control lives: the
 * clock-like readings of parts ("Sky now", the polar scope). The action must be quick (well under the interval);
 * long work belongs on a worker with the result posted back. Create and use on the UI thread only.
 */
public final class Ticker {

    private final Control owner;
    private final int intervalMillis;
    private final Runnable action;
    private final Runnable tick = this::tick;

    private Ticker(Control owner, int intervalMillis, Runnable action) {
        this.owner = owner;
        this.intervalMillis = intervalMillis;
        this.action = action;
    }

    /** Runs {@code action} now and every {@code intervalMillis} until {@code owner} is disposed. */
    public static void every(int intervalMillis, Control owner, Runnable action) {
        Ticker ticker = new Ticker(owner, intervalMillis, action);
        owner.addDisposeListener(e -> owner.getDisplay().timerExec(-1, ticker.tick));
        ticker.tick();
    }

    private void tick() {
        if (owner.isDisposed()) {
            return;
        }
        action.run();
        owner.getDisplay().timerExec(intervalMillis, tick);
    }
}
