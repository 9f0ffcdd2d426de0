package org.nocturne.device.lx200;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated LX200 mount answering the command set on a byte stream (one end of a pseudo-terminal pair, or a TCP
 * connection), written from the protocol's description, independently of the driver's code. Two profiles: a classic
 * Meade (starts in low precision, toggles with :U#, no unpark) and a 10Micron (ultra precision with :U2#, :Gstat#,
 * :pS#, :PO#). :Sr# and :Sd# are accepted only in the format of the current precision, as a real mount reads them,
 * so a driver that loses track of the precision is refused. Slews to declinations below -60° are refused as "below
 * the horizon". Records every command it gets, and the UTC its clock was set to. Thread-safe.
 */
final class Lx200Responder {

    /**
     * How the simulated mount behaves.
     *
     * @param product what :GVP# answers; null for a clone that answers :GVP# and :GVN# with a bare '0', no '#'
     * @param tenMicron true for the 10Micron extensions
     * @param planetaryLines true to follow the :SC# '1' with Meade's two '#'-terminated lines
     * @param distanceBars true to answer :D#
     */
    record Profile(String product, boolean tenMicron, boolean planetaryLines, boolean distanceBars) {
        static final Profile CLASSIC = new Profile("LX200 Classic", false, true, true);
        static final Profile TEN_MICRON = new Profile("10micron GM1000HPS", true, false, true);

        /** A clone that knows no product queries. */
        static final Profile CLONE = new Profile(null, false, false, true);

        Profile withoutPlanetaryLines() {
            return new Profile(product, tenMicron, false, distanceBars);
        }

        Profile withoutDistanceBars() {
            return new Profile(product, tenMicron, planetaryLines, false);
        }
    }

    static final double GUIDE_RATE_SIDEREAL = 0.5;
    static final double SLEW_DEGREES_PER_SECOND = 15;

    private enum Mode {
        LOW("(\\d{2}):(\\d{2}\\.\\d)", "([+-])(\\d{2})[*\u00df](\\d{2})"),
        HIGH("(\\d{2}):(\\d{2}):(\\d{2})", "([+-])(\\d{2})[*\u00df](\\d{2}):(\\d{2})"),
        ULTRA("(\\d{2}):(\\d{2}):(\\d{2}\\.\\d{2})", "([+-])(\\d{2})[*\u00df](\\d{2}):(\\d{2}\\.\\d)");

        /** What :Sr# and :Sd# take in this precision; a field may be a decimal (the tenths of a minute in LOW). */
        private final Pattern ra;
        private final Pattern dec;

        Mode(String ra, String dec) {
            this.ra = Pattern.compile(ra);
            this.dec = Pattern.compile(dec);
        }
    }

    private final Profile profile;
    private final SimulatedLx200Mount mount;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile Mode mode;
    private volatile String declinationOverride;
    private volatile String heldCommand;
    private volatile CountDownLatch heldUntil;
    private volatile double utcOffsetHoursToAdd;
    private volatile LocalTime localTimeSet;
    private volatile Instant localTimeSetAt;
    private volatile Duration clockError;

    Lx200Responder(Profile profile) {
        this.profile = profile;
        this.mount = new SimulatedLx200Mount(2.0, 90, SLEW_DEGREES_PER_SECOND, GUIDE_RATE_SIDEREAL);
        this.mode = profile.tenMicron() ? Mode.HIGH : Mode.LOW;
        if (profile.tenMicron()) {
            mount.parkHere();
        }
    }

    SimulatedLx200Mount mount() {
        return mount;
    }

    /** Every command received, without ':' and '#', in order. */
    List<String> received() {
        return received;
    }

    String precision() {
        return mode.name();
    }

    /** From now on answers :GD# with {@code text} (then '#'), as a mount with a failing controller might. */
    void answerDeclinationWith(String text) {
        declinationOverride = text;
    }

    /** Switches between low and high precision as holding the hand controller's MODE key does, unseen by the driver. */
    void togglePrecisionBehindTheDriversBack() {
        mode = mode == Mode.LOW ? Mode.HIGH : Mode.LOW;
    }

    /** Answers {@code command} only once {@code release} is counted down (at most 30 s), as a slow mount would. */
    void holdAnswerTo(String command, CountDownLatch release) {
        heldUntil = release;
        heldCommand = command;
    }

    /**
     * How far the UTC the mount was set to (local time from :SL#, date from :SC#, plus the :SG# hours) was from the true
     * UTC when :SL# arrived; null until the date is set.
     */
    Duration clockError() {
        return clockError;
    }

    /** Answers commands until the stream ends or breaks. */
    void serve(InputStream in, OutputStream out) {
        StringBuilder command = null;
        try {
            int value;
            while ((value = in.read()) >= 0) {
                if (value == 0x06) {
                    write(out, "P");
                } else if (value == ':' && command == null) {
                    command = new StringBuilder();
                } else if (value == '#' && command != null) {
                    String text = command.toString();
                    command = null;
                    received.add(text);
                    if (text.equals(heldCommand) && !heldUntil.await(30, TimeUnit.SECONDS)) {
                        return;
                    }
                    String answer = answer(text);
                    if (answer != null) {
                        write(out, answer);
                    }
                } else if (command != null) {
                    command.append((char) value);
                }
            }
        } catch (IOException e) {
            // the driver went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(OutputStream out, String answer) throws IOException {
        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The answer to one command, or null for none. */
    private String answer(String command) {
        if (command.startsWith("Sr")) {
            Matcher ra = mode.ra.matcher(command.substring(2));
            if (!ra.matches()) {
                return "0";
            }
            double hours = sexagesimal(ra, 1);
            if (hours >= 24) {
                return "0";
            }
            mount.setTargetRa(hours);
            return "1";
        }
        if (command.startsWith("Sd")) {
            Matcher dec = mode.dec.matcher(command.substring(2));
            if (!dec.matches()) {
                return "0";
            }
            double degrees = (dec.group(1).equals("-") ? -1 : 1) * sexagesimal(dec, 2);
            if (Math.abs(degrees) > 90) {
                return "0";
            }
            mount.setTargetDec(degrees);
            return "1";
        }
        if (command.startsWith("SG")) {
            utcOffsetHoursToAdd = Double.parseDouble(command.substring(2));
            return "1";
        }
        if (command.startsWith("SL")) {
            localTimeSetAt = Instant.now();
            localTimeSet = LocalTime.parse(command.substring(2));
            return "1";
        }
        if (command.startsWith("Mg") && command.length() == 7) {
            mount.pulse(command.charAt(2), Integer.parseInt(command.substring(3)));
            return null;
        }
        if (command.startsWith("St") || command.startsWith("Sg")) {
            return "1";
        }
        if (command.startsWith("SC")) {
            setClock(command.substring(2));
            return profile.planetaryLines() ? "1Updating Planetary Data#                              #" : "1";
        }
        return switch (command) {
            case "GR" -> formatRa(mount.raHours()) + "#";
            case "GD" -> (declinationOverride != null ? declinationOverride : formatDec(mount.decDegrees())) + "#";
            case "GVP" -> profile.product() == null ? "0" : profile.product() + "#";
            case "GVN" -> profile.product() == null ? "0" : (profile.tenMicron() ? "3.1.2" : "3.34") + "#";
            case "U" -> {
                mode = mode == Mode.LOW ? Mode.HIGH : Mode.LOW;
                yield null;
            }
            case "U2" -> {
                if (profile.tenMicron()) {
                    mode = Mode.ULTRA;
                }
                yield null;
            }
            case "MS" -> slew();
            case "CM" -> {
                mount.syncToTarget();
                yield profile.tenMicron() ? "Coordinates     matched        #" : "M31 EX GAL MAG 3.5 SZ178.0'#";
            }
            case "D" -> profile.distanceBars() ? (mount.slewing() ? "\u007f\u007f\u007f#" : "#") : null;
            case "Q" -> {
                mount.stop();
                yield null;
            }
            case "Qn", "Qs", "Qe", "Qw" -> {
                mount.stopMove(command.charAt(1));
                yield null;
            }
            case "Mn", "Ms", "Me", "Mw" -> {
                mount.move(command.charAt(1));
                yield null;
            }
            case "RG" -> rate(GUIDE_RATE_SIDEREAL * SimulatedLx200Mount.SIDEREAL_DEGREES_PER_SECOND);
            case "RC" -> rate(16 * SimulatedLx200Mount.SIDEREAL_DEGREES_PER_SECOND);
            case "RM" -> rate(1.0);
            case "RS" -> rate(4.0);
            case "hP" -> {
                mount.park();
                yield null;
            }
            default -> tenMicron(command);
        };
    }

    private String tenMicron(String command) {
        if (!profile.tenMicron()) {
            return null;
        }
        return switch (command) {
            case "Gstat" -> status() + "#";
            case "pS" -> "East#";
            case "PO" -> {
                mount.unpark();
                yield null;
            }
            case "AP" -> {
                mount.setTracking(true);
                yield null;
            }
            case "AL" -> {
                mount.setTracking(false);
                yield null;
            }
            default -> null;
        };
    }

    private int status() {
        if (mount.parked()) {
            return 5;
        }
        if (mount.parking()) {
            return 2;
        }
        if (mount.slewing()) {
            return 6;
        }
        return mount.tracking() ? 0 : 7;
    }

    private String rate(double degreesPerSecond) {
        mount.setMoveRate(degreesPerSecond);
        return null;
    }

    private String slew() {
        Double dec = mount.targetDec();
        if (dec != null && dec < -60) {
            return "1Object Below Horizon#";
        }
        return mount.slewToTarget() ? "0" : "2No target#";
    }

    /** The magnitude of the units, minutes and (if matched) seconds from group {@code first} on. */
    private static double sexagesimal(Matcher fields, int first) {
        double value = Integer.parseInt(fields.group(first)) + Double.parseDouble(fields.group(first + 1)) / 60;
        if (fields.groupCount() > first + 1) {
            value += Double.parseDouble(fields.group(first + 2)) / 3600;
        }
        return value;
    }

    /** Takes the date of :SCMM/DD/YY# and works out the UTC the mount now believes. */
    private void setClock(String date) {
        String[] parts = date.split("/");
        LocalDate local = LocalDate.of(2000 + Integer.parseInt(parts[2]), Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        if (localTimeSet != null) {
            long offsetSeconds = Math.round(utcOffsetHoursToAdd * 3600);
            Instant mountUtc = LocalDateTime.of(local, localTimeSet).toInstant(ZoneOffset.UTC).plusSeconds(offsetSeconds);
            clockError = Duration.between(localTimeSetAt, mountUtc);
        }
    }

    private String formatRa(double hours) {
        return switch (mode) {
            case LOW -> {
                int tenthsOfMinute = (int) Math.round(hours * 600) % 14400;
                yield String.format(Locale.ROOT, "%02d:%02d.%d", tenthsOfMinute / 600, tenthsOfMinute % 600 / 10, tenthsOfMinute % 10);
            }
            case HIGH -> {
                int seconds = (int) Math.round(hours * 3600) % 86400;
                yield String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
            }
            case ULTRA -> {
                long centis = Math.round(hours * 360_000) % 8_640_000;
                yield String.format(Locale.ROOT, "%02d:%02d:%02d.%02d", centis / 360_000, centis % 360_000 / 6000, centis % 6000 / 100,
                        centis % 100);
            }
        };
    }

    private String formatDec(double degrees) {
        String sign = degrees < 0 ? "-" : "+";
        double magnitude = Math.abs(degrees);
        return switch (mode) {
            case LOW -> {
                int minutes = (int) Math.round(magnitude * 60);
                yield String.format(Locale.ROOT, "%s%02d\u00df%02d", minutes == 0 ? "+" : sign, minutes / 60, minutes % 60);
            }
            case HIGH -> {
                int seconds = (int) Math.round(magnitude * 3600);
                yield String.format(Locale.ROOT, "%s%02d*%02d:%02d", seconds == 0 ? "+" : sign, seconds / 3600, seconds % 3600 / 60, seconds % 60);
            }
            case ULTRA -> {
                long tenths = Math.round(magnitude * 36_000);
                yield String.format(Locale.ROOT, "%s%02d*%02d:%02d.%d", tenths == 0 ? "+" : sign, tenths / 36_000, tenths % 36_000 / 600,
                        tenths % 600 / 10, tenths % 10);
            }
        };
    }
}
