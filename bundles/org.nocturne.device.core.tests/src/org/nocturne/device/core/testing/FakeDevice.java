package org.nocturne.device.core.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;

/**
 * A test double for a device of any kind: a dynamic proxy of the kind's interface that answers info(), kind(), connect()
 * and disconnect() as its {@link Connect} behaviour says and refuses everything else.
 */
public final class FakeDevice implements InvocationHandler {

    /** How connect() answers. */
    public enum Connect {
        /** Connects before returning. */
        AT_ONCE,
        /** Connects 200 ms later, on another thread. */
        LATER,
        /** Fails at once, with a DeviceException naming the device. */
        FAILS,
        /** Breaks the contract: throws instead of returning a future. */
        THROWS,
        /** Never completes, until cancelled. */
        NEVER
    }

    private final DeviceKind kind;
    private final DeviceInfo info;
    private final Connect connect;
    private final Device<?> proxy;
    private volatile boolean connected;
    private volatile CompletableFuture<Void> lastConnect;

    FakeDevice(DeviceKind kind, String providerId, Connect connect) {
        this.kind = kind;
        this.info = new DeviceInfo(providerId, "Fake " + kind.label().toLowerCase(), "test double");
        this.connect = connect;
        this.proxy = (Device<?>) Proxy.newProxyInstance(FakeDevice.class.getClassLoader(), new Class<?>[] { kind.type() }, this);
    }

    /** The device as the rest of Nocturne sees it. */
    public Device<?> device() {
        return proxy;
    }

    public DeviceKind kind() {
        return kind;
    }

    public String name() {
        return info.name();
    }

    public boolean isConnected() {
        return connected;
    }

    /** The future the last connect() returned. */
    public CompletableFuture<Void> lastConnect() {
        return lastConnect;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) {
        return switch (method.getName()) {
            case "info" -> info;
            case "kind" -> kind;
            case "connect" -> lastConnect = connect();
            case "disconnect" -> {
                connected = false;
                yield CompletableFuture.completedFuture(null);
            }
            case "subscribe" -> (Device.Subscription) () -> {
            };
            case "toString" -> info.name();
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> throw new UnsupportedOperationException(info.name() + " is a test double: no " + method.getName());
        };
    }

    private CompletableFuture<Void> connect() {
        return switch (connect) {
            case AT_ONCE -> {
                connected = true;
                yield CompletableFuture.completedFuture(null);
            }
            case LATER -> CompletableFuture.runAsync(() -> connected = true, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
            case FAILS -> CompletableFuture.failedFuture(new DeviceException(info.name() + " does not answer on its port"));
            case THROWS -> throw new IllegalStateException(info.name() + " threw instead of failing its future");
            case NEVER -> new CompletableFuture<>();
        };
    }
}
