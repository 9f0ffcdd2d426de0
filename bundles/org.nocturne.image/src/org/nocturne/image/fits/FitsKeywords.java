package org.nocturne.image.fits;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.nocturne.core.angle.Sexagesimal;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObservedPlace;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.sky.TopocentricSky;
import org.nocturne.image.BayerPattern;
import org.nocturne.image.CameraSettings;
import org.nocturne.image.FocuserState;
import org.nocturne.image.FrameMetadata;
import org.nocturne.image.ImageType;
import org.nocturne.image.Optics;
import org.nocturne.image.PierSide;
import org.nocturne.image.RotatorState;
import org.nocturne.image.SipDistortion;
import org.nocturne.image.Weather;
import org.nocturne.image.Wcs;

import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.HeaderCardException;

/**
 * Frame metadata to and from FITS header keywords: N.I.N.A.'s full set (the de-facto standard that PixInsight, Siril
 * and ASTAP read) plus {@code PIERSIDE} and a TAN WCS. Reading is forgiving: it takes the synonyms other programs
 * write ({@code EXPOSURE}/{@code EXPTIME}, {@code CCD-TEMP}/{@code CCD_TEMP}, {@code FOCPOS}/{@code FOCUSPOS}),
 * numbers or sexagesimal strings for angles, and ignores a keyword it cannot parse rather than refusing the frame.
 */
final class FitsKeywords {

    static final String CREATOR = "Nocturne 0.1";
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);
    private static final double MJD_OF_UNIX_EPOCH = 40587.0;

    private FitsKeywords() {
    }

    /** Adds the metadata's keywords (and {@code BAYERPAT} when given) to a header whose image cards are already set. */
    static void write(Header header, FrameMetadata m, BayerPattern bayer) throws HeaderCardException {
        header.addValue("SWCREATE", CREATOR, "Software that created this file");
        header.addValue("ROWORDER", "TOP-DOWN", "Order of the rows in the image array");
        if (m.imageType() != null) {
            header.addValue("IMAGETYP", m.imageType().keyword(), "Type of exposure");
        }
        number(header, "EXPOSURE", m.exposureSeconds(), "[s] Exposure duration");
        number(header, "EXPTIME", m.exposureSeconds(), "[s] Exposure duration");
        if (m.startTime() != null) {
            header.addValue("DATE-OBS", ISO_MILLIS.format(m.startTime().atOffset(ZoneOffset.UTC)), "Time of observation start (UTC)");
            header.addValue("DATE-LOC", ISO_MILLIS.format(m.startTime().atZone(ZoneId.systemDefault())), "Time of observation start (local)");
            header.addValue("MJD-OBS", mjd(m.startTime()), "[d] Modified Julian Date of observation start");
        }
        if (m.midExposure() != null) {
            header.addValue("DATE-AVG", ISO_MILLIS.format(m.midExposure().atOffset(ZoneOffset.UTC)), "Time of mid-exposure (UTC)");
            header.addValue("MJD-AVG", mjd(m.midExposure()), "[d] Modified Julian Date of mid-exposure");
        }
        ObserverSite site = m.site();
        if (site != null) {
            header.addValue("SITEELEV", site.elevationMeters(), "[m] Observation site elevation");
            header.addValue("SITELAT", site.latitudeDegrees(), "[deg] Observation site latitude");
            header.addValue("SITELONG", site.longitudeDegrees(), "[deg] Observation site longitude, east positive");
            header.addValue("SITENAME", site.name(), "Observation site name");
            header.addValue("OBSERVAT", site.name(), "Observatory");
        }
        text(header, "OBSERVER", m.observer(), "Observer");
        text(header, "OBJECT", m.objectName(), "Name of the object of interest");
        if (m.target() != null) {
            header.addValue("OBJCTRA", hoursForFits(m.target().raHours()), "[H M S] RA of the target (J2000)");
            header.addValue("OBJCTDEC", degreesForFits(m.target().decDegrees()), "[D M S] Declination of the target (J2000)");
        }
        number(header, "OBJCTROT", m.targetRotationDegrees(), "[deg] Planned rotation of the object");
        if (m.pointing() != null) {
            header.addValue("EQUINOX", 2000.0, "Equinox of the celestial coordinates");
            header.addValue("RA", m.pointing().raHours() * 15.0, "[deg] RA of the telescope (J2000)");
            header.addValue("DEC", m.pointing().decDegrees(), "[deg] Declination of the telescope (J2000)");
            writeHorizontal(header, m);
        }
        if (m.pierSide() != null) {
            header.addValue("PIERSIDE", m.pierSide().name(), "Side of the pier the telescope was on");
        }
        writeCamera(header, m.camera());
        if (bayer != null) {
            header.addValue("BAYERPAT", bayer.name(), "Bayer colour pattern of the first row");
            header.addValue("XBAYROFF", 0, "X offset of the Bayer array");
            header.addValue("YBAYROFF", 0, "Y offset of the Bayer array");
        }
        Optics optics = m.optics();
        if (optics != null) {
            text(header, "TELESCOP", optics.telescope(), "Name of the telescope");
            number(header, "FOCALLEN", optics.focalLengthMm(), "[mm] Focal length");
            number(header, "FOCRATIO", optics.focalRatio(), "Focal ratio");
        }
        text(header, "FWHEEL", m.filterWheel(), "Filter wheel name");
        text(header, "FILTER", m.filter(), "Active filter name");
        FocuserState focuser = m.focuser();
        if (focuser != null) {
            text(header, "FOCNAME", focuser.name(), "Focusing equipment name");
            integer(header, "FOCPOS", focuser.position(), "[step] Focuser position");
            integer(header, "FOCUSPOS", focuser.position(), "[step] Focuser position");
            number(header, "FOCUSSZ", focuser.stepSizeMicrons(), "[um] Focuser step size");
            number(header, "FOCTEMP", focuser.temperature(), "[degC] Focuser temperature");
            number(header, "FOCUSTEM", focuser.temperature(), "[degC] Focuser temperature");
        }
        RotatorState rotator = m.rotator();
        if (rotator != null) {
            text(header, "ROTNAME", rotator.name(), "Rotator equipment name");
            number(header, "ROTATOR", rotator.mechanicalAngle(), "[deg] Mechanical rotator angle");
            number(header, "ROTATANG", rotator.mechanicalAngle(), "[deg] Mechanical rotator angle");
            number(header, "ROTSTPSZ", rotator.stepSizeDegrees(), "[deg] Rotator step size");
        }
        writeWeather(header, m.weather());
        if (m.wcs() != null) {
            writeWcs(header, m.wcs());
        }
    }

    private static void writeHorizontal(Header header, FrameMetadata m) throws HeaderCardException {
        Instant when = m.midExposure() != null ? m.midExposure() : m.startTime();
        if (m.site() == null || when == null) {
            return;
        }
        ObservedPlace place = new TopocentricSky(m.site()).observe(m.pointing(), AstroTime.of(when));
        header.addValue("CENTALT", place.altitudeDegrees(), "[deg] Altitude of the telescope");
        header.addValue("CENTAZ", place.azimuthDegrees(), "[deg] Azimuth of the telescope");
        if (place.altitudeDegrees() > 0) {
            double h = place.altitudeDegrees();
            // Pickering (2002): good to the horizon, unlike sec z.
            double airmass = 1.0 / Math.sin(Math.toRadians(h + 244.0 / (165.0 + 47.0 * Math.pow(h, 1.1))));
            header.addValue("AIRMASS", airmass, "Airmass at the telescope position (Pickering 2002)");
        }
    }

    private static void writeCamera(Header header, CameraSettings c) throws HeaderCardException {
        if (c == null) {
            return;
        }
        text(header, "INSTRUME", c.name(), "Imaging instrument name");
        text(header, "CAMERAID", c.name(), "Imaging instrument identifier");
        integer(header, "XBINNING", c.binX(), "X axis binning factor");
        integer(header, "YBINNING", c.binY(), "Y axis binning factor");
        integer(header, "GAIN", c.gain(), "Sensor gain");
        integer(header, "OFFSET", c.offset(), "Sensor gain offset");
        number(header, "EGAIN", c.electronsPerAdu(), "[e-/ADU] Electrons per A/D unit");
        number(header, "XPIXSZ", c.pixelSizeX(), "[um] Pixel X axis size");
        number(header, "YPIXSZ", c.pixelSizeY(), "[um] Pixel Y axis size");
        number(header, "SET-TEMP", c.setTemperature(), "[degC] CCD temperature setpoint");
        number(header, "CCD-TEMP", c.sensorTemperature(), "[degC] CCD temperature");
        text(header, "READOUTM", c.readoutMode(), "Sensor readout mode");
        integer(header, "USBLIMIT", c.usbLimit(), "Camera-specific USB setting");
    }

    private static void writeWeather(Header header, Weather w) throws HeaderCardException {
        if (w == null) {
            return;
        }
        number(header, "CLOUDCVR", w.cloudCover(), "[percent] Cloud cover");
        number(header, "DEWPOINT", w.dewPoint(), "[degC] Dew point");
        number(header, "HUMIDITY", w.humidity(), "[percent] Relative humidity");
        number(header, "PRESSURE", w.pressure(), "[hPa] Air pressure");
        number(header, "SKYBRGHT", w.skyBrightness(), "[lux] Sky brightness");
        number(header, "MPSAS", w.skyQuality(), "[mags/arcsec^2] Sky quality");
        number(header, "SKYTEMP", w.skyTemperature(), "[degC] Sky temperature");
        number(header, "STARFWHM", w.starFwhm(), "Star FWHM");
        number(header, "AMBTEMP", w.ambientTemperature(), "[degC] Ambient air temperature");
        number(header, "WINDDIR", w.windDirection(), "[deg] Wind direction: 0=N, 180=S, 90=E, 270=W");
        number(header, "WINDGUST", w.windGust(), "[m/s] Wind gust");
        number(header, "WINDSPD", w.windSpeed(), "[m/s] Wind speed");
    }

    private static void writeWcs(Header header, Wcs wcs) throws HeaderCardException {
        String suffix = wcs.sip() == null ? "" : "-SIP";
        header.addValue("CTYPE1", "RA---TAN" + suffix, "Gnomonic projection" + (suffix.isEmpty() ? "" : " with SIP distortion"));
        header.addValue("CTYPE2", "DEC--TAN" + suffix, "Gnomonic projection" + (suffix.isEmpty() ? "" : " with SIP distortion"));
        header.addValue("CUNIT1", "deg", "Unit of the coordinates");
        header.addValue("CUNIT2", "deg", "Unit of the coordinates");
        header.addValue("CRVAL1", wcs.crval1(), "[deg] RA at the reference pixel");
        header.addValue("CRVAL2", wcs.crval2(), "[deg] Declination at the reference pixel");
        header.addValue("CRPIX1", wcs.crpix1(), "X of the reference pixel");
        header.addValue("CRPIX2", wcs.crpix2(), "Y of the reference pixel");
        header.addValue("CD1_1", wcs.cd11(), "[deg/px] Transformation matrix");
        header.addValue("CD1_2", wcs.cd12(), "[deg/px] Transformation matrix");
        header.addValue("CD2_1", wcs.cd21(), "[deg/px] Transformation matrix");
        header.addValue("CD2_2", wcs.cd22(), "[deg/px] Transformation matrix");
        if (wcs.sip() != null) {
            writeSip(header, wcs.sip());
        }
    }

    /** Removes every world-coordinate keyword from {@code header} (TAN, SIP, CDELT/CROTA, PC) and writes {@code wcs}. */
    static void replaceWcs(Header header, Wcs wcs) throws HeaderCardException {
        header.deleteKey("WCSAXES");
        for (String prefix : new String[] { "CTYPE", "CUNIT", "CRVAL", "CRPIX", "CDELT", "CROTA" }) {
            header.deleteKey(prefix + "1");
            header.deleteKey(prefix + "2");
        }
        for (String key : new String[] { "CD1_1", "CD1_2", "CD2_1", "CD2_2", "PC1_1", "PC1_2", "PC2_1", "PC2_2",
                "LONPOLE", "LATPOLE", "A_ORDER", "B_ORDER", "AP_ORDER", "BP_ORDER" }) {
            header.deleteKey(key);
        }
        for (int p = 0; p <= 9; p++) {
            for (int q = 0; p + q <= 9; q++) {
                for (String prefix : new String[] { "A_", "B_", "AP_", "BP_" }) {
                    header.deleteKey(prefix + p + "_" + q);
                }
            }
        }
        writeWcs(header, wcs);
    }

    private static void writeSip(Header header, SipDistortion sip) throws HeaderCardException {
        header.addValue("A_ORDER", sip.order(), "SIP polynomial order, axis 1");
        header.addValue("B_ORDER", sip.order(), "SIP polynomial order, axis 2");
        for (int p = 0; p <= sip.order(); p++) {
            for (int q = 0; p + q <= sip.order(); q++) {
                if (p + q >= 2) {
                    header.addValue("A_" + p + "_" + q, sip.a(p, q), "SIP distortion coefficient");
                    header.addValue("B_" + p + "_" + q, sip.b(p, q), "SIP distortion coefficient");
                }
            }
        }
    }

    /** The SIP distortion the header describes, or null when it has none or an order outside 2 to 9. */
    private static SipDistortion readSip(Header h) {
        Integer aOrder = integer(h, "A_ORDER");
        Integer bOrder = integer(h, "B_ORDER");
        if (aOrder == null || bOrder == null || aOrder < 2 || aOrder > 9 || bOrder < 2 || bOrder > 9) {
            return null;
        }
        SipDistortion sip = SipDistortion.zero(Math.max(aOrder, bOrder));
        for (int p = 0; p <= sip.order(); p++) {
            for (int q = 0; p + q <= sip.order(); q++) {
                Double a = p + q <= aOrder ? number(h, "A_" + p + "_" + q) : null;
                Double b = p + q <= bOrder ? number(h, "B_" + p + "_" + q) : null;
                if (a != null && p + q >= 2) {
                    sip = sip.withA(p, q, a);
                }
                if (b != null && p + q >= 2) {
                    sip = sip.withB(p, q, b);
                }
            }
        }
        return sip;
    }

    /** Reads what the header says about the frame. */
    static FrameMetadata read(Header h) {
        FrameMetadata.Builder m = FrameMetadata.builder();
        String type = string(h, "IMAGETYP", "FRAME");
        if (type != null) {
            m.imageType(ImageType.parse(type));
        }
        m.exposureSeconds(number(h, "EXPTIME", "EXPOSURE"));
        m.startTime(instant(string(h, "DATE-OBS")));
        m.objectName(string(h, "OBJECT"));
        Double objectRa = angle(h, "OBJCTRA");
        Double objectDec = angle(h, "OBJCTDEC");
        if (objectRa != null && objectDec != null && Math.abs(objectDec) <= 90) {
            m.target(Equatorial.ofHoursDegrees(objectRa, objectDec));
        }
        m.targetRotationDegrees(number(h, "OBJCTROT"));
        Double ra = number(h, "RA");
        Double dec = number(h, "DEC");
        if (ra != null && dec != null && Math.abs(dec) <= 90) {
            m.pointing(Equatorial.ofHoursDegrees(ra / 15.0, dec));
        }
        String pier = string(h, "PIERSIDE");
        if (pier != null && (pier.equalsIgnoreCase("EAST") || pier.equalsIgnoreCase("WEST"))) {
            m.pierSide(PierSide.valueOf(pier.toUpperCase(Locale.ROOT)));
        }
        Double latitude = angle(h, "SITELAT", "LAT-OBS");
        Double longitude = angle(h, "SITELONG", "LONG-OBS");
        if (latitude != null && longitude != null && Math.abs(latitude) <= 90) {
            double east = longitude > 180 ? longitude - 360 : longitude;
            Double elevation = number(h, "SITEELEV", "ALT-OBS");
            String name = string(h, "SITENAME", "OBSERVAT");
            try {
                m.site(new ObserverSite(name == null || name.isBlank() ? "Site of the frame" : name, latitude, east,
                        elevation == null ? 0.0 : elevation));
            } catch (IllegalArgumentException outOfRange) {
                // a site the header gets wrong is left out, not fatal
            }
        }
        m.observer(string(h, "OBSERVER"));
        m.camera(new CameraSettings(string(h, "INSTRUME", "CAMERAID"), integer(h, "XBINNING", "BINNING"),
                integer(h, "YBINNING", "BINNING"), integer(h, "GAIN"), integer(h, "OFFSET"), number(h, "EGAIN"),
                number(h, "XPIXSZ", "PIXSIZE1"), number(h, "YPIXSZ", "PIXSIZE2"), number(h, "SET-TEMP"),
                number(h, "CCD-TEMP", "CCD_TEMP"), string(h, "READOUTM"), integer(h, "USBLIMIT")));
        m.optics(new Optics(string(h, "TELESCOP"), number(h, "FOCALLEN"), number(h, "FOCRATIO")));
        m.filterWheel(string(h, "FWHEEL"));
        m.filter(string(h, "FILTER"));
        m.focuser(new FocuserState(string(h, "FOCNAME"), integer(h, "FOCPOS", "FOCUSPOS"), number(h, "FOCUSSZ"),
                number(h, "FOCTEMP", "FOCUSTEM")));
        m.rotator(new RotatorState(string(h, "ROTNAME"), number(h, "ROTATOR", "ROTATANG"), number(h, "ROTSTPSZ")));
        m.weather(new Weather(number(h, "CLOUDCVR"), number(h, "DEWPOINT"), number(h, "HUMIDITY"), number(h, "PRESSURE"),
                number(h, "SKYBRGHT"), number(h, "MPSAS"), number(h, "SKYTEMP"), number(h, "STARFWHM"),
                number(h, "AMBTEMP"), number(h, "WINDDIR"), number(h, "WINDGUST"), number(h, "WINDSPD")));
        m.wcs(readWcs(h));
        return m.build();
    }

    /**
     * The TAN or TAN-SIP world coordinates the header describes (CRVAL, CRPIX and a CD matrix; SIP when CTYPE says
     * so), or null when it has none.
     */
    static Wcs readWcs(Header h) {
        String ctype1 = string(h, "CTYPE1");
        Double crval1 = number(h, "CRVAL1");
        Double crval2 = number(h, "CRVAL2");
        Double crpix1 = number(h, "CRPIX1");
        Double crpix2 = number(h, "CRPIX2");
        Double cd11 = number(h, "CD1_1");
        Double cd12 = number(h, "CD1_2");
        Double cd21 = number(h, "CD2_1");
        Double cd22 = number(h, "CD2_2");
        if (ctype1 == null || !ctype1.startsWith("RA---TAN") || crval1 == null || crval2 == null || crpix1 == null
                || crpix2 == null || cd11 == null || cd22 == null) {
            return null;
        }
        SipDistortion sip = ctype1.endsWith("-SIP") ? readSip(h) : null;
        return new Wcs(crval1, crval2, crpix1, crpix2, cd11, cd12 == null ? 0 : cd12, cd21 == null ? 0 : cd21, cd22, sip);
    }

    static String hoursForFits(double hours) {
        long hundredths = Math.round((((hours % 24) + 24) % 24) * 360000.0) % (24L * 360000L);
        return String.format(Locale.ROOT, "%02d %02d %05.2f", hundredths / 360000, (hundredths / 6000) % 60, (hundredths % 6000) / 100.0);
    }

    static String degreesForFits(double degrees) {
        long tenths = Math.round(Math.abs(degrees) * 36000.0);
        char sign = degrees < 0 && tenths != 0 ? '-' : '+';
        return String.format(Locale.ROOT, "%c%02d %02d %04.1f", sign, tenths / 36000, (tenths / 600) % 60, (tenths % 600) / 10.0);
    }

    private static double mjd(Instant instant) {
        return MJD_OF_UNIX_EPOCH + (instant.getEpochSecond() + instant.getNano() * 1e-9) / 86400.0;
    }

    private static void text(Header header, String key, String value, String comment) throws HeaderCardException {
        if (value != null && !value.isBlank()) {
            header.addValue(key, value, comment);
        }
    }

    private static void number(Header header, String key, Double value, String comment) throws HeaderCardException {
        if (value != null && Double.isFinite(value)) {
            header.addValue(key, value, comment);
        }
    }

    private static void integer(Header header, String key, Integer value, String comment) throws HeaderCardException {
        if (value != null) {
            header.addValue(key, value, comment);
        }
    }

    /** The first of the keys that the header has, as text (string or not), or null. */
    private static String string(Header h, String... keys) {
        for (String key : keys) {
            HeaderCard card = h.findCard(key);
            if (card != null && card.getValue() != null && !card.getValue().isBlank()) {
                return card.getValue().trim();
            }
        }
        return null;
    }

    private static Double number(Header h, String... keys) {
        String text = string(h, keys);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.replace('D', 'E').replace('d', 'e'));
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(Header h, String... keys) {
        Double value = number(h, keys);
        return value == null ? null : (int) Math.round(value);
    }

    /** A number, or a sexagesimal string ("05 35 17.3", "+51:28:38"), in the units written. */
    private static Double angle(Header h, String... keys) {
        Double number = number(h, keys);
        if (number != null) {
            return number;
        }
        String text = string(h, keys);
        if (text == null) {
            return null;
        }
        try {
            return Sexagesimal.parse(text, keys[0]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            String iso = text.length() == 10 ? text + "T00:00:00" : text;
            return LocalDateTime.parse(iso.endsWith("Z") ? iso.substring(0, iso.length() - 1) : iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
