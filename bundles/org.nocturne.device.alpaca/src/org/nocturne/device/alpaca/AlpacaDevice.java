package org.nocturne.device.alpaca;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceState;
import org.nocturne.device.api.support.AbstractDevice;

/**
 * What every Alpaca device shares: the HTTP link (made on connect, released on disconnect or fault), the connect
 * handshake (Platform 7 {@code connect}/{@code connecting}, falling back to {@code PUT connected} for older devices),
 * faulting on a broken link, and a state refresh every {@link #POLL_PERIOD} while connected (Alpaca has no events; the
 * refresh is {@link AbstractDevice#startPolling polled} as a command on the device thread).
 *
 * @param <S> the state snapshot record
 */
abstract class AlpacaDevice<S extends DeviceState> extends AbstractDevice<S> {

    static final Duration POLL_PERIOD = Duration.ofSeconds(2);

    protected final AlpacaEndpoint endpoint;
    private volatile AlpacaClient client;
    private volatile Duration pollPeriod = POLL_PERIOD;
    /** What replaces every motion's usual time limit; null for the usual limits. */
    private volatile Duration motionLimit;
    private boolean platform7;

    protected AlpacaDevice(AlpacaEndpoint endpoint, DeviceKind kind, S initial) {
        super(new DeviceInfo(AlpacaProvider.ID, endpoint.label(), "ASCOM Alpaca " + endpoint.deviceType() + " at " + endpoint.member("")),
                kind, initial);
        this.endpoint = endpoint;
    }

    /** Polls the device's state every {@code period} from the next connection on, rather than every 2 s (tests). */
    final void pollEvery(Duration period) {
        pollPeriod = period;
    }

    /** Gives every motion {@code limit} rather than its usual time limit (tests). */
    final void limitMotionsTo(Duration limit) {
        motionLimit = limit;
    }

    /** The link; only while connected or connecting, on the device thread. */
    protected final AlpacaClient alpaca() {
        AlpacaClient link = client;
        if (link == null) {
            throw AlpacaException.broken(info().name() + " has no link (not connected)", null);
        }
        return link;
    }

    @Override
    protected final void openConnection() throws Exception {
        client = new AlpacaClient(endpoint, info().name());
        try {
            handshake();
            readDevice();
            refresh();
        } catch (Exception | Error e) {
            releaseLink();
            throw e;
        }
        startPolling(pollPeriod, "refresh", faultingOnBrokenLink(() -> {
            refresh();
            return null;
        }));
    }

    @Override
    protected final void closeConnection() throws Exception {
        if (client == null) {
            return; // faulted: the link is gone already
        }
        try {
            if (platform7) {
                alpaca().put("disconnect");
                long deadline = System.nanoTime() + connectWaitNanos();
                while (alpaca().getBoolean("connecting") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            } else {
                alpaca().put("connected", "Connected", "false");
            }
        } catch (AlpacaException e) {
            // a device that is gone, or refuses, is disconnected all the same: the link is released below
        } finally {
            releaseLink();
        }
    }

    /** Connects the device on the server: Platform 7's asynchronous connect where the device has it. */
    private void handshake() throws InterruptedException {
        try {
            alpaca().put("connect");
            platform7 = true;
        } catch (AlpacaException e) {
            if (!e.notImplemented()) {
                throw e;
            }
            platform7 = false;
            alpaca().put("connected", "Connected", "true");
        }
        if (platform7) {
            long deadline = System.nanoTime() + connectWaitNanos();
            while (alpaca().getBoolean("connecting")) {
                if (System.nanoTime() > deadline) {
                    throw AlpacaException.broken(info().name() + ": still connecting after " + TimeUnit.NANOSECONDS.toSeconds(connectWaitNanos()) + " s",
                            null);
                }
                Thread.sleep(100);
            }
        }
        if (!alpaca().getBoolean("connected")) {
            throw AlpacaException.broken(info().name() + ": the device did not connect (Connected is still false)", null);
        }
    }

    private long connectWaitNanos() {
        return endpoint.timeout().multipliedBy(6).toNanos();
    }

    /** Reads what is fixed once connected (sizes, capabilities, names); on the device thread while connecting. */
    protected abstract void readDevice() throws InterruptedException;

    /** Reads the device's changing state and publishes it; on the device thread. */
    protected abstract void refresh() throws InterruptedException;

    /**
     * Runs a command on the device thread; a broken link faults the device (the link is released) and the failure
     * goes to the caller.
     */
    protected final <T> CompletableFuture<T> alpacaCommand(String name, Work<T> work) {
        return command(name, faultingOnBrokenLink(work));
    }

    /** The work, faulting the device (and releasing the link) when the link breaks under it. */
    private <T> Work<T> faultingOnBrokenLink(Work<T> work) {
        return () -> {
            try {
                return work.call();
            } catch (AlpacaException e) {
                // NotConnected while we are connected: the server restarted or another client disconnected the device.
                if (e.linkBroken() || e.errorNumber() == AlpacaErrors.NOT_CONNECTED) {
                    releaseLink();
                    fault(e.getMessage());
                }
                throw e;
            }
        };
    }

    /** A boolean member the device may lack (NotImplemented): false then. */
    protected final boolean optionalBoolean(String member) throws InterruptedException {
        try {
            return alpaca().getBoolean(member);
        } catch (AlpacaException e) {
            if (e.notImplemented()) {
                return false;
            }
            throw e;
        }
    }

    /** A reading the device may lack (NotImplemented) or not have yet (ValueNotSet, InvalidOperation): NaN then. */
    protected final double optionalDouble(String member) throws InterruptedException {
        try {
            return alpaca().getDouble(member);
        } catch (AlpacaException e) {
            if (e.notImplemented() || e.errorNumber() == AlpacaErrors.VALUE_NOT_SET || e.errorNumber() == AlpacaErrors.INVALID_OPERATION) {
                return Double.NaN;
            }
            throw e;
        }
    }

    /** How long a motion may take: {@code usual}, unless a test limits motions. */
    protected final Duration limit(Duration usual) {
        Duration shorter = motionLimit;
        return shorter != null ? shorter : usual;
    }

    /** A moment {@code limit} from now, for {@link #checkDeadline}. */
    protected static long deadline(Duration limit) {
        return System.nanoTime() + limit.toNanos();
    }

    /**
     * Gives up on a device that keeps saying it is busy (moving, slewing, exposing) far longer than any real one would,
     * first telling it to stop: {@code stop} is the member that stops it ({@code halt}, {@code abortslew}), null when
     * there is nothing to stop. A refusal, not a fault: the link works.
     *
     * @throws AlpacaException naming the device and what did not finish
     */
    protected final void checkDeadline(long deadline, String what, Duration limit, String stop) throws InterruptedException {
        if (System.nanoTime() <= deadline) {
            return;
        }
        if (stop != null) {
            try {
                alpaca().put(stop);
            } catch (AlpacaException e) {
                if (e.linkBroken()) {
                    throw e;
                }
                // a device that refuses to stop is reported by the failure below all the same
            }
        }
        String took = limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
        throw AlpacaException.refused(info().name() + ": " + what + " did not finish within " + took
                + (stop != null ? "; sent " + stop : ""), 0);
    }

    /**
     * Waits until the device's {@code busy} member (such as {@code ismoving}) says the motion it was sent has ended,
     * refreshing the state as it goes; a cancel (interruption) sends {@code stop} and is let out, and a motion past
     * {@code limit} is stopped and refused (see {@link #checkDeadline}). Device thread.
     */
    protected final void awaitMotion(String what, String busy, String stop, Duration limit, long pollMillis) throws InterruptedException {
        long deadline = deadline(limit);
        try {
            do {
                checkDeadline(deadline, what, limit, stop);
                refresh();
                Thread.sleep(pollMillis);
            } while (alpaca().getBoolean(busy));
        } catch (InterruptedException e) {
            Thread.interrupted();
            alpaca().put(stop);
            refresh();
            throw e;
        }
        refresh();
    }

    private void releaseLink() {
        AlpacaClient link = client;
        client = null;
        if (link != null) {
            link.close();
        }
    }
}
