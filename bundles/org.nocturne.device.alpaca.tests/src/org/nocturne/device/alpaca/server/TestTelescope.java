package org.nocturne.device.alpaca.server;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.nocturne.core.sky.AstroTime;

/**
 * A German equatorial mount at 48° N, 11° E working in apparent coordinates of date (EquatorialSystem 1, JNow) by
 * default. Its motion is integrated in real time on every request: slews at {@link #SLEW_DEGREES_PER_SECOND} per
 * axis, sidereal drift while not tracking, guide pulses at half sidereal, axis moves at their rate in the senses of the
 * ASCOM telescope simulator (ASCOM.Alpaca.Simulators, TelescopeSimulator/TelescopeHardware.cs {@code MoveAxes}): a
 * positive primary rate turns the hour angle up (right ascension falls, west), a positive secondary rate raises the
 * declination in the normal pointing state (pierEast, here hour angle ≥ 0) and lowers it through the pole (pierWest),
 * and tracking is suspended while any axis moves. It starts parked
 * at the pole; slewing while parked is refused with InvalidWhileParked, slewing while not tracking with
 * InvalidOperation, as ASCOM says.
 */
public final class TestTelescope extends SimulatedDevice {

    public static final double LATITUDE = 48.0;
    public static final double LONGITUDE = 11.0;
    static final double SLEW_DEGREES_PER_SECOND = 15;
    static final double GUIDE_DEGREES_PER_SECOND = 0.5 * 15.041 / 3600;
    static final double MAX_AXIS_DEGREES_PER_SECOND = 4;
    private static final double SIDEREAL_HOURS_PER_SECOND = 1.00273790935 / 3600;

    private int equatorialSystem = 1;
    private double ra;
    private double dec = 90;
    private long lastNanos = System.nanoTime();
    private boolean tracking;
    private int trackingRate;
    private boolean parked = true;
    private boolean slewing;
    private boolean parking;
    private double targetRa;
    private double targetDec;
    private long pulseStart;
    private long pulseEnd;
    private int pulseDirection;
    private final double[] axisRates = new double[2];

    TestTelescope() {
        super("telescope", 0, "Test mount");
        ra = siderealTime();
    }

    /** Works in J2000 (EquatorialSystem 2) rather than JNow. */
    public synchronized void j2000(boolean j2000) {
        equatorialSystem = j2000 ? 2 : 1;
    }

    /** Local apparent sidereal time now, hours. */
    public static double siderealTime() {
        double gast = Math.toDegrees(AstroTime.of(Instant.now()).greenwichApparentSiderealTime()) / 15;
        return ((gast + LONGITUDE / 15) % 24 + 24) % 24;
    }

    @Override
    Object member(AlpacaRequest request) throws AlpacaError, BadRequest {
        settle();
        return switch (request.member) {
            case "equatorialsystem" -> equatorialSystem;
            case "alignmentmode" -> 2;
            case "canpark", "canunpark", "cansync", "canpulseguide", "cansettracking", "canslew", "canslewasync", "canfindhome",
                    "cansetguiderates" -> true;
            case "canmoveaxis" -> {
                int axis = request.integer("Axis");
                yield axis == 0 || axis == 1;
            }
            case "trackingrates" -> List.of(0, 1, 2, 3);
            case "axisrates" -> {
                int axis = request.integer("Axis");
                if (axis < 0 || axis > 2) {
                    throw AlpacaError.invalidValue("Axis " + axis + " is not 0, 1 or 2");
                }
                yield axis == 2 ? List.of() : List.of(Map.of("Minimum", 0.0, "Maximum", MAX_AXIS_DEGREES_PER_SECOND));
            }
            case "guideraterightascension", "guideratedeclination" -> GUIDE_DEGREES_PER_SECOND;
            case "rightascension" -> ra;
            case "declination" -> dec;
            case "siderealtime" -> siderealTime();
            case "sitelatitude" -> LATITUDE;
            case "sitelongitude" -> LONGITUDE;
            case "altitude" -> Math.toDegrees(altitude());
            case "azimuth" -> Math.toDegrees(azimuth());
            case "sideofpier" -> hourAngle() >= 0 ? 0 : 1;
            case "slewing" -> slewing || axisRates[0] != 0 || axisRates[1] != 0;
            case "atpark" -> parked;
            case "ispulseguiding" -> System.nanoTime() < pulseEnd;
            case "tracking" -> {
                if (request.isPut()) {
                    boolean on = request.bool("Tracking");
                    if (parked && on) {
                        throw new AlpacaError(AlpacaError.INVALID_WHILE_PARKED, "The mount is parked");
                    }
                    tracking = on;
                    yield VOID;
                }
                yield tracking;
            }
            case "trackingrate" -> {
                if (request.isPut()) {
                    int rate = request.integer("TrackingRate");
                    if (rate < 0 || rate > 3) {
                        throw AlpacaError.invalidValue("TrackingRate " + rate + " is not 0 to 3");
                    }
                    trackingRate = rate;
                    yield VOID;
                }
                yield trackingRate;
            }
            case "slewtocoordinatesasync" -> {
                requirePut(request);
                slew(request.decimal("RightAscension"), request.decimal("Declination"), false);
                yield VOID;
            }
            case "synctocoordinates" -> {
                requirePut(request);
                double toRa = request.decimal("RightAscension");
                double toDec = request.decimal("Declination");
                checkPlace(toRa, toDec);
                if (parked) {
                    throw new AlpacaError(AlpacaError.INVALID_WHILE_PARKED, "The mount is parked");
                }
                ra = toRa;
                dec = toDec;
                yield VOID;
            }
            case "abortslew" -> {
                requirePut(request);
                if (parked) {
                    throw new AlpacaError(AlpacaError.INVALID_WHILE_PARKED, "The mount is parked");
                }
                slewing = false;
                parking = false;
                axisRates[0] = 0;
                axisRates[1] = 0;
                yield VOID;
            }
            case "park" -> {
                requirePut(request);
                if (!parked) {
                    slew(ra, 90, true);
                }
                yield VOID;
            }
            case "unpark" -> {
                requirePut(request);
                parked = false;
                yield VOID;
            }
            case "pulseguide" -> {
                requirePut(request);
                int direction = request.integer("Direction");
                int duration = request.integer("Duration");
                if (direction < 0 || direction > 3 || duration < 0) {
                    throw AlpacaError.invalidValue("Direction " + direction + " or Duration " + duration + " is invalid");
                }
                if (parked) {
                    throw new AlpacaError(AlpacaError.INVALID_WHILE_PARKED, "The mount is parked");
                }
                pulseDirection = direction;
                pulseStart = System.nanoTime();
                pulseEnd = pulseStart + duration * 1_000_000L;
                yield VOID;
            }
            case "moveaxis" -> {
                requirePut(request);
                int axis = request.integer("Axis");
                double rate = request.decimal("Rate");
                if (axis < 0 || axis > 1) {
                    throw AlpacaError.invalidValue("Axis " + axis + " cannot move");
                }
                if (Math.abs(rate) > MAX_AXIS_DEGREES_PER_SECOND) {
                    throw AlpacaError.invalidValue("Rate " + rate + " is beyond " + MAX_AXIS_DEGREES_PER_SECOND);
                }
                if (parked) {
                    throw new AlpacaError(AlpacaError.INVALID_WHILE_PARKED, "The mount is parked");
                }
                axisRates[axis] = rate;
                yield VOID;
            }
            default -> throw AlpacaError.notImplemented(request.member);
        };
    }

    private void slew(double toRa, double toDec, boolean toPark) throws AlpacaError {
        checkPlace(toRa, toDec);
        if (parked) {
            throw new AlpacaError(AlpacaError.INVALID_WHILE_PARKED, "The mount is parked");
        }
        if (!tracking && !toPark) {
            throw AlpacaError.invalidOperation("Tracking is off");
        }
        targetRa = toRa;
        targetDec = toDec;
        slewing = true;
        parking = toPark;
    }

    private static void checkPlace(double toRa, double toDec) throws AlpacaError {
        if (!(toRa >= 0 && toRa < 24) || !(toDec >= -90 && toDec <= 90)) {
            throw AlpacaError.invalidValue("RightAscension " + toRa + " or Declination " + toDec + " is out of range");
        }
    }

    /** Integrates the motion since the last request. */
    private void settle() {
        long now = System.nanoTime();
        double seconds = (now - lastNanos) / 1e9;
        boolean axisMoving = axisRates[0] != 0 || axisRates[1] != 0;
        if (axisMoving) {
            // tracking suspended: the axes hold still but for their move rates, so the sky drifts east
            ra += seconds * SIDEREAL_HOURS_PER_SECOND - axisRates[0] * seconds / 15;
            double sense = hourAngle() >= 0 ? 1 : -1;
            dec = Math.max(-90, Math.min(90, dec + sense * axisRates[1] * seconds));
        } else if (slewing) {
            double step = SLEW_DEGREES_PER_SECOND * seconds;
            double dRa = Math.IEEEremainder(targetRa - ra, 24) * 15;
            double dDec = targetDec - dec;
            ra = Math.abs(dRa) <= step ? targetRa : ra + Math.signum(dRa) * step / 15;
            dec = Math.abs(dDec) <= step ? targetDec : dec + Math.signum(dDec) * step;
            if (ra == targetRa && dec == targetDec) {
                slewing = false;
                if (parking) {
                    parking = false;
                    parked = true;
                    tracking = false;
                } else {
                    tracking = true;
                }
            }
        } else if (!tracking && !parked) {
            ra += seconds * SIDEREAL_HOURS_PER_SECOND;
        }
        double pulseSeconds = Math.max(0, Math.min(now, pulseEnd) - Math.max(lastNanos, pulseStart)) / 1e9;
        double guide = GUIDE_DEGREES_PER_SECOND * pulseSeconds;
        switch (pulseDirection) {
            case 0 -> dec += guide;
            case 1 -> dec -= guide;
            case 2 -> ra += guide / 15 / Math.cos(Math.toRadians(dec));
            default -> ra -= guide / 15 / Math.cos(Math.toRadians(dec));
        }
        ra = ((ra % 24) + 24) % 24;
        lastNanos = now;
    }

    private double hourAngle() {
        return Math.IEEEremainder(siderealTime() - ra, 24);
    }

    private double altitude() {
        double h = Math.toRadians(hourAngle() * 15);
        double d = Math.toRadians(dec);
        double phi = Math.toRadians(LATITUDE);
        return Math.asin(Math.sin(phi) * Math.sin(d) + Math.cos(phi) * Math.cos(d) * Math.cos(h));
    }

    private double azimuth() {
        double h = Math.toRadians(hourAngle() * 15);
        double d = Math.toRadians(dec);
        double phi = Math.toRadians(LATITUDE);
        double azimuth = Math.atan2(-Math.cos(d) * Math.sin(h), Math.sin(d) * Math.cos(phi) - Math.cos(d) * Math.sin(phi) * Math.cos(h));
        return azimuth < 0 ? azimuth + 2 * Math.PI : azimuth;
    }
}
