package org.nocturne.device.lx200;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Commands and answers over a {@link Lx200Link}. LX200 commands answer in one of three ways: nothing, a single
 * character, or text ending in '#'. Every read is bounded in time (the command timeout) and in size
 * ({@value #MAX_ANSWER} bytes), so a silent or babbling mount ends in an {@link Lx200Exception}, never a hang.
 * Bytes are read as ISO-8859-1, so Meade's 0xDF degree sign is 'ß'. Used from the device thread only.
 */
final class Lx200Connection implements AutoCloseable {

    /** The longest answer accepted; the longest real one (a :CM# object description) is about 40 bytes. */
    static final int MAX_ANSWER = 128;

    private final Lx200Link link;
    private final int timeoutMillis;

    Lx200Connection(Lx200Link link, int timeoutMillis) {
        this.link = link;
        this.timeoutMillis = timeoutMillis;
    }

    String port() {
        return link.describe();
    }

    int timeoutMillis() {
        return timeoutMillis;
    }

    /** Sends a command that answers nothing, after dropping any late bytes of an earlier answer. */
    void send(String command) throws IOException {
        link.discardInput();
        link.write(command.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends a command that answers one character, and returns it. */
    char askChar(String command) throws IOException {
        send(command);
        int value = link.read(timeoutMillis);
        if (value < 0) {
            throw silent(command, timeoutMillis);
        }
        return (char) value;
    }

    /** Sends a command that answers text ending in '#', and returns the text without the '#'. */
    String askText(String command) throws IOException {
        send(command);
        return readText(command, timeoutMillis);
    }

    /** Reads text ending in '#' that follows an earlier answer (the message after a refused :MS#). */
    String readText(String command, int timeout) throws IOException {
        return readTextIfAny(command, timeout).orElseThrow(() -> silent(command, timeout));
    }

    /**
     * Reads text ending in '#' if any starts within {@code timeout}: empty when nothing came, for answers that some
     * mounts give and others do not (the two lines after :SC#).
     *
     * @throws Lx200Exception when text starts but no '#' follows in time, or it is too long
     */
    Optional<String> readTextIfAny(String command, int timeout) throws IOException {
        StringBuilder answer = new StringBuilder();
        long deadline = System.nanoTime() + timeout * 1_000_000L;
        while (true) {
            long remaining = (deadline - System.nanoTime()) / 1_000_000L;
            if (remaining <= 0) {
                if (answer.isEmpty()) {
                    return Optional.empty();
                }
                throw new Lx200Exception("incomplete answer from the mount on " + port() + " to " + command + ": \"" + escape(answer)
                        + "\" and no '#' within " + seconds(timeout), true);
            }
            int value = link.read((int) remaining);
            if (value < 0) {
                continue;
            }
            if (value == '#') {
                return Optional.of(answer.toString());
            }
            if (answer.length() >= MAX_ANSWER) {
                throw new Lx200Exception("garbled answer from the mount on " + port() + " to " + command + ": more than " + MAX_ANSWER
                        + " bytes without '#', starting \"" + escape(answer) + "\"");
            }
            answer.append((char) value);
        }
    }

    /** An error for an answer that came but makes no sense, quoting it. */
    Lx200Exception garbled(String command, String answer, String expected) {
        return new Lx200Exception("garbled answer from the mount on " + port() + " to " + command + ": \"" + escape(answer) + "\" ("
                + expected + ")");
    }

    private Lx200Exception silent(String command, int timeout) {
        return new Lx200Exception("no answer from the mount on " + port() + " within " + seconds(timeout) + " to " + command);
    }

    @Override
    public void close() {
        link.close();
    }

    /** Text for a message: printable ASCII as it is, anything else as \xNN, cut after 60 characters. */
    static String escape(CharSequence text) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < text.length() && i < 60; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                escaped.append(c);
            } else {
                escaped.append(String.format("\\x%02x", (int) c & 0xff));
            }
        }
        if (text.length() > 60) {
            escaped.append('…');
        }
        return escaped.toString();
    }

    static String seconds(int millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }
}
