package org.nocturne.device.lx200;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.SettingDescriptor.Type;
import org.nocturne.device.api.support.SettingValues;

/**
 * An LX200 mount's settings, checked, with defaults for what was not given.
 *
 * @param name the device's name for the user
 * @param tcp true for a TCP bridge, false for a serial line
 * @param serialPort the serial port's path ("/dev/ttyUSB0", "COM3")
 * @param baud the serial line's speed in bits per second
 * @param host the bridge's host name or address
 * @param tcpPort the bridge's TCP port
 * @param timeoutMillis how long a command may wait for its answer
 * @param guideRateSidereal the mount's guide rate as a fraction of sidereal (LX200 has no command to read it)
 * @param pulseGuide true when the mount takes :Mg pulse-guide commands
 * @param sendSiteAndTime true to set the mount's site, clock and date from Nocturne when connecting
 */
record Lx200Settings(String name, boolean tcp, String serialPort, int baud, String host, int tcpPort, int timeoutMillis,
        double guideRateSidereal, boolean pulseGuide, boolean sendSiteAndTime) {

    static final String NAME = "name";
    static final String CONNECTION = "connection";
    static final String SERIAL_PORT = "serialPort";
    static final String BAUD = "baud";
    static final String HOST = "host";
    static final String TCP_PORT = "tcpPort";
    static final String TIMEOUT = "timeout";
    static final String GUIDE_RATE = "guideRate";
    static final String PULSE_GUIDE = "pulseGuide";
    static final String SITE_AND_TIME = "sendSiteAndTime";

    static final String SERIAL = "serial";
    static final String TCP = "tcp";

    /** The form Setup shows, in order. */
    static List<SettingDescriptor> descriptors() {
        return List.of(
                SettingDescriptor.of(NAME, "Device name", Type.TEXT, "LX200 mount", "", "What Nocturne calls this mount"),
                new SettingDescriptor(CONNECTION, "Connection", Type.CHOICE, SERIAL, List.of(SERIAL, TCP), "",
                        "A serial cable (or USB adapter), or TCP to a WiFi/Ethernet bridge"),
                SettingDescriptor.of(SERIAL_PORT, "Serial port", Type.SERIAL_PORT, defaultSerialPort(), "",
                        "The serial port the mount is on (Find lists the ports present)"),
                new SettingDescriptor(BAUD, "Baud rate", Type.CHOICE, "9600", List.of("4800", "9600", "19200", "38400", "57600", "115200"),
                        "bit/s", "The serial line's speed, 8 data bits, no parity, 1 stop bit; classic Meade mounts use 9600"),
                SettingDescriptor.of(HOST, "Bridge host", Type.HOST, "10.0.0.1", "",
                        "The WiFi or Ethernet bridge's address (SkyFi-style adapters use 10.0.0.1)"),
                SettingDescriptor.of(TCP_PORT, "Bridge TCP port", Type.PORT, "4030", "", "The bridge's TCP port, often 4030 or 9999"),
                SettingDescriptor.of(TIMEOUT, "Command timeout", Type.DECIMAL, "2", "s", "How long to wait for the mount's answer"),
                SettingDescriptor.of(GUIDE_RATE, "Guide rate", Type.DECIMAL, "0.5", "× sidereal",
                        "The guide rate set in the mount's hand controller (LX200 cannot read it)"),
                SettingDescriptor.of(PULSE_GUIDE, "Pulse guiding (:Mg)", Type.BOOLEAN, "true", "",
                        "True when the mount takes pulse-guide commands (LX200GPS, Autostar II, OnStep, 10Micron)"),
                SettingDescriptor.of(SITE_AND_TIME, "Send site and time", Type.BOOLEAN, "true", "",
                        "Set the mount's latitude, longitude, clock and date from Nocturne's site and this computer's clock when connecting"));
    }

    private static String defaultSerialPort() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return "COM3";
        }
        return os.contains("mac") ? "/dev/tty.usbserial" : "/dev/ttyUSB0";
    }

    /**
     * Checks the given settings and fills in defaults.
     *
     * @throws IllegalArgumentException naming an unknown or invalid setting
     */
    static Lx200Settings of(Map<String, String> given) {
        SettingValues values = SettingValues.of(descriptors(), given);
        double timeout = values.decimal(TIMEOUT);
        if (timeout < 0.05 || timeout > 60) {
            throw new IllegalArgumentException("Command timeout " + timeout + " s is outside 0.05 s to 60 s");
        }
        double guideRate = values.decimal(GUIDE_RATE);
        if (guideRate <= 0 || guideRate > 2) {
            throw new IllegalArgumentException("Guide rate " + guideRate + " × sidereal is outside 0 to 2");
        }
        return new Lx200Settings(values.text(NAME).isBlank() ? "LX200 mount" : values.text(NAME), values.text(CONNECTION).equals(TCP),
                values.text(SERIAL_PORT), values.integer(BAUD), values.text(HOST), values.integer(TCP_PORT), (int) Math.round(timeout * 1000),
                guideRate, values.bool(PULSE_GUIDE), values.bool(SITE_AND_TIME));
    }

    /** Opens the serial port or connects to the bridge. */
    Lx200Link openLink() throws Lx200Exception {
        return tcp ? TcpLink.open(host, tcpPort, Math.max(timeoutMillis, 3000)) : SerialLink.open(serialPort, baud);
    }
}
