package org.nocturne.device.lx200;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

/** A serial line through jSerialComm, 8 data bits, no parity, one stop bit, no flow control. */
final class SerialLink implements Lx200Link {

    private final SerialPort port;
    private final String path;
    private final byte[] one = new byte[1];
    private int currentTimeout = -1;

    private SerialLink(SerialPort port, String path) {
        this.port = port;
        this.path = path;
    }

    /**
     * Opens a serial port.
     *
     * @throws Lx200Exception naming the port when it does not exist, is busy or may not be opened
     */
    static SerialLink open(String path, int baud) throws Lx200Exception {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new Lx200Exception("cannot open serial port " + path + ": there is no such port", e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new Lx200Exception("cannot open serial port " + path + ": " + reason(path, port.getLastErrorCode()));
        }
        return new SerialLink(port, path);
    }

    /**
     * Why an open failed. jSerialComm's error numbers are not reliable on their own (a port another program holds
     * open gives 2, "no such file", on Linux), so a port whose device file exists is called busy unless access was
     * denied.
     */
    private static String reason(String path, int errno) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
        if (!windows && !Files.exists(Path.of(path))) {
            return "there is no such port";
        }
        if (errno == 13) {
            return "permission denied (on Linux, add yourself to the dialout group)";
        }
        return "it is busy (another program has it open) or cannot be opened (error " + errno + ")";
    }

    @Override
    public String describe() {
        return path;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new IOException("cannot write to serial port " + path + " (error " + port.getLastErrorCode() + ")");
        }
    }

    @Override
    public int read(int timeoutMillis) throws IOException {
        int timeout = Math.max(1, timeoutMillis);
        if (timeout != currentTimeout) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, timeout, 0);
            currentTimeout = timeout;
        }
        int count = port.readBytes(one, 1);
        if (count < 0) {
            throw new IOException("serial port " + path + " is gone (error " + port.getLastErrorCode() + ")");
        }
        return count == 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void discardInput() throws IOException {
        int available;
        while ((available = port.bytesAvailable()) > 0) {
            byte[] drop = new byte[Math.min(available, 4096)];
            if (port.readBytes(drop, drop.length) <= 0) {
                return;
            }
        }
    }

    @Override
    public void close() {
        port.closePort();
    }
}
