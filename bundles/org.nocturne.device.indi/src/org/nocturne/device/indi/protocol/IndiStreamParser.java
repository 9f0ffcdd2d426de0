package org.nocturne.device.indi.protocol;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the INDI server's stream, a sequence of top-level XML elements without a document element, with the JDK's
 * StAX parser: a synthetic root element is put in front of the bytes so that the stream parses as one document. Values
 * are trimmed (servers pad them with whitespace and line breaks); BLOBs are base64-decoded piece by piece as the text
 * arrives, and refused beyond a size cap.
 *
 * <p>Blocking and not thread-safe: one reader thread calls {@link #next()} in a loop. Anything that is not INDI — bad
 * XML, a number that is not a number, an unknown state, an oversized or malformed BLOB, a stream cut in the middle of
 * a message — ends in an {@link IndiProtocolException} saying what was wrong.
 */
public final class IndiStreamParser {

    /** The largest BLOB accepted by default: 1 GiB of decoded bytes, or a quarter of the heap when that is less. */
    public static final long DEFAULT_MAX_BLOB_BYTES = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);
    /** The most bytes of the stream read before a message's start tag is complete (its attributes included). */
    private static final long MAX_START_TAG_BYTES = 1L << 20;
    /** The most bytes of a message other than a BLOB vector. */
    private static final long MAX_MESSAGE_BYTES = 16L << 20;

    /** The longest text value accepted (a text property, a message). */
    private static final int MAX_TEXT_CHARS = 1 << 20;
    /** The longest property timeout taken from a driver, in seconds. */
    private static final double MAX_TIMEOUT_SECONDS = 3600;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final EndAwareStream input;
    private final XMLStreamReader xml;
    private final long maxBlobBytes;
    private boolean started;

    /**
     * @param stream the bytes from the server; read as UTF-8
     * @param maxBlobBytes the largest BLOB accepted, in decoded bytes (below 2 GiB)
     */
    public IndiStreamParser(InputStream stream, long maxBlobBytes) throws IndiProtocolException {
        if (maxBlobBytes < 1 || maxBlobBytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("BLOB cap " + maxBlobBytes + " is outside 1 to " + (Integer.MAX_VALUE - 64));
        }
        this.input = new EndAwareStream(stream);
        this.maxBlobBytes = maxBlobBytes;
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        InputStream rooted = new SequenceInputStream(new ByteArrayInputStream("<indi>".getBytes(StandardCharsets.US_ASCII)), input);
        try {
            this.xml = factory.createXMLStreamReader(new InputStreamReader(rooted, StandardCharsets.UTF_8));
        } catch (XMLStreamException e) {
            throw new IndiProtocolException("cannot read the INDI stream: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the next top-level message, blocking until it is complete. Elements that are not INDI server messages are
     * skipped.
     *
     * @return the message, or null when the server ended the stream between messages
     * @throws IndiProtocolException when the stream is not INDI or ends inside a message
     */
    public IndiMessage next() throws IndiProtocolException {
        String inside = null;
        try {
            if (!started) {
                xml.nextTag();
                started = true;
            }
            while (true) {
                input.startMessage(MAX_START_TAG_BYTES);
                int event;
                try {
                    event = xml.next();
                } catch (XMLStreamException e) {
                    if (input.ended) {
                        return null;
                    }
                    throw e;
                }
                if (event == XMLStreamConstants.END_DOCUMENT || event == XMLStreamConstants.END_ELEMENT) {
                    throw new IndiProtocolException("the stream closed its top-level element");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String tag = xml.getLocalName();
                inside = tag;
                PropertyType type = PropertyType.ofVectorTag(tag);
                input.limitMessage(type == PropertyType.BLOB ? blobMessageLimit() : MAX_MESSAGE_BYTES);
                IndiMessage message = readMessage(tag);
                if (message != null) {
                    return message;
                }
                inside = null;
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (input.overflow != null) {
                throw new IndiProtocolException(input.overflow, e);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (input.ended) {
                throw new IndiProtocolException("the stream ended inside <" + inside + "> (truncated)", e);
            }
            throw new IndiProtocolException("malformed XML: " + e.getMessage(), e);
        }
    }

    /** The most bytes of a BLOB vector: the largest BLOB in base64, with room for line breaks and the tags. */
    private long blobMessageLimit() {
        long encoded = (maxBlobBytes + 2) / 3 * 4;
        return encoded + encoded / 16 + MAX_START_TAG_BYTES;
    }

    private IndiMessage readMessage(String tag) throws XMLStreamException, IndiProtocolException {
        PropertyType type = PropertyType.ofVectorTag(tag);
        if (type != null) {
            return readVector(tag.startsWith("def"), type);
        }
        switch (tag) {
            case "delProperty" -> {
                IndiMessage.Delete delete = new IndiMessage.Delete(required("device"), emptyToNull(attribute("name")), attribute("message"));
                skip();
                return delete;
            }
            case "message" -> {
                IndiMessage.Message message = new IndiMessage.Message(attribute("device"), attribute("message"));
                skip();
                return message;
            }
            default -> {
                skip();
                return null;
            }
        }
    }

    private IndiMessage.Vector readVector(boolean definition, PropertyType type) throws XMLStreamException, IndiProtocolException {
        String device = required("device");
        String name = required("name");
        String stateText = attribute("state");
        PropertyState state = stateText.isEmpty() ? (definition ? PropertyState.IDLE : null) : PropertyState.parse(stateText);
        String timeoutText = attribute("timeout");
        // a timeout beyond an hour is clamped, so that no duration made from it overflows
        double timeout = timeoutText.isEmpty() ? Double.NaN
                : Math.max(0, Math.min(MAX_TIMEOUT_SECONDS, number(timeoutText, device + "." + name + " timeout")));
        String perm = type == PropertyType.LIGHT ? "ro" : attribute("perm");
        String rule = attribute("rule");
        String message = attribute("message");
        Map<String, IndiElement> elements = new LinkedHashMap<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            IndiElement element = readElement(type, device + "." + name);
            elements.put(element.name(), element);
        }
        return new IndiMessage.Vector(definition, type, device, name, state, perm, timeout, rule, message, elements);
    }

    private IndiElement readElement(PropertyType type, String vector) throws XMLStreamException, IndiProtocolException {
        String name = required("name");
        String label = attribute("label");
        String what = vector + "." + name;
        if (type == PropertyType.BLOB && xml.getLocalName().equals("oneBLOB")) {
            return readBlob(name, what);
        }
        double min = Double.NaN;
        double max = Double.NaN;
        if (type == PropertyType.NUMBER && !attribute("min").isEmpty()) {
            min = number(attribute("min"), what + " minimum");
            max = number(attribute("max"), what + " maximum");
        }
        String text = readText(what);
        double value = type == PropertyType.NUMBER ? number(text, what) : Double.NaN;
        return new IndiElement(name, label, text, value, min, max, null, "");
    }

    private IndiElement readBlob(String name, String what) throws XMLStreamException, IndiProtocolException {
        String format = attribute("format");
        long announced = 0;
        for (String key : new String[] {"size", "len", "enclen"}) {
            String text = attribute(key);
            if (!text.isEmpty()) {
                double value = number(text, what + " " + key);
                if (!(value >= 0) || value != Math.rint(value)) {
                    throw new IndiProtocolException(what + " announces a " + key + " of " + text + ", not a byte count");
                }
                long bytes = key.equals("enclen") ? (long) value / 4 * 3 : (long) value;
                if (bytes > maxBlobBytes) {
                    throw new IndiProtocolException(what + " announces " + (long) value + " bytes (" + key
                            + "), more than the " + maxBlobBytes + " accepted");
                }
                if (!key.equals("enclen")) {
                    announced = Math.max(announced, bytes);
                }
            }
        }
        Base64Accumulator decoder = new Base64Accumulator(maxBlobBytes, announced, what);
        char[] buffer = new char[8192];
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                throw new IndiProtocolException(what + " holds an element <" + xml.getLocalName() + "> instead of base64 text");
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE) {
                for (int from = 0;; from += buffer.length) {
                    int read = xml.getTextCharacters(from, buffer, 0, buffer.length);
                    decoder.feed(buffer, 0, read);
                    if (read < buffer.length) {
                        break;
                    }
                }
            }
        }
        return new IndiElement(name, "", "", Double.NaN, Double.NaN, Double.NaN, decoder.finish(), format);
    }

    private String readText(String what) throws XMLStreamException, IndiProtocolException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString().trim();
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                throw new IndiProtocolException(what + " holds an element <" + xml.getLocalName() + "> instead of a value");
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE) {
                if (text.length() + xml.getTextLength() > MAX_TEXT_CHARS) {
                    throw new IndiProtocolException(what + " is longer than " + MAX_TEXT_CHARS + " characters");
                }
                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }
    }

    /** Skips the rest of the current element, children included. */
    private void skip() throws XMLStreamException {
        for (int depth = 1; depth > 0;) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private String attribute(String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value.trim();
    }

    private String required(String name) throws IndiProtocolException {
        String value = attribute(name);
        if (value.isEmpty()) {
            throw new IndiProtocolException("<" + xml.getLocalName() + "> without a " + name + " attribute");
        }
        return value;
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /**
     * Parses an INDI number: decimal (with an optional exponent), or sexagesimal ("12:30:15", "-5 30 00", as the
     * protocol allows); "nan" for a value the driver does not know. Infinities, overflowing exponents, hexadecimal and
     * Java's type suffixes ("12f") are refused: no driver means them, and they turn loops and durations absurd.
     *
     * @throws IndiProtocolException naming {@code what} when it is not a number
     */
    static double number(String text, String what) throws IndiProtocolException {
        String value = text.trim();
        try {
            if (value.indexOf(':') < 0 && value.indexOf(' ') < 0) {
                return value.equalsIgnoreCase("nan") ? Double.NaN : decimal(value);
            }
            String[] parts = value.split("[: ]+");
            if (parts.length > 3) {
                throw new NumberFormatException(value);
            }
            boolean negative = parts[0].startsWith("-");
            double result = Math.abs(decimal(parts[0]));
            for (int i = 1; i < parts.length; i++) {
                double part = decimal(parts[i]);
                if (part < 0 || part >= 60) {
                    throw new NumberFormatException(value);
                }
                result += part / Math.pow(60, i);
            }
            return negative ? -result : result;
        } catch (NumberFormatException e) {
            throw new IndiProtocolException(what + " is not a number: \"" + PropertyState.shorten(value) + "\"");
        }
    }

    /** A finite plain decimal such as "-12.5" or "1e-3". */
    private static double decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new NumberFormatException(text);
        }
        double parsed = Double.parseDouble(text);
        if (!Double.isFinite(parsed)) {
            throw new NumberFormatException(text);
        }
        return parsed;
    }

    /**
     * The server's bytes, remembering whether they ended, and counting those of each top-level message against a limit
     * (the XML reader buffers a start tag's attributes whole, and a text or BLOB before it is checked), so that a
     * hostile server cannot make the parser hold more than the limit.
     */
    private static final class EndAwareStream extends FilterInputStream {

        volatile boolean ended;
        /** Why reading stopped at a limit; null while within. */
        volatile String overflow;
        private long count;
        private long limit = Long.MAX_VALUE;

        EndAwareStream(InputStream in) {
            super(in);
        }

        /** A new top-level message begins: counting starts again, at most {@code startLimit} bytes until its tag is read. */
        void startMessage(long startLimit) {
            count = 0;
            limit = startLimit;
        }

        /** The message's tag is known: it may take up to {@code messageLimit} bytes in all. */
        void limitMessage(long messageLimit) {
            limit = messageLimit;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            ended |= value < 0;
            counted(value < 0 ? 0 : 1);
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            ended |= read < 0;
            counted(Math.max(0, read));
            return read;
        }

        private void counted(int bytes) throws IOException {
            count += bytes;
            if (count > limit) {
                overflow = "a message longer than the " + limit + " bytes accepted";
                throw new IOException(overflow);
            }
        }
    }
}
