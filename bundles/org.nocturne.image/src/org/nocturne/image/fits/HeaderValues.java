package org.nocturne.image.fits;

import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;

/**
 * The keyword values of a FITS header as text, however the header was parsed: a string without its quotes, a number
 * or logical as written. What {@link FitsKeywords} reads metadata from.
 */
@FunctionalInterface
interface HeaderValues {

    /** The value of {@code key}, or null when the header has no such keyword or it has no value. */
    String text(String key);

    /** The values of a header nom-tam-fits parsed. */
    static HeaderValues of(Header header) {
        return key -> {
            HeaderCard card = header.findCard(key);
            return card == null ? null : card.getValue();
        };
    }
}
