package org.nocturne.image;

/**
 * How the camera took the frame. Any component may be null when unknown.
 *
 * @param name camera name ({@code INSTRUME})
 * @param binX horizontal binning ({@code XBINNING})
 * @param binY vertical binning ({@code YBINNING})
 * @param gain gain setting in the camera's own units ({@code GAIN})
 * @param offset offset (pedestal) setting ({@code OFFSET})
 * @param electronsPerAdu conversion gain in e⁻/ADU ({@code EGAIN})
 * @param pixelSizeX pixel width in µm, binning included ({@code XPIXSZ})
 * @param pixelSizeY pixel height in µm, binning included ({@code YPIXSZ})
 * @param setTemperature cooler set-point in °C ({@code SET-TEMP})
 * @param sensorTemperature sensor temperature during the exposure in °C ({@code CCD-TEMP})
 * @param readoutMode readout mode name ({@code READOUTM})
 * @param usbLimit USB bandwidth setting ({@code USBLIMIT})
 */
public record CameraSettings(String name, Integer binX, Integer binY, Integer gain, Integer offset, Double electronsPerAdu,
        Double pixelSizeX, Double pixelSizeY, Double setTemperature, Double sensorTemperature, String readoutMode,
        Integer usbLimit) {
}
