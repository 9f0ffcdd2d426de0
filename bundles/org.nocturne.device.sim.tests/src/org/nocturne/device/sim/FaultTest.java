package org.nocturne.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.focuser.Focuser;
import org.nocturne.device.api.guider.Guider;
import org.nocturne.device.api.guider.GuiderActivity;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.api.weather.SafetyMonitor;

/** The simulator's fault switches make devices fail the way real ones do, so reliability code can be tested. */
class FaultTest {

    @Test
    void aDisconnectFaultFailsTheNextCommandAndMarksTheDeviceFaulted() throws Exception {
        SimDevices devices = new SimDevices();
        Focuser focuser = devices.make(DeviceKind.FOCUSER, Focuser.class);
        focuser.connect().get(10, TimeUnit.SECONDS);
        devices.observatory.injectFault(DeviceKind.FOCUSER, Fault.DISCONNECT);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> focuser.moveBy(100).get(10, TimeUnit.SECONDS));
        assertInstanceOf(DeviceException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().startsWith("Simulated focuser stopped answering"), failure.getCause().getMessage());
        assertEquals(ConnectionState.FAULTED, focuser.state().connection());
        devices.observatory.clearFaults(DeviceKind.FOCUSER);
        focuser.connect().get(10, TimeUnit.SECONDS);
        focuser.moveBy(100).get(10, TimeUnit.SECONDS);
        assertEquals(ConnectionState.CONNECTED, focuser.state().connection(), "a new connect recovers");
    }

    @Test
    void aTimeoutFaultHangsCommandsUntilTheyAreCancelled() throws Exception {
        SimDevices devices = new SimDevices();
        Mount mount = devices.make(DeviceKind.MOUNT, Mount.class);
        mount.connect().get(10, TimeUnit.SECONDS);
        devices.observatory.injectFault(DeviceKind.MOUNT, Fault.TIMEOUT);
        CompletableFuture<Void> unpark = mount.unpark();
        assertThrows(TimeoutException.class, () -> unpark.get(300, TimeUnit.MILLISECONDS));
        unpark.cancel(true);
        devices.observatory.clearFaults(DeviceKind.MOUNT);
        mount.unpark().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aLostStarStopsGuidingAndCloudsMakeItUnsafe() throws Exception {
        SimDevices devices = new SimDevices();
        Mount mount = devices.make(DeviceKind.MOUNT, Mount.class);
        Guider guider = devices.make(DeviceKind.GUIDER, Guider.class);
        SafetyMonitor safety = devices.make(DeviceKind.SAFETY_MONITOR, SafetyMonitor.class);
        mount.connect().get(10, TimeUnit.SECONDS);
        mount.unpark().get(10, TimeUnit.SECONDS);
        mount.slew(SimulatorContractTest.PLEIADES).get(10, TimeUnit.SECONDS);
        guider.connect().get(10, TimeUnit.SECONDS);
        guider.guide(Guider.Settle.DEFAULT, false).get(30, TimeUnit.SECONDS);
        devices.observatory.injectFault(DeviceKind.GUIDER, Fault.LOST_STAR);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (guider.state().activity() != GuiderActivity.LOST_STAR && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(GuiderActivity.LOST_STAR, guider.state().activity());
        guider.stop().get(10, TimeUnit.SECONDS);

        devices.observatory.setTransparency(0.1);
        safety.connect().get(10, TimeUnit.SECONDS);
        assertFalse(safety.state().safe(), "overcast is unsafe: " + safety.state());
    }
}
