package org.nocturne.device.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceProvider;

/**
 * The driver families installed now.
 *
 * <p>In the product this is an OSGi Declarative Services component ({@code OSGI-INF/org.nocturne.device.core.DeviceRegistry.xml})
 * offered as a service of this class: Service Component Runtime calls {@link #addProvider} and {@link #removeProvider}
 * as {@link DeviceProvider} services come and go (a dynamic, optional, multiple reference), so installing a driver
 * bundle is all it takes. Tests and the headless runner make one with the constructor and add providers themselves.
 *
 * <p>Thread-safe. Queries never block and return immutable snapshots. Listeners are called on the thread that added or
 * removed the provider, after the change, one change at a time in the order the changes happened; they must return
 * quickly and must not wait for another thread that adds or removes providers. A listener that throws does not keep
 * the others from hearing of the change; its exception then reaches the caller of {@link #addProvider} or
 * {@link #removeProvider}, after the change is made.
 */
public final class DeviceRegistry {

    private static final Comparator<DeviceProvider> BY_NAME = Comparator
            .comparing((DeviceProvider provider) -> provider.name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(DeviceProvider::id);

    private final Object changeLock = new Object();
    private final List<Consumer<? super ProviderChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile List<DeviceProvider> providers = List.of();

    /** An empty registry. */
    public DeviceRegistry() {
    }

    /**
     * Adds {@code provider} and tells the listeners; adding the same instance twice changes nothing. Declarative
     * Services' bind method.
     */
    public void addProvider(DeviceProvider provider) {
        Objects.requireNonNull(provider, "provider");
        synchronized (changeLock) {
            if (providers.contains(provider)) {
                return;
            }
            List<DeviceProvider> next = new ArrayList<>(providers);
            next.add(provider);
            next.sort(BY_NAME);
            providers = List.copyOf(next);
            tell(new ProviderChange(ProviderChange.Type.ADDED, provider));
        }
    }

    /** Removes {@code provider} and tells the listeners; an unknown provider changes nothing. Declarative Services' unbind method. */
    public void removeProvider(DeviceProvider provider) {
        Objects.requireNonNull(provider, "provider");
        synchronized (changeLock) {
            if (!providers.contains(provider)) {
                return;
            }
            List<DeviceProvider> next = new ArrayList<>(providers);
            next.remove(provider);
            providers = List.copyOf(next);
            tell(new ProviderChange(ProviderChange.Type.REMOVED, provider));
        }
    }

    /** Every provider installed now, by name. */
    public List<DeviceProvider> providers() {
        return providers;
    }

    /** The providers that make devices of {@code kind}, by name. */
    public List<DeviceProvider> providers(DeviceKind kind) {
        Objects.requireNonNull(kind, "kind");
        return providers.stream().filter(provider -> provider.kinds().contains(kind)).toList();
    }

    /**
     * The provider with this id. Should two installed providers share an id, the first by name answers.
     *
     * @param id a provider id as stored in profiles ("org.nocturne.device.sim")
     */
    public Optional<DeviceProvider> provider(String id) {
        Objects.requireNonNull(id, "id");
        return providers.stream().filter(provider -> provider.id().equals(id)).findFirst();
    }

    /**
     * Calls {@code listener} with every later change until the returned subscription is closed. To see the providers
     * already there without missing one, subscribe first, then read {@link #providers()}.
     */
    public Subscription subscribe(Consumer<? super ProviderChange> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells every listener, even when one fails; then rethrows the first failure with the others suppressed. */
    private void tell(ProviderChange change) {
        RuntimeException failure = null;
        for (Consumer<? super ProviderChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A listener registration to end; closing it twice is harmless. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
