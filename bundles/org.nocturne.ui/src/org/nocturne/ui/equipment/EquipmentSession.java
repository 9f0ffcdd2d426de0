package org.nocturne.ui.equipment;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.nocturne.device.core.DeviceRegistry;
import org.nocturne.device.core.equipment.Equipment;
import org.nocturne.device.core.equipment.EquipmentException;
import org.nocturne.device.core.profile.EquipmentProfile;
import org.nocturne.device.core.profile.ProfileStore;

/**
 * The workbench's equipment: the chosen profile, its devices, and the drivers installed. Parts inject it from the
 * application context; it posts {@link #TOPIC_CHANGED} (with itself) when the profile or the devices change, so parts
 * re-subscribe to the new devices. Thread-safe; no method blocks on a device (connecting returns a future), and
 * switching or editing a profile reads and writes its file on a worker, never on the caller's thread.
 */
public final class EquipmentSession {

    /** Posted after another profile was chosen, a profile was edited, or drivers came or went. */
    public static final String TOPIC_CHANGED = "org/nocturne/ui/equipment/changed";

    private final DeviceRegistry registry;
    private final ProfileStore store;
    private final IEventBroker events;
    /** Profile switches and edits, one at a time, off the caller's thread. */
    private final ExecutorService changes = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "Nocturne equipment changes");
        thread.setDaemon(true);
        return thread;
    });
    private EquipmentProfile profile;
    private Equipment equipment;
    private String problem = "";

    EquipmentSession(DeviceRegistry registry, ProfileStore store, IEventBroker events) throws IOException {
        this.registry = registry;
        this.store = store;
        this.events = events;
        String name = store.lastUsed().orElse(EquipmentProfile.SIMULATOR_NAME);
        EquipmentProfile chosen = store.load(name).orElseGet(() -> {
            try {
                return store.list().profiles().stream().findFirst().orElse(EquipmentProfile.simulator());
            } catch (IOException e) {
                return EquipmentProfile.simulator();
            }
        });
        use(chosen);
        registry.subscribe(change -> {
            synchronized (this) {
                if (equipment == null) {
                    use(profile);
                }
            }
            events.post(TOPIC_CHANGED, this);
        });
    }

    public DeviceRegistry registry() {
        return registry;
    }

    public ProfileStore store() {
        return store;
    }

    public synchronized EquipmentProfile profile() {
        return profile;
    }

    /** The devices of the profile, empty when they could not be made (see {@link #problem()}). */
    public synchronized Optional<Equipment> equipment() {
        return Optional.ofNullable(equipment);
    }

    /** Why the profile's devices could not be made, for the user; empty when they were. */
    public synchronized String problem() {
        return problem;
    }

    /** The names of the saved profiles. */
    public List<String> profileNames() throws IOException {
        return store.list().names();
    }

    /**
     * Switches to a saved profile: the current devices are disconnected and the profile's devices made (not
     * connected).
     */
    public CompletableFuture<Void> choose(String name) {
        return CompletableFuture.runAsync(() -> {
            disconnectQuietly();
            try {
                EquipmentProfile chosen = store.load(name).orElseThrow(() -> new IOException("No profile named \"" + name + "\""));
                store.setLastUsed(name);
                synchronized (this) {
                    use(chosen);
                }
            } catch (IOException e) {
                synchronized (this) {
                    problem = e.getMessage();
                }
            }
            events.post(TOPIC_CHANGED, this);
        }, changes);
    }

    /**
     * Edits the current profile, saves it and remakes its devices (the old ones are disconnected first). Edits run
     * one after another, each on the profile the previous one left, so two quick edits never undo each other.
     */
    public CompletableFuture<Void> edit(UnaryOperator<EquipmentProfile> change) {
        return CompletableFuture.runAsync(() -> {
            disconnectQuietly();
            EquipmentProfile edited = change.apply(profile());
            try {
                store.save(edited);
                store.setLastUsed(edited.name());
                synchronized (this) {
                    use(edited);
                }
            } catch (IOException e) {
                synchronized (this) {
                    problem = "Could not save the profile: " + e.getMessage();
                }
            }
            events.post(TOPIC_CHANGED, this);
        }, changes);
    }

    /** Disconnects the current devices and waits for them, whatever they answer; runs on the changes thread. */
    private void disconnectQuietly() {
        try {
            disconnectAll().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The devices are replaced anyway; a failed disconnect was reported on each device's state.
        }
    }

    public CompletableFuture<Void> connectAll() {
        return equipment().map(Equipment::connectAll).orElseGet(() -> CompletableFuture.failedFuture(new IllegalStateException(problem())));
    }

    public CompletableFuture<Void> disconnectAll() {
        return equipment().map(Equipment::disconnectAll).orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    /** Makes the profile's devices; called with the lock held. */
    private void use(EquipmentProfile chosen) {
        profile = chosen;
        try {
            equipment = Equipment.create(chosen, registry, chosen.name().hashCode());
            problem = "";
        } catch (EquipmentException e) {
            equipment = null;
            problem = e.getMessage();
        }
    }
}
