package org.nocturne.image;

import java.time.Instant;

import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObserverSite;

/**
 * What travels with a frame: how, when, where and of what it was taken. Immutable; every component may be null when
 * unknown (the FITS writer then leaves its keywords out). Build with {@link #builder()}, change with {@link #toBuilder()}.
 *
 * @param imageType light, dark, bias, flat... ({@code IMAGETYP})
 * @param startTime start of the exposure, UTC ({@code DATE-OBS})
 * @param exposureSeconds exposure time in seconds ({@code EXPTIME}, {@code EXPOSURE})
 * @param objectName target name ({@code OBJECT})
 * @param target the target's ICRS/J2000 position ({@code OBJCTRA}, {@code OBJCTDEC})
 * @param targetRotationDegrees requested sky position angle of the frame ({@code OBJCTROT})
 * @param pointing where the mount reported it pointed, ICRS/J2000 ({@code RA}, {@code DEC})
 * @param pierSide side of the pier ({@code PIERSIDE})
 * @param site observing site ({@code SITELAT}, {@code SITELONG}, {@code SITEELEV}, {@code SITENAME})
 * @param observer observer's name ({@code OBSERVER})
 * @param camera camera settings
 * @param optics telescope
 * @param filterWheel filter wheel name ({@code FWHEEL})
 * @param filter filter name ({@code FILTER})
 * @param focuser focuser state
 * @param rotator rotator state
 * @param weather conditions
 * @param wcs world coordinates after a successful plate solve
 */
public record FrameMetadata(ImageType imageType, Instant startTime, Double exposureSeconds, String objectName,
        Equatorial target, Double targetRotationDegrees, Equatorial pointing, PierSide pierSide, ObserverSite site,
        String observer, CameraSettings camera, Optics optics, String filterWheel, String filter, FocuserState focuser,
        RotatorState rotator, Weather weather, Wcs wcs) {

    /** Nothing known. */
    public static final FrameMetadata EMPTY = builder().build();

    /** Arc-seconds per radian over µm per mm: a pixel of p µm at f mm spans 206.265·p/f arc-seconds. */
    private static final double ARCSEC_PER_MICRON_PER_MM = 206.264806;

    /**
     * The frame's pixel scale in arc-seconds per pixel: the one a plate solve measured, or else the one the pixel size
     * (binning included) and focal length give; NaN when the metadata have neither.
     */
    public double arcsecPerPixel() {
        if (wcs != null) {
            return wcs.scaleArcsecPerPixel();
        }
        if (camera == null || optics == null || camera.pixelSizeX() == null || optics.focalLengthMm() == null
                || !(camera.pixelSizeX() > 0) || !(optics.focalLengthMm() > 0)) {
            return Double.NaN;
        }
        return ARCSEC_PER_MICRON_PER_MM * camera.pixelSizeX() / optics.focalLengthMm();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().imageType(imageType).startTime(startTime).exposureSeconds(exposureSeconds)
                .objectName(objectName).target(target).targetRotationDegrees(targetRotationDegrees).pointing(pointing)
                .pierSide(pierSide).site(site).observer(observer).camera(camera).optics(optics).filterWheel(filterWheel)
                .filter(filter).focuser(focuser).rotator(rotator).weather(weather).wcs(wcs);
    }

    /** Mid-exposure instant, or null when start or exposure is unknown. */
    public Instant midExposure() {
        if (startTime == null || exposureSeconds == null) {
            return null;
        }
        return startTime.plusNanos(Math.round(exposureSeconds * 0.5e9));
    }

    /** Collects the components of a {@link FrameMetadata}; not thread-safe. */
    public static final class Builder {
        private ImageType imageType;
        private Instant startTime;
        private Double exposureSeconds;
        private String objectName;
        private Equatorial target;
        private Double targetRotationDegrees;
        private Equatorial pointing;
        private PierSide pierSide;
        private ObserverSite site;
        private String observer;
        private CameraSettings camera;
        private Optics optics;
        private String filterWheel;
        private String filter;
        private FocuserState focuser;
        private RotatorState rotator;
        private Weather weather;
        private Wcs wcs;

        private Builder() {
        }

        public Builder imageType(ImageType value) { imageType = value; return this; }
        public Builder startTime(Instant value) { startTime = value; return this; }
        public Builder exposureSeconds(Double value) { exposureSeconds = value; return this; }
        public Builder objectName(String value) { objectName = value; return this; }
        public Builder target(Equatorial value) { target = value; return this; }
        public Builder targetRotationDegrees(Double value) { targetRotationDegrees = value; return this; }
        public Builder pointing(Equatorial value) { pointing = value; return this; }
        public Builder pierSide(PierSide value) { pierSide = value; return this; }
        public Builder site(ObserverSite value) { site = value; return this; }
        public Builder observer(String value) { observer = value; return this; }
        public Builder camera(CameraSettings value) { camera = value; return this; }
        public Builder optics(Optics value) { optics = value; return this; }
        public Builder filterWheel(String value) { filterWheel = value; return this; }
        public Builder filter(String value) { filter = value; return this; }
        public Builder focuser(FocuserState value) { focuser = value; return this; }
        public Builder rotator(RotatorState value) { rotator = value; return this; }
        public Builder weather(Weather value) { weather = value; return this; }
        public Builder wcs(Wcs value) { wcs = value; return this; }

        public FrameMetadata build() {
            return new FrameMetadata(imageType, startTime, exposureSeconds, objectName, target, targetRotationDegrees,
                    pointing, pierSide, site, observer, camera, optics, filterWheel, filter, focuser, rotator, weather, wcs);
        }
    }
}
