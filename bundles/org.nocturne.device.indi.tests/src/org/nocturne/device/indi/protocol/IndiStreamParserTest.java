package org.nocturne.device.indi.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The stream parser on the shapes real servers send: padded values, sexagesimal numbers, wrapped base64, len/enclen. */
class IndiStreamParserTest {

    private static IndiStreamParser parser(String stream, long cap) throws IndiProtocolException {
        return new IndiStreamParser(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), cap);
    }

    @Test
    void readsDefinitionsWithPaddedValuesAndTheRestOfTheStream() throws Exception {
        IndiStreamParser parser = parser("""
                <defNumberVector device="CCD Simulator" name="CCD_EXPOSURE" label="Expose" group="Main Control" state="Idle" perm="rw" timeout="60" timestamp="2026-11-26T00:50:00">
                    <defNumber name="CCD_EXPOSURE_VALUE" label="Duration (s)" format="%5.2f" min="0.010000000000000000208" max="3600" step="1">
                1
                    </defNumber>
                </defNumberVector>
                <defSwitchVector device="CCD Simulator" name="CONNECTION" state="Ok" perm="rw" rule="OneOfMany" timeout="60">
                    <defSwitch name="CONNECT">
                On
                    </defSwitch>
                </defSwitchVector>
                <message device="CCD Simulator" message="[INFO] Exposure done"/>
                <delProperty device="CCD Simulator" name="CCD_EXPOSURE"/>
                """, 1024);
        IndiMessage.Vector exposure = assertInstanceOf(IndiMessage.Vector.class, parser.next());
        assertTrue(exposure.definition());
        assertEquals(PropertyType.NUMBER, exposure.type());
        assertEquals(PropertyState.IDLE, exposure.state());
        assertEquals(60, exposure.timeoutSeconds());
        IndiElement value = exposure.elements().get("CCD_EXPOSURE_VALUE");
        assertEquals("1", value.text());
        assertEquals(1.0, value.number());
        assertEquals(0.01, value.min(), 1e-12);
        assertEquals(3600, value.max());
        IndiMessage.Vector connection = assertInstanceOf(IndiMessage.Vector.class, parser.next());
        assertTrue(connection.elements().get("CONNECT").isOn());
        assertEquals("OneOfMany", connection.rule());
        assertEquals(new IndiMessage.Message("CCD Simulator", "[INFO] Exposure done"), parser.next());
        assertEquals(new IndiMessage.Delete("CCD Simulator", "CCD_EXPOSURE", ""), parser.next());
        assertNull(parser.next(), "the end of the stream between messages");
    }

    @Test
    void readsSexagesimalNumbers() throws Exception {
        assertEquals(12.5, IndiStreamParser.number("12:30:00", "x"), 1e-12);
        assertEquals(-5.5, IndiStreamParser.number("-5 30", "x"), 1e-12);
        assertEquals(1e-3, IndiStreamParser.number(" 0.001 ", "x"), 1e-15);
        IndiProtocolException failure = assertThrows(IndiProtocolException.class, () -> IndiStreamParser.number("12:75", "Mount.RA"));
        assertTrue(failure.getMessage().startsWith("Mount.RA is not a number"), failure.getMessage());
    }

    @Test
    void refusesNumbersNoDriverMeans() {
        for (String absurd : new String[] {"Infinity", "-Infinity", "1e400", "0x1p3", "12f", "5d", "1_000"}) {
            IndiProtocolException failure = assertThrows(IndiProtocolException.class, () -> IndiStreamParser.number(absurd, "x"),
                    absurd);
            assertTrue(failure.getMessage().startsWith("x is not a number"), failure.getMessage());
        }
        assertThrows(IndiProtocolException.class, () -> IndiStreamParser.number("12:Infinity", "x"));
    }

    @Test
    void clampsAPropertyTimeoutToAnHour() throws Exception {
        IndiStreamParser parser = parser("""
                <defNumberVector device="D" name="P" state="Idle" perm="rw" timeout="1e13">
                  <defNumber name="N" format="%g" min="0" max="1" step="1">0</defNumber></defNumberVector>
                """, 1024);
        assertEquals(3600, assertInstanceOf(IndiMessage.Vector.class, parser.next()).timeoutSeconds());
    }

    @Test
    void decodesAWrappedBlobWithLenOrEnclen() throws Exception {
        byte[] data = new byte[100_003];
        new Random(7).nextBytes(data);
        String base64 = Base64.getMimeEncoder(72, "\n".getBytes()).encodeToString(data);
        for (String sizes : new String[] {"size='100003' len='100003'", "size='100003' enclen='" + base64.replace("\n", "").length() + "'"}) {
            IndiStreamParser parser = parser("<setBLOBVector device='CCD' name='CCD1' state='Ok'><oneBLOB name='CCD1' format='.fits' " + sizes
                    + ">\n" + base64 + "\n</oneBLOB></setBLOBVector>", 1 << 20);
            IndiMessage.Vector blob = assertInstanceOf(IndiMessage.Vector.class, parser.next());
            assertArrayEquals(data, blob.elements().get("CCD1").blob(), sizes);
            assertEquals(".fits", blob.elements().get("CCD1").format());
        }
    }

    @Test
    void refusesBlobsThatAreNotBase64OrStopMidGroup() throws Exception {
        IndiProtocolException notBase64 = assertThrows(IndiProtocolException.class,
                () -> parser("<setBLOBVector device='CCD' name='CCD1'><oneBLOB name='CCD1' len='3'>AB*D</oneBLOB></setBLOBVector>", 1024).next());
        assertTrue(notBase64.getMessage().contains("CCD.CCD1.CCD1 is not base64"), notBase64.getMessage());
        IndiProtocolException cut = assertThrows(IndiProtocolException.class,
                () -> parser("<setBLOBVector device='CCD' name='CCD1'><oneBLOB name='CCD1' len='3'>ABCDE</oneBLOB></setBLOBVector>", 1024).next());
        assertTrue(cut.getMessage().contains("middle of a base64 group"), cut.getMessage());
    }

    @Test
    void refusesDoctypesAndEntities() {
        IndiProtocolException failure = assertThrows(IndiProtocolException.class,
                () -> parser("<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><message device='x' message='&e;'/>", 1024).next());
        assertTrue(failure.getMessage().startsWith("malformed XML"), failure.getMessage());
    }

    @Test
    void mergesUpdatesIntoTheDefinition() {
        IndiElement defined = new IndiElement("RA", "RA (hh:mm:ss)", "1", 1, 0, 24, null, "");
        IndiProperty property = new IndiProperty("Mount", "EQUATORIAL_EOD_COORD", PropertyType.NUMBER, PropertyState.IDLE, "rw", 60, "",
                Map.of("RA", defined), 1, 0);
        IndiProperty busy = property.merge(PropertyState.BUSY, Double.NaN,
                Map.of("RA", new IndiElement("RA", "", "2", 2, Double.NaN, Double.NaN, null, "")), 5);
        assertEquals(PropertyState.BUSY, busy.state());
        assertEquals(2, busy.number("RA"));
        assertEquals(24, busy.element("RA").max(), "the range stays");
        assertEquals("RA (hh:mm:ss)", busy.element("RA").label());
        assertEquals(5, busy.lastBusy());
        IndiProperty ok = busy.merge(PropertyState.OK, Double.NaN, Map.of(), 6);
        assertEquals(5, ok.lastBusy());
        assertEquals(6, ok.updated());
        assertEquals(60, ok.timeoutSeconds());
    }
}
