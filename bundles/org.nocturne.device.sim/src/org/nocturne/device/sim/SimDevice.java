package org.nocturne.device.sim;

import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceState;
import org.nocturne.device.api.support.AbstractDevice;

/** A simulated device: before each command it obeys the faults the observatory was told to make for its kind. */
abstract class SimDevice<S extends DeviceState> extends AbstractDevice<S> {

    protected final SimulatedObservatory observatory;

    SimDevice(DeviceInfo info, DeviceKind kind, S initial, SimulatedObservatory observatory) {
        super(info, kind, initial);
        this.observatory = observatory;
    }

    @Override
    protected void checkLink(String command) throws Exception {
        if (observatory.hasFault(kind(), Fault.DISCONNECT)) {
            String message = info().name() + " stopped answering";
            fault(message);
            throw new DeviceException(message + ": cannot " + command);
        }
        if (observatory.hasFault(kind(), Fault.TIMEOUT)) {
            while (true) {
                Thread.sleep(1000);
            }
        }
    }
}
