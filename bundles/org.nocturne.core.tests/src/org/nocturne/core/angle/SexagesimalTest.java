package org.nocturne.core.angle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SexagesimalTest {

    private static final double ONE_TENTH_ARCSECOND = 0.1 / 3600.0;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5 35 17.3       | 5.588138889",
            "05:35:17.3      | 5.588138889",
            "5h35m17.3s      | 5.588138889",
            "05h 35m 17.3s   | 5.588138889",
            "83.82           | 83.82",
            "-05°23'28\"     | -5.391111111",
            "-05° 23′ 28″    | -5.391111111",
            "-0 30 00        | -0.5",
            "+89 15 50.8     | 89.264111111",
            "12 30           | 12.5",
            "-12.5           | -12.5",
    })
    void parsesTheFormsUsersPaste(String text, double expected) {
        assertEquals(expected, Sexagesimal.parse(text, "Angle"), ONE_TENTH_ARCSECOND);
    }

    @Test
    void formatsHoursAndCarriesRoundedSeconds() {
        assertEquals("05h 35m 17.3s", Sexagesimal.formatHours(5.588138889));
        assertEquals("06h 00m 00.0s", Sexagesimal.formatHours(5.0 + 59.0 / 60 + 59.97 / 3600));
        assertEquals("00h 00m 00.0s", Sexagesimal.formatHours(23.999999999));
        assertEquals("23h 00m 00.0s", Sexagesimal.formatHours(-1.0));
    }

    @Test
    void formatsSignedDegrees() {
        assertEquals("+89° 15′ 51″", Sexagesimal.formatDegrees(89.264111111));
        assertEquals("-00° 30′ 00″", Sexagesimal.formatDegrees(-0.5));
        assertEquals("-05° 24′ 00″", Sexagesimal.formatDegrees(-5.399999));
        assertEquals("+00° 00′ 00″", Sexagesimal.formatDegrees(-0.00001));
    }

    @Test
    void formatsDegreesWithAHemisphere() {
        assertEquals("51° 28′ 37″ N", Sexagesimal.formatDegrees(51.4769, "N", "S"));
        assertEquals("0° 00′ 02″ W", Sexagesimal.formatDegrees(-0.0005, "E", "W"));
        assertEquals("0° 00′ 00″ E", Sexagesimal.formatDegrees(-0.00001, "E", "W"));
        assertEquals("149° 03′ 52″ E", Sexagesimal.formatDegrees(149.064444, "E", "W"));
    }

    @Test
    void formattedValuesParseBack() {
        for (double hours = 0.0; hours < 24.0; hours += 0.7531) {
            assertEquals(hours, Sexagesimal.parse(Sexagesimal.formatHours(hours), "RA"), 0.05 / 3600.0 + 1e-9);
        }
        for (double degrees = -90.0; degrees <= 90.0; degrees += 3.217) {
            assertEquals(degrees, Sexagesimal.parse(Sexagesimal.formatDegrees(degrees), "Dec"), 0.5 / 3600.0 + 1e-9);
        }
    }

    @Test
    void badInputNamesTheFieldAndTheText() {
        IllegalArgumentException notAnAngle = assertThrows(IllegalArgumentException.class,
                () -> Sexagesimal.parse("M42", "Right ascension"));
        assertTrue(notAnAngle.getMessage().startsWith("Right ascension \"M42\""), notAnAngle.getMessage());
        IllegalArgumentException minutes = assertThrows(IllegalArgumentException.class,
                () -> Sexagesimal.parse("5 61 00", "Declination"));
        assertTrue(minutes.getMessage().contains("minutes must be below 60"), minutes.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> Sexagesimal.parse("  ", "Latitude"));
        assertTrue(empty.getMessage().startsWith("Latitude is empty"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sexagesimal.parse("5.5 30 00", "RA"));
    }
}
