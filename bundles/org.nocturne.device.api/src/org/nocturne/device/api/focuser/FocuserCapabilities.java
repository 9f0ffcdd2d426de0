package org.nocturne.device.api.focuser;

/**
 * What a focuser can do.
 *
 * @param absolute true when it knows its absolute position
 * @param maxPosition the largest position, in steps
 * @param stepSizeMicrons travel per step in µm, NaN when unknown
 * @param hasTemperature true when it reports a temperature
 * @param backlashSteps steps the driver adds on a change of direction to take up backlash (0 for none)
 */
public record FocuserCapabilities(boolean absolute, int maxPosition, double stepSizeMicrons, boolean hasTemperature, int backlashSteps) {
}
