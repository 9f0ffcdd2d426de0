package org.nocturne.image;

/**
 * The focuser during the exposure. Components may be null when unknown.
 *
 * @param name focuser name ({@code FOCNAME})
 * @param position position in steps ({@code FOCPOS}, {@code FOCUSPOS})
 * @param stepSizeMicrons step size in µm ({@code FOCUSSZ})
 * @param temperature focuser temperature in °C ({@code FOCTEMP}, {@code FOCUSTEM})
 */
public record FocuserState(String name, Integer position, Double stepSizeMicrons, Double temperature) {
}
