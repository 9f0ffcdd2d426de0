package org.nocturne.catalog.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Folds designations, names and what the user types to one comparable form, so that "M 31", "m31", "Messier 31"
 * and "M031" meet, as do "NGC 224" and "ngc0224", "α UMi" and "alpha umi" or "alp UMi", "Mairan's" and "mairans":
 * lower case, accents and punctuation and spaces dropped, Greek letters spelled out, leading zeros of catalog numbers
 * dropped.
 */
final class SearchText {

    private static final Map<String, String> GREEK = Map.ofEntries(Map.entry("α", "alpha"), Map.entry("β", "beta"),
            Map.entry("γ", "gamma"), Map.entry("δ", "delta"), Map.entry("ε", "epsilon"), Map.entry("ζ", "zeta"),
            Map.entry("η", "eta"), Map.entry("θ", "theta"), Map.entry("ι", "iota"), Map.entry("κ", "kappa"),
            Map.entry("λ", "lambda"), Map.entry("μ", "mu"), Map.entry("ν", "nu"), Map.entry("ξ", "xi"),
            Map.entry("ο", "omicron"), Map.entry("π", "pi"), Map.entry("ρ", "rho"), Map.entry("σ", "sigma"),
            Map.entry("τ", "tau"), Map.entry("υ", "upsilon"), Map.entry("φ", "phi"), Map.entry("χ", "chi"),
            Map.entry("ψ", "psi"), Map.entry("ω", "omega"));
    /** The three-letter Bayer abbreviations of the Yale and Hipparcos catalogs, spelled out. */
    private static final Map<String, String> BAYER_ABBREVIATIONS = Map.ofEntries(Map.entry("alp", "alpha"),
            Map.entry("bet", "beta"), Map.entry("gam", "gamma"), Map.entry("del", "delta"), Map.entry("eps", "epsilon"),
            Map.entry("zet", "zeta"), Map.entry("the", "theta"), Map.entry("iot", "iota"), Map.entry("kap", "kappa"),
            Map.entry("lam", "lambda"), Map.entry("omi", "omicron"), Map.entry("sig", "sigma"), Map.entry("ups", "upsilon"),
            Map.entry("ome", "omega"));
    /** A Bayer designation typed the catalog way: "alp umi", "the1 ori". */
    private static final Pattern ABBREVIATED_BAYER = Pattern.compile("^([a-z]{3})(\\d? ?[a-z]{3})$");
    private static final Pattern LEADING_ZEROS = Pattern.compile("(?<=[a-z])0+(?=[1-9])");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]");

    private SearchText() {
    }

    static String fold(String text) {
        String lower = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        StringBuilder spelled = new StringBuilder(lower.length() + 8);
        lower.codePoints().forEach(c -> {
            String letter = new String(Character.toChars(c));
            spelled.append(GREEK.getOrDefault(letter, letter));
        });
        String words = spelled.toString().replace("messier", "m");
        var bayer = ABBREVIATED_BAYER.matcher(words);
        if (bayer.matches() && BAYER_ABBREVIATIONS.containsKey(bayer.group(1))) {
            words = BAYER_ABBREVIATIONS.get(bayer.group(1)) + bayer.group(2);
        }
        String compact = NOT_ALPHANUMERIC.matcher(words).replaceAll("");
        return LEADING_ZEROS.matcher(compact).replaceAll("");
    }
}
