package org.nocturne.device.lx200;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** LX200 coordinate text both ways in every precision, and the site and clock commands' sign conventions. */
class Lx200CoordinatesTest {

    private static double hms(int h, int m, double s) {
        return h + m / 60.0 + s / 3600.0;
    }

    @Test
    void rightAscensionRoundsToThePrecisionsLastDigitCarryingIntoMinutesHoursAndTheWrap() {
        assertEquals("02:00:00", Lx200Coordinates.formatRa(hms(1, 59, 59.95), Lx200Precision.HIGH));
        assertEquals("01:59:59", Lx200Coordinates.formatRa(hms(1, 59, 59.49), Lx200Precision.HIGH));
        assertEquals("00:00:00", Lx200Coordinates.formatRa(hms(23, 59, 59.7), Lx200Precision.HIGH));
        assertEquals("23:59:56", Lx200Coordinates.formatRa(-0.001, Lx200Precision.HIGH));
        assertEquals("01:00:00", Lx200Coordinates.formatRa(25, Lx200Precision.HIGH));
        assertEquals("12:34.9", Lx200Coordinates.formatRa(hms(12, 34, 56), Lx200Precision.LOW));
        assertEquals("02:00.0", Lx200Coordinates.formatRa(hms(1, 59, 57), Lx200Precision.LOW));
        assertEquals("00:00.0", Lx200Coordinates.formatRa(hms(23, 59, 58), Lx200Precision.LOW));
        assertEquals("05:06:07.13", Lx200Coordinates.formatRa(hms(5, 6, 7.126), Lx200Precision.ULTRA));
        assertEquals("00:00:00.00", Lx200Coordinates.formatRa(hms(23, 59, 59.996), Lx200Precision.ULTRA));
    }

    @Test
    void declinationKeepsTheSignOfSmallNegativesAndDropsItWhenTheyRoundToZero() {
        assertEquals("-00*30:00", Lx200Coordinates.formatDec(-0.5, Lx200Precision.HIGH));
        assertEquals("-00*30", Lx200Coordinates.formatDec(-0.5, Lx200Precision.LOW));
        assertEquals("-00*00:01", Lx200Coordinates.formatDec(-0.6 / 3600, Lx200Precision.HIGH));
        assertEquals("+00*00:00", Lx200Coordinates.formatDec(-0.4 / 3600, Lx200Precision.HIGH));
        assertEquals("+46*00:00", Lx200Coordinates.formatDec(45 + 59 / 60.0 + 59.6 / 3600, Lx200Precision.HIGH));
        assertEquals("-12*20:44.2", Lx200Coordinates.formatDec(-12.3456, Lx200Precision.ULTRA));
        assertEquals("+90*00:00", Lx200Coordinates.formatDec(91, Lx200Precision.HIGH));
        assertEquals("-90*00", Lx200Coordinates.formatDec(-90, Lx200Precision.LOW));
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {"-00*30, -0.5", "-00*30:00, -0.5", "+00*00:00, 0", "+45\u00df30:15, 45.50416666666667", "-05\u00b010'20, -5.172222222222222",
            "+89*59:59.9, 89.99997222222222", "45*00, 45", "-90*00:00, -90"})
    void declinationsParseInEveryPrecisionAndDegreeSign(String text, double degrees) {
        assertEquals(degrees, Lx200Coordinates.parseDec(text), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"12:34.5, 12.575", "12:34:56, 12.582222222222223", "00:00:00.01, 0.0000027777777777777776", "23:59:59, 23.99972222222222",
            "1:02:03, 1.0341666666666667"})
    void rightAscensionsParseInEveryPrecision(String text, double hours) {
        assertEquals(hours, Lx200Coordinates.parseRa(text), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "24:00:00", "12:60:00", "12:00:60", "12-00-00", "ab:cd:ef", "12:34", "12:34:56:78"})
    void nonsenseRightAscensionsAreRefusedQuotingThem(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lx200Coordinates.parseRa(text));
        assertEquals(true, e.getMessage().contains("\"" + text + "\""), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+91*00:00", "+90*00:01", "+45*60", "+45*00:60", "45", "+45*00:00:00", "++45*00"})
    void nonsenseDeclinationsAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Lx200Coordinates.parseDec(text));
    }

    @Test
    void precisionIsReadFromTheRightAscensionFormat() {
        assertEquals(Lx200Precision.LOW, Lx200Coordinates.precisionOf("12:34.5"));
        assertEquals(Lx200Precision.HIGH, Lx200Coordinates.precisionOf("12:34:56"));
        assertEquals(Lx200Precision.ULTRA, Lx200Coordinates.precisionOf("12:34:56.78"));
    }

    @Test
    void formattedPositionsParseBackWithinHalfAStep() {
        Random random = new Random(7);
        for (Lx200Precision precision : Lx200Precision.values()) {
            for (int i = 0; i < 2000; i++) {
                double hours = random.nextDouble() * 24;
                double degrees = random.nextDouble() * 180 - 90;
                double raError = Math.abs(Math.IEEEremainder(Lx200Coordinates.parseRa(Lx200Coordinates.formatRa(hours, precision)) - hours, 24));
                double decError = Math.abs(Lx200Coordinates.parseDec(Lx200Coordinates.formatDec(degrees, precision)) - degrees);
                assertEquals(0, raError * 3600, precision.raRoundingSeconds() + 1e-6, precision + " RA " + hours);
                assertEquals(0, decError * 3600, precision.decRoundingArcsec() + 1e-6, precision + " dec " + degrees);
            }
        }
    }

    @Test
    void siteCommandsUseMeadesWestPositiveLongitudeAndHoursToAddToLocalTime() {
        assertEquals(":St+48*00#", Lx200SiteCommands.latitude(48));
        assertEquals(":St-33*52#", Lx200SiteCommands.latitude(-33.8667));
        assertEquals(":St+00*00#", Lx200SiteCommands.latitude(-0.001));
        assertEquals(":Sg349*00#", Lx200SiteCommands.longitude(11));
        assertEquals(":Sg071*30#", Lx200SiteCommands.longitude(-71.5));
        assertEquals(":Sg000*00#", Lx200SiteCommands.longitude(0.0001));
        assertEquals(":Sg180*00#", Lx200SiteCommands.longitude(180));
        assertEquals(":SG-01.0#", Lx200SiteCommands.utcOffset(ZoneOffset.ofHours(1)));
        assertEquals(":SG+05.0#", Lx200SiteCommands.utcOffset(ZoneOffset.ofHours(-5)));
        assertEquals(":SG-05.5#", Lx200SiteCommands.utcOffset(ZoneOffset.ofHoursMinutes(5, 30)));
        assertEquals(":SG+00.0#", Lx200SiteCommands.utcOffset(ZoneOffset.UTC));
        assertEquals(":SG-05.8#", Lx200SiteCommands.utcOffset(ZoneOffset.ofHoursMinutes(5, 45)));
        assertEquals(":SL21:05:09#", Lx200SiteCommands.localTime(LocalTime.of(21, 5, 9, 999_000_000)));
        assertEquals(":SC11/26/26#", Lx200SiteCommands.localDate(LocalDate.of(2026, 11, 26)));
    }

    @Test
    void theLocalTimeSentIsUtcRoundedToTheSecondAtTheOffsetTheMountWasGiven() {
        ZoneOffset nepal = ZoneOffset.ofHoursMinutes(5, 45);
        ZoneOffset carried = Lx200SiteCommands.carriedOffset(nepal);
        assertEquals(ZoneOffset.ofHoursMinutes(5, 48), carried, "what :SG-05.8# tells the mount");
        assertEquals(ZoneOffset.ofHours(-5), Lx200SiteCommands.carriedOffset(ZoneOffset.ofHours(-5)));
        assertEquals(LocalDateTime.of(2026, 11, 26, 17, 48, 1),
                Lx200SiteCommands.mountLocalTime(Instant.parse("2026-11-26T12:00:00.600Z"), carried), "nearest second, not truncated");
        assertEquals(LocalDateTime.of(2026, 11, 27, 0, 0, 0),
                Lx200SiteCommands.mountLocalTime(Instant.parse("2026-11-26T18:11:59.500Z"), carried), "rounding may turn the date");
    }

    @Test
    void axisRatesMapToTheNearestHandControllerSpeed() {
        assertEquals(Lx200MoveRate.FIND, Lx200MoveRate.nearest(0.5, 0.5));
        assertEquals(Lx200MoveRate.CENTERING, Lx200MoveRate.nearest(0.03, 0.5));
        assertEquals(Lx200MoveRate.GUIDE, Lx200MoveRate.nearest(0.002, 0.5));
        assertEquals(Lx200MoveRate.SLEW, Lx200MoveRate.nearest(3, 0.5));
        assertEquals(":RS#", Lx200MoveRate.SLEW.command());
    }

    @Test
    void answersAreQuotedEscapedAndCut() {
        assertEquals("12\\x7f\\x00\\x22ab", Lx200Connection.escape("12\u007f\u0000\"ab"));
        assertEquals("A".repeat(60) + "…", Lx200Connection.escape("A".repeat(200)));
        assertEquals("0.5 s", Lx200Connection.seconds(500));
        assertEquals("2 s", Lx200Connection.seconds(2000));
    }
}
