package org.nocturne.device.core.equipment;

import java.util.List;

import org.nocturne.device.api.filterwheel.FilterWheel;
import org.nocturne.device.api.filterwheel.FilterWheelState;
import org.nocturne.device.api.focuser.FocuserState;
import org.nocturne.device.api.mount.MountState;
import org.nocturne.device.api.rotator.RotatorState;
import org.nocturne.device.core.profile.EquipmentProfile;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;
import org.nocturne.image.Optics;

/**
 * Writes into a frame's metadata what the rest of the equipment reports, as N.I.N.A. does for its FITS headers: where
 * the mount says it points and its side of the pier, the focuser's position and temperature, the filter in the beam,
 * the rotator's angle, and the profile's site and telescope where the camera left them out. A camera only knows its
 * own settings; the position hint a plate solve starts from and the "offset from the mount" it reports come from here.
 *
 * <p>Devices that are not connected add nothing. The states are read as they are when this is called, which is when the
 * frame has arrived: the end of the exposure. Non-blocking; any thread.
 */
public final class EquipmentStamp {

    private EquipmentStamp() {
    }

    /** {@code frame} with the equipment's state in its metadata; the pixels are shared, not copied. */
    public static Frame stamp(Frame frame, Equipment equipment) {
        FrameMetadata metadata = frame.metadata();
        FrameMetadata.Builder stamped = metadata.toBuilder();
        EquipmentProfile profile = equipment.profile();
        if (metadata.site() == null) {
            stamped.site(profile.site());
        }
        if (metadata.optics() == null || metadata.optics().focalLengthMm() == null) {
            stamped.optics(new Optics(metadata.optics() == null ? null : metadata.optics().telescope(),
                    profile.focalLengthMm(), profile.focalLengthMm() / profile.apertureMm()));
        }
        equipment.mount().ifPresent(mount -> {
            MountState state = mount.state();
            if (state.connection().isConnected() && state.position() != null) {
                stamped.pointing(state.position()).pierSide(state.pierSide());
            }
        });
        equipment.focuser().ifPresent(focuser -> {
            FocuserState state = focuser.state();
            if (state.connection().isConnected()) {
                stamped.focuser(new org.nocturne.image.FocuserState(focuser.info().name(), state.position(), null,
                        Double.isFinite(state.temperatureCelsius()) ? state.temperatureCelsius() : null));
            }
        });
        equipment.filterWheel().ifPresent(wheel -> {
            FilterWheelState state = wheel.state();
            List<FilterWheel.Filter> filters = wheel.filters();
            if (state.connection().isConnected() && state.slot() >= 0 && state.slot() < filters.size()) {
                stamped.filterWheel(wheel.info().name()).filter(filters.get(state.slot()).name());
            }
        });
        equipment.rotator().ifPresent(rotator -> {
            RotatorState state = rotator.state();
            if (state.connection().isConnected()) {
                stamped.rotator(new org.nocturne.image.RotatorState(rotator.info().name(), state.mechanicalDegrees(), null));
            }
        });
        return frame.withMetadata(stamped.build());
    }
}
