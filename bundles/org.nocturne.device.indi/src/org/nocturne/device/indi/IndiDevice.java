package org.nocturne.device.indi;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceState;
import org.nocturne.device.api.support.AbstractDevice;
import org.nocturne.device.indi.protocol.IndiConnection;
import org.nocturne.device.indi.protocol.IndiProperty;
import org.nocturne.device.indi.protocol.IndiStreamParser;
import org.nocturne.device.indi.protocol.IndiXml;
import org.nocturne.device.indi.protocol.PropertyState;

/**
 * What every INDI device shares: its own TCP connection to the server, the INDI connect handshake, waiting for
 * property changes, and turning a broken link into a FAULTED device.
 *
 * <p>Each device opens its own connection, asking the server (getProperties with the device name) for that device's
 * properties only. A connection per device rather than one per server: a hostile or broken stream, a disconnect or a
 * reconnect then touches only its device; BLOBs are enabled only on the camera's connection, so image data never
 * queue in front of the mount's position updates (as KStars does with its separate BLOB connection); and the INDI
 * server handles many clients cheaply. Disconnecting closes the socket without disconnecting the INDI driver, which
 * other clients may share (a mount keeps tracking).
 *
 * <p>Threading: all work runs on the device thread of {@link AbstractDevice}. The connection's reader thread only
 * queues a "read state" command when the model changes while the device is idle, so snapshots are published on the
 * device thread, in order; while a command waits it refreshes the state itself.
 *
 * @param <S> the state record
 */
abstract class IndiDevice<S extends DeviceState> extends AbstractDevice<S> {

    /** Added to a property's own timeout before a change counts as lost. */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    protected final IndiSettings settings;
    /** The INDI device name. */
    protected final String device;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile IndiConnection link;
    private final long maxBlobBytes;

    protected IndiDevice(DeviceKind kind, IndiSettings settings, S initial, long maxBlobBytes) {
        super(new DeviceInfo(IndiProvider.ID, settings.device(), "INDI device \"" + settings.device() + "\" on " + settings.address()),
                kind, initial);
        this.settings = settings;
        this.device = settings.device();
        this.maxBlobBytes = maxBlobBytes;
    }

    protected IndiDevice(DeviceKind kind, IndiSettings settings, S initial) {
        this(kind, settings, initial, IndiStreamParser.DEFAULT_MAX_BLOB_BYTES);
    }

    /** True when the properties this kind needs are defined (the driver defines them after its CONNECT). */
    protected abstract boolean ready();

    /** Reads capabilities and sets the device up, once connected and ready; runs on the device thread. */
    protected abstract void prepare() throws Exception;

    /** A snapshot made from the property model (values unknown where the model has none), with this connection state. */
    protected abstract S snapshot(ConnectionState connection, String message);

    /** Publishes a snapshot made from the property model, keeping the connection state. Call from the device thread. */
    protected final void refresh() {
        publish(snapshot(state().connection(), state().message()));
    }

    @Override
    protected final S withConnection(S snapshot, ConnectionState connection, String message) {
        return snapshot(connection, message);
    }

    /** Stops what is safe to stop before the socket closes (an exposure is aborted). */
    protected void beforeClose() throws Exception {
        // nothing by default
    }

    @Override
    protected final void openConnection() throws Exception {
        IndiConnection connection;
        try {
            connection = IndiConnection.open(settings.host(), settings.port(), settings.timeout(), maxBlobBytes);
        } catch (IOException e) {
            throw new DeviceException(device + ": " + e.getMessage(), e);
        }
        link = connection;
        try {
            connection.addListener(() -> changed(connection));
            connection.send(IndiXml.getProperties(device));
            IndiProperty connect = waitFor("the INDI server at " + settings.address() + " to list the device \"" + device
                    + "\" (is the name right? Find lists the server's devices)", settings.timeout(), () -> property("CONNECTION"));
            if (!connect.isOn("CONNECT")) {
                long sent = sendSwitches("CONNECTION", Map.of("CONNECT", true));
                awaitCompletion("CONNECTION", sent, timeoutOf(connect), p -> p.isOn("CONNECT"));
            }
            waitFor("the driver to define its " + kind().label().toLowerCase() + " properties", settings.timeout(),
                    () -> ready() ? Boolean.TRUE : null);
            settle(connection);
            prepare();
        } catch (Exception | Error e) {
            link = null;
            connection.close();
            throw e;
        }
        refreshQueued.set(false);
    }

    @Override
    protected final void closeConnection() throws Exception {
        IndiConnection connection = link;
        if (connection == null) {
            return;
        }
        try {
            if (connection.failure() == null) {
                beforeClose();
            }
        } finally {
            link = null;
            connection.close();
        }
    }

    @Override
    protected final void checkLink(String command) {
        IndiConnection connection = link;
        if (connection == null) {
            throw DeviceException.notConnected(info(), command);
        }
        String failure = connection.failure();
        if (failure != null) {
            throw lost(failure);
        }
    }

    /** The property {@code name} of this device, or null when not defined. */
    protected final IndiProperty property(String name) {
        IndiConnection connection = link;
        return connection == null ? null : connection.property(device, name);
    }

    /** The property, or a DeviceException saying the driver does not offer it. */
    protected final IndiProperty require(String name) {
        IndiProperty property = property(name);
        if (property == null) {
            throw new DeviceException(device + " does not offer the INDI property " + name);
        }
        return property;
    }

    /** Drops the BLOB bytes of {@code read} from the model once they are read, unless a newer update came since. */
    protected final void releaseBlobs(IndiProperty read) {
        IndiConnection connection = link;
        if (connection != null) {
            connection.releaseBlobs(read);
        }
    }

    /** Sends numbers; returns the model version before sending, for {@link #awaitCompletion}. */
    protected final long sendNumbers(String property, Map<String, Double> values) throws IOException {
        return send(IndiXml.newNumbers(device, property, values));
    }

    /** Sends switches; returns the model version before sending. */
    protected final long sendSwitches(String property, Map<String, Boolean> values) throws IOException {
        return send(IndiXml.newSwitches(device, property, values));
    }

    /** Sends texts; returns the model version before sending. */
    protected final long sendTexts(String property, Map<String, String> values) throws IOException {
        return send(IndiXml.newTexts(device, property, values));
    }

    /** Sends one switch of a OneOfMany vector On and the others Off. */
    protected final long selectSwitch(String property, String on) throws IOException {
        Map<String, Boolean> values = new LinkedHashMap<>();
        require(property).elements().keySet().forEach(name -> values.put(name, name.equals(on)));
        return sendSwitches(property, values);
    }

    /**
     * Sets numbers of a property and waits until the driver has them, unless they already have those values.
     *
     * @throws DeviceException when the driver does not offer the property or refuses the values
     */
    protected final void changeNumbers(String name, Map<String, Double> values) throws IOException, InterruptedException {
        IndiProperty property = require(name);
        boolean same = values.entrySet().stream().allMatch(entry -> Math.abs(property.number(entry.getKey()) - entry.getValue()) < 1e-9);
        if (!same) {
            awaitCompletion(name, sendNumbers(name, values), timeoutOf(property), p -> true);
        }
    }

    /** Turns switch {@code on} of a OneOfMany property On and waits until the driver has it, unless it is On already. */
    protected final void changeSwitch(String name, String on) throws IOException, InterruptedException {
        IndiProperty property = require(name);
        if (property.element(on) == null) {
            throw new DeviceException(device + ": " + name + " has no switch " + on);
        }
        if (!property.isOn(on)) {
            awaitCompletion(name, selectSwitch(name, on), timeoutOf(property), p -> p.isOn(on));
        }
    }

    /**
     * Turns switch {@code on} of a OneOfMany property On and waits until the driver shows it On, in any state but
     * Alert: for switches whose property stays Busy while the mode lasts (INDI's TELESCOPE_TRACK_STATE is Busy while
     * tracking).
     */
    protected final void changeMode(String name, String on) throws IOException, InterruptedException {
        IndiProperty property = require(name);
        if (!property.isOn(on)) {
            awaitCompletion(name, selectSwitch(name, on), timeoutOf(property), p -> p.isOn(on), true);
        }
    }

    /** Sends a message to the server (see {@link IndiXml}); returns the model version before sending. */
    protected final long send(String xml) throws IOException {
        IndiConnection connection = connection();
        long before = connection.version();
        connection.send(xml);
        return before;
    }

    /** The time a change of {@code property} may take: its own timeout plus a margin, at least the answer timeout. */
    protected final Duration timeoutOf(IndiProperty property) {
        return timeoutOf(property, settings.timeout());
    }

    /**
     * The time a motion of {@code property} may take: its own timeout plus a margin, at least the answer timeout; or
     * {@code unspecified} when the driver gives none (a timeout of 0, as many drivers send for motions).
     */
    protected final Duration timeoutOf(IndiProperty property, Duration unspecified) {
        if (!(property.timeoutSeconds() > 0)) {
            return unspecified;
        }
        Duration own = Duration.ofMillis((long) (property.timeoutSeconds() * 1000)).plus(MARGIN);
        return own.compareTo(settings.timeout()) > 0 ? own : settings.timeout();
    }

    /**
     * Waits until a change of {@code name} sent at model version {@code sent} has completed: the property was updated
     * after sending and is Ok (or Idle), having been Busy since or showing the value asked for ({@code reached}).
     *
     * @throws DeviceException when it goes Alert (with the driver's last message), or nothing completes in time
     */
    protected final IndiProperty awaitCompletion(String name, long sent, Duration timeout, Predicate<IndiProperty> reached)
            throws InterruptedException {
        return awaitCompletion(name, sent, timeout, reached, false);
    }

    private IndiProperty awaitCompletion(String name, long sent, Duration timeout, Predicate<IndiProperty> reached, boolean busyIsDone)
            throws InterruptedException {
        return waitFor(name + " to complete", timeout, () -> {
            IndiProperty property = property(name);
            if (property == null) {
                throw new DeviceException(device + ": the driver deleted " + name + " while a change of it was awaited");
            }
            if (property.updated() <= sent) {
                return null;
            }
            if (property.state() == PropertyState.ALERT) {
                throw alert(name);
            }
            boolean settled = busyIsDone || property.state() == PropertyState.OK || property.state() == PropertyState.IDLE;
            return settled && (property.lastBusy() > sent || reached.test(property)) ? property : null;
        });
    }

    /**
     * Waits until the driver has taken a change of {@code name} sent at model version {@code sent}: the first update
     * after sending, whatever its state but Alert (a cooler set-point goes Busy until it is reached).
     */
    protected final IndiProperty awaitAccepted(String name, long sent, Duration timeout) throws InterruptedException {
        return awaitCompletion(name, sent, timeout, property -> true, true);
    }

    /** The exception for a property that went Alert, with the driver's last message. */
    protected final DeviceException alert(String name) {
        IndiConnection connection = link;
        String message = connection == null ? "" : connection.lastMessage(device);
        return new DeviceException(device + ": " + name + " failed" + (message.isEmpty() ? " (the driver reported Alert)" : ": " + message));
    }

    /**
     * Waits until {@code probe} gives a value, refreshing the state on every change of the model.
     *
     * @param what what is awaited, for the timeout's message
     * @throws DeviceException when the link breaks (the device is then FAULTED) or the time runs out
     * @throws InterruptedException when the command is cancelled
     */
    protected final <T> T waitFor(String what, Duration timeout, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            IndiConnection connection = connection();
            String failure = connection.failure();
            if (failure != null) {
                throw lost(failure);
            }
            long seen = connection.version();
            boolean connected = state().connection().isConnected();
            if (connected) {
                checkDriver();
            }
            T result = probe.get();
            if (connected) {
                refresh();
            }
            if (result != null) {
                return result;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new DeviceException(device + ": timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            connection.awaitChange(seen, Duration.ofNanos(Math.min(left, 1_000_000_000L)));
        }
    }

    /**
     * Waits up to {@code longest} for {@code condition}, refreshing the state on every change; returns whether it came.
     *
     * @throws DeviceException when the link breaks
     */
    protected final boolean awaitOrPass(Duration longest, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + longest.toNanos();
        while (true) {
            IndiConnection connection = connection();
            if (connection.failure() != null) {
                throw lost(connection.failure());
            }
            long seen = connection.version();
            boolean met = condition.getAsBoolean();
            refresh();
            if (met) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            connection.awaitChange(seen, Duration.ofNanos(left));
        }
    }

    /** Waits until the burst of definitions after a connect is over (no change for 300 ms, at most 3 s). */
    private void settle(IndiConnection connection) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        long seen = connection.version();
        while (System.nanoTime() < deadline) {
            long now = connection.awaitChange(seen, Duration.ofMillis(300));
            if (now == seen) {
                return;
            }
            seen = now;
        }
    }

    /**
     * Faults the device when its driver went away behind this connection: another client disconnected it (CONNECTION
     * Off) or the driver deleted its properties (restarted or removed from the server).
     *
     * @throws DeviceException saying so, after closing the link and marking the device FAULTED
     */
    private void checkDriver() {
        IndiProperty connect = property("CONNECTION");
        if (connect == null) {
            throw lost("the driver deleted its properties (was it restarted or removed from the INDI server?)");
        }
        if (!connect.isOn("CONNECT") && connect.state() != PropertyState.BUSY) {
            throw lost("the driver was disconnected from its device (CONNECTION went Off), by another client or the driver");
        }
    }

    private IndiConnection connection() {
        IndiConnection connection = link;
        if (connection == null) {
            throw new DeviceException(device + " is not connected");
        }
        return connection;
    }

    /** The link broke: closes it, marks the device FAULTED and returns the exception to throw. */
    private DeviceException lost(String failure) {
        IndiConnection connection = link;
        link = null;
        if (connection != null) {
            connection.close();
        }
        String message = device + ": " + failure;
        if (state().connection() != ConnectionState.CONNECTING) {
            fault(message);
        }
        return new DeviceException(message);
    }

    /** On the reader thread: the model changed or the link broke; queue a state read unless one is queued. */
    private void changed(IndiConnection connection) {
        if (connection != link || !state().connection().isConnected() || !refreshQueued.compareAndSet(false, true)) {
            return;
        }
        command("read state", () -> {
            refreshQueued.set(false);
            checkDriver();
            refresh();
            return null;
        }).whenComplete((ignored, error) -> refreshQueued.set(false));
    }
}
