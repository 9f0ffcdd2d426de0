package org.nocturne.solver.astap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.nocturne.image.Wcs;

/**
 * The {@code .ini} file ASTAP writes beside its answer: {@code KEY=VALUE} lines, {@code PLTSOLVD=T} or {@code F}; when
 * solved, the FITS WCS keywords (CRVAL, CRPIX, CDELT, CROTA, CD) as numbers; else an {@code ERROR} line; either way
 * maybe a {@code WARNING} line. Immutable.
 *
 * @param values the keys (upper case, trimmed) and their values (trimmed), in file order; the first of a repeated key
 */
record AstapIni(Map<String, String> values) {

    AstapIni {
        values = Map.copyOf(values);
    }

    /** Reads {@code file}; lines without {@code =} are left out. Blocks. */
    static AstapIni read(Path file) throws IOException {
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    static AstapIni parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.putIfAbsent(line.substring(0, equals).strip().toUpperCase(Locale.ROOT),
                        line.substring(equals + 1).strip());
            }
        }
        return new AstapIni(values);
    }

    /** Whether ASTAP says it solved the image ({@code PLTSOLVD=T}). */
    boolean solved() {
        return "T".equalsIgnoreCase(values.getOrDefault("PLTSOLVD", ""));
    }

    Optional<String> error() {
        return text("ERROR");
    }

    Optional<String> warning() {
        return text("WARNING");
    }

    /**
     * The solution: CRVAL, CRPIX and the CD matrix, or, where the CD matrix is missing, the matrix CDELT and CROTA2
     * describe (CD1_1 = CDELT1·cos ρ, CD1_2 = −CDELT2·sin ρ, CD2_1 = CDELT1·sin ρ, CD2_2 = CDELT2·cos ρ). Empty when
     * a value it needs is missing or not a number.
     */
    Optional<Wcs> wcs() {
        Double crval1 = number("CRVAL1");
        Double crval2 = number("CRVAL2");
        Double crpix1 = number("CRPIX1");
        Double crpix2 = number("CRPIX2");
        if (crval1 == null || crval2 == null || crpix1 == null || crpix2 == null) {
            return Optional.empty();
        }
        Double cd11 = number("CD1_1");
        Double cd12 = number("CD1_2");
        Double cd21 = number("CD2_1");
        Double cd22 = number("CD2_2");
        if (cd11 != null && cd12 != null && cd21 != null && cd22 != null) {
            return Optional.of(new Wcs(crval1, crval2, crpix1, crpix2, cd11, cd12, cd21, cd22));
        }
        Double cdelt1 = number("CDELT1");
        Double cdelt2 = number("CDELT2");
        Double crota2 = number("CROTA2");
        if (cdelt1 == null || cdelt2 == null || crota2 == null) {
            return Optional.empty();
        }
        double rho = Math.toRadians(crota2);
        return Optional.of(new Wcs(crval1, crval2, crpix1, crpix2, cdelt1 * Math.cos(rho), -cdelt2 * Math.sin(rho),
                cdelt1 * Math.sin(rho), cdelt2 * Math.cos(rho)));
    }

    private Optional<String> text(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private Double number(String key) {
        String value = values.get(key);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            return Double.isFinite(number) ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
