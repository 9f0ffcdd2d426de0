package org.nocturne.image;

/**
 * The telescope. Components may be null when unknown.
 *
 * @param telescope name ({@code TELESCOP})
 * @param focalLengthMm focal length in mm ({@code FOCALLEN})
 * @param focalRatio focal ratio ({@code FOCRATIO})
 */
public record Optics(String telescope, Double focalLengthMm, Double focalRatio) {
}
